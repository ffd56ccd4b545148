import { makeLink, uniqueLinks } from '../feed/links';
import { checkLiveDeclarations, withoutUnknownRoomStatus } from '../live/declared';
import { enforceModel } from '../model/boundary';
import type { Feed, Link } from '../model/schema';
import { cleanText, sanitizeRichText } from '../text/html';
import { isValidTimeZone } from '../time/zone';
import type { ImportContext } from './context';

/** The links every other importer would keep: absolute http(s) or mailto URLs, normalised by the URL parser. */
function checkedLinks(links: readonly Link[], ctx: ImportContext, where: string): Link[] {
  if (links.length === 0) return [];
  return uniqueLinks(links.map((l, k) => {
    const link = makeLink(l.url, l.title, ctx.warnings, `${where}[${k}]`, l.kind);
    return link ? { ...link, kind: l.kind } : undefined;
  }));
}

/** An address shown or opened as is (conference site, venue, code of conduct): http(s) or mailto only. */
function checkedUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lanyard's own JSON. It passes the model's boundary (model/boundary.ts: impossible items are
 * left out with a warning), and its text is sanitised exactly like every other format's: a
 * Lanyard feed is no more trusted.
 */
export function importLanyard(doc: unknown, ctx: ImportContext): Feed {
  const feed = enforceModel(withoutUnknownRoomStatus(doc, ctx.warnings), ctx.warnings);
  // The subscriber's choice overrides the declared zone (instants and days are the feed's own).
  const chosen = ctx.timeZone?.trim();
  if (chosen && isValidTimeZone(chosen) && chosen !== feed.conference.timeZone) {
    ctx.warnings.add('time-zone-from-subscriber', `Using the time zone ${chosen}, as chosen by the subscriber instead of the ${feed.conference.timeZone} the feed declares.`);
    feed.conference.timeZone = chosen;
  }
  const sessionIds = new Set<string>();
  // Ids must be unique in a Lanyard feed: a later session with a used id is left out, named; never the whole feed.
  feed.sessions = feed.sessions.filter((session, i) => {
    if (!sessionIds.has(session.id)) {
      sessionIds.add(session.id);
      return true;
    }
    ctx.warnings.add('session-dropped', `Session "${session.title.slice(0, 80)}" (id ${session.id.slice(0, 100)}) was left out: an earlier session has the same id, and ids must be unique in a Lanyard feed.`, `sessions[${i}].id`);
    return false;
  });
  feed.sessions.forEach((session, i) => {
    session.title = cleanText(session.title) ?? 'Untitled session';
    session.abstract = sanitizeRichText(session.abstract);
    session.description = sanitizeRichText(session.description);
    session.links = checkedLinks(session.links, ctx, `sessions[${i}].links`);
    if (session.abstract === undefined) delete session.abstract;
    if (session.description === undefined) delete session.description;
  });
  feed.speakers.forEach((speaker, i) => {
    speaker.bio = sanitizeRichText(speaker.bio);
    if (speaker.bio === undefined) delete speaker.bio;
    speaker.links = checkedLinks(speaker.links, ctx, `speakers[${i}].links`);
    const photo = checkedUrl(speaker.photoUrl);
    if (photo) speaker.photoUrl = photo;
    else delete speaker.photoUrl;
  });
  feed.rooms.forEach((room, i) => {
    room.links = checkedLinks(room.links, ctx, `rooms[${i}].links`);
  });
  const { conference } = feed;
  conference.links = checkedLinks(conference.links, ctx, 'conference.links');
  checkLiveDeclarations(conference, ctx.warnings);
  const url = checkedUrl(conference.url);
  if (url) conference.url = url;
  else delete conference.url;
  if (conference.venue?.url !== undefined) {
    const venueUrl = checkedUrl(conference.venue.url);
    if (venueUrl) conference.venue.url = venueUrl;
    else delete conference.venue.url;
  }
  if (conference.codeOfConduct) {
    const coc = conference.codeOfConduct;
    const cocUrl = checkedUrl(coc.url);
    if (cocUrl) coc.url = cocUrl;
    else delete coc.url;
    for (const contact of coc.contacts) {
      const contactUrl = checkedUrl(contact.url);
      if (contactUrl) contact.url = contactUrl;
      else delete contact.url;
    }
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
