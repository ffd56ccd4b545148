import { wallTimeOf } from '../../core/time/zone';

/**
 * What a view shows for a date or time it cannot read. Stored data may predate the model's
 * boundary (or be damaged); formatting it must never throw, or the view would fail with it.
 */
const NO_DATE = '—';

/** Epoch ms of an instant, or NaN. */
function msOf(instant: string | number): number {
  return typeof instant === 'number' ? instant : Date.parse(instant);
}

/** Noon UTC of a YYYY-MM-DD day that Intl can format, or undefined. */
function noonOf(day: unknown): Date | undefined {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const noon = new Date(`${day}T12:00:00Z`);
  // `2023-02-30` would roll over into March: only a date that reads back the same is real.
  return !Number.isNaN(noon.getTime()) && noon.toISOString().slice(0, 10) === day ? noon : undefined;
}

/** Clock labels already made, by zone and instant: a timeline shows three per session on every render. */
const clockLabels = new Map<string, string>();

/** `09:30` in `zone`. */
export function clock(instant: string | number, zone: string): string {
  const key = `${zone}\n${instant}`;
  const known = clockLabels.get(key);
  if (known !== undefined) return known;
  const ms = msOf(instant);
  const label = Number.isFinite(ms) ? wallTimeOf(ms, zone).time : NO_DATE;
  if (clockLabels.size >= 20_000) clockLabels.clear();
  clockLabels.set(key, label);
  return label;
}

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `Fri 3 Feb` for a conference day. */
export function shortDate(day: string): string {
  const noon = noonOf(day);
  // Intl throws on an invalid date; a damaged date shows as a placeholder rather than breaking the view.
  return noon ? SHORT_DATE.format(noon) : NO_DATE;
}

/** Made once: `toLocaleDateString` builds a new formatter on every call (about half a millisecond). */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Friday 3 February 2023`. */
export function longDate(day: string): string {
  const noon = noonOf(day);
  return noon ? LONG_DATE.format(noon) : NO_DATE;
}

const RANGE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Friday 3 February 2023` for one day; `1–2 February 2020`, `28 February – 1 March 2020` for several. */
export function dateRange(start: string, end: string): string {
  if (start === end) return longDate(start);
  const [from, to] = [noonOf(start), noonOf(end)];
  if (!from || !to) return `${longDate(start)} – ${longDate(end)}`;
  try {
    return RANGE.formatRange(from, to);
  } catch {
    // Older engines refuse a range that ends before it starts.
    return `${longDate(start)} – ${longDate(end)}`;
  }
}

/**
 * The YYYY-MM-DD that clocks in `zone` show at `instant`. A session's own date there, which
 * is not always its conference day: a Brussels 18:00 Friday talk is on Saturday in Tokyo.
 */
export function dateIn(instant: string | number, zone: string): string {
  const ms = msOf(instant);
  return Number.isFinite(ms) ? wallTimeOf(ms, zone).date : NO_DATE;
}

/** `Sat 4 Feb 01:00`: an instant's own date and time in `zone`, for lists that mix days. */
export function dateAndClock(instant: string | number, zone: string): string {
  const ms = msOf(instant);
  if (!Number.isFinite(ms)) return NO_DATE;
  const wall = wallTimeOf(ms, zone);
  return `${shortDate(wall.date)} ${wall.time}`;
}

/**
 * `Sat 4 Feb` when `instant` falls on another date than `day` in `zone`, else undefined.
 * Views organised by conference day use it so that a time shown in the user's zone never
 * sits silently under the wrong date.
 */
export function otherDate(instant: string | number, zone: string, day: string): string | undefined {
  const date = dateIn(instant, zone);
  return date === day || date === NO_DATE ? undefined : shortDate(date);
}

/** `09:30`, or `Sat 4 Feb 01:00` when that is not on `day` in `zone`. */
export function clockOn(instant: string | number, zone: string, day: string): string {
  const date = otherDate(instant, zone, day);
  return date ? `${date} ${clock(instant, zone)}` : clock(instant, zone);
}

/**
 * Where a conference day's sessions fall in `zone` when that is not all on `day`:
 * `Fri 3 Feb 16:30 – Sat 4 Feb 02:00`. Undefined when the day is the same date there
 * (a session ending at midnight does not count as the next date).
 */
export function daySpanIn(sessions: ReadonlyArray<{ start: string; end: string }>, zone: string, day: string): string | undefined {
  if (sessions.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const s of sessions) {
    first = Math.min(first, Date.parse(s.start));
    last = Math.max(last, Date.parse(s.end));
  }
  if (dateIn(first, zone) === day && dateIn(Math.max(first, last - 1), zone) === day) return undefined;
  return `${dateAndClock(first, zone)} – ${dateAndClock(last, zone)}`;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

/**
 * A short "when" for something coming up, in `zone`: `17:00` today, `Sat 01:00` later this
 * week, `Fri 10 Feb 09:00` from a week on (the same weekday as today would read as today).
 */
export function upcomingClock(instant: string | number, zone: string, now: number): string {
  const ms = msOf(instant);
  if (!Number.isFinite(ms)) return NO_DATE;
  const wall = wallTimeOf(ms, zone);
  const today = wallTimeOf(now, zone).date;
  if (wall.date === today) return wall.time;
  const days = (Date.parse(`${wall.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  const noon = noonOf(wall.date);
  if (noon && days > 0 && days < 7) return `${WEEKDAY.format(noon)} ${wall.time}`;
  return `${shortDate(wall.date)} ${wall.time}`;
}
