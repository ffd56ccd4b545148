import type { Feed } from '../../../core/model/schema';
import { sortSessions, type LanyardDb, type RoomRecord, type ScheduleRecord, type SessionRecord, type SpeakerRecord, type TrackRecord } from './schema';

/** One conference's schedule as the views use it: every row carries its `conferenceId`. */
export interface StoredSchedule {
  /** By start, then id. */
  sessions: SessionRecord[];
  /** By id. */
  speakers: SpeakerRecord[];
  /** In feed order (`order` is the position). */
  rooms: RoomRecord[];
  /** By id. */
  tracks: TrackRecord[];
}

const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A feed's schedule row (copies; the feed is not reordered). */
export function scheduleOf(conferenceId: string, feed: Pick<Feed, 'sessions' | 'speakers' | 'rooms' | 'tracks'>): ScheduleRecord {
  return { id: conferenceId, sessions: sortSessions([...feed.sessions]), speakers: byId([...feed.speakers]), rooms: [...feed.rooms], tracks: byId([...feed.tracks]) };
}

/** A stored schedule row with each row tagged with its conference. */
function expandSchedule(record: ScheduleRecord): StoredSchedule {
  const conferenceId = record.id;
  return {
    sessions: record.sessions.map((s) => ({ ...s, conferenceId })),
    speakers: record.speakers.map((s) => ({ ...s, conferenceId })),
    rooms: record.rooms.map((r, order) => ({ ...r, conferenceId, order })),
    tracks: record.tracks.map((t) => ({ ...t, conferenceId })),
  };
}

/** One conference's schedule, or undefined when nothing is stored for it. */
export async function readSchedule(db: LanyardDb, conferenceId: string): Promise<StoredSchedule | undefined> {
  const record = await db.schedules.get(conferenceId);
  return record ? expandSchedule(record) : undefined;
}

/** The schedules of these conferences (all when `ids` is left out), by conference id. */
export async function readSchedules(db: LanyardDb, ids?: readonly string[]): Promise<Map<string, StoredSchedule>> {
  const records = ids ? await db.schedules.bulkGet([...ids]) : await db.schedules.toArray();
  const out = new Map<string, StoredSchedule>();
  for (const record of records) if (record) out.set(record.id, expandSchedule(record));
  return out;
}

/** One stored session. */
export async function getSession(db: LanyardDb, conferenceId: string, sessionId: string): Promise<SessionRecord | undefined> {
  const record = await db.schedules.get(conferenceId);
  const session = record?.sessions.find((s) => s.id === sessionId);
  return session ? { ...session, conferenceId } : undefined;
}

/** Stored sessions by `[conferenceId, sessionId]`, in the order asked (undefined where there is none). */
export async function getSessions(db: LanyardDb, refs: ReadonlyArray<readonly [string, string]>): Promise<Array<SessionRecord | undefined>> {
  const ids = [...new Set(refs.map(([conferenceId]) => conferenceId))];
  const records = await db.schedules.bulkGet(ids);
  const byConference = new Map<string, Map<string, SessionRecord>>();
  for (const record of records) {
    if (record) byConference.set(record.id, new Map(record.sessions.map((s) => [s.id, { ...s, conferenceId: record.id }])));
  }
  return refs.map(([conferenceId, sessionId]) => byConference.get(conferenceId)?.get(sessionId));
}
