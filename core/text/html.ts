import { decodeHTML } from 'entities';
import { FilterXSS } from 'xss';

/** Tags kept in abstracts, descriptions and bios; everything else is dropped, its text kept. */
const ALLOWED_TAGS: Record<string, string[]> = {
  p: [], br: [], em: [], strong: [], b: [], i: [], u: [], s: [], code: [], pre: [], blockquote: [],
  ul: [], ol: [], li: [], h3: [], h4: [], h5: [], h6: [], hr: [], sub: [], sup: [], a: ['href', 'title'],
};
/** Headings above h3 compete with the app's own; they become h3. */
const HEADING_RENAMES: Record<string, string> = { h1: 'h3', h2: 'h3' };

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const HREF_ATTR = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
/** For each `<a>` open in the text being filtered: was it kept? (filter.process runs synchronously.) */
const openLinks: boolean[] = [];

function isSafeHref(match: RegExpExecArray | null): boolean {
  const value = match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
  return SAFE_HREF.test(decodeHTML(value).trim());
}

/** Runs the filter with a fresh record of open links. */
function filterHtml(html: string): string {
  openLinks.length = 0;
  return filter.process(html);
}

const filter = new FilterXSS({
  whiteList: ALLOWED_TAGS,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript', 'title', 'head'],
  allowCommentTag: false,
  onTag(tag, html, options) {
    // A link whose address is refused is no link at all: its text stays, the <a> goes
    // (an <a> without href would still look like a link).
    if (tag === 'a') {
      if (options.isClosing) return openLinks.pop() === false ? '' : undefined;
      const kept = isSafeHref(HREF_ATTR.exec(html));
      openLinks.push(kept);
      return kept ? undefined : '';
    }
    const renamed = HEADING_RENAMES[tag];
    if (renamed) return options.isClosing ? `</${renamed}>` : `<${renamed}>`;
    return undefined;
  },
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const href = decodeHTML(value).trim();
      return SAFE_HREF.test(href) ? `href="${escapeText(href)}"` : '';
    }
    return undefined;
  },
});

/**
 * Strings made only of text, entities, attribute-free allowed tags and plain http(s) links
 * (`<a href="https://…">` with no quote, angle bracket, `&` or space in the URL: nothing
 * the filter would change or refuse) need no filtering; attribute-free `<h1>` and `<h2>`
 * only the renaming the filter would do (HEADING_RENAMES).
 */
const SAFE_TAG = /<\/?(?:p|br|em|strong|b|i|u|s|code|pre|ul|ol|li|blockquote|h[1-6]|hr|sub|sup|a)\s*\/?>|<a href="https?:\/\/[^"'<>&\s]*">/iy;
const HIGH_HEADING = /<(\/?)h[12]\s*\/?>/gi;
const SAFE_ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/iy;

/**
 * True when every `<` starts an attribute-free allowed tag and every `&` an entity: the
 * same answer as matching `^(?:[^<&]|SAFE_TAG|SAFE_ENTITY)*$`, found by jumping from one
 * `<` or `&` to the next instead of stepping through every character.
 */
function isAlreadySafe(text: string): boolean {
  let lt = text.indexOf('<');
  let amp = text.indexOf('&');
  while (lt >= 0 || amp >= 0) {
    const isTag = lt >= 0 && (amp < 0 || lt < amp);
    const re = isTag ? SAFE_TAG : SAFE_ENTITY;
    re.lastIndex = isTag ? lt : amp;
    if (!re.test(text)) return false;
    const next = re.lastIndex;
    if (lt >= 0 && lt < next) lt = text.indexOf('<', next);
    if (amp >= 0 && amp < next) amp = text.indexOf('&', next);
  }
  return true;
}
const DOUBLE_ESCAPED = /&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s[^]*?)?&gt;/i;
const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;


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

/** Tags that lay text out in blocks; text with none of them keeps its own line breaks. */
const BLOCK_TAG = /<\/?(?:p|br|div|ul|ol|li|h[1-6]|pre|blockquote|table|tr|hr|dl|dd|dt|section|article)\b/i;

/**
 * Plain text with an inline tag or two (`Read <b>this</b>.\n\nThen that.`): its blank
 * lines are still paragraphs and its newlines still line breaks, as in plainToHtml; the
 * tags are left for the filter.
 */
function inlineHtmlToBlocks(text: string): string {
  if (!text.includes('\n') || BLOCK_TAG.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * How a feed writes a text field: `html` (FOSDEM, frab: HTML, or plain text when it has
 * no tags) or `markdown` (pretalx, the CCC hub). See README, "Rich text".
 */
export type TextMarkup = 'html' | 'markdown';

/**
 * Turns an abstract, description or bio written in HTML or plain text into safe HTML:
 * entities decoded (double-escaped ones too), markup reduced to a small allow-list, links
 * limited to http(s) and mailto, plain text given paragraphs. Returns undefined for empty
 * input. Markdown fields go through sanitizeFeedText (core/text/rich-text.ts), which passes
 * the Markdown converter in, so the UI, which only sanitises stored HTML again, does not
 * carry the converter.
 */
export function sanitizeRichText(raw: string | undefined | null, markdownToHtml?: (text: string) => string | undefined): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = undoDoubleEscaping(raw).trim();
  if (text.length === 0) return undefined;
  let html: string;
  const converted = markdownToHtml?.(text);
  if (converted !== undefined) {
    html = isAlreadySafe(converted) ? converted.replace(HIGH_HEADING, '<$1h3>') : filterHtml(converted);
  } else if (!LOOKS_LIKE_HTML.test(text)) html = plainToHtml(text);
  else {
    const blocks = inlineHtmlToBlocks(text);
    if (isAlreadySafe(blocks)) html = /<\/?h[12]/i.test(blocks) ? blocks.replace(HIGH_HEADING, '<$1h3>') : blocks;
    else html = filterHtml(blocks);
  }
  html = html.trim();
  return html.length > 0 && hasVisibleText(html) ? html : undefined;
}

const WHITESPACE = /\s/;

/**
 * Same answer as `htmlToText(html).length > 0`, without building the text: the first
 * character outside tags that is not whitespace decides. Entities, and a `<` inside a
 * tag, are left to htmlToText.
 */
function hasVisibleText(html: string): boolean {
  for (let i = 0; i < html.length; i += 1) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = html.indexOf('>', i + 1);
      if (close < 0) return true;
      const nested = html.indexOf('<', i + 1);
      if (nested >= 0 && nested < close) break;
      i = close;
    } else if (c === 38 /* & */) {
      break;
    } else if (!WHITESPACE.test(html[i]!)) {
      return true;
    }
  }
  return htmlToText(html).length > 0;
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
  if (!isCollapsed(text)) text = text.replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/** What `\s` matches beyond ASCII (JS WhiteSpace and LineTerminator). */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when `text.replace(/\s+/g, ' ').trim()` would return it unchanged (most titles and names). */
function isCollapsed(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else {
      if ((c >= 9 && c <= 13) || (c >= 0xa0 && isUnicodeSpace(c))) return false;
      prevSpace = false;
    }
  }
  return !prevSpace || text.length === 0;
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
