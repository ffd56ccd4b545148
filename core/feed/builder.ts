import { FeedError, type WarningLog } from '../errors';
import { LIMITS } from '../limits';
import {
  FEED_FORMAT_VERSION,
  type Announcement,
  type Conference,
  type Feed,
  type Link,
  type Room,
  type Session,
  type Speaker,
  type Track,
} from '../model/schema';
import { isPossibleDate } from '../model/quick-session';
import { cleanText, type TextMarkup } from '../text/html';
import { sanitizeFeedText } from '../text/rich-text';
import { capLength } from '../text/truncate';
import { formatDayChange } from '../time/days';
import { conferenceDayOf, dateRange, formatInstant } from '../time/zone';
import { cancelledPrefix } from './cancelled';
import { uniqueLinks } from './links';

export interface SpeakerInput {
  /** The source's id for the person; `0` or empty means "no real id" (FOSDEM, frab). */
  sourceId?: string | undefined;
  name: string | undefined;
  bio?: string | undefined;
  /** How the bio is written: HTML/plain text (default) or Markdown (pretalx, CCC hub). */
  markup?: TextMarkup | undefined;
  photoUrl?: string | undefined;
  links?: ReadonlyArray<Link | undefined>;
  where: string;
}

export interface SessionInput {
  guid?: string | undefined;
  sourceId?: string | undefined;
  slug?: string | undefined;
  title: string | undefined;
  subtitle?: string | undefined;
  /** Raw HTML or plain text; sanitised here. */
  abstract?: string | undefined;
  description?: string | undefined;
  /** How abstract and description are written: HTML/plain text (default) or Markdown (pretalx, CCC hub). */
  markup?: TextMarkup | undefined;
  start: number;
  end: number;
  /** The conference day, when the feed says it; otherwise computed from the start. */
  day?: string | undefined;
  room?: string | undefined;
  track?: string | undefined;
  type?: string | undefined;
  language?: string | undefined;
  speakerIds?: readonly string[];
  links?: ReadonlyArray<Link | undefined>;
  recordingOptOut?: boolean | undefined;
  cancelled?: boolean | undefined;
  where: string;
}

export interface ConferenceInput {
  id?: string | undefined;
  title: string | undefined;
  subtitle?: string | undefined;
  description?: string | undefined;
  markup?: TextMarkup | undefined;
  url?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  venue?: Conference['venue'];
  links?: ReadonlyArray<Link | undefined>;
  codeOfConduct?: Conference['codeOfConduct'];
}

/** Date can show it (years up to 275760); beyond, `toISOString` throws. */
function isRepresentable(epochMs: number): boolean {
  return Math.abs(epochMs) <= 8.64e15;
}

function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'conference';
}

/** An absolute http(s) URL as the URL parser normalises it (quotes and spaces encoded), or undefined. */
function httpUrl(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text || !/^https?:\/\//i.test(text)) return undefined;
  try {
    const { href } = new URL(text);
    return href.length <= LIMITS.maxUrlChars ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Assembles a normalised feed from what an importer reads, so that every format gets the
 * same treatment: text cleaned and capped, rich text sanitised, rooms, tracks and people
 * de-duplicated, ids made unique (duplicates kept, each with a warning), caps enforced.
 */
export class FeedBuilder {
  private readonly rooms = new Map<string, Room>();
  private readonly tracks = new Map<string, Track>();
  private readonly speakers = new Map<string, Speaker>();
  private readonly speakerKeys = new Map<string, string>();
  private readonly sessions: Session[] = [];
  private readonly sessionIds = new Set<string>();
  private readonly guids = new Set<string>();
  private readonly announcements: Announcement[] = [];

  constructor(
    readonly timeZone: string,
    readonly warnings: WarningLog,
    /** Minutes after local midnight at which one conference day ends and the next begins. */
    readonly dayChangeMinutes = 0,
  ) {}

  /** Registers a room by name and returns its id (the name itself: stable across revisions). */
  room(rawName: string | undefined, links: ReadonlyArray<Link | undefined> = []): string | undefined {
    const name = capLength(cleanText(rawName), LIMITS.maxShortChars, this.warnings, 'room');
    if (!name) return undefined;
    const existing = this.rooms.get(name);
    if (existing) {
      if (links.length > 0) existing.links = uniqueLinks([...existing.links, ...links]);
      return existing.id;
    }
    if (this.rooms.size >= LIMITS.maxRooms) throw new FeedError('too-many', `The feed has more than ${LIMITS.maxRooms} rooms`);
    this.rooms.set(name, { id: name, name, links: uniqueLinks(links) });
    return name;
  }

  track(rawName: string | undefined, color?: string): string | undefined {
    const name = capLength(cleanText(rawName), LIMITS.maxShortChars, this.warnings, 'track');
    if (!name) return undefined;
    if (!this.tracks.has(name)) {
      if (this.tracks.size >= LIMITS.maxTracks) throw new FeedError('too-many', `The feed has more than ${LIMITS.maxTracks} tracks`);
      const c = color?.trim();
      this.tracks.set(name, c && /^#[0-9a-f]{3,8}$/i.test(c) ? { id: name, name, color: c } : { id: name, name });
    }
    return name;
  }

  /**
   * Registers a person and returns their id. People are the same person when the source
   * gives the same real id; without one (`id="0"`, none at all) the name decides.
   */
  speaker(input: SpeakerInput): string | undefined {
    const name = capLength(cleanText(input.name), LIMITS.maxShortChars, this.warnings, input.where);
    if (!name) {
      this.warnings.add('speaker-unnamed', 'A person without a name was left out.', input.where);
      return undefined;
    }
    const sourceId = input.sourceId?.trim().slice(0, 200);
    const hasRealId = sourceId !== undefined && sourceId !== '' && sourceId !== '0';
    if (sourceId === '0') {
      this.warnings.add('person-id-zero', `"${name}" has the placeholder id 0; people with it are told apart by name.`, input.where);
    }
    const key = hasRealId ? `id:${sourceId}` : `name:${name.toLowerCase()}`;
    const known = this.speakerKeys.get(key);
    const bio = capLength(sanitizeFeedText(input.bio, input.markup), LIMITS.maxTextChars, this.warnings, input.where);
    const photoUrl = httpUrl(input.photoUrl);
    if (known) {
      const speaker = this.speakers.get(known)!;
      if (!speaker.bio && bio) speaker.bio = bio;
      if (!speaker.photoUrl && photoUrl) speaker.photoUrl = photoUrl;
      if (input.links?.length) speaker.links = uniqueLinks([...speaker.links, ...input.links]);
      return known;
    }
    if (this.speakers.size >= LIMITS.maxSpeakers) throw new FeedError('too-many', `The feed has more than ${LIMITS.maxSpeakers} people`);
    let id = hasRealId ? sourceId : slugify(name);
    for (let n = 2; this.speakers.has(id); n += 1) id = `${hasRealId ? sourceId : slugify(name)}~${n}`;
    const speaker: Speaker = { id, name, links: uniqueLinks(input.links ?? []) };
    if (bio) speaker.bio = bio;
    if (photoUrl) speaker.photoUrl = photoUrl;
    this.speakers.set(id, speaker);
    this.speakerKeys.set(key, id);
    return id;
  }

  /** Known speaker by id, to fill in details found later (bio from a second document). */
  speakerById(id: string): Speaker | undefined {
    return this.speakers.get(id);
  }

  /**
   * Adds a session. One without a readable start or end is left out with a warning; one with
   * impossible times (year 0, ending before it starts) is kept here and left out, named, by
   * the model's boundary (model/boundary.ts).
   */
  session(input: SessionInput): Session | undefined {
    if (this.sessions.length >= LIMITS.maxSessions) {
      throw new FeedError('too-many', `The feed has more than ${LIMITS.maxSessions} sessions`, input.where);
    }
    const w = this.warnings;
    if (!Number.isFinite(input.start) || !Number.isFinite(input.end) || !isRepresentable(input.start) || !isRepresentable(input.end)) {
      const which = !Number.isFinite(input.start) || !isRepresentable(input.start) ? 'start' : 'end';
      w.add('session-dropped', `Session "${cleanText(input.title)?.slice(0, 80) ?? 'untitled'}"${input.sourceId ? ` (id ${input.sourceId})` : ''} was left out: its ${which} time cannot be read.`, input.where);
      return undefined;
    }
    const guid = cleanText(input.guid)?.slice(0, 300);
    const sourceId = cleanText(input.sourceId)?.slice(0, 300);
    if (guid) {
      if (this.guids.has(guid)) w.add('duplicate-guid', `The guid ${guid} is used by more than one session; each is kept.`, input.where);
      this.guids.add(guid);
    }
    // Without an id from the source, one made of title and start stays stable across revisions.
    const baseId = guid ?? sourceId ?? `${slugify(input.title ?? 'session')}-${formatInstant(input.start).replace(/[-:]/g, '').slice(0, 13)}`;
    let id = baseId;
    if (this.sessionIds.has(id)) {
      if (!guid) w.add('duplicate-id', `The id ${baseId} is used by more than one session; each is kept.`, input.where);
      for (let n = 2; this.sessionIds.has(id); n += 1) id = `${baseId}~${n}`;
    }
    this.sessionIds.add(id);

    let title = capLength(cleanText(input.title), LIMITS.maxTitleChars, w, input.where);
    // "CANCELLED …" in a title marks the session cancelled in every format; the mark is dropped.
    let cancelled = input.cancelled ?? false;
    if (title) {
      const marked = cancelledPrefix(title);
      title = marked.title;
      cancelled ||= marked.isCancelled;
    }
    if (!title) {
      w.add('untitled-session', 'A session has no title; it is shown as "Untitled session".', input.where);
      title = 'Untitled session';
    }
    const { start, end } = input;
    const session: Session = {
      id,
      title,
      start: formatInstant(start),
      end: formatInstant(end),
      day: input.day ?? conferenceDayOf(start, this.timeZone, this.dayChangeMinutes),
      speakerIds: input.speakerIds && input.speakerIds.length > 1 ? [...new Set(input.speakerIds)] : [...(input.speakerIds ?? [])],
      links: uniqueLinks(input.links ?? []),
      recordingOptOut: input.recordingOptOut ?? false,
      cancelled,
    };
    if (guid) session.guid = guid;
    if (sourceId) session.sourceId = sourceId;
    const slug = cleanText(input.slug);
    if (slug) session.slug = slug.slice(0, LIMITS.maxShortChars);
    const subtitle = capLength(cleanText(input.subtitle), LIMITS.maxTitleChars, w, input.where);
    if (subtitle) session.subtitle = subtitle;
    const abstract = capLength(sanitizeFeedText(input.abstract, input.markup), LIMITS.maxTextChars, w, input.where);
    if (abstract) session.abstract = abstract;
    const description = capLength(sanitizeFeedText(input.description, input.markup), LIMITS.maxTextChars, w, input.where);
    if (description && description !== abstract) session.description = description;
    const roomId = this.room(input.room);
    if (roomId) session.roomId = roomId;
    const trackId = this.track(input.track);
    if (trackId) session.trackId = trackId;
    const type = cleanText(input.type)?.slice(0, 200);
    if (type) session.type = type;
    const language = cleanText(input.language)?.slice(0, 50);
    if (language) session.language = language;
    this.sessions.push(session);
    return session;
  }

  announcement(announcement: Announcement): void {
    this.announcements.push(announcement);
  }

  sessionCount(): number {
    return this.sessions.length;
  }

  build(input: ConferenceInput, revision?: string): Feed {
    const title = capLength(cleanText(input.title), LIMITS.maxTitleChars, this.warnings, 'conference.title');
    if (!title) this.warnings.add('untitled-conference', 'The feed gives no conference title.', 'conference.title');
    // Days the boundary will refuse (year 0, year 20008) must not stretch the conference.
    const sessionDays = this.sessions.map((s) => s.day).filter(isPossibleDate).sort();
    const start = input.start ?? sessionDays[0];
    const end = input.end ?? sessionDays[sessionDays.length - 1] ?? start;
    if (!start || !end) throw new FeedError('invalid-field', 'The feed gives no conference dates and has no sessions to take them from', 'conference');
    const first = start <= (sessionDays[0] ?? start) ? start : sessionDays[0]!;
    const last = end >= (sessionDays[sessionDays.length - 1] ?? end) ? end : sessionDays[sessionDays.length - 1]!;
    if (first !== start || last !== end) {
      this.warnings.add('sessions-outside-dates', `Some sessions fall outside the conference dates ${start} – ${end}; the dates were widened.`, 'conference');
    }
    const conference: Conference = {
      id: cleanText(input.id)?.slice(0, 200) ?? slugify(title ?? 'conference'),
      title: title ?? 'Untitled conference',
      timeZone: this.timeZone,
      start: first,
      end: last,
      days: dateRange(first, last),
      links: uniqueLinks(input.links ?? []),
    };
    if (this.dayChangeMinutes > 0 && this.dayChangeMinutes < 24 * 60) conference.dayChange = formatDayChange(this.dayChangeMinutes);
    const subtitle = cleanText(input.subtitle);
    if (subtitle) conference.subtitle = subtitle.slice(0, LIMITS.maxTitleChars);
    const description = sanitizeFeedText(input.description, input.markup);
    if (description) conference.description = description.slice(0, LIMITS.maxTextChars);
    if (input.url && /^https?:\/\//i.test(input.url.trim())) conference.url = input.url.trim();
    if (input.venue && Object.keys(input.venue).length > 0) conference.venue = input.venue;
    if (input.codeOfConduct) conference.codeOfConduct = input.codeOfConduct;
    const feed: Feed = {
      lanyard: FEED_FORMAT_VERSION,
      conference,
      rooms: [...this.rooms.values()],
      tracks: [...this.tracks.values()],
      speakers: [...this.speakers.values()],
      sessions: this.sessions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
      announcements: this.announcements,
    };
    const rev = cleanText(revision);
    if (rev) feed.revision = rev.slice(0, 200);
    return feed;
  }
}
