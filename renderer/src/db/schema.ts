import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { FeedWarning } from '../../../core/errors';
import type { SessionChange } from '../../../core/feed/diff';
import type { FormatId } from '../../../core/formats/sniff';
import type { AgendaEntry, ConferencePrefs, WatchLater } from '../../../core/personal/model';
import type { ReminderRecord } from '../../../core/personal/reminders';
import type { Announcement, Conference, Link, LiveChannel, Room, Session, Speaker, Track } from '../../../core/model/schema';
import { reclassifyRelatedVideos } from './upgrade-related-videos';

/** How the user subscribed, and everything sync needs to keep the copy fresh. */
export interface SubscriptionRecord {
  /** The conference's key in this app, e.g. `fosdem-2020`. */
  id: string;
  source: 'sample' | 'url' | 'file';
  url?: string;
  fileName?: string;
  /**
   * The zone the subscriber chose (subscribe form, or "Name and time zone" later). It overrides
   * the feed's and is applied on every sync; absent: the feed's zone, or the one inferred from it.
   */
  timeZone?: string;
  /** The name the subscriber gave the conference; it replaces the feed's title in every revision. */
  title?: string;
  addedAt: number;
  archived: 0 | 1;
  etag?: string;
  lastModified?: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  lastChangeAt?: number;
  lastError?: { at: number; message: string; kind: 'fetch' | 'parse' | 'held' | 'store'; status?: number; retryAfterSeconds?: number };
  failures: number;
  nextPollAt?: number;
  /** A live channel carried by the subscription link (`…&live=wss://…&topic=…`); one the feed declares wins. */
  live?: LiveChannel;
}

export interface ConferenceRecord {
  id: string;
  conference: Conference;
  format: FormatId;
  revision?: string;
  warnings: FeedWarning[];
  sessionCount: number;
  /** First session start and last session end, as epoch ms, for polling and "live" checks. */
  firstStart: number;
  lastEnd: number;
  storedAt: number;
  /** Version 3: the distinct photo URLs the speakers give, so the photo cache need not read the schedule. */
  photoUrls: string[];
}

export type SessionRecord = Session & { conferenceId: string };
export type SpeakerRecord = Speaker & { conferenceId: string };
export type RoomRecord = Room & { conferenceId: string; order: number };
export type TrackRecord = Track & { conferenceId: string };

/**
 * Version 3: a conference's sessions, speakers, rooms and tracks as ONE row. The views read a
 * conference whole, and IndexedDB's cost is per row: FOSDEM 2020 as ~1,750 rows took ~300 ms
 * to write in Chromium, as one row ~40 ms. Sessions are kept by start (then id), speakers and
 * tracks by id, rooms in feed order; rows read back carry `conferenceId` (see db/schedules.ts).
 */
export interface ScheduleRecord {
  id: string;
  sessions: Session[];
  speakers: Speaker[];
  rooms: Room[];
  tracks: Track[];
}
/** `via: 'push'` marks an announcement that arrived on the live channel: a new revision of the feed does not delete it. */
export type AnnouncementRecord = Announcement & { conferenceId: string; via?: 'push' };

/**
 * A speaker photo cached for offline use, keyed by the URL the feed gives (shared by every
 * conference that names it). `blob` is absent while the photo could not be fetched yet;
 * `failedAt`/`failures` space out the retries.
 */
export interface PhotoRecord {
  url: string;
  blob?: Blob;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  fetchedAt?: number;
  failedAt?: number;
  failures: number;
  lastError?: string;
}

export interface RevisionRecord {
  id?: number;
  conferenceId: string;
  at: number;
  revision?: string;
  counts: Record<string, number>;
  changes: SessionChange[];
  /** Set once a window has told the user about this revision's changes to their agenda (claimed, so only one does). */
  notifiedAt?: number;
}

/** A session changed in a revision the user has not looked at yet: shown as a mark until seen. */
export interface ChangeMarkRecord {
  conferenceId: string;
  sessionId: string;
  revisionId: number;
  at: number;
  tags: SessionChange['tags'];
}

/** A notification Lanyard showed (or tried to): the in-app list of recent notifications. */
export interface NoticeRecord {
  id?: number;
  at: number;
  kind: 'reminder' | 'missed' | 'changes' | 'held' | 'room' | 'recording';
  title: string;
  body: string;
  sessionRef?: string;
  /** Live stream / hallway links the notification offered. */
  actions?: Array<{ label: string; url: string }>;
  /** What the system did with it: shown, or why not. */
  outcome: 'shown' | 'not-allowed' | 'unsupported' | 'failed';
  /** A reminder the system did not show stays on screen inside Lanyard until the user has seen it (dismissed or opened it). Not indexed. */
  seenInAppAt?: number;
}

/** A host the user allowed links to ("ask once per unknown host"); lowercase punycode. */
export interface TrustedHostRecord {
  host: string;
  addedAt: number;
}

/**
 * An announcement this profile has already dealt with: notified, or deliberately not (old ones
 * arriving with a new subscription). One row per announcement, so a restart or a second window
 * never notifies again.
 */
export interface AnnouncementSeenRecord {
  conferenceId: string;
  id: string;
  seenAt: number;
  notified: boolean;
  /** A copy as first received, so the history keeps it after organizers drop it from the feed. */
  announcement?: Announcement;
}

/**
 * Version 5: a revision the shrink guard held back instead of applying (it lost most of its
 * sessions), one per conference, so the user can review it, apply it anyway or keep the
 * current copy. Kept out of the subscription record on purpose: the text can be megabytes
 * and must not reach the personal-data mirror. Replaced by any later revision that is
 * stored, and deleted with it.
 */
export interface HeldRevisionRecord {
  conferenceId: string;
  /** The fetched text, exactly as it arrived (never longer than the feed cap, LIMITS.maxInputChars). */
  text: string;
  /** SHA-256 of the text, hex: recognises the same revision arriving again without an ETag. */
  hash: string;
  etag?: string;
  lastModified?: string;
  /** The feed's own revision label, if it has one. */
  revision?: string;
  /** When it first arrived, and when a poll last saw it again (200 with the same bytes or ETag, or 304). */
  arrivedAt: number;
  lastSeenAt: number;
  /** Sessions in the stored copy and in the held revision. */
  before: number;
  after: number;
  /** What it would change, against the stored copy it was held against. */
  counts: Record<string, number>;
  changes: SessionChange[];
  /** Set when the user chose "Keep the current copy": the same revision is not offered again. */
  dismissedAt?: number;
  /** When a window notified the user about this hold (claimed, so only one does); 0 until then (indexed, so the alert tick reads only unclaimed holds, never every held text). */
  notifiedAt: number;
  /** What the model's boundary left out of the held revision, when anything (not indexed: no new schema version). */
  leftOut?: FeedWarning[];
}

/**
 * Version 8: something the live services told the user (or decided not to), claimed once per
 * profile like announcements: `room-full:<sessionId>` (the room of the next starred talk is
 * full), `recording:<sessionId>` (its recording is out, or was already there when first seen),
 * `no-recording:<sessionId>` (seen without one, so its arrival is news).
 */
export interface LiveClaimRecord {
  conferenceId: string;
  key: string;
  at: number;
  notified: boolean;
}

/**
 * Version 8: what media.ccc.de said about a watched CCC session, looked up by its guid:
 * the recording links once published, and when to ask again until then.
 */
export interface ExternalRecordingRecord {
  conferenceId: string;
  sessionId: string;
  guid: string;
  links: Link[];
  checkedAt?: number;
  failures: number;
  lastError?: string;
}

/** Version 8's added tables, exactly as shipped. */
const SCHEMA_V8 = {
  liveClaims: '[conferenceId+key], conferenceId',
  externalRecordings: '[conferenceId+sessionId], conferenceId',
} as const;

/** Version 5's added table, exactly as shipped. */
export const SCHEMA_V5 = {
  // dismissedAt and notifiedAt are indexed so the sidebar and the alert tick find the holds they want by key, without reading the texts.
  held: 'conferenceId, dismissedAt, notifiedAt',
} as const;

/**
 * Version 6: the text of the revision a conference's stored copy was read from, one per
 * conference, so that changing the conference's time zone can read its floating local times
 * again (FOSDEM XML, Sessionize, xCal give no offsets) without the network, and for
 * conferences added from a file. Like the held revision, kept out of the subscription record:
 * it can be megabytes and must not reach the personal-data mirror.
 */
export interface SourceRecord {
  conferenceId: string;
  /** The feed text exactly as it arrived (never longer than the feed cap, LIMITS.maxInputChars). */
  text: string;
  storedAt: number;
}

/** Version 6's added table, exactly as shipped. */
export const SCHEMA_V6 = {
  sources: 'conferenceId',
} as const;

/**
 * Version 7: the sync folder's own bookkeeping. `syncBase` holds, per synced item, the value
 * this profile and the sync folder last agreed on (what a change is measured against);
 * `syncMeta` holds the device id and name, the hybrid logical clock, and which folder the base
 * belongs to. Kept in this database on purpose: a wiped store loses them together with the
 * data they describe, so a stale base can never turn an empty store into deletions.
 */
const SCHEMA_V7 = {
  syncBase: 'key',
  syncMeta: 'key',
} as const;

export interface SyncBaseRecord {
  /** keyId of the item (JSON of its key tuple). */
  key: string;
  /** valueText of the agreed value. */
  value: string;
}

export interface SyncMetaRecord {
  key: string;
  value: unknown;
}

/** Version 1's tables, exactly as shipped (upgrade tests open a database written with these). */
export const SCHEMA_V1 = {
  subscriptions: 'id, archived, nextPollAt',
  conferences: 'id',
  sessions: '[conferenceId+id], conferenceId, [conferenceId+day], start',
  speakers: '[conferenceId+id], conferenceId',
  rooms: '[conferenceId+id], conferenceId',
  tracks: '[conferenceId+id], conferenceId',
  announcements: '[conferenceId+id], conferenceId',
  revisions: '++id, conferenceId, [conferenceId+at]',
} as const;

/** Version 2's added tables, exactly as shipped (upgrade tests write a database with these). */
export const SCHEMA_V2 = {
  agenda: '[conferenceId+sessionId], conferenceId, star',
  prefs: 'conferenceId',
  watchLater: '[conferenceId+sessionId], conferenceId, addedAt',
  reminders: '[conferenceId+sessionId], conferenceId, fireAt, state',
  changeMarks: '[conferenceId+sessionId], conferenceId',
  notices: '++id, at',
  trustedHosts: 'host',
  announcementSeen: '[conferenceId+id], conferenceId',
  photos: 'url',
} as const;

/**
 * Lanyard's IndexedDB store. Never edit a shipped version: add `version(n + 1)` with an
 * upgrade and a test that opens a database written by version n.
 */
export class LanyardDb extends Dexie {
  subscriptions!: EntityTable<SubscriptionRecord, 'id'>;
  conferences!: EntityTable<ConferenceRecord, 'id'>;
  /** Version 3: one row per conference (replaces version 1's sessions, speakers, rooms and tracks tables). */
  schedules!: EntityTable<ScheduleRecord, 'id'>;
  announcements!: Dexie.Table<AnnouncementRecord, [string, string]>;
  revisions!: EntityTable<RevisionRecord, 'id'>;
  /** Version 2: the personal agenda (stars, notes, reminder overrides), mirrored to a file by the host. */
  agenda!: Dexie.Table<AgendaEntry, [string, string]>;
  prefs!: EntityTable<ConferencePrefs, 'conferenceId'>;
  watchLater!: Dexie.Table<WatchLater, [string, string]>;
  /** Reminders with their absolute fire time; a window claims one (planned → fired) before showing it. */
  reminders!: Dexie.Table<ReminderRecord, [string, string]>;
  /** Unseen changes per session. */
  changeMarks!: Dexie.Table<ChangeMarkRecord, [string, string]>;
  notices!: EntityTable<NoticeRecord, 'id'>;
  /** Version 2: hosts the user allowed external links to. */
  trustedHosts!: EntityTable<TrustedHostRecord, 'host'>;
  /** Version 2: announcements already notified (or silenced), so each notifies once. */
  announcementSeen!: Dexie.Table<AnnouncementSeenRecord, [string, string]>;
  /** Version 2: speaker photos cached for offline use. */
  photos!: EntityTable<PhotoRecord, 'url'>;
  /** Version 5: a revision held back by the shrink guard, per conference (see HeldRevisionRecord). */
  held!: EntityTable<HeldRevisionRecord, 'conferenceId'>;
  /** Version 6: the feed text each stored copy was read from (see SourceRecord). */
  sources!: EntityTable<SourceRecord, 'conferenceId'>;
  /** Version 7: the sync folder's agreed values per item, and its device id, clock and folder. */
  syncBase!: EntityTable<SyncBaseRecord, 'key'>;
  syncMeta!: EntityTable<SyncMetaRecord, 'key'>;
  /** Version 8: room-full and recording notices claimed once (see LiveClaimRecord). */
  liveClaims!: Dexie.Table<LiveClaimRecord, [string, string]>;
  /** Version 8: recordings found on media.ccc.de for watched CCC sessions. */
  externalRecordings!: Dexie.Table<ExternalRecordingRecord, [string, string]>;

  constructor(name = 'lanyard') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 adds personal data; v1's tables are unchanged, so no upgrade function is needed.
    this.version(2).stores(SCHEMA_V2);
    // Version 3 moves each conference's sessions, speakers, rooms and tracks into one row;
    // version 4 drops the old tables (Dexie lets an upgrade read a table only a later version deletes).
    this.version(3).stores({ schedules: 'id' }).upgrade(moveRowsIntoSchedules);
    this.version(4).stores({ sessions: null, speakers: null, rooms: null, tracks: null });
    // Version 5 adds the held-back revision table; nothing older changes, so no upgrade function.
    this.version(5).stores(SCHEMA_V5);
    // Version 6 adds the feed texts. Nothing older changes and older copies have no text to
    // move (a conference gets its text with its next revision), so no upgrade function.
    this.version(6).stores(SCHEMA_V6);
    // Version 7 adds the sync folder's bookkeeping; nothing older changes, so no upgrade function.
    this.version(7).stores(SCHEMA_V7);
    // Version 8 adds the live services' claims and media.ccc.de lookups; nothing older changes.
    this.version(8).stores(SCHEMA_V8);
    // Version 9 tells a session's own recording from videos it refers to (link kind `video`);
    // no table changes, stored links are reclassified.
    this.version(9).stores({}).upgrade(reclassifyRelatedVideos);
  }
}

type Keyed = { conferenceId: string; id: string };

function byConference<T extends Keyed>(rows: readonly T[]): Map<string, Array<Omit<T, 'conferenceId'>>> {
  const out = new Map<string, Array<Omit<T, 'conferenceId'>>>();
  for (const { conferenceId, ...row } of rows) {
    const list = out.get(conferenceId);
    if (list) list.push(row);
    else out.set(conferenceId, [row]);
  }
  return out;
}

/** The version 2 → 3 upgrade: every conference's rows, grouped into its schedule row in the orders version 2 read them in. */
async function moveRowsIntoSchedules(tx: Transaction): Promise<void> {
  const [sessions, speakers, rooms, tracks] = await Promise.all([
    tx.table<SessionRecord>('sessions').toArray(),
    tx.table<SpeakerRecord>('speakers').toArray(),
    tx.table<RoomRecord>('rooms').toArray(),
    tx.table<TrackRecord>('tracks').toArray(),
  ]);
  const [s, p, r, t] = [byConference(sessions), byConference(speakers), byConference(rooms), byConference(tracks)];
  const ids = new Set([...s.keys(), ...p.keys(), ...r.keys(), ...t.keys()]);
  const schedules: ScheduleRecord[] = [...ids].map((id) => ({
    id,
    sessions: sortSessions(s.get(id) ?? []),
    speakers: p.get(id) ?? [],
    rooms: (r.get(id) ?? []).sort((a, b) => a.order - b.order).map(({ order: _o, ...room }) => room),
    tracks: t.get(id) ?? [],
  }));
  await tx.table('schedules').bulkPut(schedules);
  await tx.table<ConferenceRecord>('conferences').toCollection().modify((record) => {
    record.photoUrls = speakerPhotoUrls(p.get(record.id) ?? []);
  });
}

/** The distinct photo URLs a conference's speakers give. */
export function speakerPhotoUrls(speakers: ReadonlyArray<Pick<Speaker, 'photoUrl'>>): string[] {
  return [...new Set(speakers.flatMap((s) => (s.photoUrl ? [s.photoUrl] : [])))];
}

/** Sessions by start, then id: the order the schedule views and diffs read them in. */
export function sortSessions<T extends { start: string; id: string }>(sessions: T[]): T[] {
  return sessions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
