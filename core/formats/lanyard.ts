import { FeedError } from '../errors';
import { uniqueLinks } from '../feed/links';
import { FeedSchema, type Feed } from '../model/schema';
import { cleanText, sanitizeRichText } from '../text/html';
import { isValidTimeZone } from '../time/zone';
import type { ImportContext } from './context';

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/**
 * Lanyard's own JSON. It is validated against the versioned schema, and its text is
 * sanitised exactly like every other format's: a Lanyard feed is no more trusted.
 */
export function importLanyard(doc: unknown, ctx: ImportContext): Feed {
  const parsed = FeedSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FeedError('invalid-field', `The Lanyard feed is not valid: ${issue.message}`, pathOf(issue.path) || 'document');
  }
  const feed = parsed.data;
  if (!isValidTimeZone(feed.conference.timeZone)) {
    throw new FeedError('invalid-time-zone', `"${feed.conference.timeZone}" is not a known IANA time zone`, 'conference.timeZone');
  }
  const sessionIds = new Set<string>();
  feed.sessions.forEach((session, i) => {
    if (sessionIds.has(session.id)) {
      throw new FeedError('invalid-field', `The session id "${session.id}" is used twice; ids must be unique in a Lanyard feed`, `sessions[${i}].id`);
    }
    sessionIds.add(session.id);
    if (session.end < session.start) {
      ctx.warnings.add('end-before-start', `"${session.title}" ends before it starts.`, `sessions[${i}]`);
    }
    session.title = cleanText(session.title) ?? 'Untitled session';
    session.abstract = sanitizeRichText(session.abstract);
    session.description = sanitizeRichText(session.description);
    session.links = uniqueLinks(session.links.filter((l) => /^(https?|mailto):/i.test(l.url)));
    if (session.abstract === undefined) delete session.abstract;
    if (session.description === undefined) delete session.description;
  });
  for (const speaker of feed.speakers) {
    speaker.bio = sanitizeRichText(speaker.bio);
    if (speaker.bio === undefined) delete speaker.bio;
    speaker.links = uniqueLinks(speaker.links.filter((l) => /^(https?|mailto):/i.test(l.url)));
  }
  const known = { rooms: new Set(feed.rooms.map((r) => r.id)), speakers: new Set(feed.speakers.map((s) => s.id)) };
  feed.sessions.forEach((session, i) => {
    if (session.roomId && !known.rooms.has(session.roomId)) {
      ctx.warnings.add('unknown-room', `Session "${session.title}" names the room "${session.roomId}", which the feed does not list.`, `sessions[${i}].roomId`);
    }
    for (const id of session.speakerIds) {
      if (!known.speakers.has(id)) {
        ctx.warnings.add('unknown-speaker', `Session "${session.title}" names the speaker "${id}", who the feed does not list.`, `sessions[${i}].speakerIds`);
      }
    }
  });
  if (feed.conference.description) feed.conference.description = sanitizeRichText(feed.conference.description);
  delete feed.$schema;
  return feed;
}
