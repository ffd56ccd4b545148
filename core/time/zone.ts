import { tzOffset, TZDate } from '@date-fns/tz';
import { addDays as addCalendarDays, format } from 'date-fns';

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

/** The calendar fields of a `YYYY-MM-DD` date and an `H:M[:S]` clock. */
function fields(date: string, time: string): [number, number, number, number, number, number] {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  return [y, mo - 1, d, h, mi, s];
}

/** True when clocks in `zone` show the same date, hour and minute at both instants. */
function sameWall(a: number, b: number, zone: string): boolean {
  const x = wallTimeOf(a, zone);
  const y = wallTimeOf(b, zone);
  return x.date === y.date && x.time === y.time;
}

/**
 * The instant at which clocks in `zone` show `date` `time`. Feeds give local wall times
 * (FOSDEM: `<day date="2020-02-01">` + `<start>09:30</start>`); this turns them into
 * absolute instants, with `TZDate` doing the zone arithmetic.
 *
 * One rule for both ends of summer time, everywhere (it is RFC 5545's and Temporal's
 * "compatible" rule): a wall time is read with the offset in force just BEFORE the change.
 * In the hour clocks skip (spring forward) that puts 02:30 at the instant clocks call 03:30;
 * in the hour clocks repeat (fall back) it picks the FIRST of the two 02:30s. `TZDate` alone
 * picks the second in zones east of UTC and the first west of it, so the repeat is settled here.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  const cached = wallCache.get(key);
  if (cached !== undefined) return cached;
  const [y, mo, d, h, mi, s] = fields(date, time);
  let instant = new TZDate(y, mo, d, h, mi, s, zone).getTime();
  // In a repeated hour the same clock reading comes round again after the clocks went back
  // (by the offset lost); prefer the first reading when it exists.
  const lost = offsetMinutes(zone, instant - 3 * 3_600_000) - offsetMinutes(zone, instant);
  if (lost > 0) {
    const earlier = instant - lost * 60_000;
    if (sameWall(earlier, instant, zone)) instant = earlier;
  }
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

/** Wall-clock parts of `epochMs` in `zone` (the offset in force at that instant, not now). */
export function wallTimeOf(epochMs: number, zone: string): { date: string; time: string; minutes: number } {
  const local = new TZDate(epochMs, zone);
  const date = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  const time = `${pad(local.getHours())}:${pad(local.getMinutes())}`;
  return { date, time, minutes: local.getHours() * 60 + local.getMinutes() };
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

/** Adds `days` to a YYYY-MM-DD date (calendar days, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addCalendarDays(new TZDate(y, m - 1, d, 'UTC'), days), 'yyyy-MM-dd');
}

/** Every date from `start` to `end` inclusive (at most `max`). */
export function dateRange(start: string, end: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}
