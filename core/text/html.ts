import { decodeHTML } from 'entities';
import { FilterXSS, escapeAttrValue } from 'xss';

/** Tags kept in abstracts, descriptions and bios; everything else is dropped, its text kept. */
const ALLOWED_TAGS: Record<string, string[]> = {
  p: [], br: [], em: [], strong: [], b: [], i: [], u: [], s: [], code: [], pre: [], blockquote: [],
  ul: [], ol: [], li: [], h3: [], h4: [], h5: [], h6: [], hr: [], sub: [], sup: [], a: ['href', 'title'],
};
/** Headings above h3 compete with the app's own; they become h3. */
const HEADING_RENAMES: Record<string, string> = { h1: 'h3', h2: 'h3' };

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const filter = new FilterXSS({
  whiteList: ALLOWED_TAGS,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript', 'title', 'head'],
  allowCommentTag: false,
  onTag(tag, html, options) {
    const renamed = HEADING_RENAMES[tag];
    if (renamed) return options.isClosing ? `</${renamed}>` : `<${renamed}>`;
    return undefined;
  },
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const href = decodeHTML(value).trim();
      return SAFE_HREF.test(href) ? `href="${escapeAttrValue(href)}"` : '';
    }
    return undefined;
  },
});

/** Strings made only of text, entities and attribute-free allowed tags need no filtering. */
const ALREADY_SAFE = /^(?:[^<&]|<\/?(?:p|br|em|strong|b|i|u|code|pre|ul|ol|li|blockquote)\s*\/?>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)*$/i;
const DOUBLE_ESCAPED = /&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s[^]*?)?&gt;/i;
const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Undoes one extra level of escaping (`&amp;#39;` → `&#39;`, `&lt;p&gt;` → `<p>`). */
function undoDoubleEscaping(raw: string): string {
  let text = raw.includes('&amp;') ? raw.replace(DOUBLE_ESCAPED, '&$1;') : raw;
  if (!text.includes('<') && ESCAPED_TAG.test(text)) text = decodeHTML(text);
  return text;
}

/** Plain text → safe HTML: blank lines make paragraphs, single newlines line breaks. */
function plainToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return paragraphs.map((p) => `<p>${escapeText(decodeHTML(p)).replace(/\n/g, '<br>')}</p>`).join('');
}

/**
 * Turns an abstract, description or bio from any feed into safe HTML: entities decoded
 * (double-escaped ones too), markup reduced to a small allow-list, links limited to
 * http(s) and mailto, plain text given paragraphs. Returns undefined for empty input.
 */
export function sanitizeRichText(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = undoDoubleEscaping(raw).trim();
  if (text.length === 0) return undefined;
  let html: string;
  if (!LOOKS_LIKE_HTML.test(text)) html = plainToHtml(text);
  else if (ALREADY_SAFE.test(text)) html = text;
  else html = filter.process(text);
  html = html.trim();
  return html.length > 0 && htmlToText(html).length > 0 ? html : undefined;
}

/**
 * A one-line plain text field (title, name, room): entities decoded (twice when the feed
 * double-escaped them), whitespace collapsed. Markup is left as literal text: the app
 * renders these as text, never as HTML.
 */
export function cleanText(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  let text = raw;
  if (text.includes('&')) {
    text = decodeHTML(text);
    if (text.includes('&')) text = decodeHTML(text);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/** Safe HTML → plain text, for search, notifications and terminals. */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<(br|\/p|\/li|\/h\d|\/blockquote|\/pre)\s*\/?>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
