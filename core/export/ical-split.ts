import ICAL from 'ical.js';
import { calendarText } from './ical';

/** One event of a calendar as its own iCalendar object, as CalDAV stores them (one resource per UID). */
export interface CalendarObject {
  uid: string;
  /** A VCALENDAR with this event and the VTIMEZONEs it names. */
  ics: string;
}

/** A live agenda holds at most this many events; more is refused rather than half-uploaded. */
const MAX_CALENDAR_EVENTS = 20_000;

/**
 * Splits an agenda calendar (as `agendaToICal` writes it) into one object per UID, each with
 * the VTIMEZONEs its times name: the host gets one .ics text from the page and serves it
 * whole as the webcal subscription, and uploads these pieces to CalDAV. Throws on a text that
 * is not iCalendar, an event without UID, a repeated UID, or too many events.
 */
export function splitCalendar(text: string): CalendarObject[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new Error(`The agenda calendar is not valid iCalendar: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root.name !== 'vcalendar') throw new Error('The agenda calendar is not a VCALENDAR');
  const zones = new Map(root.getAllSubcomponents('vtimezone').map((z) => [String(z.getFirstPropertyValue('tzid')), z]));
  const events = root.getAllSubcomponents('vevent');
  if (events.length > MAX_CALENDAR_EVENTS) throw new Error(`The agenda has ${events.length} events; at most ${MAX_CALENDAR_EVENTS} are kept in step`);
  const seen = new Set<string>();
  const out: CalendarObject[] = [];
  for (const [index, event] of events.entries()) {
    const uid = event.getFirstPropertyValue('uid');
    if (typeof uid !== 'string' || uid === '') throw new Error(`Event ${index + 1} of the agenda calendar has no UID`);
    if (seen.has(uid)) throw new Error(`The agenda calendar has two events with UID ${uid}`);
    seen.add(uid);
    const one = new ICAL.Component(['vcalendar', [], []]);
    for (const name of ['prodid', 'version', 'calscale']) {
      const value = root.getFirstPropertyValue(name);
      if (typeof value === 'string') one.addPropertyWithValue(name, value);
    }
    const tzids = new Set<string>();
    for (const prop of event.getAllProperties()) {
      const tzid = prop.getParameter('tzid');
      if (typeof tzid === 'string') tzids.add(tzid);
    }
    for (const tzid of tzids) {
      const zone = zones.get(tzid);
      if (!zone) throw new Error(`Event ${uid} names time zone ${tzid}, which the agenda calendar does not define`);
      one.addSubcomponent(new ICAL.Component(zone.toJSON() as unknown[]));
    }
    one.addSubcomponent(new ICAL.Component(event.toJSON() as unknown[]));
    out.push({ uid, ics: calendarText(one) });
  }
  return out;
}
