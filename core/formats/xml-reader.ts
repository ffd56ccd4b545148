import { FeedError } from '../errors';
import { LIMITS } from '../limits';
import { ASCII_NAME, firstDisallowed, isIndent, isSpace, isWideNameChar, isWideNameStart, isXmlChar, lineAndColumn, shown } from './xml-chars';

/** A parsed XML element: just enough structure for schedule feeds. */
export interface XmlElement {
  name: string;
  /** Attribute values, whitespace-normalised and with references decoded; no prototype. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text and CDATA content, concatenated. */
  text: string;
  /** Line of the element's `<`. */
  line: number;
}

export interface ParseXmlOptions {
  /**
   * Called as each element closes, with its open ancestors (document node first). Returning
   * true drops the element from the tree: an importer that has read it lets it be garbage at
   * once instead of keeping the whole document alive.
   */
  onClose?: (element: XmlElement, ancestors: readonly XmlElement[]) => boolean;
}

/**
 * Prototype of every attribute map: an empty object that itself inherits nothing, so an
 * attribute map has no inherited members (`attrs.constructor` is an attribute or nothing)
 * yet stays a fast, small object, unlike one made by `Object.create(null)`.
 */
const ATTRS_PROTO: object = Object.freeze(Object.create(null) as object);
const newAttrs = (): Record<string, string> => Object.create(ATTRS_PROTO) as Record<string, string>;
/** Shared by every element without attributes; frozen, so no importer can write into it. */
const NO_ATTRS: Record<string, string> = Object.freeze(newAttrs());
/** Shared by every element until its first child arrives; frozen for the same reason. */
const NO_CHILDREN = Object.freeze<XmlElement[]>([]) as XmlElement[];
/** `\n` and 0–63 spaces: the indentation between tags of most feeds, kept once instead of sliced each time. */
const INDENTS: readonly string[] = Array.from({ length: 64 }, (_, n) => `\n${' '.repeat(n)}`);

const XML_DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const DECLARATIONS = /^<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const CR_NEWLINE = /\r\n?/g;
const ATTR_SPACE = /\r\n|[\t\n\r]/g;
const NUMERIC_REF = /^#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}))$/;

/**
 * A strict, non-validating XML 1.0 reader for schedule feeds, built for speed on large
 * documents (it jumps between `<`, `&` and line breaks with indexOf instead of stepping
 * through every character). What it refuses keeps hostile feeds harmless: any DOCTYPE or
 * markup declaration (so no entity is ever defined or expanded, and nothing external is
 * fetched), entities other than the five predefined ones, character references to
 * characters XML does not allow, and every well-formedness error, each reported with line
 * and column. Depth and element count are capped.
 */
class XmlReader {
  private readonly src: string;
  private readonly end: number;
  private readonly onClose: ParseXmlOptions['onClose'];
  private readonly document: XmlElement = { name: '#document', attrs: NO_ATTRS, children: NO_CHILDREN, text: '', line: 1 };
  private readonly stack: XmlElement[] = [this.document];
  private top: XmlElement = this.document;
  private count = 0;
  private hasRoot = false;
  /** Cached positions of the next `<`, `&`, `\r`, `]]>`, `\n` and tab at or after the reading position (reading only moves forward). */
  private nextLt = -1;
  private nextAmp = -1;
  private nextCr = -1;
  private nextCdataEnd = -1;
  private nextNl = -1;
  private nextNlInAttr = -1;
  private nextTab = -1;
  /** Line reached by lineOf, and (documents with a lone `\r` only) how far it has counted. */
  private line = 1;
  private lineScan = 0;
  /** Position of the first character XML does not allow; the end when there is none. */
  private readonly firstBadChar: number;
  private readonly hasLoneCr: boolean;
  /** Names seen, by first character (low 7 bits) and length (low 5 bits): see name(). */
  private readonly names: string[] = new Array<string>(4096).fill('');

  constructor(src: string, options: ParseXmlOptions) {
    this.src = src;
    this.end = src.length;
    this.onClose = options.onClose;
    this.firstBadChar = firstDisallowed(src);
    this.hasLoneCr = src.includes('\r') && /\r(?!\n)/.test(src);
  }

  read(): XmlElement {
    const { src, end } = this;
    let pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (src.startsWith('<?xml', pos) && (isSpace(src.charCodeAt(pos + 5)) || src.charCodeAt(pos + 5) === 63)) {
      XML_DECLARATION.lastIndex = pos;
      if (!XML_DECLARATION.test(src)) this.fail(pos, 'the XML declaration is malformed (expected <?xml version="1.x" encoding="…"?>)');
      pos = XML_DECLARATION.lastIndex;
    }
    while (pos < end) {
      const lt = this.ltFrom(pos);
      if (lt > pos) this.text(pos, lt);
      if (lt >= end) break;
      const next = src.charCodeAt(lt + 1);
      if (next === 47 /* / */) pos = this.closeTag(lt);
      else if (next === 33 /* ! */) pos = this.bang(lt);
      else if (next === 63 /* ? */) pos = this.instruction(lt);
      else pos = this.openTag(lt);
    }
    if (this.top !== this.document) {
      this.fail(end, `the document ends before <${this.top.name}> (line ${this.top.line}) is closed; it may have been cut short`);
    }
    if (this.firstBadChar < end) this.fail(this.firstBadChar, 'disallowed character');
    const root = this.document.children[0];
    if (!root) this.fail(end, 'the document has no root element');
    return root;
  }

  private ltFrom(pos: number): number {
    if (this.nextLt < pos) {
      const at = this.src.indexOf('<', pos);
      this.nextLt = at < 0 ? this.end : at;
    }
    return this.nextLt;
  }

  private ampFrom(pos: number): number {
    if (this.nextAmp < pos) {
      const at = this.src.indexOf('&', pos);
      this.nextAmp = at < 0 ? this.end : at;
    }
    return this.nextAmp;
  }

  private crFrom(pos: number): number {
    if (this.nextCr < pos) {
      const at = this.src.indexOf('\r', pos);
      this.nextCr = at < 0 ? this.end : at;
    }
    return this.nextCr;
  }

  private nlFrom(pos: number): number {
    if (this.nextNlInAttr < pos) {
      const at = this.src.indexOf('\n', pos);
      this.nextNlInAttr = at < 0 ? this.end : at;
    }
    return this.nextNlInAttr;
  }

  private tabFrom(pos: number): number {
    if (this.nextTab < pos) {
      const at = this.src.indexOf('\t', pos);
      this.nextTab = at < 0 ? this.end : at;
    }
    return this.nextTab;
  }

  /** Line of `pos`, counting line ends forward from the last position asked about. */
  private lineOf(pos: number): number {
    const { src } = this;
    if (this.hasLoneCr) {
      for (let i = this.lineScan; i < pos; i += 1) {
        const c = src.charCodeAt(i);
        if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) this.line += 1;
      }
      if (pos > this.lineScan) this.lineScan = pos;
      return this.line;
    }
    let nl = this.nextNl < 0 ? src.indexOf('\n') : this.nextNl;
    while (nl >= 0 && nl < pos) {
      this.line += 1;
      nl = src.indexOf('\n', nl + 1);
    }
    this.nextNl = nl < 0 ? this.end : nl;
    return this.line;
  }

  /** Character data from `from` to `to` (a `<` or the end). */
  private text(from: number, to: number): void {
    const { src } = this;
    if (this.top === this.document) {
      for (let i = from; i < to; i += 1) {
        if (!isSpace(src.charCodeAt(i))) this.fail(i, this.hasRoot ? 'text after the root element' : 'text before the root element');
      }
      return;
    }
    const length = to - from;
    if (length <= INDENTS.length && src.charCodeAt(from) === 10 && isIndent(src, from + 1, to)) {
      this.top.text += INDENTS[length - 1]!;
      return;
    }
    if (this.nextCdataEnd < from) {
      const at = src.indexOf(']]>', from);
      this.nextCdataEnd = at < 0 ? this.end : at;
    }
    if (this.nextCdataEnd < to) this.fail(this.nextCdataEnd, '"]]>" is not allowed in text');
    this.top.text += this.ampFrom(from) < to ? this.decode(from, to, false) : this.raw(from, to, false);
  }

  /** Source text with line ends normalised: `\r\n` and `\r` to `\n`, or in attributes every line end and tab to a space. */
  private raw(from: number, to: number, isAttr: boolean): string {
    const slice = this.src.slice(from, to);
    if (this.crFrom(from) < to) return isAttr ? slice.replace(ATTR_SPACE, ' ') : slice.replace(CR_NEWLINE, '\n');
    if (isAttr && (this.nlFrom(from) < to || this.tabFrom(from) < to)) return slice.replace(ATTR_SPACE, ' ');
    return slice;
  }

  /** Text or attribute value with entity and character references replaced. */
  private decode(from: number, to: number, isAttr: boolean): string {
    const { src } = this;
    let out = '';
    let at = from;
    for (let amp = this.ampFrom(from); amp < to; amp = this.ampFrom(at)) {
      const semi = src.indexOf(';', amp + 1);
      if (semi < 0 || semi >= to || semi - amp > 40) this.fail(amp, 'a bare "&" (write it as &amp;)');
      out += this.raw(at, amp, isAttr) + this.reference(src.slice(amp + 1, semi), amp);
      at = semi + 1;
    }
    return out + this.raw(at, to, isAttr);
  }

  private reference(name: string, pos: number): string {
    switch (name) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: break;
    }
    const numeric = NUMERIC_REF.exec(name);
    if (!numeric) {
      return this.fail(pos, `the entity &${name}; is not defined (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`);
    }
    const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 10) : Number.parseInt(numeric[2]!, 16);
    if (!isXmlChar(code)) return this.fail(pos, `&${name}; refers to a character XML does not allow`);
    return String.fromCodePoint(code);
  }

  /** The name from `from` to `to`, reusing the string of the last name of that first character and length. */
  private name(from: number, to: number): string {
    const { src } = this;
    const length = to - from;
    const key = ((src.charCodeAt(from) & 127) << 5) | (length & 31);
    const known = this.names[key]!;
    if (known.length === length && src.startsWith(known, from)) return known;
    const name = src.slice(from, to);
    this.names[key] = name;
    return name;
  }

  /** End of the XML name starting at `pos`; fails when none starts there (`what`, in `owner` when given). */
  private nameEnd(pos: number, what: string, owner?: XmlElement): number {
    const { src } = this;
    let i = pos;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c < 128) {
        if ((ASCII_NAME[c]! & (i === pos ? 1 : 2)) === 0) break;
        i += 1;
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        const low = src.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) break;
        i += 2;
      } else if (i === pos ? isWideNameStart(c) : isWideNameChar(c)) {
        i += 1;
      } else {
        break;
      }
    }
    if (i === pos) {
      const c = src.charCodeAt(pos);
      const where = owner ? `${what} in <${owner.name}>` : what;
      this.fail(pos, Number.isNaN(c) ? `the document ends inside ${where}; it may have been cut short` : `${shown(c)} cannot start ${where}`);
    }
    return i;
  }

  private skipSpace(pos: number): number {
    let i = pos;
    while (isSpace(this.src.charCodeAt(i))) i += 1;
    return i;
  }

  private openTag(lt: number): number {
    const { src } = this;
    if (this.top === this.document && this.hasRoot) this.fail(lt, `a second root element; a document has exactly one`);
    const nameEnd = this.nameEnd(lt + 1, 'a tag name');
    const element: XmlElement = { name: this.name(lt + 1, nameEnd), attrs: NO_ATTRS, children: NO_CHILDREN, text: '', line: this.lineOf(lt) };
    this.count += 1;
    if (this.stack.length > LIMITS.maxDepth) {
      throw new FeedError('too-deep', `XML nested deeper than ${LIMITS.maxDepth} levels`, `line ${element.line}`);
    }
    if (this.count > LIMITS.maxXmlElements) {
      throw new FeedError('too-many', `XML has more than ${LIMITS.maxXmlElements} elements`, `line ${element.line}`);
    }
    let pos = nameEnd;
    let isEmpty = false;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === 62 /* > */) {
        pos += 1;
        break;
      }
      if (c === 47 /* / */) {
        if (src.charCodeAt(pos + 1) !== 62) this.fail(pos + 1, `expected ">" after "/" in <${element.name}>`);
        pos += 2;
        isEmpty = true;
        break;
      }
      if (!isSpace(c)) {
        this.fail(pos, Number.isNaN(c) ? `the document ends inside <${element.name}>; it may have been cut short` : `unexpected ${shown(c)} in <${element.name}>`);
      }
      pos = this.skipSpace(pos);
      const d = src.charCodeAt(pos);
      if (d === 62 || d === 47) continue;
      pos = this.attribute(element, pos);
    }
    const { top } = this;
    if (top.children === NO_CHILDREN) top.children = [element];
    else top.children.push(element);
    if (top === this.document) this.hasRoot = true;
    if (isEmpty) {
      this.close(element);
    } else {
      this.stack.push(element);
      this.top = element;
    }
    return pos;
  }

  /** Reads `name = "value"` at `pos` into the element; returns the position after it. */
  private attribute(element: XmlElement, pos: number): number {
    const { src } = this;
    const nameEnd = this.nameEnd(pos, 'an attribute name', element);
    const name = this.name(pos, nameEnd);
    let i = this.skipSpace(nameEnd);
    if (src.charCodeAt(i) !== 61 /* = */) this.fail(i, `the attribute ${name} of <${element.name}> has no "=" and value`);
    i = this.skipSpace(i + 1);
    const quote = src.charCodeAt(i);
    if (quote !== 34 && quote !== 39) this.fail(i, `the value of ${name} in <${element.name}> must be quoted`);
    const close = src.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) this.fail(i, `the value of ${name} in <${element.name}> is not closed; the document may have been cut short`);
    const lt = this.ltFrom(i + 1);
    if (lt < close) this.fail(lt, `"<" is not allowed in an attribute value (in ${name} of <${element.name}>)`);
    const value = this.ampFrom(i + 1) < close ? this.decode(i + 1, close, true) : this.raw(i + 1, close, true);
    if (element.attrs === NO_ATTRS) element.attrs = newAttrs();
    else if (name in element.attrs) this.fail(pos, `the attribute ${name} appears twice in <${element.name}>`);
    element.attrs[name] = value;
    const after = src.charCodeAt(close + 1);
    if (!isSpace(after) && after !== 62 && after !== 47 && !Number.isNaN(after)) {
      this.fail(close + 1, `attributes of <${element.name}> must be separated by whitespace`);
    }
    return close + 1;
  }

  private closeTag(lt: number): number {
    const { src, top } = this;
    if (top === this.document) this.fail(lt, 'a closing tag with no element open');
    const { name } = top;
    let pos = lt + 2 + name.length;
    const after = src.charCodeAt(pos);
    if (pos >= this.end && src.startsWith(name, lt + 2)) this.fail(pos, `the document ends inside </${name}>; it may have been cut short`);
    if (!src.startsWith(name, lt + 2) || !(after === 62 || isSpace(after))) {
      const end = this.nameEnd(lt + 2, 'a closing tag name');
      this.fail(lt, `</${src.slice(lt + 2, end)}> does not close <${name}> (opened at line ${top.line})`);
    }
    pos = this.skipSpace(pos);
    if (src.charCodeAt(pos) !== 62) {
      this.fail(pos, pos >= this.end ? `the document ends inside </${name}>; it may have been cut short` : `expected ">" to end </${name}>`);
    }
    this.stack.pop();
    this.top = this.stack[this.stack.length - 1]!;
    this.close(top);
    return pos + 1;
  }

  private close(element: XmlElement): void {
    if (this.onClose?.(element, this.stack)) this.top.children.pop();
  }

  /** `<!--`, `<![CDATA[`, or a refused declaration. */
  private bang(lt: number): number {
    const { src } = this;
    if (src.startsWith('<!--', lt)) {
      const close = src.indexOf('-->', lt + 4);
      if (close < 0) this.fail(lt, 'a comment that is never closed; the document may have been cut short');
      const dashes = src.indexOf('--', lt + 4);
      if (dashes < close) this.fail(dashes, '"--" is not allowed inside a comment');
      return close + 3;
    }
    if (src.startsWith('<![CDATA[', lt)) {
      if (this.top === this.document) this.fail(lt, 'a CDATA section outside the root element');
      const close = src.indexOf(']]>', lt + 9);
      if (close < 0) this.fail(lt, 'a CDATA section that is never closed; the document may have been cut short');
      this.top.text += this.raw(lt + 9, close, false);
      return close + 3;
    }
    if (DECLARATIONS.test(src.slice(lt, lt + 12))) {
      if (this.firstBadChar < lt) this.fail(this.firstBadChar, 'disallowed character');
      throw new FeedError('doctype-refused', 'XML with a DOCTYPE or entity declarations is refused for safety', `line ${lineAndColumn(src, lt).line}`);
    }
    return this.fail(lt, '"<!" must start a comment or a CDATA section');
  }

  /** A processing instruction (`<?target …?>`), read and ignored. */
  private instruction(lt: number): number {
    const { src } = this;
    const nameEnd = this.nameEnd(lt + 2, 'a processing instruction');
    const target = src.slice(lt + 2, nameEnd);
    if (target.toLowerCase() === 'xml') this.fail(lt, 'an XML declaration is only allowed at the very start of the document');
    const c = src.charCodeAt(nameEnd);
    if (!isSpace(c) && !(c === 63 && src.charCodeAt(nameEnd + 1) === 62)) {
      this.fail(nameEnd, `unexpected ${Number.isNaN(c) ? 'end' : shown(c)} after <?${target}`);
    }
    const close = src.indexOf('?>', nameEnd);
    if (close < 0) this.fail(lt, 'a processing instruction that is never closed; the document may have been cut short');
    return close + 2;
  }

  /** Throws the malformed-XML error for `pos`, or for an earlier disallowed character. */
  private fail(pos: number, reason: string): never {
    const bad = this.firstBadChar < pos;
    const at = bad ? this.firstBadChar : pos;
    const { line, column } = lineAndColumn(this.src, at);
    const why = bad ? `disallowed character ${shown(this.src.charCodeAt(at))}` : reason === 'disallowed character' ? `disallowed character ${shown(this.src.charCodeAt(at))}` : reason;
    throw new FeedError('malformed-xml', `The XML is malformed: ${why}`, `line ${line}, column ${column}`);
  }
}

/** Parses `src` into a tree of elements; see XmlReader for what it refuses. */
export function readXml(src: string, options: ParseXmlOptions = {}): XmlElement {
  return new XmlReader(src, options).read();
}
