import type { Session } from '../model/schema';
import type { SessionIdentity } from './model';

/** How long a removed session is taken to last when its end is not known (an entry removed before Lanyard kept it). */
const DEFAULT_MINUTES = 30;
const LIMIT = 8;

export interface RemovedAlternatives {
  /** Sessions of the current schedule that overlap the removed one's time slot. */
  sameTime: Session[];
  /** Sessions of its track, the same day first, then by start. */
  sameTrack: Session[];
}

/**
 * What else the attendee could go to instead of a session the organizers removed: what runs
 * at the same time, and what else its track offers. Cancelled sessions and breaks are left out.
 */
export function removedAlternatives(
  identity: SessionIdentity,
  sessions: readonly Session[],
  trackName: (trackId: string) => string | undefined,
  limit = LIMIT,
): RemovedAlternatives {
  const start = Date.parse(identity.start);
  const parsedEnd = identity.end ? Date.parse(identity.end) : Number.NaN;
  const end = Number.isNaN(parsedEnd) || parsedEnd <= start ? start + DEFAULT_MINUTES * 60_000 : parsedEnd;
  const sameTime: Session[] = [];
  const sameTrack: Session[] = [];
  for (const session of sessions) {
    if (session.cancelled || session.type === 'break') continue;
    const from = Date.parse(session.start);
    const to = Date.parse(session.end);
    if (!Number.isNaN(start) && from < end && to > start) sameTime.push(session);
    else if (identity.track && session.trackId && trackName(session.trackId) === identity.track) sameTrack.push(session);
  }
  const byStart = (a: Session, b: Session): number => a.start.localeCompare(b.start) || a.title.localeCompare(b.title);
  const sameDayFirst = (a: Session, b: Session): number => Number(b.day === identity.day) - Number(a.day === identity.day) || byStart(a, b);
  return { sameTime: sameTime.sort(byStart).slice(0, limit), sameTrack: sameTrack.sort(sameDayFirst).slice(0, limit) };
}
