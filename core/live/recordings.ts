import type { Link, Session } from '../model/schema';
import type { Star } from '../personal/model';
import { sessionKey, type LiveConference } from './now';

export interface RecordingItem {
  conferenceId: string;
  conferenceTitle: string;
  timeZone: string;
  session: Session;
  roomName: string | undefined;
  recordings: Link[];
  star: Star | undefined;
  isWatchLater: boolean;
}

/**
 * Sessions that have ended and whose feed now carries a recording (organizers add them hours
 * or days later; the polling after a conference picks them up). The agenda's first, then the
 * most recently ended. Recordings are never inherited: a room's stream is not a session's video.
 */
export function recordedSessions(input: {
  now: number;
  conferences: readonly LiveConference[];
  agenda?: ReadonlyMap<string, Star>;
  watchLater?: ReadonlySet<string>;
}): RecordingItem[] {
  const items: RecordingItem[] = [];
  for (const c of input.conferences) {
    const rooms = new Map(c.rooms.map((r) => [r.id, r.name]));
    for (const session of c.sessions) {
      if (Date.parse(session.end) > input.now) continue;
      const recordings = session.links.filter((l) => l.kind === 'recording');
      if (recordings.length === 0) continue;
      const key = sessionKey(c.id, session.id);
      items.push({
        conferenceId: c.id,
        conferenceTitle: c.conference.title,
        timeZone: c.conference.timeZone,
        session,
        roomName: session.roomId ? rooms.get(session.roomId) : undefined,
        recordings,
        star: input.agenda?.get(key),
        isWatchLater: input.watchLater?.has(key) ?? false,
      });
    }
  }
  const rank = (i: RecordingItem): number => (i.star === 'going' ? 0 : i.star === 'maybe' ? 1 : 2);
  return items.sort((a, b) => rank(a) - rank(b) || b.session.end.localeCompare(a.session.end) || a.session.title.localeCompare(b.session.title));
}
