import { SaxesParser } from 'saxes';
import { FeedError } from '../errors';
import { LIMITS } from '../limits';

/** A parsed XML element: just enough structure for schedule feeds. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text and CDATA content, concatenated. */
  text: string;
  line: number;
}

const DOCTYPE_OR_ENTITY = /<!(DOCTYPE|ENTITY)/i;

function positionOf(message: string): { where: string | undefined; reason: string } {
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
  if (!m) return { where: undefined, reason: message };
  return { where: `line ${m[1]}, column ${m[2]}`, reason: m[3]! };
}

/**
 * Parses XML strictly into a small tree. A DOCTYPE (and with it every entity
 * declaration) is refused before parsing, so no entity expansion or external fetch can
 * happen; depth and element counts are capped; malformed input names line and column.
 */
export interface ParseXmlOptions {
  /**
   * Called as each element closes, with its open ancestors (document node first). Returning
   * true drops the element from the tree: an importer that has read it lets it be garbage at
   * once instead of keeping the whole document alive.
   */
  onClose?: (element: XmlElement, ancestors: readonly XmlElement[]) => boolean;
}

export function parseXml(text: string, options: ParseXmlOptions = {}): XmlElement {
  const doctype = DOCTYPE_OR_ENTITY.exec(text.slice(0, 1_000_000));
  if (doctype) {
    const line = text.slice(0, doctype.index).split('\n').length;
    throw new FeedError('doctype-refused', 'XML with a DOCTYPE or entity declarations is refused for safety', `line ${line}`);
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  let count = 0;
  let failure: FeedError | undefined;
  parser.on('doctype', () => {
    throw new FeedError('doctype-refused', 'XML with a DOCTYPE is refused for safety', `line ${parser.line}`);
  });
  parser.on('opentag', (tag) => {
    count += 1;
    if (stack.length > LIMITS.maxDepth) {
      throw new FeedError('too-deep', `XML nested deeper than ${LIMITS.maxDepth} levels`, `line ${parser.line}`);
    }
    if (count > LIMITS.maxXmlElements) {
      throw new FeedError('too-many', `XML has more than ${LIMITS.maxXmlElements} elements`, `line ${parser.line}`);
    }
    const element: XmlElement = { name: tag.name, attrs: tag.attributes, children: [], text: '', line: parser.line };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  const { onClose } = options;
  parser.on('closetag', () => {
    const element = stack.pop()!;
    if (onClose?.(element, stack)) stack[stack.length - 1]!.children.pop();
  });
  const onText = (value: string): void => {
    const top = stack[stack.length - 1]!;
    if (top !== root) top.text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    if (!failure) {
      const { where, reason } = positionOf(error.message);
      failure = new FeedError('malformed-xml', `The XML is malformed: ${reason}`, where);
    }
    throw failure;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const { where, reason } = positionOf(error instanceof Error ? error.message : String(error));
    throw new FeedError('malformed-xml', `The XML is malformed: ${reason}`, where);
  }
  const top = root.children[0];
  if (!top) throw new FeedError('malformed-xml', 'The XML has no root element');
  return top;
}

/** First child named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

/** All children named `name`. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the first child named `name`, or undefined when absent or empty. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text ? text : undefined;
}

/** Local name without a namespace prefix (`ical:vevent` → `vevent`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
