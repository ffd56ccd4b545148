import { FeedError } from '../errors';
import { FeedBuilder } from '../feed/builder';
import { resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import type { Feed } from '../model/schema';
import { resolveTimeZone, type OffsetSample } from '../time/infer';
import { parseDateTime, parseLocalDate } from '../time/parse';
import { wallTimeOf, wallTimeToInstant } from '../time/zone';
import type { ImportContext } from './context';
import { localized, referenceLinks } from './frab-json';
import { arr, isObject, str, type JsonObject } from './json';

interface Slot {
  talk: JsonObject;
  where: string;
  /** A break (or other slot without a submission): pretalx gives it no `code` and no speakers. */
  isBreak: boolean;
  start: NonNullable<ReturnType<typeof parseDateTime>>;
  end: ReturnType<typeof parseDateTime>;
}

function instantOf(parsed: Slot['start'], zone: string): number {
  return parsed.epochMs ?? wallTimeToInstant(parsed.wall.date, parsed.wall.time, zone);
}

/** `event_start`/`event_end`: a date, or a date-time read as a date in the conference zone. */
function eventDate(value: unknown, zone: string): string | undefined {
  const text = str(value)?.trim() ?? '';
  const date = parseLocalDate(text);
  if (date) return date;
  const parsed = parseDateTime(text);
  if (!parsed) return undefined;
  return parsed.epochMs === undefined ? parsed.wall.date : wallTimeOf(parsed.epochMs, zone).date;
}

/**
 * pretalx's schedule widget data (`/schedule/widget/v2.json`): talks refer to rooms and
 * tracks by numeric id and to speakers by code; titles and names may be `{ "en": … }`.
 * Talk times are local with their offset; breaks carry no code and become type "break".
 */
export function importPretalxWidget(doc: JsonObject, ctx: ImportContext): Feed {
  const w = ctx.warnings;
  if (!Array.isArray(doc.talks)) throw new FeedError('invalid-field', 'The pretalx widget data has no "talks" list', 'talks');
  const lang = str(arr(doc.content_locales)[0]);

  const slots: Slot[] = [];
  doc.talks.forEach((talk: unknown, i) => {
    const where = `talks[${i}]`;
    if (!isObject(talk)) {
      w.add('session-unreadable', 'An entry in "talks" is not a talk object; it was left out.', where);
      return;
    }
    const start = parseDateTime(str(talk.start) ?? '');
    if (!start) {
      w.add('session-unreadable', 'A talk has no readable "start" date-time; it was left out.', `${where}.start`);
      return;
    }
    const code = str(talk.code);
    slots.push({ talk, where, isBreak: !code && !Array.isArray(talk.speakers), start, end: parseDateTime(str(talk.end) ?? '') });
  });

  // Only talks give local times with the conference's offset; pretalx writes breaks in UTC.
  const samples = new Map<string, OffsetSample>();
  for (const { start, isBreak } of slots) {
    if (isBreak || start.epochMs === undefined || start.offsetMinutes === undefined) continue;
    samples.set(`${start.epochMs}|${start.offsetMinutes}`, { epochMs: start.epochMs, offsetMinutes: start.offsetMinutes });
  }
  const title = localized(doc.event_name ?? doc.name ?? doc.title ?? (isObject(doc.event) ? doc.event.name : undefined), lang);
  const zone = resolveTimeZone({ declared: str(doc.timezone), fallback: ctx.timeZone, places: [title], samples: [...samples.values()] }, w);
  const builder = new FeedBuilder(zone, w);

  const rooms = new Map<string, string>();
  arr(doc.rooms).forEach((room: unknown, i) => {
    if (!isObject(room)) return;
    const where = `rooms[${i}]`;
    const links = ['video_url', 'stream_url'].flatMap((key) => referenceLinks(room[key] || undefined, ctx.sourceUrl, w, `${where}.${key}`, 'stream'));
    const id = builder.room(localized(room.name, lang), links);
    const key = str(room.id);
    if (id && key !== undefined) rooms.set(key, id);
  });
  const tracks = new Map<string, { name: string | undefined; color: string | undefined }>();
  for (const track of arr(doc.tracks)) {
    const key = isObject(track) ? str(track.id) : undefined;
    if (isObject(track) && key !== undefined) tracks.set(key, { name: localized(track.name, lang), color: str(track.color) });
  }
  const speakers = new Map<string, JsonObject>();
  for (const speaker of arr(doc.speakers)) {
    const code = isObject(speaker) ? str(speaker.code) : undefined;
    if (isObject(speaker) && code !== undefined) speakers.set(code, speaker);
  }

  for (const { talk, where, isBreak, start: startText, end: endText } of slots) {
    const start = instantOf(startText, zone);
    let end = endText ? instantOf(endText, zone) : undefined;
    if (end === undefined) {
      const minutes = typeof talk.duration === 'number' ? talk.duration : Number(str(talk.duration) ?? Number.NaN);
      if (!Number.isFinite(minutes)) w.add('duration-missing', 'A talk has no readable "end" or "duration"; it is shown as zero minutes long.', `${where}.end`);
      end = start + (Number.isFinite(minutes) ? minutes : 0) * 60_000;
    }

    const roomKey = str(talk.room);
    let room = roomKey === undefined ? undefined : rooms.get(roomKey);
    if (room === undefined && isObject(talk.room)) room = localized(talk.room.name, lang);
    if (room === undefined && roomKey !== undefined) {
      w.add('unknown-room', `A talk names the room ${roomKey.slice(0, 100)}, which "rooms" does not list; it was kept without a room.`, `${where}.room`);
    }
    const track = tracks.get(str(talk.track) ?? '');
    const trackId = track ? builder.track(track.name, track.color) : undefined;

    const speakerIds: string[] = [];
    arr(talk.speakers).forEach((ref: unknown, j) => {
      const at = `${where}.speakers[${j}]`;
      const code = isObject(ref) ? str(ref.code) : str(ref);
      const person = (code === undefined ? undefined : speakers.get(code)) ?? (isObject(ref) ? ref : undefined);
      if (!person) {
        w.add('unknown-speaker', `A talk names the speaker ${String(code).slice(0, 100)}, who "speakers" does not list; they were left out.`, at);
        return;
      }
      const avatar = resolveFeedHref(str(person.avatar), ctx.sourceUrl);
      const id = builder.speaker({
        sourceId: code,
        name: localized(person.name, lang),
        bio: localized(person.biography, lang),
        markup: 'markdown',
        photoUrl: avatar,
        where: at,
      });
      if (id) speakerIds.push(id);
    });

    const state = str(talk.state)?.toLowerCase();
    const code = str(talk.code);
    builder.session({
      // A break has only its slot id; talks are known by their submission code.
      sourceId: code ?? (str(talk.id) === undefined ? undefined : `break-${str(talk.id)}`),
      title: localized(talk.title, lang),
      abstract: localized(talk.abstract, lang),
      description: localized(talk.description, lang),
      // pretalx stores every text as Markdown.
      markup: 'markdown',
      start,
      end,
      room,
      track: trackId,
      type: isBreak ? 'break' : localized(talk.session_type ?? talk.submission_type, lang),
      language: str(talk.content_locale),
      speakerIds,
      links: [
        ...referenceLinks(talk.stream_url || undefined, ctx.sourceUrl, w, `${where}.stream_url`, 'stream'),
        ...arr(talk.resources).flatMap((res: unknown, k) => {
          if (!isObject(res)) return [];
          const link = makeLink(resolveFeedHref(str(res.resource) ?? str(res.link), ctx.sourceUrl), localized(res.description, lang), w, `${where}.resources[${k}]`);
          return link ? [link] : [];
        }),
      ],
      recordingOptOut: talk.do_not_record === true,
      cancelled: state === 'canceled' || state === 'withdrawn',
      where,
    });
  }
  if (slots.length === 0 && doc.talks.length > 0) {
    throw new FeedError('no-sessions-readable', `None of the ${doc.talks.length} talks could be read`, 'talks');
  }

  return builder.build(
    {
      id: str(doc.event_slug) ?? str(doc.slug),
      title,
      url: str(doc.url),
      start: eventDate(doc.event_start, zone),
      end: eventDate(doc.event_end, zone),
    },
    str(doc.version),
  );
}
