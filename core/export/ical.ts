import ICAL from 'ical.js';
import type { Feed, Session } from '../model/schema';
import { htmlToText } from '../text/html';

export interface ICalExportOptions {
  /** Only these sessions (by session id); all when absent. */
  sessionIds?: string[];
}

function utc(instant: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(instant), true);
}

/**
 * Adds a text property. ical.js escapes commas, semicolons and newlines only for properties
 * it knows as TEXT; X- properties (X-WR-CALNAME) it writes raw, so they are escaped here,
 * as calendar apps expect.
 */
export function addText(component: ICAL.Component, name: string, value: string | undefined): void {
  if (!value) return;
  const escaped = name.startsWith('x-') ? value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n') : value;
  component.addPropertyWithValue(name, escaped);
}

export function description(session: Session, speakerNames: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  const abstract = session.abstract ? htmlToText(session.abstract) : '';
  if (abstract) parts.push(abstract);
  const speakers = session.speakerIds.map((id) => speakerNames.get(id) ?? id);
  if (speakers.length > 0) parts.push(`${speakers.length === 1 ? 'Speaker' : 'Speakers'}: ${speakers.join(', ')}`);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/**
 * The feed (or some of its sessions) as an iCalendar file for calendar apps: one VEVENT per
 * session, times in UTC, the conference zone named in X-WR-TIMEZONE. UIDs are stable across
 * exports, so re-importing a newer export updates events instead of duplicating them.
 */
export function feedToICal(feed: Feed, options: ICalExportOptions = {}): string {
  const { conference } = feed;
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Lanyard//Lanyard//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  addText(calendar, 'x-wr-calname', conference.title);
  addText(calendar, 'x-wr-timezone', conference.timeZone);

  const rooms = new Map(feed.rooms.map((r) => [r.id, r.name]));
  const tracks = new Map(feed.tracks.map((t) => [t.id, t.name]));
  const speakers = new Map(feed.speakers.map((s) => [s.id, s.name]));
  const wanted = options.sessionIds ? new Set(options.sessionIds) : undefined;
  const stamp = utc(feed.generatedAt ?? new Date().toISOString());

  for (const session of feed.sessions) {
    if (wanted && !wanted.has(session.id)) continue;
    const event = new ICAL.Component('vevent', calendar);
    event.addPropertyWithValue('uid', session.guid ?? `${conference.id}-${session.id}@lanyard`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', utc(session.start));
    event.addPropertyWithValue('dtend', utc(session.end));
    addText(event, 'summary', session.title);
    addText(event, 'location', session.roomId ? rooms.get(session.roomId) ?? session.roomId : undefined);
    addText(event, 'description', description(session, speakers));
    const url = session.links.find((l) => l.kind === 'other')?.url;
    if (url) event.addPropertyWithValue('url', url);
    const track = session.trackId ? tracks.get(session.trackId) ?? session.trackId : undefined;
    if (track) event.addPropertyWithValue('categories', track);
    if (session.cancelled) event.addPropertyWithValue('status', 'CANCELLED');
    calendar.addSubcomponent(event);
  }
  return calendarText(calendar);
}

/** A calendar as iCalendar text, folded within RFC 5545's 75 octets per line. */
export function calendarText(calendar: ICAL.Component): string {
  // ical.js folds after 75 bytes of content, so continuation lines (a space + 75) reach 76;
  // RFC 5545 allows 75 octets per line.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
