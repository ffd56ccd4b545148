import { readXml, type ParseXmlOptions, type XmlElement } from './xml-reader';

export type { ParseXmlOptions, XmlElement } from './xml-reader';

/**
 * Parses XML strictly into a small tree (see xml-reader.ts). A DOCTYPE or any other markup
 * declaration is refused, so no entity expansion or external fetch can happen; depth and
 * element counts are capped; malformed input names line and column.
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlElement {
  return readXml(text, options);
}

/** First child named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
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
