import type { Feed, Session } from '../model/schema';
import { htmlToText } from '../text/html';
import { matchSessions } from './identity';

const CHANGE_TAGS = [
  'new', 'removed', 'cancelled', 'reinstated', 'moved-time', 'moved-room', 'retitled', 'speakers-changed', 'links-changed', 'details-changed',
] as const;
export type ChangeTag = (typeof CHANGE_TAGS)[number];

export interface FieldChange {
  field: 'start' | 'end' | 'day' | 'room' | 'title' | 'subtitle' | 'speakers' | 'links' | 'track' | 'type' | 'abstract' | 'description' | 'cancelled' | 'language';
  before: string;
  after: string;
}

export interface SessionChange {
  /** The session's id in the new revision (in the old one for removed sessions). */
  sessionId: string;
  /** Its id in the previous revision, when it had one and it differs. */
  previousId?: string;
  title: string;
  tags: ChangeTag[];
  changes: FieldChange[];
}

export interface FeedDiff {
  changes: SessionChange[];
  counts: Record<ChangeTag, number>;
  /** True when nothing any attendee could notice changed. */
  isEmpty: boolean;
}

type Names = ReadonlyMap<string, string>;

function lookup(feed: Feed): { speakers: Names; rooms: Names; tracks: Names } {
  return {
    speakers: new Map(feed.speakers.map((s) => [s.id, s.name])),
    rooms: new Map(feed.rooms.map((r) => [r.id, r.name])),
    tracks: new Map(feed.tracks.map((t) => [t.id, t.name])),
  };
}

const name = (names: Names, id: string | undefined): string => (id === undefined ? '' : (names.get(id) ?? id));
const list = (values: readonly string[]): string => [...values].sort().join(', ');
const text = (html: string | undefined): string => (html ? htmlToText(html) : '');

function compare(a: Session, b: Session, la: ReturnType<typeof lookup>, lb: ReturnType<typeof lookup>): { tags: ChangeTag[]; changes: FieldChange[] } {
  const changes: FieldChange[] = [];
  const tags = new Set<ChangeTag>();
  const field = (f: FieldChange['field'], before: string, after: string, tag: ChangeTag): void => {
    if (before !== after) {
      changes.push({ field: f, before, after });
      tags.add(tag);
    }
  };
  field('start', a.start, b.start, 'moved-time');
  field('end', a.end, b.end, 'moved-time');
  field('day', a.day, b.day, 'moved-time');
  field('room', name(la.rooms, a.roomId), name(lb.rooms, b.roomId), 'moved-room');
  field('title', a.title, b.title, 'retitled');
  field('subtitle', a.subtitle ?? '', b.subtitle ?? '', 'retitled');
  field('speakers', list(a.speakerIds.map((id) => name(la.speakers, id))), list(b.speakerIds.map((id) => name(lb.speakers, id))), 'speakers-changed');
  field('links', list(a.links.map((l) => l.url)), list(b.links.map((l) => l.url)), 'links-changed');
  field('track', name(la.tracks, a.trackId), name(lb.tracks, b.trackId), 'details-changed');
  field('type', a.type ?? '', b.type ?? '', 'details-changed');
  field('language', a.language ?? '', b.language ?? '', 'details-changed');
  field('abstract', text(a.abstract), text(b.abstract), 'details-changed');
  field('description', text(a.description), text(b.description), 'details-changed');
  if (a.cancelled !== b.cancelled) {
    changes.push({ field: 'cancelled', before: String(a.cancelled), after: String(b.cancelled) });
    tags.add(b.cancelled ? 'cancelled' : 'reinstated');
  }
  return { tags: [...tags], changes };
}

/**
 * What changed, session by session and field by field, between two revisions of a feed.
 * Sessions are paired by identity (guid, source id, then title + speakers + day), so a
 * renumbered session is a change, not a removal plus an addition.
 */
export function diffFeeds(previous: Feed, next: Feed): FeedDiff {
  const matches = matchSessions(previous, next);
  const la = lookup(previous);
  const lb = lookup(next);
  const changes: SessionChange[] = [];
  const matchedOld = new Set<string>();
  for (const session of next.sessions) {
    const old = matches.get(session.id);
    if (!old) {
      changes.push({ sessionId: session.id, title: session.title, tags: session.cancelled ? ['new', 'cancelled'] : ['new'], changes: [] });
      continue;
    }
    matchedOld.add(old.id);
    const { tags, changes: fields } = compare(old, session, la, lb);
    if (tags.length === 0) continue;
    const change: SessionChange = { sessionId: session.id, title: session.title, tags, changes: fields };
    if (old.id !== session.id) change.previousId = old.id;
    changes.push(change);
  }
  for (const old of previous.sessions) {
    if (!matchedOld.has(old.id)) changes.push({ sessionId: old.id, title: old.title, tags: ['removed'], changes: [] });
  }
  const counts = Object.fromEntries(CHANGE_TAGS.map((t) => [t, 0])) as Record<ChangeTag, number>;
  for (const c of changes) for (const t of c.tags) counts[t] += 1;
  return { changes, counts, isEmpty: changes.length === 0 };
}
