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

/**
 * The instant at which clocks in `zone` show `date` `time`. Feeds give local wall times
 * (FOSDEM: `<day date="2020-02-01">` + `<start>09:30</start>`); this turns them into
 * absolute instants. In a DST gap the later offset wins; in an overlap the earlier instant.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  const cached = wallCache.get(key);
  if (cached !== undefined) return cached;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = offsetMinutes(zone, asUtc);
  let instant = asUtc - first * 60_000;
  const second = offsetMinutes(zone, instant);
  if (second !== first) instant = asUtc - second * 60_000;
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

/** Wall-clock parts of `epochMs` in `zone`. */
export function wallTimeOf(epochMs: number, zone: string): { date: string; time: string; minutes: number } {
  const local = new Date(epochMs + offsetMinutes(zone, epochMs) * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return { date, time, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * The conference day an instant belongs to: a talk at 01:50 belongs to the previous day
 * when the conference's day changes at, say, 04:00 (`dayChangeMinutes` = 240).
 */
export function conferenceDayOf(epochMs: number, zone: string, dayChangeMinutes = 0): string {
  return wallTimeOf(epochMs - dayChangeMinutes * 60_000, zone).date;
}

/** Adds `days` to a YYYY-MM-DD date. */
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
