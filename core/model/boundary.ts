import { z } from 'zod';
import { FeedError, type WarningLog } from '../errors';
import { stripBidiControls } from '../text/bidi';
import { dateRange, isValidTimeZone } from '../time/zone';
import { isPlainlyValidSession } from './quick-session';
import { isRecord, pathText, salvage, type Problem } from './salvage';
import {
  AnnouncementSchema,
  ConferenceSchema,
  FEED_CAPS,
  FEED_FORMAT_VERSION,
  InstantSchema,
  LocalDateSchema,
  RoomSchema,
  SessionSchema,
  SpeakerSchema,
  TrackSchema,
  type Conference,
  type Feed,
  type Session,
} from './schema';

/** The frame of a feed: its own fields, and its lists with their caps; the items are checked one by one. */
const FrameSchema = z.object({
  lanyard: z.literal(FEED_FORMAT_VERSION, { message: `a Lanyard feed of format version ${FEED_FORMAT_VERSION}` }),
  revision: z.string().max(200).optional(),
  generatedAt: z.unknown().optional(),
  conference: z.unknown().optional(),
  rooms: z.array(z.unknown()).max(FEED_CAPS.rooms).default([]),
  tracks: z.array(z.unknown()).max(FEED_CAPS.tracks).default([]),
  speakers: z.array(z.unknown()).max(FEED_CAPS.speakers).default([]),
  sessions: z.array(z.unknown()).max(FEED_CAPS.sessions).default([]),
  announcements: z.array(z.unknown()).max(FEED_CAPS.announcements).default([]),
});

const SESSION_REQUIRED = new Set(['id', 'title', 'start', 'end', 'day']);
const CONFERENCE_REQUIRED = new Set(['id', 'title', 'timeZone', 'start', 'end', 'days']);
const DATE_FIELDS = new Set(['start', 'end', 'days']);
const NAMED_REQUIRED = new Set(['id', 'name']);
const ANNOUNCEMENT_REQUIRED = new Set(['id', 'time', 'text']);

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** `start "0000-01-01T00:00:00Z" (a year from 1970 to 2200)` */
function describeProblem(p: Problem): string {
  const what = p.value === undefined ? `${p.field || 'it'} is missing or unreadable` : `${p.field || 'it'} ${quote(p.value)}`;
  return `${what} (${p.message})`;
}

/** One problem per field: "day" is named once even when it is both out of range and not the session's date. */
function firstPerField(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && Boolean(seen.add(p.field)));
}

function label(item: unknown): string {
  const record = isRecord(item) ? item : {};
  const title = typeof record.title === 'string' ? record.title : typeof record.name === 'string' ? record.name : undefined;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
  const shown = title ? `"${title.length > 80 ? `${title.slice(0, 80)}…` : title}"` : 'untitled';
  return id ? `${shown} (id ${id.slice(0, 100)})` : shown;
}

/** Instants written to the minute (`2023-02-03T08:00Z`), which format version 1 accepted before it followed RFC 3339, gain their seconds. */
function withSeconds(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/.test(value) ? `${value.slice(0, -1)}:00Z` : value;
}

function withSecondsIn(item: unknown, fields: readonly string[]): unknown {
  if (!isRecord(item)) return item;
  // Copied only when something changes: nearly every item is left as it is.
  if (!fields.some((f) => withSeconds(item[f]) !== item[f])) return item;
  const copy = { ...item };
  for (const f of fields) if (f in copy) copy[f] = withSeconds(copy[f]);
  return copy;
}

/** Checks every item of one list; drops the bad ones (and bad optional fields of the others) with a warning each. */
function checkList<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  required: ReadonlySet<string>,
  kind: { list: string; noun: string },
  warnings: WarningLog,
  prepare: (item: unknown) => unknown = (item) => item,
  isPlainlyValid: (item: unknown) => item is T = (_item): _item is T => false,
): T[] {
  const kept: T[] = [];
  items.forEach((raw, i) => {
    const item = prepare(raw);
    if (isPlainlyValid(item)) {
      kept.push(item);
      return;
    }
    const result = salvage(schema, item, required);
    const where = `${kind.list}[${i}]`;
    const name = `${kind.noun} ${label(item)}`;
    if (!result.ok) {
      warnings.add(`${kind.noun.toLowerCase()}-dropped`, `${name} was left out: ${firstPerField(result.problems).map(describeProblem).join('; ')}.`, where);
      return;
    }
    for (const p of result.dropped) {
      warnings.add('value-dropped', `${name}: ${describeProblem(p)} was left out.`, p.field ? `${where}.${p.field}` : where);
    }
    kept.push(result.value);
  });
  return kept;
}

/**
 * The conference's own start, end and days. Impossible ones are taken from the sessions
 * that passed (with a warning); with no session to take them from, the revision is refused.
 */
function repairDates(raw: Record<string, unknown>, sessions: readonly Session[], warnings: WarningLog): Record<string, unknown> {
  const start = LocalDateSchema.safeParse(raw.start);
  const end = LocalDateSchema.safeParse(raw.end);
  let first: string;
  let last: string;
  if (start.success && end.success && end.data >= start.data) {
    first = start.data;
    last = end.data;
  } else {
    const days = sessions.map((s) => s.day).sort();
    const bad = [start.success ? undefined : `start ${quote(raw.start)}`, end.success ? undefined : `end ${quote(raw.end)}`].filter(Boolean).join(' and ');
    const why = bad ? `its ${bad} ${bad.includes(' and ') ? 'are not possible dates' : 'is not a possible date'}` : `it ends (${String(raw.end)}) before it starts (${String(raw.start)})`;
    if (days.length === 0) {
      throw new FeedError('invalid-model', `The conference dates are impossible: ${why}, and no session has a valid date to take them from`, 'conference');
    }
    first = days[0]!;
    last = days[days.length - 1]!;
    warnings.add('conference-dates-derived', `The conference dates were taken from its sessions (${first} – ${last}): ${why}.`, 'conference');
  }
  const listed = Array.isArray(raw.days) ? raw.days : [];
  const days = listed.filter((d): d is string => LocalDateSchema.safeParse(d).success && (d as string) >= first && (d as string) <= last);
  if (days.length !== listed.length) {
    warnings.add('value-dropped', `${listed.length - days.length} of the conference's days were left out: not possible dates, or outside ${first} – ${last}.`, 'conference.days');
  }
  return { ...raw, start: first, end: last, days: days.length > 0 ? days : dateRange(first, last) };
}

function checkConference(raw: unknown, sessions: readonly Session[], warnings: WarningLog): Conference {
  if (!isRecord(raw)) throw new FeedError('invalid-model', 'The feed has no conference', 'conference');
  const first = salvage(ConferenceSchema, raw, CONFERENCE_REQUIRED);
  let result = first;
  if (!first.ok && first.problems.every((p) => DATE_FIELDS.has(p.field.split(/[.[]/)[0]!))) {
    result = salvage(ConferenceSchema, repairDates(raw, sessions, warnings), CONFERENCE_REQUIRED);
  }
  if (!result.ok) {
    const p = result.problems[0]!;
    throw new FeedError('invalid-model', `The conference cannot be read: ${describeProblem(p)}`, p.field ? `conference.${p.field}` : 'conference');
  }
  for (const p of result.dropped) warnings.add('value-dropped', `The conference's ${describeProblem(p)} was left out.`, `conference.${p.field}`);
  if (!isValidTimeZone(result.value.timeZone)) {
    throw new FeedError('invalid-time-zone', `"${result.value.timeZone}" is not a known IANA time zone`, 'conference.timeZone');
  }
  return result.value;
}

type Named = { title?: string | undefined; name?: string | undefined; subtitle?: string | undefined; text?: string | undefined; links?: Array<{ title?: string | undefined }> };

/**
 * Titles, names and announcement texts are shown inline, next to the app's own words:
 * bidirectional formatting characters are removed from them (core/text/bidi.ts), with one
 * warning that counts them.
 */
function stripBidi(feed: Feed, warnings: WarningLog): void {
  let removed = 0;
  let first: string | undefined;
  const clean = (item: Named, where: string): void => {
    for (const key of ['title', 'name', 'subtitle', 'text'] as const) {
      const value = item[key];
      if (typeof value !== 'string') continue;
      const result = stripBidiControls(value);
      if (result.removed === 0) continue;
      removed += result.removed;
      first ??= `${where}.${key}`;
      // A name made only of controls keeps one visible character rather than becoming empty.
      item[key] = result.text.trim() === '' ? '?' : result.text;
    }
    item.links?.forEach((link, k) => clean(link, `${where}.links[${k}]`));
  };
  clean(feed.conference, 'conference');
  feed.conference.links.forEach((link, k) => clean(link, `conference.links[${k}]`));
  const lists = { sessions: feed.sessions, speakers: feed.speakers, rooms: feed.rooms, tracks: feed.tracks, announcements: feed.announcements } as const;
  for (const [list, items] of Object.entries(lists)) (items as Named[]).forEach((item, i) => clean(item, `${list}[${i}]`));
  if (removed > 0) {
    warnings.add('bidi-controls-removed', `${removed} bidirectional control character${removed === 1 ? ' was' : 's were'} removed from titles and names: they could reverse the text shown around them.`, first);
  }
}

/**
 * The one gate between any importer (or a Lanyard JSON document) and storage. Every item is
 * checked against the model's schema, real dates included: an impossible session, speaker,
 * room, track or announcement is left out, and a bad optional field of a good one is dropped,
 * each with a warning that names it; never the whole feed. Titles and names lose bidirectional
 * control characters. A conference whose own dates are impossible gets them from its
 * sessions. Throws FeedError (a clear reason) only when nothing sensible is left: no
 * conference, an unknown zone, no date at all, lists past their caps. Items that pass as they
 * are come back as the same objects (titles cleaned in place), so pass it what the importer
 * made, not something the caller still uses.
 */
export function enforceModel(candidate: unknown, warnings: WarningLog): Feed {
  const frame = FrameSchema.safeParse(candidate);
  if (!frame.success) {
    const issue = frame.error.issues[0]!;
    throw new FeedError('invalid-model', `The feed is not valid: ${issue.message}`, pathText(issue.path) || 'document');
  }
  const doc = frame.data;
  const sessions = checkList(doc.sessions, SessionSchema, SESSION_REQUIRED, { list: 'sessions', noun: 'Session' }, warnings, (s) => withSecondsIn(s, ['start', 'end']), isPlainlyValidSession);
  const conference = checkConference(doc.conference, sessions, warnings);
  const feed: Feed = {
    lanyard: FEED_FORMAT_VERSION,
    conference,
    rooms: checkList(doc.rooms, RoomSchema, NAMED_REQUIRED, { list: 'rooms', noun: 'Room' }, warnings),
    tracks: checkList(doc.tracks, TrackSchema, NAMED_REQUIRED, { list: 'tracks', noun: 'Track' }, warnings),
    speakers: checkList(doc.speakers, SpeakerSchema, NAMED_REQUIRED, { list: 'speakers', noun: 'Speaker' }, warnings),
    sessions,
    announcements: checkList(doc.announcements, AnnouncementSchema, ANNOUNCEMENT_REQUIRED, { list: 'announcements', noun: 'Announcement' }, warnings, (a) => withSecondsIn(a, ['time'])),
  };
  stripBidi(feed, warnings);
  if (doc.revision !== undefined) feed.revision = doc.revision;
  if (doc.generatedAt !== undefined) {
    const generatedAt = InstantSchema.safeParse(withSeconds(doc.generatedAt));
    if (generatedAt.success) feed.generatedAt = generatedAt.data;
    else warnings.add('value-dropped', `The feed's generatedAt ${quote(doc.generatedAt)} was left out (${generatedAt.error.issues[0]!.message}).`, 'generatedAt');
  }
  return feed;
}
