import { z } from 'zod';

/**
 * Lanyard's normalised conference model. Every importer produces exactly this shape,
 * and it is also Lanyard's own feed format (version 1): organizers can publish it as is.
 * `schema/lanyard-feed.v1.schema.json` is generated from these definitions
 * (`npm run schema`); a test keeps the two in step.
 */
export const FEED_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max);

/**
 * The years a date in the model may fall in. 1970 is the start of the epoch the model's
 * instants are counted from, and no conference feed (the oldest formats date from the 2000s)
 * schedules anything earlier; 2200 leaves every conference that is planned or archived a wide
 * margin while keeping years at four digits and far from the limits of `Date` and `Intl`
 * (which refuse year 0, five-digit years and `0000-00-00` by throwing at display time).
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;
const YEAR_IN_RANGE = /^(19[7-9]\d|2[01]\d\d|2200)-/;
const yearMessage = `a year from ${MIN_YEAR} to ${MAX_YEAR}`;
/** The longest a session may last: as long as the longest conference has days listed (400). */
export const MAX_SPAN_DAYS = 400;
const DAY_MS = 86_400_000;

/** An absolute instant, always UTC with a `Z`: `2023-02-03T08:00:00Z`. */
export const InstantSchema = z.iso
  .datetime({ message: 'an instant in UTC, e.g. 2023-02-03T08:00:00Z' })
  .regex(YEAR_IN_RANGE, yearMessage)
  .describe(`Absolute instant in UTC (RFC 3339 with Z, seconds required), in the years ${MIN_YEAR}–${MAX_YEAR}.`);
/** A calendar date in the conference's zone. */
export const LocalDateSchema = z.iso
  .date({ message: 'a real calendar date, e.g. 2023-02-03' })
  .regex(YEAR_IN_RANGE, yearMessage)
  .describe(`Calendar date (YYYY-MM-DD) in the conference time zone, in the years ${MIN_YEAR}–${MAX_YEAR}.`);

/**
 * Whether `day` can be the conference day of a session starting at `start`: the session's
 * local date is its UTC date give or take a day (zones run from UTC−12 to UTC+14), and a day
 * that changes after midnight may claim a session of the next morning: two days before to one
 * day after the UTC date.
 */
export function isDayOfStart(day: string, start: string): boolean {
  const offset = Date.parse(start) - Date.parse(`${day}T00:00:00Z`);
  return offset >= -DAY_MS && offset < 3 * DAY_MS;
}

export const LINK_KINDS = ['stream', 'hallway', 'recording', 'video', 'slides', 'feedback', 'registration', 'other'] as const;
export const LinkKindSchema = z
  .enum(LINK_KINDS)
  .describe("What following the link gives the attendee. recording: the session's own recording; video: another video it refers to (related).");

export const LinkSchema = z
  .object({
    url: text(2048).describe('Absolute http(s) or mailto URL.'),
    title: text(500).optional(),
    kind: LinkKindSchema,
  })
  .describe('A link carried by a feed, classified by kind.');

export const SpeakerSchema = z.object({
  id: text(200).min(1),
  name: text(500).min(1),
  bio: text(100_000).optional().describe('Sanitised HTML (small allow-list).'),
  photoUrl: text(2048).optional(),
  links: z.array(LinkSchema).max(100).default([]),
});

/**
 * Rooms and tracks are named by feeds, not numbered: importers use the name as the id, so an
 * id is as long as a name may be.
 */
const NAME_ID_MAX = 500;

export const RoomSchema = z.object({
  id: text(NAME_ID_MAX).min(1),
  name: text(500).min(1),
  description: text(10_000).optional(),
  links: z.array(LinkSchema).max(100).default([]).describe('Stream and hallway links of the room; its sessions inherit them.'),
});

export const TrackSchema = z.object({
  id: text(NAME_ID_MAX).min(1),
  name: text(500).min(1),
  color: text(50).optional(),
});

export const SessionSchema = z.object({
  id: text(300).min(1).describe('Unique within this feed.'),
  guid: text(300).optional().describe('Globally unique id when the source has one.'),
  sourceId: text(300).optional().describe("The source format's own id (frab event id, Sessionize id, iCalendar UID)."),
  slug: text(500).optional(),
  title: text(1000).min(1),
  subtitle: text(1000).optional(),
  abstract: text(100_000).optional().describe('Sanitised HTML (small allow-list).'),
  description: text(100_000).optional().describe('Sanitised HTML (small allow-list).'),
  start: InstantSchema,
  end: InstantSchema,
  day: LocalDateSchema.describe('The conference day the session belongs to (a late session may start after midnight).'),
  roomId: text(NAME_ID_MAX).optional(),
  trackId: text(NAME_ID_MAX).optional(),
  type: text(200).optional().describe('lecture, workshop, keynote, break, …'),
  language: text(50).optional(),
  speakerIds: z.array(text(200)).max(200).default([]),
  links: z.array(LinkSchema).max(200).default([]),
  recordingOptOut: z.boolean().default(false),
  cancelled: z.boolean().default(false),
})
  .refine((s) => s.end >= s.start, { message: 'the session ends before it starts', path: ['end'] })
  .refine((s) => Date.parse(s.end) - Date.parse(s.start) <= MAX_SPAN_DAYS * DAY_MS, { message: `the session lasts more than ${MAX_SPAN_DAYS} days`, path: ['end'] })
  .refine((s) => isDayOfStart(s.day, s.start), { message: 'the day is not the date the session starts on', path: ['day'] })
  .describe('A session. It ends at or after its start, and its day is the date it starts on in the conference zone (or the day before, for a day that changes after midnight).');

export const ContactSchema = z.object({
  name: text(500).min(1),
  role: text(500).optional(),
  email: text(500).optional(),
  url: text(2048).optional(),
});

export const VenueSchema = z.object({
  name: text(500).optional(),
  room: text(500).optional(),
  address: text(1000).optional(),
  city: text(200).optional(),
  country: text(200).optional(),
  url: text(2048).optional(),
});

/** How to derive a room's live stream when the feed names none (see core/live/stream-rules.ts). */
export const StreamRuleSchema = z
  .object({
    pattern: text(2048)
      .optional()
      .describe('An https URL with {room} (the room name reduced to lowercase letters and digits, as FOSDEM does: "K.1.105 (La Fontaine)" → "k1105") or {roomName} (the name, URL-encoded), e.g. https://live.example.org/watch/{room}.'),
    c3voc: text(100).optional().describe("The conference's slug in c3voc's streams JSON (streaming.media.ccc.de/streams/v2.json); its rooms are matched by name."),
  })
  .describe('Stream links for rooms the feed gives none.');

export const RoomStatusSourceSchema = z
  .object({
    url: text(2048).describe('Where the room status is published: https (plain http only for this machine).'),
    format: z.enum(['fosdem']).default('fosdem').describe('fosdem: [{ "roomname": "…", "state": "0|1|2" }], 0 open, 1 full, 2 evacuate.'),
  })
  .describe("A room-status document, polled about every minute while the conference is on.");

export const LiveChannelSchema = z
  .object({
    mqtt: text(2048).describe('An MQTT broker over WebSocket: wss://… (ws:// only for this machine).'),
    topic: text(200).min(1).describe('The base topic: <topic>/revision, <topic>/announcements and <topic>/rooms/<room name>.'),
  })
  .describe('A live channel for updates pushed in seconds; polling the feed stays on as the fallback.');

export const ConferenceSchema = z.object({
  id: text(200).min(1).describe('Short stable identifier (acronym or slug).'),
  title: text(1000).min(1),
  subtitle: text(1000).optional(),
  description: text(100_000).optional().describe('Sanitised HTML (small allow-list).'),
  url: text(2048).optional(),
  timeZone: text(100).min(1).describe('IANA time zone, e.g. Europe/Brussels.'),
  start: LocalDateSchema,
  end: LocalDateSchema,
  days: z.array(LocalDateSchema).max(400),
  dayChange: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time, e.g. 04:00')
    .optional()
    .describe('Local time at which one conference day ends and the next begins (04:00: a 01:30 talk belongs to the day before). Midnight when absent.'),
  venue: VenueSchema.optional(),
  links: z.array(LinkSchema).max(100).default([]).describe('Conference-wide participation links: stream, hallway, registration, …'),
  codeOfConduct: z
    .object({
      url: text(2048).optional(),
      text: text(10_000).optional(),
      contacts: z.array(ContactSchema).max(50).default([]),
    })
    .optional(),
  streams: StreamRuleSchema.optional(),
  roomStatus: RoomStatusSourceSchema.optional(),
  live: LiveChannelSchema.optional(),
})
  .refine((c) => c.end >= c.start, { message: 'the conference ends before it starts', path: ['end'] })
  .refine((c) => c.days.every((d) => d >= c.start && d <= c.end), { message: 'a day lies outside the conference dates', path: ['days'] })
  .describe('The conference. It ends on or after its start, and its days lie between the two.');

export const ANNOUNCEMENT_SEVERITIES = ['info', 'warning', 'urgent'] as const;
export const AnnouncementSchema = z.object({
  id: text(200).min(1),
  time: InstantSchema,
  severity: z.enum(ANNOUNCEMENT_SEVERITIES).default('info'),
  text: text(2000).min(1).describe('Plain text.'),
  sessionIds: z.array(text(300)).max(500).default([]),
  roomIds: z.array(text(NAME_ID_MAX)).max(200).default([]),
});

/** The most items of each kind one feed may hold. */
export const FEED_CAPS = { rooms: 2_000, tracks: 2_000, speakers: 50_000, sessions: 20_000, announcements: 5_000 } as const;

export const FeedSchema = z.object({
  $schema: z.string().optional(),
  lanyard: z.literal(FEED_FORMAT_VERSION).describe('Lanyard feed format version.'),
  revision: text(200).optional().describe('Organizer-chosen revision label; bumped on every publish.'),
  generatedAt: InstantSchema.optional(),
  conference: ConferenceSchema,
  rooms: z.array(RoomSchema).max(FEED_CAPS.rooms).default([]),
  tracks: z.array(TrackSchema).max(FEED_CAPS.tracks).default([]),
  speakers: z.array(SpeakerSchema).max(FEED_CAPS.speakers).default([]),
  sessions: z.array(SessionSchema).max(FEED_CAPS.sessions).default([]),
  announcements: z.array(AnnouncementSchema).max(FEED_CAPS.announcements).default([]),
});

export type LinkKind = z.infer<typeof LinkKindSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type Room = z.infer<typeof RoomSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Venue = z.infer<typeof VenueSchema>;
export type Conference = z.infer<typeof ConferenceSchema>;
export type StreamRule = z.infer<typeof StreamRuleSchema>;
export type RoomStatusSource = z.infer<typeof RoomStatusSourceSchema>;
export type LiveChannel = z.infer<typeof LiveChannelSchema>;
export type Announcement = z.infer<typeof AnnouncementSchema>;
export type Feed = z.infer<typeof FeedSchema>;
