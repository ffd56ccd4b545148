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

/** Markdown text → HTML, for sanitizeRichText to clean. */
export function markdownToHtml(text: string): string {
  return markdown.parse(text, { async: false });
}
