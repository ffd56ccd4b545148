import { FeedError } from '../errors';
import { FeedBuilder } from '../feed/builder';
import { resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import type { Feed, Link } from '../model/schema';
import { resolveTimeZone, type OffsetSample } from '../time/infer';
import { parseDateTime } from '../time/parse';
import { conferenceDayOf, wallTimeToInstant } from '../time/zone';
import type { ImportContext } from './context';
import { arr, isObject, str, type JsonObject } from './json';

/**
 * Sessionize API v2: `view/All` ({sessions, speakers, categories, rooms, questions}),
 * `view/GridSmart` (days → rooms/timeSlots → sessions) and `view/Sessions` (groups →
 * sessions). A `view/Speakers` document given as a companion completes the other two with
 * bios, photos and links. Sessionize times are local wall times with no offset and no zone
 * anywhere: the zone is the subscriber's, inferred from room names, or UTC with a warning.
 */

interface RawSession {
  value: unknown;
  where: string;
}

interface CategoryItem {
  category: string;
  name: string;
}

/** What the document declares besides its sessions (All and GridSmart list them). */
interface Lookups {
  rooms: Map<string, string>;
  categoryItems: Map<string, CategoryItem>;
  questions: Map<string, string>;
  speakers: JsonObject[];
}

const TRACK_CATEGORY = /track|topic|theme/i;
const TYPE_CATEGORY = /format|type/i;
const LANGUAGE_CATEGORY = /language|sprache|langue|idioma/i;

function emptyLookups(): Lookups {
  return { rooms: new Map(), categoryItems: new Map(), questions: new Map(), speakers: [] };
}

function declareRoom(lookups: Lookups, room: unknown): void {
  if (!isObject(room)) return;
  const id = str(room.id);
  const name = str(room.name);
  if (id !== undefined && name !== undefined && !lookups.rooms.has(id)) lookups.rooms.set(id, name);
}

/** Sessionize repeats a GridSmart session under its room and under its time slot: keep one. */
function dedupeKey(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id);
  return id !== undefined ? `id:${id}` : `${str(value.title)}|${str(value.startsAt)}|${str(value.roomId) ?? str(value.room)}`;
}

function collectAll(doc: JsonObject, lookups: Lookups): RawSession[] {
  const sorted = arr(doc.rooms)
    .filter(isObject)
    .sort((a, b) => (typeof a.sort === 'number' && typeof b.sort === 'number' ? a.sort - b.sort : 0));
  for (const room of sorted) declareRoom(lookups, room);
  for (const category of arr(doc.categories).filter(isObject)) {
    const title = str(category.title) ?? str(category.name) ?? '';
    for (const item of arr(category.items).filter(isObject)) {
      const id = str(item.id);
      const name = str(item.name);
      if (id !== undefined && name !== undefined) lookups.categoryItems.set(id, { category: title, name });
    }
  }
  for (const question of arr(doc.questions).filter(isObject)) {
    const id = str(question.id);
    const text = str(question.question);
    if (id !== undefined && text !== undefined) lookups.questions.set(id, text);
  }
  lookups.speakers.push(...arr(doc.speakers).filter(isObject));
  return arr(doc.sessions).map((value, i) => ({ value, where: `sessions[${i}]` }));
}

function collectGrid(days: unknown[], lookups: Lookups): RawSession[] {
  const out: RawSession[] = [];
  const seen = new Set<string>();
  const push = (value: unknown, where: string): void => {
    const key = dedupeKey(value);
    if (key !== undefined && seen.has(key)) return;
    if (key !== undefined) seen.add(key);
    out.push({ value, where });
  };
  days.forEach((day, d) => {
    if (!isObject(day)) return;
    arr(day.rooms).forEach((room, r) => {
      declareRoom(lookups, room);
      if (!isObject(room)) return;
      arr(room.sessions).forEach((s, i) => push(s, `[${d}].rooms[${r}].sessions[${i}]`));
      if (room.session !== undefined && room.session !== null) push(room.session, `[${d}].rooms[${r}].session`);
    });
    arr(day.timeSlots).forEach((slot, t) => {
      if (!isObject(slot)) return;
      arr(slot.rooms).forEach((room, r) => {
        declareRoom(lookups, room);
        if (isObject(room) && room.session !== undefined && room.session !== null) {
          push(room.session, `[${d}].timeSlots[${t}].rooms[${r}].session`);
        }
      });
    });
  });
  return out;
}

/** view/Sessions: the same session may appear in several groups (grouped by category). */
function collectGroups(groups: unknown[]): RawSession[] {
  const out: RawSession[] = [];
  const seen = new Set<string>();
  groups.forEach((group, g) => {
    arr(isObject(group) ? group.sessions : undefined).forEach((value, i) => {
      const key = dedupeKey(value);
      if (key !== undefined && seen.has(key)) return;
      if (key !== undefined) seen.add(key);
      out.push({ value, where: `[${g}].sessions[${i}]` });
    });
  });
  return out;
}

/** Speakers from companion documents: a `view/Speakers` array, or a `view/All` object. */
function collectCompanions(ctx: ImportContext, lookups: Lookups): void {
  ctx.companions.forEach((doc, c) => {
    const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.speakers) ? doc.speakers : undefined;
    const people = (list ?? []).filter(isObject).filter((p) => 'fullName' in p || 'firstName' in p);
    if (people.length === 0) {
      ctx.warnings.add('companion-ignored', 'A companion document is not a Sessionize speakers list; it was ignored.', `companions[${c}]`);
      return;
    }
    lookups.speakers.unshift(...people);
  });
}

function addSpeaker(builder: FeedBuilder, person: JsonObject, ctx: ImportContext, where: string): string | undefined {
  const parts = [str(person.firstName), str(person.lastName)].filter((p) => p !== undefined && p.trim() !== '');
  const name = str(person.fullName) ?? (parts.length > 0 ? parts.join(' ') : str(person.name));
  const bio = [str(person.tagLine), str(person.bio)].map((t) => t?.trim()).filter((t) => t !== undefined && t !== '');
  const links = arr(person.links)
    .filter(isObject)
    .map((l, i) => makeLink(resolveFeedHref(str(l.url), undefined), str(l.title) ?? str(l.linkType), ctx.warnings, `${where}.links[${i}]`));
  const photo = str(person.profilePicture);
  return builder.speaker({
    sourceId: str(person.id),
    name,
    bio: bio.length > 0 ? bio.join('\n\n') : undefined,
    photoUrl: photo,
    links,
    where,
  });
}

function categoriesOf(s: JsonObject, lookups: Lookups): CategoryItem[] {
  const out: CategoryItem[] = [];
  for (const id of arr(s.categoryItems)) {
    const item = lookups.categoryItems.get(str(id) ?? '');
    if (item) out.push(item);
  }
  for (const category of arr(s.categories).filter(isObject)) {
    const title = str(category.name) ?? str(category.title) ?? '';
    for (const item of arr(category.categoryItems).filter(isObject)) {
      const name = str(item.name);
      if (name !== undefined) out.push({ category: title, name });
    }
  }
  return out;
}

function sessionLinks(s: JsonObject, lookups: Lookups, ctx: ImportContext, where: string): Array<Link | undefined> {
  const links: Array<Link | undefined> = [
    makeLink(resolveFeedHref(str(s.liveUrl), undefined), 'Live stream', ctx.warnings, `${where}.liveUrl`, 'stream'),
    makeLink(resolveFeedHref(str(s.recordingUrl), undefined), 'Recording', ctx.warnings, `${where}.recordingUrl`, 'recording'),
  ];
  arr(s.questionAnswers).forEach((qa, i) => {
    if (!isObject(qa)) return;
    const answer = (str(qa.answerValue) ?? str(qa.answer))?.trim();
    if (!answer || !/^https?:\/\/\S+$/i.test(answer)) return;
    const question = str(qa.question) ?? lookups.questions.get(str(qa.questionId) ?? '');
    links.push(makeLink(answer, question, ctx.warnings, `${where}.questionAnswers[${i}]`));
  });
  return links;
}

type Time = { epochMs: number } | { wall: { date: string; time: string } };

function readTime(value: unknown): Time | undefined {
  const text = str(value);
  const parsed = text === undefined ? undefined : parseDateTime(text);
  if (!parsed) return undefined;
  return parsed.epochMs !== undefined ? { epochMs: parsed.epochMs } : { wall: parsed.wall };
}

function instant(time: Time, zone: string): number {
  return 'epochMs' in time ? time.epochMs : wallTimeToInstant(time.wall.date, time.wall.time, zone);
}

function collect(doc: unknown, lookups: Lookups): RawSession[] {
  if (isObject(doc) && Array.isArray(doc.sessions)) return collectAll(doc, lookups);
  if (Array.isArray(doc)) {
    const first = doc.find(isObject);
    if (first && Array.isArray(first.sessions) && 'groupId' in first) return collectGroups(doc);
    if (first && (Array.isArray(first.rooms) || Array.isArray(first.timeSlots))) return collectGrid(doc, lookups);
  }
  throw new FeedError('unknown-format', 'This JSON is not a Sessionize schedule (view/All, view/GridSmart or view/Sessions)');
}

export function importSessionize(doc: unknown, ctx: ImportContext): Feed {
  const w = ctx.warnings;
  const lookups = emptyLookups();
  const raw = collect(doc, lookups);
  collectCompanions(ctx, lookups);

  const samples: OffsetSample[] = [];
  const roomNames = new Set(lookups.rooms.values());
  for (const { value } of raw) {
    if (!isObject(value)) continue;
    const room = str(value.room);
    if (room) roomNames.add(room);
    const text = str(value.startsAt);
    const parsed = text === undefined ? undefined : parseDateTime(text);
    if (parsed?.epochMs !== undefined && parsed.offsetMinutes !== undefined) {
      samples.push({ epochMs: parsed.epochMs, offsetMinutes: parsed.offsetMinutes });
    }
  }
  const zone = resolveTimeZone({ fallback: ctx.timeZone, places: [...roomNames], samples }, w);
  const builder = new FeedBuilder(zone, w);

  for (const name of lookups.rooms.values()) builder.room(name);
  const speakerIds = new Map<string, string>();
  lookups.speakers.forEach((person, i) => {
    const id = addSpeaker(builder, person, ctx, `speakers[${i}]`);
    const sourceId = str(person.id);
    if (id !== undefined && sourceId !== undefined) speakerIds.set(sourceId, id);
  });

  let firstStart: number | undefined;
  for (const { value: s, where } of raw) {
    if (!isObject(s)) {
      w.add('session-unreadable', 'A session entry is not an object; it was left out.', where);
      continue;
    }
    const title = str(s.title);
    if (s.startsAt === null || s.startsAt === undefined) {
      w.add('session-unscheduled', `"${title ?? 'A session'}" has no time yet; it was left out.`, where);
      continue;
    }
    const startTime = readTime(s.startsAt);
    if (!startTime) {
      w.add('session-unreadable', `"${title ?? 'A session'}" has an unreadable start time; it was left out.`, where);
      continue;
    }
    const start = instant(startTime, zone);
    const endTime = readTime(s.endsAt);
    if (!endTime) w.add('session-end-missing', `"${title ?? 'A session'}" has no readable end time; it is shown with no length.`, where);
    const end = endTime ? instant(endTime, zone) : start;

    const ids: string[] = [];
    arr(s.speakers).forEach((ref, i) => {
      if (isObject(ref)) {
        const sourceId = str(ref.id);
        const known = sourceId === undefined ? undefined : speakerIds.get(sourceId);
        const id = known ?? addSpeaker(builder, ref, ctx, `${where}.speakers[${i}]`);
        if (id !== undefined) ids.push(id);
        if (!known && id !== undefined && sourceId !== undefined) speakerIds.set(sourceId, id);
        return;
      }
      const id = speakerIds.get(str(ref) ?? '');
      if (id !== undefined) ids.push(id);
      else w.add('unknown-speaker', `"${title ?? 'A session'}" names a speaker (${str(ref) ?? '?'}) the feed does not list.`, `${where}.speakers[${i}]`);
    });

    const categories = categoriesOf(s, lookups);
    const pick = (re: RegExp): string | undefined => categories.find((c) => re.test(c.category))?.name;
    const roomId = str(s.roomId);
    firstStart = firstStart === undefined ? start : Math.min(firstStart, start);
    builder.session({
      sourceId: str(s.id),
      title,
      abstract: str(s.description),
      start,
      end,
      room: str(s.room) ?? (roomId === undefined ? undefined : lookups.rooms.get(roomId)),
      track: pick(TRACK_CATEGORY),
      type: s.isServiceSession === true ? 'break' : pick(TYPE_CATEGORY),
      language: pick(LANGUAGE_CATEGORY),
      speakerIds: ids,
      links: sessionLinks(s, lookups, ctx, where),
      cancelled: /cancel|declin|withdrawn/i.test(str(s.status) ?? ''),
      where,
    });
  }

  if (firstStart === undefined) {
    throw new FeedError('no-sessions-readable', 'The Sessionize feed has no scheduled session that could be read');
  }
  // Sessionize exports carry no event name: give a placeholder the subscriber can rename.
  const title = `Sessionize event ${conferenceDayOf(firstStart, zone)}`;
  w.add('untitled-conference', `The feed gives no conference title; it is shown as "${title}" until renamed.`, 'conference.title');
  return builder.build({ title });
}
