import ICAL from 'ical.js';
import { FeedError, type WarningLog } from '../errors';
import { LIMITS } from '../limits';
import type { Feed } from '../model/schema';
import type { ImportContext } from './context';
import { importCalendarComponents } from './ical';
import type { JCal, LineIndex } from './ical-text';
import { localName, type XmlElement } from './xml';

/**
 * xCal → jCal, then the iCalendar importer's mapping. Two dialects exist in the wild:
 *  - RFC 6321: `<vcalendar><properties><dtstart><parameters>…</parameters><date-time>…`;
 *  - Pentabarf/frab/pretalx "xCal": properties are direct children holding their text
 *    (`<dtstart>20161229T211500</dtstart>`), plus `pentabarf:*` extensions, which become
 *    `X-PENTABARF-*` properties (title, subtitle, slug, language), `<attendee>` holds a
 *    speaker's name and `<category>` the session type.
 */

const ICAL_NAMESPACES = new Set(['urn:ietf:params:xml:ns:icalendar-2.0', 'urn:ietf:params:xml:ns:xcal']);
const COMPONENTS = new Set(['vcalendar', 'vevent', 'vtodo', 'vjournal', 'vfreebusy', 'vtimezone', 'standard', 'daylight', 'valarm']);
const NUMERIC_RECUR_PARTS = new Set(['count', 'interval', 'bysecond', 'byminute', 'byhour', 'bymonthday', 'byyearday', 'byweekno', 'bymonth', 'bysetpos']);

type Namespaces = ReadonlyMap<string, string>;

function withDeclarations(el: XmlElement, inherited: Namespaces): Namespaces {
  const own = Object.entries(el.attrs).filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
  if (own.length === 0) return inherited;
  const map = new Map(inherited);
  for (const [key, uri] of own) map.set(key === 'xmlns' ? '' : key.slice(6).toLowerCase(), uri);
  return map;
}

/** iCalendar name of an element: its local name, or `x-prefix-local` for foreign namespaces. */
function nameOf(el: XmlElement, ns: Namespaces): string {
  const colon = el.name.indexOf(':');
  const local = localName(el.name).toLowerCase();
  if (colon < 0) return local;
  const prefix = el.name.slice(0, colon).toLowerCase();
  const uri = ns.get(prefix);
  return uri === undefined || ICAL_NAMESPACES.has(uri) ? local : `x-${prefix}-${local}`;
}

function rfcValue(el: XmlElement, type: string, ns: Namespaces): unknown {
  const text = el.text.trim();
  if (type === 'integer' || type === 'float') return Number(text);
  if (type === 'boolean') return text.toLowerCase() === 'true';
  if (type === 'period') return el.children.map((c) => c.text.trim());
  if (type !== 'recur') return text;
  const recur: Record<string, unknown> = {};
  for (const part of el.children) {
    const key = nameOf(part, ns);
    const raw = part.text.trim();
    const value = NUMERIC_RECUR_PARTS.has(key) && /^[+-]?\d+$/.test(raw) ? Number(raw) : raw;
    const known = recur[key];
    recur[key] = known === undefined ? value : Array.isArray(known) ? [...(known as unknown[]), value] : [known, value];
  }
  return recur;
}

/** `<dtstart><parameters><tzid><text>X</text></tzid></parameters><date-time>…</date-time></dtstart>`. */
function rfcProperty(el: XmlElement, ns: Namespaces): unknown[] {
  const params: Record<string, string | string[]> = {};
  const values: unknown[] = [];
  let type = 'unknown';
  for (const c of el.children) {
    const name = nameOf(c, ns);
    if (name === 'parameters') {
      for (const param of c.children) {
        const vals = param.children.length > 0 ? param.children.map((v) => v.text.trim()) : [param.text.trim()];
        params[nameOf(param, ns)] = vals.length === 1 ? vals[0]! : vals;
      }
    } else {
      type = name;
      values.push(rfcValue(c, name, ns));
    }
  }
  if (values.length === 0) values.push(el.text.trim());
  return [nameOf(el, ns), params, type, ...values];
}

/** `<dtstart>20161229T211500</dtstart>`: ical.js reads the value as an iCalendar line would be read. */
function flatProperty(name: string, text: string, where: string, warnings: WarningLog): unknown[] {
  try {
    const parsed = ICAL.parse.property(`${name}:${text.replace(/\s+/g, ' ')}`) as unknown[];
    if (parsed[2] !== 'text' && parsed[2] !== 'unknown') return parsed;
  } catch (error) {
    warnings.add('ical-line-unreadable', `The value of <${name}> could not be read: ${error instanceof Error ? error.message : String(error)}`, where);
  }
  return [name, {}, 'text', text];
}

function toJCal(el: XmlElement, inherited: Namespaces, lines: LineIndex, warnings: WarningLog, depth: number): JCal {
  if (depth > LIMITS.maxDepth) throw new FeedError('too-deep', `xCal nested deeper than ${LIMITS.maxDepth} levels`, `line ${el.line}`);
  const ns = withDeclarations(el, inherited);
  const properties: unknown[][] = [];
  const components: JCal[] = [];
  const propertiesEl = el.children.find((c) => nameOf(c, ns) === 'properties');
  const componentsEl = el.children.find((c) => nameOf(c, ns) === 'components');
  if (propertiesEl || componentsEl) {
    for (const p of propertiesEl?.children ?? []) properties.push(rfcProperty(p, withDeclarations(p, ns)));
    for (const c of componentsEl?.children ?? []) components.push(toJCal(c, ns, lines, warnings, depth + 1));
  } else {
    const names = el.children.map((c) => nameOf(c, ns));
    el.children.forEach((c, i) => {
      const name = names[i]!;
      if (COMPONENTS.has(name)) components.push(toJCal(c, ns, lines, warnings, depth + 1));
      // Pentabarf writes `<duration>003000</duration>` beside `<dtend>`: the end says it all.
      else if (name === 'duration' && names.includes('dtend')) return;
      else if (c.text.trim() !== '') properties.push(flatProperty(name, c.text.trim(), `line ${c.line}`, warnings));
    });
  }
  const jcal: JCal = [nameOf(el, ns), properties, components];
  lines.set(jcal, el.line);
  return jcal;
}

/** Reads an xCal document (root `<icalendar>`), either dialect. */
export function importXCal(root: XmlElement, ctx: ImportContext): Feed {
  const ns = withDeclarations(root, new Map());
  const lines: LineIndex = new WeakMap();
  const calendars = root.children
    .filter((c) => nameOf(c, ns) === 'vcalendar')
    .map((c) => new ICAL.Component(toJCal(c, ns, lines, ctx.warnings, 1)));
  if (calendars.length === 0) throw new FeedError('malformed-ical', 'The xCal document has no <vcalendar>', `line ${root.line}`);
  return importCalendarComponents(calendars, ctx, lines);
}
