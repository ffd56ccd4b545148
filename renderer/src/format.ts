import { wallTimeOf } from '../../core/time/zone';

/** Clock labels already made, by zone and instant: a timeline shows three per session on every render. */
const clockLabels = new Map<string, string>();

/** `09:30` in `zone`. */
export function clock(instant: string | number, zone: string): string {
  const key = `${zone}\n${instant}`;
  const known = clockLabels.get(key);
  if (known !== undefined) return known;
  const label = wallTimeOf(typeof instant === 'number' ? instant : Date.parse(instant), zone).time;
  if (clockLabels.size >= 20_000) clockLabels.clear();
  clockLabels.set(key, label);
  return label;
}

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `Fri 3 Feb` for a conference day. */
export function shortDate(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  // Intl throws on an invalid date; a damaged date shows as written rather than breaking the view.
  return Number.isNaN(noon.getTime()) ? day : SHORT_DATE.format(noon);
}

/** Made once: `toLocaleDateString` builds a new formatter on every call (about half a millisecond). */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Friday 3 February 2023`. */
export function longDate(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  // A damaged date shows as written rather than breaking the view (as shortDate).
  return Number.isNaN(noon.getTime()) ? day : LONG_DATE.format(noon);
}

const RANGE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Friday 3 February 2023` for one day; `1–2 February 2020`, `28 February – 1 March 2020` for several. */
export function dateRange(start: string, end: string): string {
  if (start === end) return longDate(start);
  return RANGE.formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
}

/**
 * The YYYY-MM-DD that clocks in `zone` show at `instant`. A session's own date there, which
 * is not always its conference day: a Brussels 18:00 Friday talk is on Saturday in Tokyo.
 */
export function dateIn(instant: string | number, zone: string): string {
  return wallTimeOf(typeof instant === 'number' ? instant : Date.parse(instant), zone).date;
}

/** `Sat 4 Feb 01:00`: an instant's own date and time in `zone`, for lists that mix days. */
export function dateAndClock(instant: string | number, zone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return '—';
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
  return date === day ? undefined : shortDate(date);
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
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const wall = wallTimeOf(ms, zone);
  const today = wallTimeOf(now, zone).date;
  if (wall.date === today) return wall.time;
  const days = (Date.parse(`${wall.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (days > 0 && days < 7) return `${WEEKDAY.format(new Date(`${wall.date}T12:00:00Z`))} ${wall.time}`;
  return `${shortDate(wall.date)} ${wall.time}`;
}
