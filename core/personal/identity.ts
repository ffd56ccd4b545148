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

type Key = (i: SessionIdentity) => string | undefined;

/**
 * Keys for a remembered identity, strongest first. Unlike pairing two whole revisions, only
 * the remembered sessions are known on the old side, so a title alone is never enough: the
 * weakest key is title + day + start time (the same slot).
 */
const IDENTITY_KEYS: Key[] = [
  (i) => (i.guid ? `g:${i.guid}` : undefined),
  (i) => (i.sourceId ? `s:${i.sourceId}` : undefined),
  (i) => `i:${i.id}`,
  (i) => `c:${normaliseTitle(i.title)}#${i.speakers.map(normaliseTitle).sort().join('|')}#${i.day}`,
  (i) => `t:${normaliseTitle(i.title)}#${i.day}#${Date.parse(i.start)}`,
];

function uniqueBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T> {
  const index = new Map<string, T>();
  const ambiguous = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    if (index.has(k)) ambiguous.add(k);
    else index.set(k, item);
  }
  for (const k of ambiguous) index.delete(k);
  return index;
}

/** Pairs remembered identities with a revision's sessions; a key shared by two sessions is never used. Returns identity id → session. */
function matchIdentities(identities: readonly SessionIdentity[], next: Feed): Map<string, Session> {
  const names = new Map(next.speakers.map((s) => [s.id, s.name]));
  const current = new Map(next.sessions.map((s) => [s.id, identityOf(s, (id) => names.get(id))]));
  const byId = new Map(next.sessions.map((s) => [s.id, s]));
  const out = new Map<string, Session>();
  const taken = new Set<string>();
  for (const key of IDENTITY_KEYS) {
    const theirs = uniqueBy([...current.values()].filter((i) => !taken.has(i.id)), key);
    const ours = uniqueBy(identities.filter((i) => !out.has(i.id)), key);
    for (const [k, mine] of ours) {
      const match = theirs.get(k);
      if (!match || taken.has(match.id)) continue;
      out.set(mine.id, byId.get(match.id)!);
      taken.add(match.id);
    }
  }
  return out;
}

/**
 * Finds each personal item's session in a new revision. `byOldId` (old id → new session,
 * from pairing the previous revision with the new one) is used first, because it knows the
 * whole previous revision; items whose session was not in the previous revision (tombstones,
 * restored data) are matched by their remembered identity: guid, source id, id, title +
 * speakers + day, title + start, never guessing between two candidates. Returns sessionId → the
 * new session, or undefined when the session is gone.
 */
export function locateInRevision(
  items: readonly Attached[],
  next: Feed,
  previousIds: ReadonlySet<string> | undefined,
  byOldId: ReadonlyMap<string, Session> | undefined,
): Map<string, Session | undefined> {
  const found = new Map<string, Session | undefined>();
  const rest = new Map<string, SessionIdentity>();
  for (const item of items) {
    if (previousIds?.has(item.sessionId)) found.set(item.sessionId, byOldId?.get(item.sessionId));
    // A session both in the agenda and on the watch list is one identity, not two (two would look ambiguous and match nothing).
    else if (!rest.has(item.sessionId)) rest.set(item.sessionId, { ...item.identity, id: item.sessionId });
  }
  if (rest.size > 0) {
    const matched = matchIdentities([...rest.values()], next);
    for (const identity of rest.values()) found.set(identity.id, matched.get(identity.id));
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
