import ICAL from 'ical.js';
import { FeedError, type WarningLog } from '../errors';
import { LIMITS } from '../limits';

/** jCal: `[name, properties, subcomponents]`, the form ical.js components wrap. */
export type JCal = [string, unknown[][], JCal[]];
/** Source line (1-based) where each component begins, keyed by its jCal array. */
export type LineIndex = WeakMap<object, number>;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);
const malformed = (reason: string, line: number): FeedError =>
  new FeedError('malformed-ical', `The iCalendar data is malformed: ${reason}`, `line ${line}`);

/**
 * Bytes of an iCalendar file with every line fold that a careless producer put inside a
 * multi-byte UTF-8 character removed, so the character decodes whole. A UTF-8 continuation
 * byte can never start a line, so only already-broken input changes.
 */
export function joinFoldsInsideCharacters(bytes: Uint8Array): Uint8Array {
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(new TextDecoder().decode(bytes.subarray(0, 32)))) return bytes;
  const kept: Uint8Array[] = [];
  let from = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    const next = bytes[i + 2] ?? 0;
    if ((bytes[i + 1] === 0x20 || bytes[i + 1] === 0x09) && next >= 0x80 && next <= 0xbf) {
      kept.push(bytes.subarray(from, bytes[i - 1] === 0x0d ? i - 1 : i));
      from = i + 2;
    }
  }
  if (kept.length === 0) return bytes;
  kept.push(bytes.subarray(from));
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  kept.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

/**
 * Text → jCal trees, one per VCALENDAR (a file may hold several). Unfolds lines, tolerates
 * `NAME : value` spacing, and leaves out (with a warning) single lines ical.js cannot read;
 * only a broken structure (BEGIN/END) makes the whole calendar unreadable.
 */
export function parseCalendarText(text: string, warnings: WarningLog, lines: LineIndex): JCal[] {
  const calendars: JCal[] = [];
  const stack: Array<{ comp: JCal; line: number }> = [];
  const handle = (raw: string, lineNo: number): void => {
    const colon = valueColon(raw);
    const line = colon < 0 ? raw : `${raw.slice(0, colon).trimEnd()}:${raw.slice(colon + 1).replace(/^[ \t]+/, '')}`;
    const edge = /^(BEGIN|END):(.*)$/i.exec(line);
    if (edge) {
      const name = edge[2]!.trim().toLowerCase();
      const label = name.toUpperCase();
      if (edge[1]!.toUpperCase() === 'BEGIN') {
        if (stack.length === 0 && name !== 'vcalendar') throw malformed(`BEGIN:${label} comes before BEGIN:VCALENDAR`, lineNo);
        if (stack.length > 0 && name === 'vcalendar') throw malformed(`a VCALENDAR begins inside BEGIN:${stack.at(-1)!.comp[0].toUpperCase()}`, lineNo);
        if (stack.length >= LIMITS.maxDepth) throw new FeedError('too-deep', `iCalendar nested deeper than ${LIMITS.maxDepth} levels`, `line ${lineNo}`);
        const comp: JCal = [name, [], []];
        if (stack.length === 0) calendars.push(comp);
        else stack.at(-1)!.comp[2].push(comp);
        lines.set(comp, lineNo);
        stack.push({ comp, line: lineNo });
      } else {
        const open = stack.pop();
        if (!open) throw malformed(`END:${label} has no matching BEGIN`, lineNo);
        if (open.comp[0] !== name) throw malformed(`END:${label} closes BEGIN:${open.comp[0].toUpperCase()} of line ${open.line}`, lineNo);
      }
      return;
    }
    const top = stack.at(-1);
    if (!top) throw malformed(`"${raw.slice(0, 40)}" is outside any VCALENDAR`, lineNo);
    try {
      top.comp[1].push(ICAL.parse.property(line) as unknown[]);
    } catch (error) {
      warnings.add('ical-line-unreadable', `A line could not be read and was left out: ${messageOf(error)}`, `line ${lineNo}`);
    }
  };
  let current: string | undefined;
  let start = 1;
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((physical, i) => {
    if (current !== undefined && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      current += physical.slice(1);
      return;
    }
    if (current?.trim()) handle(current, start);
    current = physical;
    start = i + 1;
  });
  if (current?.trim()) handle(current, start);
  const open = stack.at(-1);
  if (open) throw malformed(`BEGIN:${open.comp[0].toUpperCase()} is never closed`, open.line);
  if (calendars.length === 0) throw malformed('there is no VCALENDAR', 1);
  return calendars;
}
