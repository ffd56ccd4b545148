import { wallTimeOf } from '../../core/time/zone';

/** `09:30` in the conference's zone. */
export function clock(instant: string, zone: string): string {
  return wallTimeOf(Date.parse(instant), zone).time;
}

/** `Friday 3 February 2023` for a conference day. */
export function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
