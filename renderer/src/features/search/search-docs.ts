import type { Session } from '../../../../core/model/schema';
import { htmlToText } from '../../../../core/text/html';
import type { LanyardDb } from '../../db/schema';
import type { ConferenceParts } from './conference-parts';
import { facetDocsFromConference, type FacetDoc } from './search-facets';

/** Indexed text per session: enough to find it, small enough to keep 4,000 sessions light. */
export const MAX_ABSTRACT_CHARS = 2_000;

/** What is indexed for one session, and all a result needs to be shown. */
export interface SearchDoc {
  conferenceId: string;
  conferenceTitle: string;
  timeZone: string;
  sessionId: string;
  title: string;
  start: string;
  end: string;
  day: string;
  roomName?: string;
  trackName?: string;
  speakerNames: string[];
  /** Plain text of subtitle, abstract and description, capped at MAX_ABSTRACT_CHARS. */
  abstract: string;
  cancelled: boolean;
}

export const FIELDS = ['title', 'speakers', 'room', 'track', 'abstract'] as const;
export type SearchField = (typeof FIELDS)[number];

export function fieldText(doc: SearchDoc, field: SearchField): string {
  if (field === 'speakers') return doc.speakerNames.join(' ');
  if (field === 'room') return doc.roomName ?? '';
  if (field === 'track') return doc.trackName ?? '';
  return doc[field];
}

function plainAbstract(session: Session): string {
  const parts = [session.subtitle, session.abstract && htmlToText(session.abstract), session.description && htmlToText(session.description)];
  let text = parts.filter((p) => p !== undefined && p.length > 0).join('\n');
  if (text.length > MAX_ABSTRACT_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_ABSTRACT_CHARS);
    text = text.slice(0, cut > MAX_ABSTRACT_CHARS / 2 ? cut : MAX_ABSTRACT_CHARS);
  }
  return text;
}

/** One conference's sessions as search documents (a Feed fits `parts`). */
export function docsFromConference(conferenceId: string, parts: ConferenceParts): SearchDoc[] {
  const speakers = new Map(parts.speakers.map((s) => [s.id, s.name]));
  const rooms = new Map(parts.rooms.map((r) => [r.id, r.name]));
  const tracks = new Map(parts.tracks.map((t) => [t.id, t.name]));
  return parts.sessions.map((s) => ({
    conferenceId,
    conferenceTitle: parts.conference.title,
    timeZone: parts.conference.timeZone,
    sessionId: s.id,
    title: s.title,
    start: s.start,
    end: s.end,
    day: s.day,
    roomName: s.roomId === undefined ? undefined : rooms.get(s.roomId),
    trackName: s.trackId === undefined ? undefined : tracks.get(s.trackId),
    speakerNames: s.speakerIds.map((id) => speakers.get(id)).filter((n) => n !== undefined),
    abstract: plainAbstract(s),
    cancelled: s.cancelled,
  }));
}

/** Every stored conference's sessions, speakers, rooms and tracks as search documents, read in one transaction. */
export async function searchSourcesFromDb(db: LanyardDb): Promise<{ docs: SearchDoc[]; facets: FacetDoc[] }> {
  const [conferences, schedules] = await db.transaction('r', [db.conferences, db.schedules], () => Promise.all([db.conferences.toArray(), db.schedules.toArray()]));
  const byId = new Map(schedules.map((s) => [s.id, s]));
  const docs: SearchDoc[] = [];
  const facets: FacetDoc[] = [];
  for (const c of conferences) {
    const schedule = byId.get(c.id);
    if (!schedule) continue;
    const parts = { conference: c.conference, sessions: schedule.sessions, speakers: schedule.speakers, rooms: schedule.rooms, tracks: schedule.tracks };
    docs.push(...docsFromConference(c.id, parts));
    facets.push(...facetDocsFromConference(c.id, parts));
  }
  return { docs, facets };
}

/** Every stored conference's sessions as search documents, read in one transaction. */
export async function searchDocsFromDb(db: LanyardDb): Promise<SearchDoc[]> {
  return (await searchSourcesFromDb(db)).docs;
}
