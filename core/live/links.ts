import type { Conference, Link, LinkKind, Room, Session } from '../model/schema';

/** Where a session's link comes from: its own, its room's, or the whole conference's. */
type LinkSource = 'session' | 'room' | 'conference';
export type SourcedLink = Link & { from: LinkSource };

/** Kinds a session inherits from its room and its conference (a recording or slides never are). */
const INHERITED: ReadonlySet<LinkKind> = new Set(['stream', 'hallway']);

/**
 * A session's links with what it inherits: its own first, then its room's stream and hallway
 * links, then the conference's. The most specific link of a kind wins when the same URL repeats.
 */
export function sessionLinks(session: Pick<Session, 'links'>, room: Pick<Room, 'links'> | undefined, conference: Pick<Conference, 'links'>): SourcedLink[] {
  const seen = new Set<string>();
  const out: SourcedLink[] = [];
  const add = (links: readonly Link[], from: LinkSource, onlyInherited: boolean): void => {
    for (const link of links) {
      if (seen.has(link.url) || (onlyInherited && !INHERITED.has(link.kind))) continue;
      seen.add(link.url);
      out.push({ ...link, from });
    }
  };
  add(session.links, 'session', false);
  add(room?.links ?? [], 'room', true);
  add(conference.links, 'conference', true);
  return out;
}

/** The first link of `kind` (the most specific one, as sessionLinks orders them). */
export function firstOfKind(links: readonly SourcedLink[], kind: LinkKind): SourcedLink | undefined {
  return links.find((l) => l.kind === kind);
}

/**
 * The one-click buttons for a notification about a session (a reminder, "starting now"): at
 * most two, stream first. The desktop notifier opens them through the link opener.
 */
export function liveNotificationActions(links: readonly SourcedLink[]): Array<{ label: string; url: string }> {
  const stream = firstOfKind(links, 'stream');
  const hallway = firstOfKind(links, 'hallway');
  return [
    ...(stream ? [{ label: 'Watch stream', url: stream.url }] : []),
    ...(hallway ? [{ label: 'Join hallway', url: hallway.url }] : []),
  ];
}
