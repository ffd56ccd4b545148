import type { AgendaEntry, ConferencePrefs } from '../../../core/personal/model';
import type { ReminderRecord } from '../../../core/personal/reminders';
import { offeredHolds } from './held';
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
  sessions: SessionRecord[];
  speakers: Map<string, SpeakerRecord>;
  rooms: RoomRecord[];
  tracks: Map<string, TrackRecord>;
  /** The user's agenda for this conference by session id (entries removed by the organizers are keyed `removed:<old id>`). */
  agenda: Map<string, AgendaEntry>;
  reminders: Map<string, ReminderRecord>;
  /** Sessions changed in a revision the user has not looked at yet. */
  marks: Map<string, ChangeMarkRecord>;
  prefs: ConferencePrefs | undefined;
}

/**
 * One conference with everything the schedule views need. The subscription (sync state) is
 * read separately with loadSubscription: it changes on every sync attempt, and a live query
 * here would re-read every session each time. `subscription` is left undefined.
 */
export async function loadConference(db: LanyardDb, id: string): Promise<ConferenceData | undefined> {
  const record = await db.conferences.get(id);
  if (!record) return undefined;
  const subscription: SubscriptionRecord | undefined = undefined;
  const [schedule, agenda, reminders, marks, prefs] = await Promise.all([
    readSchedule(db, id),
    db.agenda.where('conferenceId').equals(id).toArray(),
    db.reminders.where('conferenceId').equals(id).toArray(),
    db.changeMarks.where('conferenceId').equals(id).toArray(),
    db.prefs.get(id),
  ]);
  return {
    record,
    subscription,
    sessions: schedule?.sessions ?? [],
    speakers: new Map(schedule?.speakers.map((s) => [s.id, s])),
    rooms: schedule?.rooms ?? [],
    tracks: new Map(schedule?.tracks.map((t) => [t.id, t])),
    agenda: new Map(agenda.map((e) => [e.sessionId, e])),
    reminders: new Map(reminders.map((r) => [r.sessionId, r])),
    marks: new Map(marks.map((m) => [m.sessionId, m])),
    prefs,
  };
}
