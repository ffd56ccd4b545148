import type { AgendaEntry, ConferencePrefs } from '../../../core/personal/model';
import type { ReminderRecord } from '../../../core/personal/reminders';
import { offeredHolds } from './held';
import { scheduleModel, type ScheduleModel } from './schedule-model';
import { readSchedule } from './schedules';
import type { ChangeMarkRecord, ConferenceRecord, LanyardDb, RoomRecord, SessionRecord, SpeakerRecord, SubscriptionRecord, TrackRecord } from './schema';

export interface ConferenceSummary {
  subscription: SubscriptionRecord;
  conference: ConferenceRecord | undefined;
  /** A new revision is held back for the user's review (see db/held.ts). */
  isHeld: boolean;
}

/** Every subscription with its stored conference, soonest first; archived ones last. */
export async function listConferences(db: LanyardDb): Promise<ConferenceSummary[]> {
  const [subs, confs, held] = await Promise.all([db.subscriptions.toArray(), db.conferences.toArray(), offeredHolds(db)]);
  const byId = new Map(confs.map((c) => [c.id, c]));
  return subs
    .map((subscription) => ({ subscription, conference: byId.get(subscription.id), isHeld: held.has(subscription.id) }))
    .sort((a, b) => a.subscription.archived - b.subscription.archived || (a.conference?.firstStart ?? 0) - (b.conference?.firstStart ?? 0));
}

/** A subscription's sync state (freshness, errors), for a live query of its own. */
export function loadSubscription(db: LanyardDb, id: string): Promise<SubscriptionRecord | undefined> {
  return db.subscriptions.get(id);
}

export interface ConferenceData {
  record: ConferenceRecord;
  subscription: SubscriptionRecord | undefined;
  /** The schedule read model (indexed maps), read once per stored revision. */
  schedule: ScheduleModel;
  sessions: SessionRecord[];
  speakers: ReadonlyMap<string, SpeakerRecord>;
  rooms: RoomRecord[];
  tracks: ReadonlyMap<string, TrackRecord>;
  /** The user's agenda for this conference by session id (entries removed by the organizers are keyed `removed:<old id>`). */
  agenda: Map<string, AgendaEntry>;
  reminders: Map<string, ReminderRecord>;
  /** Sessions changed in a revision the user has not looked at yet. */
  marks: Map<string, ChangeMarkRecord>;
  prefs: ConferencePrefs | undefined;
}

/** The user's own state for one conference: small, so its live query re-runs on every star without touching the schedule. */
export interface AgendaState {
  agenda: Map<string, AgendaEntry>;
  reminders: Map<string, ReminderRecord>;
  marks: Map<string, ChangeMarkRecord>;
  prefs: ConferencePrefs | undefined;
}

/** Stars, notes, reminders, change marks and reminder settings of one conference (no schedule read). */
export async function loadAgendaState(db: LanyardDb, id: string): Promise<AgendaState> {
  const [agenda, reminders, marks, prefs] = await Promise.all([
    db.agenda.where('conferenceId').equals(id).toArray(),
    db.reminders.where('conferenceId').equals(id).toArray(),
    db.changeMarks.where('conferenceId').equals(id).toArray(),
    db.prefs.get(id),
  ]);
  return {
    agenda: new Map(agenda.map((e) => [e.sessionId, e])),
    reminders: new Map(reminders.map((r) => [r.sessionId, r])),
    marks: new Map(marks.map((m) => [m.sessionId, m])),
    prefs,
  };
}

/**
 * What the views get: the conference record, its schedule read model and the user's state.
 * The subscription (sync state) is read separately with loadSubscription: it changes on every
 * sync attempt.
 */
export function conferenceData(record: ConferenceRecord, schedule: ScheduleModel, own: AgendaState, subscription: SubscriptionRecord | undefined): ConferenceData {
  return { record, subscription, schedule, sessions: schedule.sessions, speakers: schedule.speakersById, rooms: schedule.rooms, tracks: schedule.tracksById, ...own };
}

/** One conference with everything the schedule views need, read at once (tools and tests; the app reads the parts with their own live queries). */
export async function loadConference(db: LanyardDb, id: string): Promise<ConferenceData | undefined> {
  const record = await db.conferences.get(id);
  const schedule = record ? await readSchedule(db, id) : undefined;
  if (!record || !schedule) return undefined;
  return conferenceData(record, scheduleModel(id, record.storedAt, schedule), await loadAgendaState(db, id), undefined);
}
