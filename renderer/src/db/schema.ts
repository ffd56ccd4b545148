import Dexie, { type EntityTable } from 'dexie';
import type { FeedWarning } from '../../../core/errors';
import type { SessionChange } from '../../../core/feed/diff';
import type { FormatId } from '../../../core/formats/sniff';
import type { AgendaEntry, ConferencePrefs, WatchLater } from '../../../core/personal/model';
import type { ReminderRecord } from '../../../core/personal/reminders';
import type { Announcement, Conference, Room, Session, Speaker, Track } from '../../../core/model/schema';

/** How the user subscribed, and everything sync needs to keep the copy fresh. */
export interface SubscriptionRecord {
  /** The conference's key in this app, e.g. `fosdem-2020`. */
  id: string;
  source: 'sample' | 'url' | 'file';
  url?: string;
  fileName?: string;
  /** The subscriber's zone for feeds that name none. */
  timeZone?: string;
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
}

export type SessionRecord = Session & { conferenceId: string };
export type SpeakerRecord = Speaker & { conferenceId: string };
export type RoomRecord = Room & { conferenceId: string; order: number };
export type TrackRecord = Track & { conferenceId: string };
export type AnnouncementRecord = Announcement & { conferenceId: string };

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
  kind: 'reminder' | 'missed' | 'changes';
  title: string;
  body: string;
  sessionRef?: string;
  /** Live stream / hallway links the notification offered. */
  actions?: Array<{ label: string; url: string }>;
  /** What the system did with it: shown, or why not. */
  outcome: 'shown' | 'not-allowed' | 'unsupported' | 'failed';
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

/**
 * Lanyard's IndexedDB store. Never edit a shipped version: add `version(n + 1)` with an
 * upgrade and a test that opens a database written by version n.
 */
export class LanyardDb extends Dexie {
  subscriptions!: EntityTable<SubscriptionRecord, 'id'>;
  conferences!: EntityTable<ConferenceRecord, 'id'>;
  sessions!: Dexie.Table<SessionRecord, [string, string]>;
  speakers!: Dexie.Table<SpeakerRecord, [string, string]>;
  rooms!: Dexie.Table<RoomRecord, [string, string]>;
  tracks!: Dexie.Table<TrackRecord, [string, string]>;
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

  constructor(name = 'lanyard') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 adds personal data; v1's tables are unchanged, so no upgrade function is needed.
    this.version(2).stores({
      agenda: '[conferenceId+sessionId], conferenceId, star',
      prefs: 'conferenceId',
      watchLater: '[conferenceId+sessionId], conferenceId, addedAt',
      reminders: '[conferenceId+sessionId], conferenceId, fireAt, state',
      changeMarks: '[conferenceId+sessionId], conferenceId',
      notices: '++id, at',
      trustedHosts: 'host',
      announcementSeen: '[conferenceId+id], conferenceId',
      photos: 'url',
    });
  }
}
