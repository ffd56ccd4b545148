import { Marked, type Tokens } from 'marked';

/**
 * Markdown → HTML for the text fields pretalx and the CCC hub write in Markdown (see
 * README, "Rich text"). The result is NOT safe by itself: sanitizeRichText passes it
 * through the same allow-list as any feed HTML (links only http(s)/mailto, no images, no
 * attributes but href and title). `marked` needs no DOM, so this runs in core/ anywhere.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const markdown = new Marked({
  // pretalx renders with nl2br: a single newline is a line break, as attendees typed it.
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Tables are not on the sanitiser's small allow-list: each row becomes a line of cells.
    table(token: Tokens.Table): string {
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => this.parser.parseInline(cell.tokens)).join(' | ');
      const header = `<strong>${row(token.header)}</strong>`;
      return `<p>${[header, ...token.rows.map(row)].join('<br>')}</p>\n`;
    },
    // Lanyard never loads a remote image: an image becomes a link to it, labelled by its alt text.
    image({ href, text }: Tokens.Image): string {
      const label = escapeHtml(text.trim() || 'image');
      return /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
  },
});

/**
 * Markdown parsers take quadratic time or deep recursion on some inputs (thousands of
 * intraword `_`, `>>>>…` quotes, lists indented ever deeper). Feed text is hostile, so
 * Markdown beyond these bounds is shown as plain text instead: nothing real comes near them.
 */
const MAX_CHARS = 20_000;
const MAX_DELIMITERS = 1_000;
const DELIMITERS = /[_*~`[\]]/g;
const DEEP_QUOTE = /^[ \t]*(?:>[ \t]*){8}/m;
const DEEP_LIST_ITEM = /^[ \t]{16,}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/gm;

function isTame(text: string): boolean {
  if (text.length > MAX_CHARS || DEEP_QUOTE.test(text)) return false;
  if ((text.match(DELIMITERS)?.length ?? 0) > MAX_DELIMITERS) return false;
  return (text.match(DEEP_LIST_ITEM)?.length ?? 0) <= 20;
}

/** Markdown text → HTML, for sanitizeRichText to clean; undefined when it is better shown as plain text (see isTame). */
export function markdownToHtml(text: string): string | undefined {
  if (!isTame(text)) return undefined;
  try {
    return markdown.parse(text, { async: false });
  } catch {
    return undefined;
  }
}
