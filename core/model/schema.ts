import { z } from 'zod';

/**
 * Lanyard's normalised conference model. Every importer produces exactly this shape,
 * and it is also Lanyard's own feed format (version 1): organizers can publish it as is.
 * `schema/lanyard-feed.v1.schema.json` is generated from these definitions
 * (`npm run schema`); a test keeps the two in step.
 */
export const FEED_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max);
/** An absolute instant, always UTC with a `Z`: `2023-02-03T08:00:00Z`. */
export const InstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'an instant in UTC, e.g. 2023-02-03T08:00:00Z')
  .describe('Absolute instant in UTC (ISO 8601 with Z).');
/** A calendar date in the conference's zone. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, e.g. 2023-02-03')
  .describe('Calendar date (YYYY-MM-DD) in the conference time zone.');

export const LINK_KINDS = ['stream', 'hallway', 'recording', 'slides', 'feedback', 'registration', 'other'] as const;
export const LinkKindSchema = z.enum(LINK_KINDS).describe('What following the link gives the attendee.');

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

export const RoomSchema = z.object({
  id: text(200).min(1),
  name: text(500).min(1),
  description: text(10_000).optional(),
  links: z.array(LinkSchema).max(100).default([]).describe('Stream and hallway links of the room; its sessions inherit them.'),
});

export const TrackSchema = z.object({
  id: text(200).min(1),
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
  roomId: text(200).optional(),
  trackId: text(200).optional(),
  type: text(200).optional().describe('lecture, workshop, keynote, break, …'),
  language: text(50).optional(),
  speakerIds: z.array(text(200)).max(200).default([]),
  links: z.array(LinkSchema).max(200).default([]),
  recordingOptOut: z.boolean().default(false),
  cancelled: z.boolean().default(false),
});

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
});

export const ANNOUNCEMENT_SEVERITIES = ['info', 'warning', 'urgent'] as const;
export const AnnouncementSchema = z.object({
  id: text(200).min(1),
  time: InstantSchema,
  severity: z.enum(ANNOUNCEMENT_SEVERITIES).default('info'),
  text: text(2000).min(1).describe('Plain text.'),
  sessionIds: z.array(text(300)).max(500).default([]),
  roomIds: z.array(text(200)).max(200).default([]),
});

export const FeedSchema = z.object({
  $schema: z.string().optional(),
  lanyard: z.literal(FEED_FORMAT_VERSION).describe('Lanyard feed format version.'),
  revision: text(200).optional().describe('Organizer-chosen revision label; bumped on every publish.'),
  generatedAt: InstantSchema.optional(),
  conference: ConferenceSchema,
  rooms: z.array(RoomSchema).max(2_000).default([]),
  tracks: z.array(TrackSchema).max(2_000).default([]),
  speakers: z.array(SpeakerSchema).max(50_000).default([]),
  sessions: z.array(SessionSchema).max(20_000).default([]),
  announcements: z.array(AnnouncementSchema).max(5_000).default([]),
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
