import { parseDateTime, parseLocalDate } from './parse';
import { addDays, conferenceDayOf, wallTimeOf, wallTimeToInstant } from './zone';

/**
 * A conference's first or last day as a feed writes it: a plain date (`2024-12-27`), or a
 * date-time (`2024-12-27T09:30:00+00:00`, the CCC hub; or with no offset, a local time).
 */
export type Boundary = { date: string } | { epochMs: number } | { wall: { date: string; time: string } };

/** Reads a `<start>`/`<end>` of a conference, or undefined when it is neither a date nor a date-time. */
export function readBoundary(text: string | undefined): Boundary | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const date = parseLocalDate(value);
  if (date) return { date };
  const moment = parseDateTime(value);
  if (!moment) return undefined;
  return moment.epochMs === undefined ? { wall: moment.wall } : { epochMs: moment.epochMs };
}

/**
 * The conference day a boundary names, in the conference's zone and with its day change.
 * A date-time is an instant (written in any offset, often UTC): its day is where it falls in
 * the conference zone. An end instant belongs to the day it closes (a day ending at the day
 * change, 04:00 next morning, is still that day).
 */
export function boundaryDay(boundary: Boundary, zone: string, dayChangeMinutes: number, edge: 'start' | 'end'): string {
  if ('date' in boundary) return boundary.date;
  const instant = 'epochMs' in boundary ? boundary.epochMs : wallTimeToInstant(boundary.wall.date, boundary.wall.time, zone);
  return conferenceDayOf(edge === 'end' ? instant - 1 : instant, zone, dayChangeMinutes);
}

/**
 * The day change (minutes after local midnight) a feed implies without saying it: CCC and
 * pretalx write each day's end as the next morning (`2019-12-28T04:00:00+01:00`, pretalx
 * `03:59`). The most common such end, rounded up to the quarter hour; undefined when every
 * day ends before midnight. `ends` pairs each day's date with its end instant.
 */
export function impliedDayChange(ends: ReadonlyArray<{ date: string; end: number }>, zone: string): number | undefined {
  const counts = new Map<number, number>();
  for (const { date, end } of ends) {
    const wall = wallTimeOf(end, zone);
    if (wall.date !== addDays(date, 1) || wall.minutes >= 12 * 60) continue;
    const minutes = Math.ceil(wall.minutes / 15) * 15;
    counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `04:00` for 240: how a day change is stored on the conference. */
export function formatDayChange(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** 240 for `04:00`, 0 for nothing or anything unreadable. */
export function dayChangeMinutesOf(text: string | undefined): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!m) return 0;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes < 24 * 60 ? minutes : 0;
}

/**
 * The day change a stored conference implies through its sessions when it does not say one
 * (stored before Lanyard kept it): a session the feed put on the day before its own date runs
 * after midnight, so that day lasts at least until the session ends (rounded up to the hour).
 */
function dayChangeOfSessions(sessions: ReadonlyArray<{ start: string; end: string; day: string }>, zone: string): number {
  let latest = 0;
  for (const s of sessions) {
    const start = wallTimeOf(Date.parse(s.start), zone);
    if (start.date !== addDays(s.day, 1)) continue;
    const end = wallTimeOf(Math.max(Date.parse(s.start), Date.parse(s.end)), zone);
    const minutes = end.date === start.date ? end.minutes : 12 * 60;
    latest = Math.max(latest, Math.min(12 * 60, Math.ceil(minutes / 60) * 60));
  }
  return latest;
}

/**
 * A conference's day change in minutes after local midnight: the one it says (stored from the
 * feed), else what its sessions imply. With conferenceDayOf it tells which conference day it
 * is now: at 01:30 during a congress whose days change at 04:00, still the day before.
 */
export function conferenceDayChange(
  conference: { timeZone: string; dayChange?: string | undefined },
  sessions: ReadonlyArray<{ start: string; end: string; day: string }>,
): number {
  return conference.dayChange ? dayChangeMinutesOf(conference.dayChange) : dayChangeOfSessions(sessions, conference.timeZone);
}
