import { wallTimeOf } from '../../core/time/zone';

/** `09:30` in `zone`. */
export function clock(instant: string | number, zone: string): string {
  return wallTimeOf(typeof instant === 'number' ? instant : Date.parse(instant), zone).time;
}

/** `Fri 3 Feb` for a conference day. */
export function shortDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** `Friday 3 February 2023`. */
export function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const RANGE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Friday 3 February 2023` for one day; `1–2 February 2020`, `28 February – 1 March 2020` for several. */
export function dateRange(start: string, end: string): string {
  if (start === end) return longDate(start);
  return RANGE.formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
}
