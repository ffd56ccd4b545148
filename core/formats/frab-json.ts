import { FeedError, type WarningLog } from '../errors';
import { FeedBuilder } from '../feed/builder';
import { httpBase, isPlaceholderImage, resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import { LIMITS } from '../limits';
import type { Feed, Link, LinkKind } from '../model/schema';
import { resolveTimeZone, type OffsetSample } from '../time/infer';
import { boundaryDay, impliedDayChange, readBoundary } from '../time/days';
import { parseClock, parseDateTime, parseDurationMinutes, parseLocalDate } from '../time/parse';
import { addDays, wallTimeToInstant } from '../time/zone';
import type { ImportContext } from './context';
import { frabSpeakerDetails } from './frab-speakers';
import { generatorMarkup, sessionMarkup } from './markup';
import { arr, isObject, str, type JsonObject } from './json';

/** A c3voc LocalizableString: plain text, or `{ "en": …, "de": … }` (preferred language, then English, then any). */
export function localized(value: unknown, prefer?: string): string | undefined {
  const plain = str(value);
  if (plain !== undefined || !isObject(value)) return plain;
  for (const lang of [prefer, 'en']) {
    const text = lang ? str(value[lang]) : undefined;
    if (text?.trim()) return text;
  }
  return Object.values(value).map((v) => str(v)).find((v) => v?.trim());
}

/** c3voc reference `type`s that say what a link is. */
const REFERENCE_KINDS: Record<string, LinkKind | undefined> = {
  slides: 'slides', media: 'recording', recording: 'recording', feedback: 'feedback', stream: 'stream', livestream: 'stream',
};

/** Links from a string, a `{url, title, type}` reference, or a list of either. */
export function referenceLinks(value: unknown, base: string | undefined, warnings: WarningLog, where: string, hint?: LinkKind): Link[] {
  const list = Array.isArray(value);
  const items = list ? value.slice(0, 200) : value === undefined || value === null ? [] : [value];
  const out: Link[] = [];
  items.forEach((item: unknown, k) => {
    const url = isObject(item) ? str(item.url) ?? str(item.href) : str(item);
    // frab lists a placeholder (`missing.png`) for attachments whose file is gone: resolveFeedHref drops it.
    if (!url || isPlaceholderImage(url)) return;
    const title = isObject(item) ? localized(item.title) ?? localized(item.name) : undefined;
    const type = isObject(item) ? str(item.type)?.toLowerCase() : undefined;
    const link = makeLink(resolveFeedHref(url, base), title, warnings, list ? `${where}[${k}]` : where, hint ?? (type ? REFERENCE_KINDS[type] : undefined));
    if (link) out.push(link);
  });
  return out;
}

/** A date-time, read to an instant when it carries an offset, or to a local wall time otherwise. */
interface Moment {
  epochMs?: number | undefined;
  offsetMinutes?: number | undefined;
  wall?: { date: string; time: string };
}

interface RawEvent {
  /** Undefined when the list item is not an object at all. */
  ev: JsonObject | undefined;
  where: string;
  /** The enclosing `days[]` entry's date (schema 1), the conference day of the event. */
  day?: string;
  /** Local clock time at which that day starts (`day_start`), to place a bare `start` after midnight. */
  dayStart?: string | undefined;
  roomKey?: string;
  start?: Moment;
  end?: Moment;
}

function moment(value: unknown): Moment | undefined {
  const text = str(value);
  const parsed = text === undefined ? undefined : parseDateTime(text);
  if (!parsed) return undefined;
  return parsed.epochMs === undefined ? { wall: parsed.wall } : { epochMs: parsed.epochMs, offsetMinutes: parsed.offsetMinutes };
}

function fail(message: string, where: string): never {
  throw new FeedError('invalid-field', message, where);
}

/** The events of one day's `rooms` object (`{"Saal 1": [event, …]}`), with where each one is. */
function roomEvents(day: JsonObject, date: string, where: string, rooms: string[], out: RawEvent[]): void {
  if (day.rooms === undefined || day.rooms === null) return;
  if (!isObject(day.rooms)) fail('A day\'s "rooms" must map room names to lists of events', `${where}.rooms`);
  const dayStart = parseDateTime(str(day.day_start) ?? str(day.start) ?? '')?.wall.time;
  for (const [roomKey, events] of Object.entries(day.rooms)) {
    const at = `${where}.rooms[${JSON.stringify(roomKey)}]`;
    if (!Array.isArray(events)) fail(`The room "${roomKey.slice(0, 100)}" must hold a list of events`, at);
    rooms.push(roomKey);
    events.forEach((ev: unknown, j) => out.push({ ev: isObject(ev) ? ev : undefined, where: `${at}[${j}]`, day: date, dayStart, roomKey }));
  }
}

/** Start and end of an event: `date` (schema 1) or `start` (schema 2) with an offset; `start` HH:MM on the day as a last resort. */
function readTimes(raw: RawEvent, warnings: WarningLog): boolean {
  const { ev, where } = raw;
  if (!ev) {
    warnings.add('session-unreadable', 'An entry in the list of events is not an event object; it was left out.', where);
    return false;
  }
  raw.start = moment(ev.date) ?? moment(ev.start);
  const clock = raw.start || !raw.day ? undefined : parseClock(str(ev.start) ?? '');
  if (clock && raw.day) {
    const two = (n: number) => String(n).padStart(2, '0');
    const time = `${two(clock.hours % 24)}:${two(clock.minutes)}:${two(clock.seconds)}`;
    // `25:10`, or a clock earlier than the day's start, is after midnight of the conference day.
    const extra = clock.hours >= 24 || (raw.dayStart !== undefined && time < raw.dayStart) ? 1 : 0;
    raw.start = { wall: { date: addDays(raw.day, extra), time } };
    if (ev.date !== undefined) warnings.add('session-date-invalid', `The event's "date" is not a date-time with an offset; its "start" ${time.slice(0, 5)} on the day was used.`, `${where}.date`);
  }
  if (!raw.start) {
    warnings.add('session-unreadable', 'An event has no readable start ("date" with an offset, or "start"); it was left out.', `${where}.${raw.day ? 'date' : 'start'}`);
    return false;
  }
  raw.end = moment(ev.end);
  return true;
}

function instant(m: Moment, zone: string): number {
  return m.epochMs ?? wallTimeToInstant(m.wall!.date, m.wall!.time, zone);
}

/** The conference's first or last day from `start`/`end`, a date or a date-time (the hub writes them in UTC). */
function conferenceDate(value: unknown, zone: string, dayChange: number, edge: 'start' | 'end', warnings: WarningLog, where: string): string | undefined {
  const text = str(value)?.trim();
  if (!text) return undefined;
  const boundary = readBoundary(text);
  if (boundary) return boundaryDay(boundary, zone, dayChange, edge);
  warnings.add('conference-date-invalid', `The conference date "${text.slice(0, 40)}" is not a date; the sessions' dates are used instead.`, where);
  return undefined;
}

/**
 * frab / c3voc `schedule.json` (schema 1: events under `days[].rooms`; schema 2: events in
 * `schedule.events`, participants in `schedule.persons`). An event's `date` carries its offset
 * and is the authority for its instant; the enclosing day is its conference day.
 */
export function importFrabJson(doc: JsonObject, ctx: ImportContext): Feed {
  const w = ctx.warnings;
  const schedule = doc.schedule;
  if (!isObject(schedule)) fail('A c3voc schedule.json needs a "schedule" object', 'schedule');
  if (schedule.rooms !== undefined) {
    fail('"rooms" is not allowed directly under "schedule" (the c3voc schema forbids it); declare rooms in schedule.conference.rooms', 'schedule.rooms');
  }
  const conf = schedule.conference;
  if (!isObject(conf)) fail('A c3voc schedule.json needs a "schedule.conference" object', 'schedule.conference');
  if (!Array.isArray(conf.days)) fail('The conference has no "days" list', 'schedule.conference.days');
  // Each event without a day of its own is matched against every day: bound the days first.
  if (conf.days.length > LIMITS.maxDays) throw new FeedError('too-many', `The conference has more than ${LIMITS.maxDays} days`, 'schedule.conference.days');
  const base = httpBase(str(schedule.base_url), str(conf.url), ctx.sourceUrl);
  const lang = str(isObject(conf.defaults) ? conf.defaults.language : undefined);

  const raws: RawEvent[] = [];
  const roomKeys: string[] = [];
  const dayDates: string[] = [];
  const dayRanges: Array<{ date: string; from?: Moment | undefined; to?: Moment | undefined }> = [];
  conf.days.forEach((day: unknown, i) => {
    const where = `schedule.conference.days[${i}]`;
    if (!isObject(day)) fail('Each day must be an object', where);
    const date = parseLocalDate(str(day.date) ?? '');
    if (!date) fail(day.date === undefined ? 'A day has no "date"' : `The day's date "${String(str(day.date)).slice(0, 40)}" is not a YYYY-MM-DD date`, `${where}.date`);
    dayDates.push(date);
    dayRanges.push({ date, from: moment(day.start ?? day.day_start), to: moment(day.end ?? day.day_end) });
    roomEvents(day, date, where, roomKeys, raws);
  });
  arr(schedule.events).forEach((ev: unknown, i) => raws.push({ ev: isObject(ev) ? ev : undefined, where: `schedule.events[${i}]` }));

  const readable = raws.filter((raw) => readTimes(raw, w));
  // pretalx and the hub write Markdown; the hub's exports are schema 2 (`schedule.events`).
  const generator = isObject(schedule.generator) ? str(schedule.generator.name) : str(schedule.generator);
  const fileMarkup = generatorMarkup(generator) ?? (Array.isArray(schedule.events) && schedule.events.length > 0 ? 'markdown' : undefined);
  const seen = new Map<string, OffsetSample>();
  for (const { start } of readable) {
    const { epochMs, offsetMinutes } = start!;
    if (epochMs !== undefined && offsetMinutes !== undefined) seen.set(`${epochMs}|${offsetMinutes}`, { epochMs, offsetMinutes });
  }
  const title = localized(conf.title, lang);
  const zone = resolveTimeZone({ declared: str(conf.time_zone_name), fallback: ctx.timeZone, places: [title], samples: [...seen.values()] }, w);
  // Days written to end the next morning (`day_end` 04:00, the hub's 06:00) tell the day change.
  const dayChange = impliedDayChange(dayRanges.flatMap((d) => (d.to?.epochMs === undefined ? [] : [{ date: d.date, end: d.to.epochMs }])), zone) ?? 0;
  const builder = new FeedBuilder(zone, w, dayChange);

  // Rooms: declared ones first (with their stream and page links), then every room of the grid.
  const roomsByGuid = new Map<string, string>();
  arr(conf.rooms).forEach((room: unknown, i) => {
    if (!isObject(room)) return;
    const where = `schedule.conference.rooms[${i}]`;
    const links = [
      ...referenceLinks(room.url, base, w, `${where}.url`),
      ...referenceLinks(room.links, base, w, `${where}.links`),
      ...['stream', 'streams', 'stream_url', 'video_url', 'streaming_url'].flatMap((key) => referenceLinks(room[key], base, w, `${where}.${key}`, 'stream')),
    ];
    const id = builder.room(localized(room.name, lang), links);
    const guid = str(room.guid);
    if (id && guid) roomsByGuid.set(guid, id);
  });
  for (const key of roomKeys) builder.room(key);

  const tracks = new Map<string, { name: string; color?: string | undefined }>();
  arr(conf.tracks).forEach((track: unknown) => {
    if (!isObject(track)) return;
    const name = localized(track.name, lang);
    if (!name) return;
    const colors = isObject(track.colors) ? track.colors : {};
    const entry = { name, color: str(track.color) ?? str(colors.light) ?? str(colors.dark) };
    tracks.set(name, entry);
    const slug = str(track.slug);
    if (slug) tracks.set(`slug:${slug}`, entry);
  });

  // frab's speakers.json, given as a companion, completes people known only by id and name.
  const companionPeople = frabSpeakerDetails(ctx, base);
  const people = new Map<string, JsonObject>();
  for (const person of arr(schedule.persons)) {
    const guid = isObject(person) ? str(person.guid) : undefined;
    if (guid && isObject(person)) people.set(guid, person);
  }

  for (const raw of readable) {
    const { where } = raw;
    const ev = raw.ev!;
    const start = instant(raw.start!, zone);
    let end = raw.end ? instant(raw.end, zone) : undefined;
    if (end === undefined) {
      const minutes = parseDurationMinutes(str(ev.duration) ?? '');
      if (minutes === undefined) w.add('duration-missing', 'An event has no readable "duration" or "end"; it is shown as zero minutes long.', `${where}.duration`);
      end = start + (minutes ?? 0) * 60_000;
    }
    let day = raw.day;
    if (!day) day = dayRanges.find((d) => d.from && d.to && start >= instant(d.from, zone) && start < instant(d.to, zone))?.date;

    let room: string | undefined;
    if (typeof ev.room === 'string') room = ev.room;
    else if (isObject(ev.room)) room = roomsByGuid.get(str(ev.room.guid) ?? '') ?? localized(ev.room.name, lang);
    else room = raw.roomKey ?? str(ev.room);

    const trackRef = isObject(ev.track) ? str(ev.track.slug) ?? localized(ev.track.name, lang) : str(ev.track);
    const track = trackRef === undefined ? undefined : tracks.get(`slug:${trackRef}`) ?? tracks.get(trackRef) ?? { name: trackRef };
    const trackId = track ? builder.track(track.name, track.color) : undefined;

    const markup = sessionMarkup(fileMarkup, str(ev.url), arr(ev.persons).some((p) => isObject(p) && str(p.code) !== undefined));
    const speakerIds: string[] = [];
    const persons = [...arr(ev.persons).map((p, j) => [p, `persons[${j}]`] as const), ...arr(ev.participants).map((p, j) => [p, `participants[${j}]`] as const)];
    persons.forEach(([entry, field]) => {
      // Hand-written files list people by name alone: `"persons": ["Ann"]`.
      const p = typeof entry === 'string' ? { public_name: entry } : entry;
      if (!isObject(p)) return;
      const details = people.get(str(p.guid) ?? '') ?? {};
      const known = companionPeople.get(str(p.id) ?? '');
      const at = `${where}.${field}`;
      const avatar = p.avatar ?? details.avatar;
      const id = builder.speaker({
        // pretalx codes and c3voc guids are unique across the sources an aggregated schedule
        // merges; frab's integer ids are not (36C3 stages reuses id 2 for different people).
        sourceId: str(p.guid) ?? str(p.code) ?? str(p.id),
        // Old frab exports give only `full_public_name`.
        name: [p.public_name, p.full_public_name, p.name, p.display_name, details.public_name, details.name].map((v) => str(v)).find((v) => v?.trim()),
        bio: localized(p.biography ?? details.biography, lang) ?? known?.bio,
        markup,
        photoUrl: resolveFeedHref(isObject(avatar) ? str(avatar.url) : str(avatar), base) ?? known?.photoUrl,
        links: [
          ...referenceLinks(p.url ?? details.url, base, w, `${at}.url`),
          ...referenceLinks(p.links ?? details.links, base, w, `${at}.links`),
          ...(known?.links ?? []),
        ],
        where: at,
      });
      if (id) speakerIds.push(id);
    });

    const state = str(ev.state)?.toUpperCase();
    const type = str(ev.type);
    // Attachments are paths on the host of the event's own page (an aggregated schedule
    // merges several frab and pretalx instances), as in the XML importer.
    const pageUrl = resolveFeedHref(str(ev.url), base);
    const eventBase = httpBase(pageUrl, base);
    builder.session({
      guid: str(ev.guid),
      sourceId: str(ev.id) ?? str(ev.code),
      slug: str(ev.slug),
      title: localized(ev.title, lang),
      subtitle: localized(ev.subtitle, lang),
      abstract: localized(ev.abstract, lang),
      description: localized(ev.description, lang),
      markup,
      start,
      end,
      day,
      room,
      track: trackId,
      // schema 2 spells types as enum constants (TALK, LIGHTNING_TALK).
      type: type && /^[A-Z_-]+$/.test(type) ? type.toLowerCase() : type,
      language: str(ev.language),
      speakerIds,
      links: [
        ...referenceLinks(ev.url, base, w, `${where}.url`),
        ...referenceLinks(ev.feedback_url, base, w, `${where}.feedback_url`, 'feedback'),
        ...referenceLinks(ev.links, eventBase, w, `${where}.links`),
        ...referenceLinks(ev.attachments, eventBase, w, `${where}.attachments`),
      ],
      recordingOptOut: ev.do_not_record === true,
      cancelled: state === 'CANCELED' || state === 'CANCELLED' || state === 'WITHDRAWN' || state === 'DELETED',
      where,
    });
  }
  if (raws.length > 0 && builder.sessionCount() === 0) {
    throw new FeedError('no-sessions-readable', `None of the ${raws.length} events could be read`, 'schedule.conference.days');
  }

  // The days list decides the conference's dates: frab writes `end` as the date the last day
  // ends, which is the next morning when that day runs past midnight (Camp 2019: 26 for 25).
  const sortedDays = [...dayDates].sort();
  return builder.build(
    {
      id: str(conf.acronym),
      title,
      description: localized(conf.description, lang),
      url: str(conf.url) ?? str(schedule.base_url),
      start: sortedDays[0] ?? conferenceDate(conf.start, zone, dayChange, 'start', w, 'schedule.conference.start'),
      end: sortedDays[sortedDays.length - 1] ?? conferenceDate(conf.end, zone, dayChange, 'end', w, 'schedule.conference.end'),
    },
    str(schedule.version),
  );
}
