import { roomFullAlert, roomStateLabel, type RoomStatus, type StarredTalk } from '../../../core/live/room-status';
import { claimOnce } from '../db/live-claims';
import { readSchedule } from '../db/schedules';
import type { LanyardDb } from '../db/schema';
import { clock } from '../format';
import { chosenZone } from '../store/ui';
import { tell, type Notify } from './tell';

/**
 * After room statuses change: if the room of the user's next going talk in this conference
 * keeps people out and the talk starts ten or more minutes from now, say so, once per talk
 * (claimed in Dexie, so a second window or a restart stays quiet).
 */
export async function checkRoomFull(db: LanyardDb, notify: Notify, conferenceId: string, statuses: ReadonlyMap<string, RoomStatus>, now: number): Promise<boolean> {
  if (statuses.size === 0) return false;
  const [entries, schedule, record] = await Promise.all([
    db.agenda.where('conferenceId').equals(conferenceId).filter((e) => e.star === 'going' && e.removedAt === undefined).toArray(),
    readSchedule(db, conferenceId),
    db.conferences.get(conferenceId),
  ]);
  if (!schedule || !record || entries.length === 0) return false;
  const sessions = new Map(schedule.sessions.map((s) => [s.id, s]));
  const roomNames = new Map(schedule.rooms.map((r) => [r.id, r.name]));
  const starred: StarredTalk[] = entries.flatMap((e) => {
    const s = sessions.get(e.sessionId);
    return s ? [{ sessionId: s.id, title: s.title, roomId: s.roomId, roomName: s.roomId ? roomNames.get(s.roomId) : undefined, start: Date.parse(s.start), cancelled: s.cancelled }] : [];
  });
  const alert = roomFullAlert({ now, starred, statuses });
  if (!alert) return false;
  if (!(await claimOnce(db, conferenceId, `room-full:${alert.talk.sessionId}`, now))) return false;
  const roomName = alert.talk.roomName ?? alert.talk.roomId ?? '';
  const zone = chosenZone(record.conference.timeZone);
  const state = alert.status.state === 'full' ? 'full' : roomStateLabel(alert.status.state).toLowerCase();
  await tell(db, notify, 'room', {
    tag: `room-full:${conferenceId}:${alert.talk.sessionId}`.slice(0, 700),
    title: `Room ${state} · ${record.conference.title}`.slice(0, 300),
    body: `The room of your next talk is ${state}: ${roomName} for “${alert.talk.title}” at ${clock(alert.talk.start, zone)}.`.slice(0, 2000),
    sessionRef: `${conferenceId}\n${alert.talk.sessionId}`,
  }, now);
  return true;
}
