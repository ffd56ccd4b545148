import { conferenceDayOf, wallTimeOf } from './zone';

/**
 * Sessions longer than this are not what is "on now": a workshop spanning the day, a 24-hour
 * hacking room, an all-day exhibition. They would put "now" and the day's programme at 08:00
 * while the talks that are actually current are elsewhere.
 */
const LONG_SESSION_MS = 4 * 60 * 60_000;

/** A session's times as stored (ISO instants) and the conference day the feed files it under. */
interface Timed {
  start: string;
  end: string;
  day: string;
}

/** One conference day's programme: from its first start to its last end (instants). */
export interface ProgrammeSpan {
  day: string;
  start: number;
  end: number;
}

/** Whether a session spans so long (over LONG_SESSION_MS: an all-day entry of a calendar feed is 24 h) that it says nothing about what is on now. */
export function isLongSession(session: { start: string; end: string }): boolean {
  return Date.parse(session.end) - Date.parse(session.start) > LONG_SESSION_MS;
}

/**
 * Each conference day's programme span, from its sessions; long sessions are left out unless a
 * day has nothing else. Sorted by day. Sessions with unreadable times are skipped.
 */
export function programmeSpans(sessions: readonly Timed[]): ProgrammeSpan[] {
  const short = new Map<string, ProgrammeSpan>();
  const any = new Map<string, ProgrammeSpan>();
  for (const s of sessions) {
    const start = Date.parse(s.start);
    const end = Math.max(start, Date.parse(s.end));
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const targets = isLongSession(s) ? [any] : [any, short];
    for (const spans of targets) {
      const known = spans.get(s.day);
      spans.set(s.day, known ? { day: s.day, start: Math.min(known.start, start), end: Math.max(known.end, end) } : { day: s.day, start, end });
    }
  }
  return [...any.keys()].sort().map((day) => short.get(day) ?? any.get(day)!);
}

/**
 * The conference day whose programme is "today" at `now`: the day whose programme span holds
 * now (at 01:30 during a congress, the evening's day still running); between two days, the
 * coming one (FOSDEM's feed changes days at 09:00, but at 08:00 on Sunday Saturday's
 * programme ended at 19:00 and Sunday's is next); before and after the conference, the
 * conference day by the day-change rule (or the calendar date, when that is the first or last
 * day and the rule names a day outside the conference). May name a day that is not a
 * conference day: the conference is not on then.
 */
export function currentProgrammeDay(now: number, spans: readonly ProgrammeSpan[], zone: string, dayChangeMinutes: number): string {
  const sorted = [...spans].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let holding: string | undefined;
  for (const span of sorted) if (span.start <= now && now < span.end) holding = span.day;
  if (holding !== undefined) return holding;
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i - 1]!.end <= now && now < sorted[i]!.start) return sorted[i]!.day;
  }
  const byRule = conferenceDayOf(now, zone, dayChangeMinutes);
  if (sorted.some((s) => s.day === byRule)) return byRule;
  const calendar = wallTimeOf(now, zone).date;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && now < first.start && calendar === first.day) return calendar;
  if (last && now >= last.end && calendar === last.day) return calendar;
  return byRule;
}

/** How long before now a running session may have started and still be where *Jump to now* lands. */
const RECENT_START_MS = 60 * 60_000;

/**
 * Where *Jump to now* lands in a day's sessions (sorted by start): the first that is on now or
 * next, passing over long sessions (an all-day workshop from 08:00 is "on" but is not what is
 * current) and sessions that started over an hour ago while others are running (a 3-hour
 * tutorial from 09:00 would put the talks that ended since at the top). Falls back to any
 * session not yet over, then to the last one when the day is over; -1 for no sessions.
 */
export function nowSessionIndex(sessions: readonly { start: string; end: string }[], now: number): number {
  const isOn = (s: { end: string }): boolean => Date.parse(s.end) > now;
  const recent = sessions.findIndex((s) => isOn(s) && !isLongSession(s) && Date.parse(s.start) >= now - RECENT_START_MS);
  if (recent >= 0) return recent;
  const short = sessions.findIndex((s) => isOn(s) && !isLongSession(s));
  if (short >= 0) return short;
  const any = sessions.findIndex(isOn);
  return any >= 0 ? any : sessions.length - 1;
}
