import ICAL from 'ical.js';
import type { SessionChange } from '../feed/diff';
import type { Conference, Room, Session, Speaker, Track } from '../model/schema';
import type { Star } from '../personal/model';
import { addText, calendarText, description } from './ical';
import { vtimezone, wallTime } from './vtimezone';

/** One conference's part of an agenda export. */
export interface AgendaCalendarPart {
  /** The conference's key in this app. */
  conferenceId: string;
  conference: Conference;
  /** The sessions to export (the starred ones, or one). */
  sessions: readonly Session[];
  rooms: readonly Room[];
  speakers: readonly Speaker[];
  tracks: readonly Track[];
  /** Stored revisions' changes, for SEQUENCE. */
  revisions?: ReadonlyArray<{ at: number; changes: readonly SessionChange[] }>;
  /** The star level per session id, carried as X-LANYARD-STAR. */
  stars?: ReadonlyMap<string, Star>;
}

export interface AgendaCalendarOptions {
  /** DTSTAMP: when the file was made. */
  now: number;
  /** Calendar name (X-WR-CALNAME). */
  name?: string;
}

/** 64-bit FNV-1a as 16 hex digits: stable, dependency-free, good enough to name a session. */
export function stableHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The UID of a session's calendar event, stable across exports and revisions: the feed's
 * own guid when it has one (globally unique, and what other conference apps put in their
 * UIDs too), else a hash of the feed's conference id and the source's id (or Lanyard's).
 */
export function sessionUid(conference: Pick<Conference, 'id'>, session: Pick<Session, 'guid' | 'sourceId' | 'id'>): string {
  if (session.guid) return session.guid;
  return `lanyard-${stableHash(`${conference.id}\n${session.sourceId ?? session.id}`)}@lanyard`;
}

/**
 * SEQUENCE: how many stored revisions changed this session (moved, retitled, cancelled, …),
 * following renumbered ids back through history. Derived, so every export of the same state
 * gives the same number and a changed session always gets a higher one.
 */
export function sessionSequence(sessionId: string, revisions: ReadonlyArray<{ at: number; changes: readonly SessionChange[] }>): number {
  let id = sessionId;
  let count = 0;
  for (const revision of [...revisions].sort((a, b) => b.at - a.at)) {
    const change = revision.changes.find((c) => c.sessionId === id);
    if (!change) continue;
    if (change.tags.some((t) => t !== 'new')) count += 1;
    if (change.previousId) id = change.previousId;
  }
  return count;
}

/**
 * The page that describes a session: the feed's own page for it (FOSDEM, pretalx and frab
 * link every event's page), else the conference's web site.
 */
function sessionPageUrl(conference: Conference, session: Session): string | undefined {
  const own = session.links.find((l) => l.kind === 'other' && /^https?:\/\//i.test(l.url))?.url;
  if (own) return own;
  return conference.url && /^https?:\/\//i.test(conference.url) ? conference.url : undefined;
}

function addPart(calendar: ICAL.Component, part: AgendaCalendarPart, stamp: ICAL.Time): void {
  const { conference } = part;
  const zone = conference.timeZone;
  const rooms = new Map(part.rooms.map((r) => [r.id, r.name]));
  const tracks = new Map(part.tracks.map((t) => [t.id, t.name]));
  const speakers = new Map(part.speakers.map((s) => [s.id, s.name]));
  for (const session of part.sessions) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', sessionUid(conference, session));
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('sequence', sessionSequence(session.id, part.revisions ?? []));
    event.addPropertyWithValue('dtstart', wallTime(Date.parse(session.start), zone)).setParameter('tzid', zone);
    event.addPropertyWithValue('dtend', wallTime(Date.parse(session.end), zone)).setParameter('tzid', zone);
    addText(event, 'summary', session.title);
    addText(event, 'location', session.roomId ? rooms.get(session.roomId) ?? session.roomId : undefined);
    addText(event, 'description', description(session, speakers));
    const url = sessionPageUrl(conference, session);
    if (url) event.addPropertyWithValue('url', url);
    const track = session.trackId ? tracks.get(session.trackId) ?? session.trackId : undefined;
    if (track) event.addPropertyWithValue('categories', track);
    event.addPropertyWithValue('status', session.cancelled ? 'CANCELLED' : 'CONFIRMED');
    addText(event, 'x-lanyard-conference', conference.id);
    addText(event, 'x-lanyard-conference-title', conference.title);
    addText(event, 'x-lanyard-session', session.id);
    const star = part.stars?.get(session.id);
    if (star) addText(event, 'x-lanyard-star', star);
    calendar.addSubcomponent(event);
  }
}

/**
 * The agenda (one conference's, several conferences', or one session) as an iCalendar file:
 * times in each conference's zone with its VTIMEZONE, stable UIDs, SEQUENCE raised when the
 * organizers changed a session, LOCATION = room, URL = the session's page, DESCRIPTION with
 * abstract and speakers.
 */
export function agendaToICal(parts: readonly AgendaCalendarPart[], options: AgendaCalendarOptions): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Lanyard//Lanyard agenda//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const only = parts.length === 1 ? parts[0] : undefined;
  addText(calendar, 'x-wr-calname', options.name ?? (only ? `${only.conference.title}: my agenda` : 'My conference agenda'));
  if (only) addText(calendar, 'x-wr-timezone', only.conference.timeZone);
  const ranges = new Map<string, { from: number; to: number }>();
  for (const part of parts) {
    for (const s of part.sessions) {
      const range = ranges.get(part.conference.timeZone) ?? { from: Infinity, to: -Infinity };
      range.from = Math.min(range.from, Date.parse(s.start));
      range.to = Math.max(range.to, Date.parse(s.end));
      ranges.set(part.conference.timeZone, range);
    }
  }
  for (const [zone, range] of ranges) calendar.addSubcomponent(vtimezone(zone, range.from, range.to));
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);
  for (const part of parts) addPart(calendar, part, stamp);
  return calendarText(calendar);
}
