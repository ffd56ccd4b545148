import type { StoredSchedule } from './schedules';
import type { RoomRecord, SessionRecord, SpeakerRecord, TrackRecord } from './schema';

/**
 * One stored revision of a conference's schedule, held in memory as indexed maps. Built once
 * per revision (`storedAt`); a star, a note or a reminder never reads the schedule again.
 */
export interface ScheduleModel extends StoredSchedule {
  conferenceId: string;
  /** The stored revision this was read from (ConferenceRecord.storedAt). */
  storedAt: number;
  byId: ReadonlyMap<string, SessionRecord>;
  /** Conference days, sorted, each with its sessions in schedule order. */
  byDay: ReadonlyMap<string, SessionRecord[]>;
  days: readonly string[];
  byRoom: ReadonlyMap<string, SessionRecord[]>;
  speakersById: ReadonlyMap<string, SpeakerRecord>;
  roomsById: ReadonlyMap<string, RoomRecord>;
  tracksById: ReadonlyMap<string, TrackRecord>;
}

const group = <K>(sessions: readonly SessionRecord[], key: (s: SessionRecord) => K | undefined): Map<K, SessionRecord[]> => {
  const out = new Map<K, SessionRecord[]>();
  for (const s of sessions) {
    const k = key(s);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(s);
    else out.set(k, [s]);
  }
  return out;
};

/** Indexes a stored schedule (its sessions are already in schedule order). */
export function scheduleModel(conferenceId: string, storedAt: number, schedule: StoredSchedule): ScheduleModel {
  const byDay = group(schedule.sessions, (s) => s.day);
  return {
    ...schedule,
    conferenceId,
    storedAt,
    byId: new Map(schedule.sessions.map((s) => [s.id, s])),
    byDay,
    days: [...byDay.keys()].sort(),
    byRoom: group(schedule.sessions, (s) => s.roomId),
    speakersById: new Map(schedule.speakers.map((s) => [s.id, s])),
    roomsById: new Map(schedule.rooms.map((r) => [r.id, r])),
    tracksById: new Map(schedule.tracks.map((t) => [t.id, t])),
  };
}

/** What an agenda write needs of the schedule when the caller has it in memory (see db/personal.ts). */
export type ScheduleInMemory = Pick<ScheduleModel, 'storedAt' | 'byId' | 'speakersById'>;
