import type { Feed, Session } from '../model/schema';

/** Title reduced to what survives organizer edits: case, accents, punctuation and spacing dropped. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function speakerNames(feed: Feed): Map<string, string> {
  return new Map(feed.speakers.map((s) => [s.id, normaliseTitle(s.name)]));
}

/** The fallback identity of a session: normalised title + speakers + day. */
function contentKey(session: Session, names: ReadonlyMap<string, string>): string {
  const people = session.speakerIds.map((id) => names.get(id) ?? id).sort().join('|');
  return `${normaliseTitle(session.title)}#${people}#${session.day}`;
}

function uniqueIndex(sessions: readonly Session[], key: (s: Session) => string | undefined): Map<string, Session> {
  const index = new Map<string, Session>();
  const ambiguous = new Set<string>();
  for (const s of sessions) {
    const k = key(s);
    if (k === undefined) continue;
    if (index.has(k)) ambiguous.add(k);
    else index.set(k, s);
  }
  for (const k of ambiguous) index.delete(k);
  return index;
}

/**
 * Pairs each session of a new revision with the session it was in the previous one:
 * by guid, then by the source's id, then by the feed's own id, then by title + speakers + day (FOSDEM's ids change
 * between pre-conference and final exports). Keys shared by several sessions are not used,
 * so a match is never a guess between two candidates. Returns new id → old session.
 */
export function matchSessions(previous: Feed, next: Feed): Map<string, Session> {
  const matches = new Map<string, Session>();
  const taken = new Set<string>();
  const oldNames = speakerNames(previous);
  const newNames = speakerNames(next);
  const passes: Array<(s: Session, names: ReadonlyMap<string, string>) => string | undefined> = [
    (s) => s.guid,
    (s) => s.sourceId,
    (s) => s.id,
    (s, names) => contentKey(s, names),
    (s) => `${normaliseTitle(s.title)}#${s.day}`,
  ];
  for (const key of passes) {
    const remainingOld = previous.sessions.filter((s) => !taken.has(s.id));
    const index = uniqueIndex(remainingOld, (s) => key(s, oldNames));
    const remainingNew = next.sessions.filter((s) => !matches.has(s.id));
    const newIndex = uniqueIndex(remainingNew, (s) => key(s, newNames));
    for (const [k, session] of newIndex) {
      const old = index.get(k);
      if (old && !taken.has(old.id)) {
        matches.set(session.id, old);
        taken.add(old.id);
      }
    }
  }
  return matches;
}
