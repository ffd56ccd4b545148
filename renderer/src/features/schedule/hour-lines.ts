import { wallTimeOf } from '../../../../core/time/zone';
import { shortDate } from '../../format';

export interface HourLine {
  /** The instant of the line. */
  at: number;
  /** `14:00` in the zone shown. */
  label: string;
  /** `Sat 4 Feb` where the axis reaches another date than the one above it (the first line: than the conference day). */
  date?: string;
}

/**
 * The timeline's hour axis from `first` to `last`, on the shown zone's whole hours (India
 * is UTC+5:30, Nepal +5:45, so UTC hours would read 14:30, 15:30…), naming the date
 * where it is not the conference `day` and again where it changes at midnight.
 */
export function hourLines(first: number, last: number, zone: string, day: string): HourLine[] {
  if (!Number.isFinite(first) || !Number.isFinite(last)) return [];
  const start = first - (first % 60_000) - (wallTimeOf(first, zone).minutes % 60) * 60_000;
  const lines: HourLine[] = [];
  let previous = day;
  for (let at = start; at <= last && lines.length < 24 * 7; at += 3_600_000) {
    const wall = wallTimeOf(at, zone);
    lines.push(wall.date === previous ? { at, label: wall.time } : { at, label: wall.time, date: shortDate(wall.date) });
    previous = wall.date;
  }
  return lines;
}
