import type { Conference, Room, Session } from '../model/schema';
import type { Star } from '../personal/model';
import { firstOfKind, sessionLinks, type SourcedLink } from './links';

export interface LiveConference {
  id: string;
  conference: Pick<Conference, 'title' | 'timeZone' | 'links'> & Partial<Pick<Conference, 'url' | 'streams'>>;
  /** The subscription's feed address (which stream rules apply depends on it). */
  feedUrl?: string | undefined;
  rooms: ReadonlyArray<Pick<Room, 'id' | 'name' | 'links'>>;
  sessions: readonly Session[];
}

export interface LiveItem {
  conferenceId: string;
  conferenceTitle: string;
  timeZone: string;
  session: Session;
  roomName: string | undefined;
  state: 'live' | 'soon';
  /** Whole minutes until the start (0 once it has started). */
  startsInMinutes: number;
  stream: SourcedLink | undefined;
  hallway: SourcedLink | undefined;
  star: Star | undefined;
}

const SOON_MINUTES = 15;
const STAR_RANK: Record<Star, number> = { going: 0, maybe: 1 };

/** `conferenceId + "\n" + sessionId`, the key the agenda and notifications use. */
export const sessionKey = (conferenceId: string, sessionId: string): string => `${conferenceId}\n${sessionId}`;

/**
 * What is on right now and what starts within `soonMinutes`, across conferences, for the
 * Live view: the user's agenda first (going, then maybe), then what is live, then by start.
 * Cancelled sessions and breaks are left out. `now` is injected so the view can be tested.
 */
export function liveNow(input: {
  now: number;
  conferences: readonly LiveConference[];
  agenda?: ReadonlyMap<string, Star>;
  soonMinutes?: number;
}): LiveItem[] {
  const { now, agenda } = input;
  const horizon = now + (input.soonMinutes ?? SOON_MINUTES) * 60_000;
  const items: LiveItem[] = [];
  for (const c of input.conferences) {
    const rooms = new Map(c.rooms.map((r) => [r.id, r]));
    for (const session of c.sessions) {
      if (session.cancelled || session.type === 'break') continue;
      const start = Date.parse(session.start);
      const end = Date.parse(session.end);
      if (!(end > now && start <= horizon)) continue;
      const room = session.roomId ? rooms.get(session.roomId) : undefined;
      const links = sessionLinks(session, room, c.conference);
      items.push({
        conferenceId: c.id,
        conferenceTitle: c.conference.title,
        timeZone: c.conference.timeZone,
        session,
        roomName: room?.name,
        state: start <= now ? 'live' : 'soon',
        startsInMinutes: start <= now ? 0 : Math.ceil((start - now) / 60_000),
        stream: firstOfKind(links, 'stream'),
        hallway: firstOfKind(links, 'hallway'),
        star: agenda?.get(sessionKey(c.id, session.id)),
      });
    }
  }
  const rank = (item: LiveItem): number => (item.star ? STAR_RANK[item.star] : 2);
  return items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.state === b.state ? 0 : a.state === 'live' ? -1 : 1) ||
      a.session.start.localeCompare(b.session.start) ||
      a.conferenceTitle.localeCompare(b.conferenceTitle) ||
      (a.roomName ?? '').localeCompare(b.roomName ?? ''),
  );
}
