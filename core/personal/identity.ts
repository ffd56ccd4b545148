import { matchSessions, normaliseTitle } from '../feed/identity';
import type { Feed, Session } from '../model/schema';
import type { SessionIdentity } from './model';

/** What an agenda entry remembers of its session, so it can find it again after the organizers renumber or reshuffle. */
export function identityOf(session: Session, speakerName: (id: string) => string | undefined): SessionIdentity {
  const identity: SessionIdentity = {
    id: session.id,
    title: session.title,
    speakers: session.speakerIds.map((id) => speakerName(id) ?? id),
    day: session.day,
    start: session.start,
  };
  if (session.guid) identity.guid = session.guid;
  if (session.sourceId) identity.sourceId = session.sourceId;
  return identity;
}

/** Anything personal that points at a session: agenda entries, watch-later items. */
export interface Attached {
  sessionId: string;
  identity: SessionIdentity;
}

/** A feed made of remembered identities, so the feed matcher can pair them with a new revision. */
function identityFeed(identities: readonly SessionIdentity[], like: Feed): Feed {
  const names = new Set(identities.flatMap((i) => i.speakers));
  return {
    ...like,
    speakers: [...names].map((name) => ({ id: name, name, links: [] })),
    sessions: identities.map((i) => ({
      id: i.id,
      ...(i.guid ? { guid: i.guid } : {}),
      ...(i.sourceId ? { sourceId: i.sourceId } : {}),
      title: i.title,
      start: i.start,
      end: i.start,
      day: i.day,
      speakerIds: i.speakers,
      links: [],
      recordingOptOut: false,
      cancelled: false,
    })),
  };
}

/**
 * Finds each personal item's session in a new revision. `byOldId` (old id → new session,
 * from pairing the previous revision with the new one) is used first, because it knows the
 * whole previous revision; items whose session was not in the previous revision (tombstones,
 * restored data) are matched by their remembered identity: guid, source id, id, title +
 * speakers + day, title + day, never guessing between two candidates. Returns sessionId → the
 * new session, or undefined when the session is gone.
 */
export function locateInRevision(
  items: readonly Attached[],
  next: Feed,
  previousIds: ReadonlySet<string> | undefined,
  byOldId: ReadonlyMap<string, Session> | undefined,
): Map<string, Session | undefined> {
  const found = new Map<string, Session | undefined>();
  const rest: SessionIdentity[] = [];
  for (const item of items) {
    if (previousIds?.has(item.sessionId)) found.set(item.sessionId, byOldId?.get(item.sessionId));
    else rest.push({ ...item.identity, id: item.sessionId });
  }
  if (rest.length > 0) {
    const byNewId = matchSessions(identityFeed(rest, next), next);
    const oldToNew = new Map<string, Session>();
    const nextById = new Map(next.sessions.map((s) => [s.id, s]));
    for (const [newId, old] of byNewId) {
      const session = nextById.get(newId);
      if (session) oldToNew.set(old.id, session);
    }
    for (const identity of rest) found.set(identity.id, oldToNew.get(identity.id));
  }
  return found;
}

/** Old id → new session, inverted from the feed matcher's new id → old session. */
export function oldToNewIds(previous: Feed, next: Feed): Map<string, Session> {
  const byId = new Map(next.sessions.map((s) => [s.id, s]));
  const out = new Map<string, Session>();
  for (const [newId, old] of matchSessions(previous, next)) {
    const session = byId.get(newId);
    if (session) out.set(old.id, session);
  }
  return out;
}

function tokens(title: string): Set<string> {
  return new Set(normaliseTitle(title).split(' ').filter((t) => t.length > 1));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface Candidate {
  session: Session;
  score: number;
}

/**
 * The sessions of the current revision most like one the organizers removed: similar title,
 * shared speakers, same day and a nearby time count, so the attendee can re-star the talk
 * if it was replaced rather than dropped.
 */
export function closestCandidates(identity: SessionIdentity, sessions: readonly Session[], speakerName: (id: string) => string | undefined, limit = 3): Candidate[] {
  const title = tokens(identity.title);
  const people = new Set(identity.speakers.map(normaliseTitle));
  const start = Date.parse(identity.start);
  const scored: Candidate[] = [];
  for (const session of sessions) {
    if (session.type === 'break') continue;
    const theirs = new Set(session.speakerIds.map((id) => normaliseTitle(speakerName(id) ?? id)));
    const titleScore = overlap(title, tokens(session.title));
    const speakerScore = overlap(people, theirs);
    if (titleScore === 0 && speakerScore === 0) continue;
    const hours = Math.abs(Date.parse(session.start) - start) / 3_600_000;
    const score = 3 * titleScore + 2 * speakerScore + (session.day === identity.day ? 0.5 : 0) + 0.5 / (1 + hours);
    scored.push({ session, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.session.start.localeCompare(b.session.start)).slice(0, limit);
}
