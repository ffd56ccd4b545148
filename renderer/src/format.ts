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

/** `3–4 February 2023` style range. */
export function dateRange(start: string, end: string): string {
  return start === end ? longDate(start) : `${shortDate(start)} – ${longDate(end)}`;
}
