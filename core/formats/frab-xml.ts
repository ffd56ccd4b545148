import { FeedError, type WarningLog } from '../errors';
import { FeedBuilder } from '../feed/builder';
import type { Feed, Venue } from '../model/schema';
import { cleanText, type TextMarkup } from '../text/html';
import { boundaryDay, impliedDayChange, type Boundary } from '../time/days';
import { resolveTimeZone } from '../time/infer';
import { addDays } from '../time/zone';
import type { ImportContext } from './context';
import { eventSpeakers, eventTimes, type FrabDay } from './frab-xml-event';
import { frabSpeakerDetails, type PersonDetails } from './frab-speakers';
import { FrabScanner, type Slot } from './frab-xml-scan';
import { generatorMarkup, sessionMarkup } from './markup';
import { child, childText, type XmlElement } from './xml';

interface People {
  unreliable: ReadonlySet<string>;
  details: ReadonlyMap<string, PersonDetails>;
}

function addSession(builder: FeedBuilder, slot: Slot, people: People, warnings: WarningLog, fileMarkup: TextMarkup | undefined): void {
  const { ev } = slot;
  const markup = sessionMarkup(fileMarkup, ev.url, ev.people.some((p) => p.hasCode === true));
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
    markup,
    start: times.start,
    end: times.end,
    day: slot.day.date,
    room,
    track: ev.track,
    type: ev.type,
    language: ev.language,
    speakerIds: eventSpeakers(ev, builder, people.unreliable, markup, people.details),
    links: ev.links,
    recordingOptOut: ev.recordingOptOut,
    where: ev.where,
  });
}

/** Each dated `<day>` with the instant its `end` attribute names, when that has an offset. */
function dayEnds(days: readonly FrabDay[]): Array<{ date: string; end: number }> {
  return days.flatMap((d) => (d.date && d.end?.epochMs !== undefined ? [{ date: d.date, end: d.end.epochMs }] : []));
}

/**
 * The conference's last day. `<end>` may name the morning the last day ends (a day change at
 * 04:00: four `<day>`s, 27–30, and `<end>2024-12-31</end>`), or be an instant written in UTC;
 * without it, the last `<day>`.
 */
function lastDay(end: Boundary | undefined, dates: readonly string[], zone: string, dayChange: number): string | undefined {
  const last = dates[dates.length - 1];
  if (!end) return last;
  const day = boundaryDay(end, zone, dayChange, 'end');
  return last && dayChange > 0 && 'date' in end && day === addDays(last, 1) ? last : day;
}

/**
 * Reads a Pentabarf/frab schedule XML (`<schedule>`): FOSDEM since 2007, CCC congresses,
 * pretalx's frab-compatible export. Times come from each event's `<date>` (with offset)
 * when present, else from `<day date>` + `<start>` in the conference zone; the zone is the
 * declared one when the offsets agree, else inferred (see resolveTimeZone).
 */
/**
 * Pentabarf/frab schedule XML. Pass the `FrabScanner` whose `onClose` ran during parsing
 * to have events read as they were parsed; without one the whole tree is read here.
 */
export function importFrabXml(root: XmlElement, ctx: ImportContext, scanner = new FrabScanner(ctx.warnings, ctx.sourceUrl)): Feed {
  const warnings = ctx.warnings;
  const revision = childText(root, 'version');
  // After the scan nothing here refers to the XML tree: events are plain values.
  const scan = scanner.finish(root);
  const conf = scanner.conference(root);
  const timeZone = resolveTimeZone(
    { declared: conf.timeZoneName, fallback: ctx.timeZone, places: [conf.city, conf.venue, conf.title], samples: scan.samples },
    warnings,
  );
  const dayChange = conf.dayChangeMinutes ?? impliedDayChange(dayEnds(scan.days), timeZone) ?? 0;
  const builder = new FeedBuilder(timeZone, warnings, dayChange);
  for (const name of scan.declaredRooms) builder.room(name);
  const fileMarkup = generatorMarkup(child(root, 'generator')?.attrs.name);
  const people: People = { unreliable: scan.unreliablePersonIds, details: frabSpeakerDetails(ctx, conf.baseUrl ?? ctx.sourceUrl) };
  for (const slot of scan.slots) addSession(builder, slot, people, warnings, fileMarkup);
  if (scan.slots.length > 0 && builder.sessionCount() === 0) {
    throw new FeedError('no-sessions-readable', `None of the ${scan.slots.length} events has a start time that can be read`, `line ${scan.slots[0]!.ev.line}`);
  }
  const dates = [...new Set(scan.days.flatMap((d) => (d.date ? [d.date] : [])))].sort();
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
      start: conf.start ? boundaryDay(conf.start, timeZone, dayChange, 'start') : dates[0],
      end: lastDay(conf.end, dates, timeZone, dayChange),
      venue,
    },
    revision,
  );
}
