import { FeedError, type WarningLog } from '../errors';
import { FeedBuilder } from '../feed/builder';
import type { Feed, Venue } from '../model/schema';
import { cleanText } from '../text/html';
import { resolveTimeZone, type OffsetSample } from '../time/infer';
import { parseClock, parseDateTime, parseLocalDate } from '../time/parse';
import type { ImportContext } from './context';
import { eventSpeakers, eventTimes, readFrabEvent, type FrabDay, type FrabEvent } from './frab-xml-event';
import { child, childText, type XmlElement } from './xml';

/** What `<conference>` says. */
interface FrabConference {
  id: string | undefined;
  title: string | undefined;
  subtitle: string | undefined;
  venue: string | undefined;
  city: string | undefined;
  start: string | undefined;
  end: string | undefined;
  dayChangeMinutes: number | undefined;
  baseUrl: string | undefined;
  timeZoneName: string | undefined;
}

function readConference(conf: XmlElement | undefined, warnings: WarningLog): FrabConference {
  const text = (name: string): string | undefined => childText(conf, name);
  const where = conf ? `line ${conf.line} (conference)` : 'schedule';
  const date = (name: 'start' | 'end'): string | undefined => {
    const raw = text(name);
    const parsed = raw === undefined ? undefined : parseLocalDate(raw);
    if (raw !== undefined && !parsed) {
      warnings.add('conference-date-unreadable', `The conference ${name} date "${raw.slice(0, 40)}" cannot be read; the sessions' days are used.`, where);
    }
    return parsed;
  };
  let dayChangeMinutes: number | undefined;
  const dayChange = text('day_change');
  if (dayChange !== undefined) {
    const clock = parseClock(dayChange);
    if (clock && clock.hours < 24) dayChangeMinutes = clock.hours * 60 + clock.minutes;
    else warnings.add('day-change-unreadable', `The day change "${dayChange.slice(0, 30)}" cannot be read; days change at midnight.`, where);
  }
  const baseUrl = text('base_url');
  return {
    id: text('acronym'),
    title: text('title'),
    subtitle: text('subtitle'),
    venue: text('venue'),
    city: text('city'),
    start: date('start'),
    end: date('end'),
    dayChangeMinutes,
    baseUrl: baseUrl && /^https?:\/\//i.test(baseUrl) ? baseUrl : undefined,
    timeZoneName: text('time_zone_name'),
  };
}

/** One event with the context it was found in. */
interface Slot {
  ev: FrabEvent;
  day: FrabDay;
  /** `<room name=…>` of the enclosing room element, when there is one. */
  roomName: string | undefined;
  parsedDate: ReturnType<typeof parseDateTime>;
}

interface Scan {
  slots: Slot[];
  /** Room names declared by `<room name=…>`, in order (some hold no event). */
  declaredRooms: string[];
  samples: OffsetSample[];
  /** Person ids the feed gives to more than one name. */
  unreliablePersonIds: Set<string>;
}

/** Minutes after midnight of a `<day start=…>` on the day's own date. */
function dayStartMinutes(raw: string | undefined, date: string | undefined): number | undefined {
  const parsed = raw === undefined ? undefined : parseDateTime(raw);
  if (!parsed || parsed.wall.date !== date) return undefined;
  const clock = parseClock(parsed.wall.time);
  return clock ? clock.hours * 60 + clock.minutes : undefined;
}

/**
 * Walks `<day>` → `<room>` → `<event>` (and FOSDEM 2007–2012's `<day>` → `<event>`) once,
 * reading every event and collecting what the time-zone decision and the people need.
 */
function scanDays(root: XmlElement, conf: FrabConference, warnings: WarningLog): Scan {
  const scan: Scan = { slots: [], declaredRooms: [], samples: [], unreliablePersonIds: new Set() };
  const sampleKeys = new Set<string>();
  const addSample = (parsed: ReturnType<typeof parseDateTime>): void => {
    if (parsed?.epochMs === undefined || parsed.offsetMinutes === undefined) return;
    const key = `${parsed.epochMs}|${parsed.offsetMinutes}`;
    if (sampleKeys.has(key)) return;
    sampleKeys.add(key);
    scan.samples.push({ epochMs: parsed.epochMs, offsetMinutes: parsed.offsetMinutes });
  };
  /** Person id → the name it was first seen with. */
  const personNames = new Map<string, string>();
  let bare = 0;
  let firstBareLine = 0;
  const addEvent = (element: XmlElement, day: FrabDay, roomName: string | undefined): void => {
    const ev = readFrabEvent(element, conf.baseUrl, warnings);
    const parsedDate = ev.date === undefined ? undefined : parseDateTime(ev.date);
    addSample(parsedDate);
    scan.slots.push({ ev, day, roomName, parsedDate });
    for (const p of ev.people) {
      const id = p.id;
      if (!id || id === '0') continue;
      const known = personNames.get(id);
      if (known === undefined) {
        personNames.set(id, p.name);
      } else if (known !== p.name && !scan.unreliablePersonIds.has(id)) {
        const first = known.replace(/\s+/g, ' ').trim();
        const name = p.name.replace(/\s+/g, ' ').trim();
        if (name && first.toLowerCase() !== name.toLowerCase()) {
          scan.unreliablePersonIds.add(id);
          warnings.add(
            'person-id-conflict',
            `The person id ${id} is given to different people ("${first.slice(0, 60)}", "${name.slice(0, 60)}"); people with it are told apart by name.`,
            ev.where,
          );
        }
      }
    }
  };
  for (const dayEl of root.children) {
    if (dayEl.name !== 'day') continue;
    const rawDate = dayEl.attrs.date?.trim();
    const date = rawDate ? parseLocalDate(rawDate) : undefined;
    if (!date) {
      warnings.add('day-date-unreadable', `A <day> has the date "${(rawDate ?? '').slice(0, 30)}", which cannot be read; its events need their own <date>.`, `line ${dayEl.line}`);
    }
    addSample(dayEl.attrs.start === undefined ? undefined : parseDateTime(dayEl.attrs.start));
    const day: FrabDay = { date, rolloverMinutes: conf.dayChangeMinutes ?? dayStartMinutes(dayEl.attrs.start, date) ?? 0, starts: new Map() };
    for (const c of dayEl.children) {
      if (c.name === 'room') {
        const roomName = c.attrs.name?.trim() || undefined;
        if (roomName) scan.declaredRooms.push(roomName);
        for (const e of c.children) if (e.name === 'event') addEvent(e, day, roomName);
      } else if (c.name === 'event') {
        if (bare++ === 0) firstBareLine = c.line;
        addEvent(c, day, undefined);
      }
    }
  }
  if (bare > 0) {
    warnings.add(
      'event-outside-room',
      `${bare} event(s) sit directly under <day> with no <room> element (older Pentabarf exports); each event's own <room> is used.`,
      `line ${firstBareLine}`,
    );
  }
  return scan;
}

/** FOSDEM and others mark a cancelled talk in its title: `CANCELLED …`, `[Cancelled]`, `Cancelled: …`. */
const CANCELLED = /^\s*(?:CANCELL?ED\b|[[(]\s*(?:CANCELL?ED|[Cc]ancell?ed)\s*[\])]|[Cc]ancell?ed\s*:)/;

function addSession(builder: FeedBuilder, slot: Slot, unreliable: ReadonlySet<string>, warnings: WarningLog): void {
  const { ev } = slot;
  const times = eventTimes(ev, slot.parsedDate, slot.day, builder.timeZone, warnings);
  if (!times) return;
  // The grid lists the event under the enclosing <room>; the event's own <room> is what
  // the organizers typed for it, and the full FOSDEM 2024 export confirms it is the right one.
  const room = ev.room ?? slot.roomName;
  if (ev.room !== undefined && slot.roomName !== undefined && ev.room !== slot.roomName) {
    const own = cleanText(ev.room);
    const listed = cleanText(slot.roomName);
    if (own !== listed) {
      warnings.add(
        'room-mismatch',
        `The event is listed under the room "${listed?.slice(0, 80)}" but names its room "${own?.slice(0, 80)}"; the event's own room is used.`,
        ev.where,
      );
    }
  }
  builder.session({
    guid: ev.guid,
    sourceId: ev.id,
    slug: ev.slug,
    title: ev.title,
    subtitle: ev.subtitle,
    abstract: ev.abstract,
    description: ev.description,
    start: times.start,
    end: times.end,
    day: slot.day.date,
    room,
    track: ev.track,
    type: ev.type,
    language: ev.language,
    speakerIds: eventSpeakers(ev, builder, unreliable),
    links: ev.links,
    recordingOptOut: ev.recordingOptOut,
    cancelled: ev.title !== undefined && CANCELLED.test(ev.title),
    where: ev.where,
  });
}

/**
 * Reads a Pentabarf/frab schedule XML (`<schedule>`): FOSDEM since 2007, CCC congresses,
 * pretalx's frab-compatible export. Times come from each event's `<date>` (with offset)
 * when present, else from `<day date>` + `<start>` in the conference zone; the zone is the
 * declared one when the offsets agree, else inferred (see resolveTimeZone).
 */
export function importFrabXml(root: XmlElement, ctx: ImportContext): Feed {
  const warnings = ctx.warnings;
  const revision = childText(root, 'version');
  const conf = readConference(child(root, 'conference'), warnings);
  // After the scan nothing here refers to the XML tree: events are plain values.
  const scan = scanDays(root, conf, warnings);
  const timeZone = resolveTimeZone(
    { declared: conf.timeZoneName, fallback: ctx.timeZone, places: [conf.city, conf.venue, conf.title], samples: scan.samples },
    warnings,
  );
  const builder = new FeedBuilder(timeZone, warnings, conf.dayChangeMinutes ?? 0);
  for (const name of scan.declaredRooms) builder.room(name);
  for (const slot of scan.slots) addSession(builder, slot, scan.unreliablePersonIds, warnings);
  if (scan.slots.length > 0 && builder.sessionCount() === 0) {
    throw new FeedError('no-sessions-readable', `None of the ${scan.slots.length} events has a start time that can be read`, `line ${scan.slots[0]!.ev.line}`);
  }
  const venue: Venue = {};
  const venueName = cleanText(conf.venue)?.slice(0, 500);
  if (venueName) venue.name = venueName;
  const city = cleanText(conf.city)?.slice(0, 200);
  if (city) venue.city = city;
  return builder.build(
    {
      id: conf.id,
      title: conf.title,
      subtitle: conf.subtitle,
      url: conf.baseUrl,
      start: conf.start,
      end: conf.end,
      venue,
    },
    revision,
  );
}
