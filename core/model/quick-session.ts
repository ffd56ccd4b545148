import { isRecord } from './salvage';
import { LINK_KINDS, MAX_SPAN_DAYS, type Session } from './schema';

/*
 * zod takes about 30 µs per session, most of a FOSDEM import's budget (core/model/boundary.ts
 * checks every session of every feed). Nearly every session an importer makes is plainly
 * valid, so this hand-written check accepts those at a fraction of the cost. It is a strict
 * subset of SessionSchema: whatever it accepts, the schema accepts unchanged
 * (tests/unit/model/quick-session.test.ts checks that on hostile input); anything else goes
 * to the schema itself.
 */

const YEARS = '(19[7-9]\\d|2[01]\\d\\d|2200)';
const INSTANT = new RegExp(`^${YEARS}-(\\d\\d)-(\\d\\d)T([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d)(\\.\\d+)?Z$`);
const DATE = new RegExp(`^${YEARS}-(\\d\\d)-(\\d\\d)$`);
const KINDS: ReadonlySet<string> = new Set(LINK_KINDS);

/** Field → longest allowed text, and whether it must be there (as in SessionSchema). */
const TEXT: Record<string, readonly [max: number, required: boolean]> = {
  id: [300, true], guid: [300, false], sourceId: [300, false], slug: [500, false], title: [1_000, true], subtitle: [1_000, false],
  abstract: [100_000, false], description: [100_000, false], roomId: [500, false], trackId: [500, false], type: [200, false], language: [50, false],
};
const OTHER = new Set(['start', 'end', 'day', 'speakerIds', 'links', 'recordingOptOut', 'cancelled']);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a real calendar date, or NaN when there is no such date. Plain
 * arithmetic (the civil-from-days algorithm run backwards): `Date` costs more per call than
 * the whole check should.
 */
function epochDay(y: number, m: number, d: number): number {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Seconds since the epoch of a UTC instant in the allowed years, or NaN. */
function instantSeconds(text: string): number {
  const m = INSTANT.exec(text);
  if (!m) return NaN;
  return epochDay(Number(m[1]), Number(m[2]), Number(m[3])) * 86_400 + Number(m[4]) * 3_600 + Number(m[5]) * 60 + Number(m[6]) + (m[7] ? Number(m[7]) : 0);
}

function isText(value: unknown, max: number, min = 0): boolean {
  return typeof value === 'string' && value.length <= max && value.length >= min;
}

function isLink(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (key !== 'url' && key !== 'title' && key !== 'kind') return false;
  return isText(value.url, 2_048) && (!('title' in value) || isText(value.title, 500)) && typeof value.kind === 'string' && KINDS.has(value.kind);
}

/** True when `text` is a real YYYY-MM-DD date in the allowed years: LocalDateSchema's verdict, without zod's cost. */
export function isPossibleDate(text: string): boolean {
  const date = DATE.exec(text);
  return date !== null && !Number.isNaN(epochDay(Number(date[1]), Number(date[2]), Number(date[3])));
}

/** True when `item` is certainly a valid session exactly as it is (no defaults to fill, nothing to strip). */
export function isPlainlyValidSession(item: unknown): item is Session {
  if (!isRecord(item)) return false;
  for (const key in item) if (!(key in TEXT) && !OTHER.has(key)) return false;
  for (const key in TEXT) {
    const [max, required] = TEXT[key]!;
    if (key in item ? !isText(item[key], max, required ? 1 : 0) : required) return false;
  }
  const { start, end, day, speakerIds, links } = item;
  if (typeof start !== 'string' || typeof end !== 'string' || typeof day !== 'string') return false;
  const [from, to] = [instantSeconds(start), instantSeconds(end)];
  const date = DATE.exec(day);
  const dayStart = date ? epochDay(Number(date[1]), Number(date[2]), Number(date[3])) * 86_400 : NaN;
  // NaN fails every comparison: an impossible date is never accepted here.
  if (!(end >= start && to - from <= MAX_SPAN_DAYS * 86_400)) return false;
  // isDayOfStart (schema.ts): from a day before to three days after the day's midnight.
  if (!(from - dayStart >= -86_400 && from - dayStart < 3 * 86_400)) return false;
  if (!Array.isArray(speakerIds) || speakerIds.length > 200 || !speakerIds.every((id) => isText(id, 200))) return false;
  if (!Array.isArray(links) || links.length > 200 || !links.every(isLink)) return false;
  return typeof item.recordingOptOut === 'boolean' && typeof item.cancelled === 'boolean';
}
