import { z } from 'zod';
import { LiveChannelSchema } from '../model/schema';

/**
 * Everything personal the attendee keeps in Lanyard: subscriptions, the agenda (stars, notes,
 * reminder overrides), per-conference reminder settings and the "watch later" list. This is
 * the shape of the mirror file the host keeps in the user-data folder and of the file
 * "Export my data" writes, so it is versioned and validated on the way in.
 *
 * Personal entries point at a session by the id it has in the stored revision *and* carry the
 * session's identity (guid, source id, title, speakers, day), so they can be re-attached after
 * an organizer renumbers sessions, and offered "closest candidates" when a session disappears.
 */
export const PERSONAL_FORMAT = 'lanyard-personal';
export const PERSONAL_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max);
const epochMs = z.number().int().nonnegative();

export const SessionIdentitySchema = z
  .object({
    /** Session id in the revision the entry was last attached to. */
    id: text(500).min(1),
    guid: text(500).optional(),
    sourceId: text(500).optional(),
    title: text(1000),
    /** Speaker names, as displayed. */
    speakers: z.array(text(300)).max(100),
    /** Conference-local day, YYYY-MM-DD. */
    day: text(10),
    /** ISO instant of the start when the entry was last attached. */
    start: text(40),
    /** A removed session's end, room and track in the last revision that had it (set when it is removed), to show what it was. */
    end: text(40).optional(),
    room: text(500).optional(),
    track: text(500).optional(),
  })
  .strict();

export const STAR_LEVELS = ['going', 'maybe'] as const;
export const StarSchema = z.enum(STAR_LEVELS);

export const AgendaEntrySchema = z
  .object({
    conferenceId: text(200).min(1),
    sessionId: text(500).min(1),
    identity: SessionIdentitySchema,
    /** Absent when the entry only holds a note or a reminder override. */
    star: StarSchema.optional(),
    note: text(20_000).optional(),
    /** Minutes before the start; overrides the conference default. `null` = no reminder for this session. */
    reminderMinutes: z.number().int().min(0).max(24 * 60).nullable().optional(),
    /** Set when the organizers removed the session; the entry stays in the agenda. */
    removedAt: epochMs.optional(),
    updatedAt: epochMs,
  })
  .strict();

export const ConferencePrefsSchema = z
  .object({
    conferenceId: text(200).min(1),
    remindersEnabled: z.boolean(),
    /** Default minutes before a "going" session (10 unless the user chose otherwise). */
    reminderMinutes: z.number().int().min(0).max(24 * 60),
  })
  .strict();

export const WatchLaterSchema = z
  .object({
    conferenceId: text(200).min(1),
    sessionId: text(500).min(1),
    identity: SessionIdentitySchema,
    addedAt: epochMs,
    watchedAt: epochMs.optional(),
  })
  .strict();

export const PersonalSubscriptionSchema = z
  .object({
    id: text(200).min(1),
    source: z.enum(['sample', 'url', 'file']),
    url: text(2048).optional(),
    fileName: text(500).optional(),
    timeZone: text(100).optional(),
    /** The name the subscriber gave the conference. */
    title: text(300).optional(),
    /** The live channel the subscription link carried (`…&live=wss://…&topic=…`); checked again before use. */
    live: LiveChannelSchema.strict().optional(),
    addedAt: epochMs,
    archived: z.union([z.literal(0), z.literal(1)]),
  })
  .strict();

export const PersonalDataSchema = z
  .object({
    format: z.literal(PERSONAL_FORMAT),
    version: z.literal(PERSONAL_FORMAT_VERSION),
    savedAt: epochMs,
    subscriptions: z.array(PersonalSubscriptionSchema).max(10_000),
    agenda: z.array(AgendaEntrySchema).max(200_000),
    prefs: z.array(ConferencePrefsSchema).max(10_000),
    watchLater: z.array(WatchLaterSchema).max(200_000),
  })
  .strict();

export type SessionIdentity = z.infer<typeof SessionIdentitySchema>;
export type Star = z.infer<typeof StarSchema>;
export type AgendaEntry = z.infer<typeof AgendaEntrySchema>;
export type ConferencePrefs = z.infer<typeof ConferencePrefsSchema>;
export type WatchLater = z.infer<typeof WatchLaterSchema>;
export type PersonalSubscription = z.infer<typeof PersonalSubscriptionSchema>;
export type PersonalData = z.infer<typeof PersonalDataSchema>;

export const DEFAULT_REMINDER_MINUTES = 10;

export function emptyPersonalData(savedAt: number): PersonalData {
  return { format: PERSONAL_FORMAT, version: PERSONAL_FORMAT_VERSION, savedAt, subscriptions: [], agenda: [], prefs: [], watchLater: [] };
}
