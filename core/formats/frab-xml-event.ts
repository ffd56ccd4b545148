import type { WarningLog } from '../errors';
import type { FeedBuilder } from '../feed/builder';
import { httpBase, resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import type { Link, LinkKind } from '../model/schema';
import type { TextMarkup } from '../text/html';
import { parseClock, parseDateTime, parseDurationMinutes } from '../time/parse';
import { addDays, wallTimeOf, wallTimeToInstant } from '../time/zone';
import type { PersonDetails } from './frab-speakers';
import type { XmlElement } from './xml';

/**
 * One `<event>` of a Pentabarf/frab schedule, read in a single pass over its children into
 * plain values (nothing here points back into the XML tree).
 */
export interface FrabEvent {
  line: number;
  id: string | undefined;
  guid: string | undefined;
  date: string | undefined;
  start: string | undefined;
  duration: string | undefined;
  end: string | undefined;
  room: string | undefined;
  slug: string | undefined;
  title: string | undefined;
  subtitle: string | undefined;
  track: string | undefined;
  type: string | undefined;
  language: string | undefined;
  abstract: string | undefined;
  description: string | undefined;
  url: string | undefined;
  feedbackUrl: string | undefined;
  video: string | undefined;
  /** `<person id>` and name, as given (and bio, when an aggregated schedule nests it). */
  people: FrabPerson[];
  /** Links, attachments, video, event page and feedback link, checked and classified. */
  links: Array<Link | undefined>;
  recordingOptOut: boolean;
  /** `line 123 (event 9025)`, for warnings. */
  where: string;
}

/** Text of an element with surrounding whitespace removed; undefined when nothing is left. */
function trimmed(text: string): string | undefined {
  const t = text.trim();
  return t.length > 0 ? t : undefined;
}

interface FrabPerson {
  id: string | undefined;
  name: string;
  bio?: string | undefined;
  /** The person carries a pretalx code: the session came from pretalx (Markdown text). */
  hasCode?: boolean;
}

/** frab/pretalx person ids, or a pretalx code / c3voc guid given as a child element. */
function personId(p: XmlElement): string | undefined {
  const id = p.attrs.id?.trim() || p.attrs.code?.trim() || p.attrs.guid?.trim();
  if (id) return id;
  for (const c of p.children) if (c.name === 'code' || c.name === 'guid') return c.text.trim() || undefined;
  return undefined;
}

/** Separators between several people typed into one element by hand: `Ann, Bob & Cy`. */
const NAME_LIST = /\s*[,;]\s*|\s+&\s+|\s+(?:and|und)\s+/;

/**
 * The people one `<person>` stands for. frab writes `<person id="1">Name</person>`; c3voc's
 * aggregated schedules (pretalx sub-schedules merged into one file) nest
 * `<public_name>`/`<name>`, `<code>`/`<guid>` and `<biography>`; hand-written files put
 * several names, comma-separated, into one element without an id, which are several people.
 */
function readPeople(p: XmlElement, out: FrabPerson[]): void {
  const id = personId(p);
  const parts = new Map<string, string>();
  for (const c of p.children) if (!parts.has(c.name)) parts.set(c.name, c.text);
  const nested = ['public_name', 'full_public_name', 'name', 'display_name'].map((k) => parts.get(k)).find((t) => t?.trim());
  const name = nested ?? p.text;
  const bio = parts.get('biography') ?? parts.get('bio');
  if (id === undefined && p.children.length === 0 && NAME_LIST.test(name.trim())) {
    for (const one of name.split(NAME_LIST).slice(0, 50)) if (one.trim()) out.push({ id: undefined, name: one });
    return;
  }
  const person: FrabPerson = bio === undefined ? { id, name } : { id, name, bio };
  if (parts.has('code') || p.attrs.code !== undefined) person.hasCode = true;
  out.push(person);
}

export function readFrabEvent(element: XmlElement, baseUrl: string | undefined, warnings: WarningLog): FrabEvent {
  const id = element.attrs.id?.trim() || undefined;
  let links: XmlElement | undefined;
  let attachments: XmlElement | undefined;
  const ev: FrabEvent = {
    line: element.line,
    id,
    guid: element.attrs.guid,
    date: undefined,
    start: undefined,
    duration: undefined,
    end: undefined,
    room: undefined,
    slug: undefined,
    title: undefined,
    subtitle: undefined,
    track: undefined,
    type: undefined,
    language: undefined,
    abstract: undefined,
    description: undefined,
    url: undefined,
    feedbackUrl: undefined,
    video: undefined,
    people: [],
    links: [],
    recordingOptOut: false,
    where: id === undefined ? `line ${element.line} (event without id)` : `line ${element.line} (event ${id})`,
  };
  for (const c of element.children) {
    switch (c.name) {
      case 'guid': ev.guid ??= c.text; break;
      case 'date': ev.date = trimmed(c.text); break;
      case 'start': ev.start = trimmed(c.text); break;
      case 'duration': ev.duration = trimmed(c.text); break;
      case 'end': ev.end = trimmed(c.text); break;
      case 'room': ev.room = trimmed(c.text); break;
      case 'slug': ev.slug = c.text; break;
      case 'title': ev.title = c.text; break;
      case 'subtitle': ev.subtitle = c.text; break;
      case 'track': ev.track = c.text; break;
      case 'type': ev.type = c.text; break;
      case 'language': ev.language = c.text; break;
      case 'abstract': ev.abstract = c.text; break;
      case 'description': ev.description = c.text; break;
      case 'url': ev.url = trimmed(c.text); break;
      case 'feedback_url': ev.feedbackUrl = trimmed(c.text); break;
      case 'video': ev.video = trimmed(c.text); break;
      case 'persons':
        for (const p of c.children) if (p.name === 'person' || p.name === 'speaker') readPeople(p, ev.people);
        break;
      // Hand-written files put `<person>` straight under `<event>`, without `<persons>`.
      case 'person':
      case 'speaker':
        readPeople(c, ev.people);
        break;
      case 'links': links = c; break;
      case 'attachments': attachments = c; break;
      case 'recording':
        for (const r of c.children) if (r.name === 'optout') ev.recordingOptOut = r.text.trim().toLowerCase() === 'true';
        break;
      default:
        break;
    }
  }
  ev.links = eventLinks(ev, links, attachments, baseUrl, warnings);
  return ev;
}

const isMediaAttachment = (type: string | undefined): boolean => /^\s*(video|audio)\s*$/i.test(type ?? '');

/** What a frab attachment's `type` says about it. */
function attachmentHint(type: string | undefined): LinkKind | undefined {
  switch (type?.trim().toLowerCase()) {
    case 'slides': return 'slides';
    default: return undefined;
  }
}

/**
 * Links, attachments, video, event page and feedback link of an event, each checked and
 * classified. Warnings name the event's line, the message the link itself: a `where` per
 * link would be thousands of strings built for nothing on a FOSDEM import.
 */
function eventLinks(
  ev: FrabEvent,
  links: XmlElement | undefined,
  attachments: XmlElement | undefined,
  baseUrl: string | undefined,
  warnings: WarningLog,
): Array<Link | undefined> {
  const out: Array<Link | undefined> = [];
  // frab writes attachments as paths on its own host: the event's page is the best base.
  const base = httpBase(ev.url, baseUrl);
  if (links) {
    for (const l of links.children) {
      // `<link>https://…</link>` with no href (CCC "everything" exports): the text is the address.
      if (l.name !== 'link') continue;
      const href = l.attrs.href?.trim();
      out.push(makeLink(resolveFeedHref(href || l.text, base), href ? l.text : undefined, warnings, ev.where));
    }
  }
  if (attachments) {
    for (const a of attachments.children) {
      if (a.name !== 'attachment') continue;
      const href = a.attrs.href?.trim();
      const link = makeLink(resolveFeedHref(href || a.text, base), href ? a.text : undefined, warnings, ev.where, attachmentHint(a.attrs.type));
      // A video or audio the speaker attached is a demo or a clip (FOSDEM 2020: "Demo video"), not
      // the session's recording: read like any link (a recording only when labelled so), a video at least.
      if (link?.kind === 'other' && isMediaAttachment(a.attrs.type)) link.kind = 'video';
      out.push(link);
    }
  }
  if (ev.video) out.push(makeLink(resolveFeedHref(ev.video, base), undefined, warnings, ev.where, 'recording'));
  if (ev.url) {
    const page = makeLink(resolveFeedHref(ev.url, baseUrl), 'Event page', warnings, ev.where);
    if (page) out.push({ ...page, kind: 'other' });
  }
  if (ev.feedbackUrl) out.push(makeLink(resolveFeedHref(ev.feedbackUrl, baseUrl), 'Feedback', warnings, ev.where, 'feedback'));
  return out;
}

/**
 * Registers the event's people and returns their ids. `unreliableIds` are person ids the
 * feed gives to different people (an aggregated schedule whose sources number people
 * independently): those people are told apart by name instead.
 */
export function eventSpeakers(
  ev: FrabEvent,
  builder: FeedBuilder,
  unreliableIds: ReadonlySet<string>,
  markup: TextMarkup,
  details: ReadonlyMap<string, PersonDetails> = new Map(),
): string[] {
  const ids: string[] = [];
  for (const p of ev.people) {
    const known = p.id !== undefined && !unreliableIds.has(p.id) ? details.get(p.id) : undefined;
    const id = builder.speaker({
      sourceId: p.id !== undefined && unreliableIds.has(p.id) ? undefined : p.id,
      name: p.name,
      bio: p.bio ?? known?.bio,
      photoUrl: known?.photoUrl,
      links: known?.links,
      markup,
      where: ev.where,
    });
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** A schedule day as the events under it need it. */
export interface FrabDay {
  /** `<day date=…>`, when it is a real date. */
  date: string | undefined;
  /** `<day_change>` of the conference, in minutes after local midnight. */
  dayChangeMinutes: number | undefined;
  /** `<day start=… end=…>`: boundaries, often written in UTC; read in the conference zone. */
  start: ReturnType<typeof parseDateTime>;
  end: ReturnType<typeof parseDateTime>;
  /** Local minutes before which a `<start>` belongs to the next calendar date (past midnight), once worked out for the zone. */
  rolloverMinutes?: number;
  /** `<start>` text → instant and calendar date, for this day and zone (talks share start times). */
  starts: Map<string, { start: number; date: string }>;
}

function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** `HH:MM` (by far the most common frab duration) read directly; anything else by parseDurationMinutes. */
function durationMinutes(text: string): number | undefined {
  if (text.length === 5 && text.charCodeAt(2) === 58 /* : */) {
    const minutes = (digitAt(text, 0) * 10 + digitAt(text, 1)) * 60 + digitAt(text, 3) * 10 + digitAt(text, 4);
    if (!Number.isNaN(minutes)) return minutes;
  }
  return parseDurationMinutes(text);
}

/**
 * Local minutes before which a bare `<start>` of this day is after midnight: the conference's
 * day change, else the clock time (in `zone`) at which the day starts, on its own date.
 */
function rolloverOf(day: FrabDay, zone: string): number {
  if (day.rolloverMinutes !== undefined) return day.rolloverMinutes;
  let minutes = day.dayChangeMinutes;
  if (minutes === undefined && day.start) {
    const wall = day.start.epochMs === undefined ? undefined : wallTimeOf(day.start.epochMs, zone);
    const local = wall ?? { date: day.start.wall.date, minutes: clockMinutes(day.start.wall.time) };
    if (local.date === day.date) minutes = local.minutes;
  }
  day.rolloverMinutes = minutes ?? 0;
  return day.rolloverMinutes;
}

function clockMinutes(time: string): number {
  const clock = parseClock(time);
  return clock ? clock.hours * 60 + clock.minutes : 0;
}

/** A local time, possibly past 24:00, as date + `H:M:S` for wallTimeToInstant. */
function wallOf(date: string, clock: { hours: number; minutes: number; seconds: number }, rollover: number): { date: string; time: string } {
  let days = Math.floor(clock.hours / 24);
  const hours = clock.hours % 24;
  if (days === 0 && hours * 60 + clock.minutes < rollover) days = 1;
  return { date: days === 0 ? date : addDays(date, days), time: `${hours}:${clock.minutes}:${clock.seconds}` };
}

export interface EventTimes {
  start: number;
  end: number;
}

/**
 * Start and end of an event. `<date>` (with its offset) is authoritative; without it the
 * day's date and `<start>` give a wall time in `zone`, a day later when it lies before the
 * day's rollover (a 01:50 talk of a day that runs past midnight). End = start + duration,
 * else `<end>`. Undefined (with a warning) when the start cannot be read.
 */
export function eventTimes(
  ev: FrabEvent,
  parsedDate: ReturnType<typeof parseDateTime>,
  day: FrabDay,
  zone: string,
  warnings: WarningLog,
): EventTimes | undefined {
  let start: number | undefined;
  let wallDate: string | undefined;
  if (parsedDate) {
    start = parsedDate.epochMs ?? wallTimeToInstant(parsedDate.wall.date, parsedDate.wall.time, zone);
    wallDate = parsedDate.wall.date;
  } else if (ev.date !== undefined) {
    warnings.add('date-unreadable', `The date "${ev.date.slice(0, 60)}" cannot be read; the day and start time are used instead.`, ev.where);
  }
  if (start === undefined) {
    const known = ev.start === undefined ? undefined : day.starts.get(ev.start);
    if (known) {
      start = known.start;
      wallDate = known.date;
    } else {
      const clock = ev.start === undefined ? undefined : parseClock(ev.start);
      if (!clock || day.date === undefined || ev.start === undefined) {
        const why = day.date === undefined ? 'its day has no readable date' : ev.start === undefined ? 'it has no start time' : `its start time "${ev.start.slice(0, 30)}" cannot be read`;
        warnings.add('session-unreadable', `"${(ev.title ?? '').trim().slice(0, 80) || 'An event'}" was left out: ${why}.`, ev.where);
        return undefined;
      }
      const wall = wallOf(day.date, clock, rolloverOf(day, zone));
      start = wallTimeToInstant(wall.date, wall.time, zone);
      wallDate = wall.date;
      day.starts.set(ev.start, { start, date: wallDate });
    }
  }
  const minutes = ev.duration === undefined ? undefined : durationMinutes(ev.duration);
  if (minutes !== undefined) return { start, end: start + minutes * 60_000 };
  const end = ev.end === undefined || wallDate === undefined ? undefined : endInstant(ev.end, wallDate, start, zone);
  if (ev.duration !== undefined || end === undefined) {
    const what = ev.duration === undefined ? 'has no duration' : `has a duration "${ev.duration.slice(0, 30)}" that cannot be read`;
    warnings.add('duration-unreadable', `An event ${what}; ${end === undefined ? 'its length was set to zero' : 'its <end> is used'}.`, ev.where);
  }
  return { start, end: end ?? start };
}

/** `<end>`: a date-time, or a local time on the start's date (the next day when earlier). */
function endInstant(text: string, startDate: string, start: number, zone: string): number | undefined {
  const dt = parseDateTime(text);
  if (dt) return dt.epochMs ?? wallTimeToInstant(dt.wall.date, dt.wall.time, zone);
  const clock = parseClock(text);
  if (!clock) return undefined;
  const wall = wallOf(startDate, clock, 0);
  const end = wallTimeToInstant(wall.date, wall.time, zone);
  return end >= start ? end : wallTimeToInstant(addDays(wall.date, 1), wall.time, zone);
}
