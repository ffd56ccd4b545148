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
  /** The star level per session id: *maybe* is exported as STATUS:TENTATIVE, and carried as X-LANYARD-STAR. */
  stars?: ReadonlyMap<string, Star>;
  /** The user's reminder per session id, in minutes before the start: exported as a VALARM. Absent: no alarm. */
  reminders?: ReadonlyMap<string, number>;
  /** When the user last changed their entry for a session (star, reminder, note): part of LAST-MODIFIED. */
  updatedAt?: ReadonlyMap<string, number>;
}

export interface AgendaCalendarOptions {
  /** DTSTAMP: when the file was made. */
  now: number;
  /** Calendar name (X-WR-CALNAME). */
  name?: string;
  /**
   * A live calendar (the webcal subscription and CalDAV) rather than a file: cancelled
   * sessions are left out (the event disappears from the calendar, as an unstarred one does),
   * and DTSTAMP is each event's LAST-MODIFIED instead of `now`, so the same agenda always
   * gives the same bytes and an unchanged event is never uploaded again.
   */
  live?: boolean;
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

/**
 * When the organizers last changed this session (new, moved, retitled, …): the newest stored
 * revision that names it by its current id; undefined when none does.
 */
function sessionChangedAt(sessionId: string, revisions: ReadonlyArray<{ at: number; changes: readonly SessionChange[] }>): number | undefined {
  let latest: number | undefined;
  for (const revision of revisions) {
    if ((latest === undefined || revision.at > latest) && revision.changes.some((c) => c.sessionId === sessionId)) latest = revision.at;
  }
  return latest;
}

/** STATUS of a session's event: cancelled by the organizers, *maybe* (tentative) or going. */
function sessionStatus(session: Pick<Session, 'cancelled'>, star: Star | undefined): 'CANCELLED' | 'TENTATIVE' | 'CONFIRMED' {
  if (session.cancelled) return 'CANCELLED';
  return star === 'maybe' ? 'TENTATIVE' : 'CONFIRMED';
}

const utcTime = (ms: number): ICAL.Time => ICAL.Time.fromJSDate(new Date(ms), true);

/** The user's reminder as an alarm: a display alarm `minutes` before the start. */
function alarm(minutes: number, title: string): ICAL.Component {
  const valarm = new ICAL.Component('valarm');
  valarm.addPropertyWithValue('action', 'DISPLAY');
  valarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-minutes * 60));
  addText(valarm, 'description', title);
  return valarm;
}

function addPart(calendar: ICAL.Component, part: AgendaCalendarPart, stamp: ICAL.Time, options: AgendaCalendarOptions): void {
  const { conference } = part;
  const zone = conference.timeZone;
  const rooms = new Map(part.rooms.map((r) => [r.id, r.name]));
  const tracks = new Map(part.tracks.map((t) => [t.id, t.name]));
  const speakers = new Map(part.speakers.map((s) => [s.id, s.name]));
  for (const session of part.sessions) {
    if (options.live && session.cancelled) continue;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', sessionUid(conference, session));
    const changed = Math.max(sessionChangedAt(session.id, part.revisions ?? []) ?? 0, part.updatedAt?.get(session.id) ?? 0);
    const modified = changed > 0 ? utcTime(Math.floor(changed / 1000) * 1000) : undefined;
    event.addPropertyWithValue('dtstamp', options.live ? (modified ?? stamp) : stamp);
    if (modified) event.addPropertyWithValue('last-modified', modified);
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
    const star = part.stars?.get(session.id);
    event.addPropertyWithValue('status', sessionStatus(session, star));
    addText(event, 'x-lanyard-conference', conference.id);
    addText(event, 'x-lanyard-conference-title', conference.title);
    addText(event, 'x-lanyard-session', session.id);
    if (star) addText(event, 'x-lanyard-star', star);
    const minutes = part.reminders?.get(session.id);
    if (minutes !== undefined && !session.cancelled) event.addSubcomponent(alarm(minutes, session.title));
    calendar.addSubcomponent(event);
  }
}

/**
 * The agenda (one conference's, several conferences', or one session) as an iCalendar file:
 * times in each conference's zone with its VTIMEZONE, stable UIDs, SEQUENCE raised and
 * LAST-MODIFIED moved when the organizers changed a session, STATUS TENTATIVE for *maybe*,
 * the user's reminder as a VALARM, LOCATION = room, URL = the session's page, DESCRIPTION
 * with abstract and speakers. The same generator feeds the .ics export, the webcal
 * subscription and CalDAV (`live`).
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
      if (options.live && s.cancelled) continue;
      const range = ranges.get(part.conference.timeZone) ?? { from: Infinity, to: -Infinity };
      range.from = Math.min(range.from, Date.parse(s.start));
      range.to = Math.max(range.to, Date.parse(s.end));
      ranges.set(part.conference.timeZone, range);
    }
  }
  for (const [zone, range] of ranges) calendar.addSubcomponent(vtimezone(zone, range.from, range.to));
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);
  for (const part of parts) addPart(calendar, part, stamp, options);
  return calendarText(calendar);
}
