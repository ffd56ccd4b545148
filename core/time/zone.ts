import { tzOffset } from '@date-fns/tz';

const validZones = new Map<string, boolean>();

/** True when the runtime knows `zone` as an IANA time zone (or UTC). */
export function isValidTimeZone(zone: string): boolean {
  const known = validZones.get(zone);
  if (known !== undefined) return known;
  let ok = false;
  if (zone.length > 0 && zone.length <= 100) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
  }
  validZones.set(zone, ok);
  return ok;
}

/** Offset of `zone` from UTC at `epochMs`, in minutes (Brussels in winter: 60). */
export function offsetMinutes(zone: string, epochMs: number): number {
  return tzOffset(zone, new Date(epochMs));
}

const wallCache = new Map<string, number>();
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The calendar fields of a `YYYY-MM-DD` date and an `H:M[:S]` clock. */
function fields(date: string, time: string): [number, number, number, number, number, number] {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  return [y, mo - 1, d, h, mi, s];
}

/**
 * The instant at which clocks in `zone` show `date` `time`. Feeds give local wall times
 * (FOSDEM: `<day date="2020-02-01">` + `<start>09:30</start>`); this turns them into
 * absolute instants, with the zone's offsets from `@date-fns/tz`.
 *
 * One rule for both ends of summer time, everywhere (RFC 5545's, and Temporal's "compatible"):
 * a wall time is read with the offset in force just BEFORE the change. In the hour clocks skip
 * (spring forward) 02:30 is the instant clocks call 03:30; in the hour clocks repeat (fall
 * back) it is the FIRST of the two 02:30s, east or west of UTC, north or south.
 *
 * (Not `TZDate`: code here also runs where `Date` is replaced by a test clock whose
 * constructor returns plain dates, and a `Date` subclass then silently loses its methods.)
 */
export function wallTimeToInstant(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  const cached = wallCache.get(key);
  if (cached !== undefined) return cached;
  const [y, mo, d, h, mi, s] = fields(date, time);
  const asUtc = Date.UTC(y, mo, d, h, mi, s);
  // The offsets in force a day before and after: the same, except across a change of summer time.
  const before = offsetMinutes(zone, asUtc - DAY);
  const after = offsetMinutes(zone, asUtc + DAY);
  // A reading is real when the zone has that offset at the instant it gives; two real readings
  // are the repeated hour (the earlier wins), none is the skipped hour (the offset before wins).
  const readings = [asUtc - before * MINUTE, asUtc - after * MINUTE].filter((t) => offsetMinutes(zone, t) * MINUTE === asUtc - t);
  const instant = readings.length > 0 ? Math.min(...readings) : asUtc - before * MINUTE;
  if (wallCache.size > 50_000) wallCache.clear();
  wallCache.set(key, instant);
  return instant;
}

const instantCache = new Map<number, string>();

/** `2023-02-03T08:00:00Z` (no milliseconds unless there are some). */
export function formatInstant(epochMs: number): string {
  const cached = instantCache.get(epochMs);
  if (cached !== undefined) return cached;
  const iso = new Date(epochMs).toISOString();
  const text = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  if (instantCache.size >= 50_000) instantCache.clear();
  instantCache.set(epochMs, text);
  return text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Wall-clock parts of `epochMs` in `zone` (with the offset in force at that instant, not now). */
export function wallTimeOf(epochMs: number, zone: string): { date: string; time: string; minutes: number } {
  const local = new Date(epochMs + offsetMinutes(zone, epochMs) * MINUTE);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return { date, time, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * The conference day an instant belongs to: a talk at 01:50 belongs to the previous day
 * when the conference's day changes at, say, 04:00 (`dayChangeMinutes` = 240). The day
 * change is a wall-clock time, so a night when summer time starts or ends moves it with the clocks.
 */
export function conferenceDayOf(epochMs: number, zone: string, dayChangeMinutes = 0): string {
  const wall = wallTimeOf(epochMs, zone);
  return wall.minutes < dayChangeMinutes ? addDays(wall.date, -1) : wall.date;
}

/** Adds `days` to a YYYY-MM-DD date (calendar days: no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Every date from `start` to `end` inclusive (at most `max`). */
export function dateRange(start: string, end: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}
