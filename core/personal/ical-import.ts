import ICAL from 'ical.js';
import { FeedError, WarningLog } from '../errors';
import { sessionUid } from '../export/agenda-ical';
import { normaliseTitle } from '../feed/identity';
import { importFeed } from '../formats/index';
import { parseCalendarText } from '../formats/ical-text';
import type { Conference, Session } from '../model/schema';
import { STAR_LEVELS, type Star } from './model';

/** What the importer needs to know about one stored conference. */
export interface StoredConference {
  /** The conference's key in this app. */
  conferenceId: string;
  conference: Pick<Conference, 'id' | 'title' | 'timeZone'>;
  sessions: ReadonlyArray<Pick<Session, 'id' | 'guid' | 'sourceId' | 'title' | 'start'>>;
}

type MatchedBy = 'uid' | 'lanyard-id' | 'guid-in-uid' | 'title-and-time';

interface IcsEvent {
  uid: string | undefined;
  title: string;
  /** ISO instant. */
  start: string;
}

export interface IcsMatch extends IcsEvent {
  conferenceId: string;
  sessionId: string;
  by: MatchedBy;
  /** The star level this app exported (X-LANYARD-STAR), when present. */
  star?: Star;
}

interface IcsUnmatched extends IcsEvent {
  reason: string;
}

export interface IcsImport {
  events: number;
  matches: IcsMatch[];
  unmatched: IcsUnmatched[];
}

interface Extras {
  summary?: string;
  conference?: string;
  session?: string;
  star?: Star;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** X-LANYARD-* properties and the raw SUMMARY of each event, by UID. */
function readExtras(text: string): Map<string, Extras> {
  const out = new Map<string, Extras>();
  const jcals = parseCalendarText(text, new WarningLog(), new WeakMap());
  for (const jcal of jcals) {
    for (const event of new ICAL.Component(jcal).getAllSubcomponents('vevent')) {
      const uid = event.getFirstPropertyValue('uid');
      if (typeof uid !== 'string') continue;
      const prop = (name: string): string | undefined => {
        const value = event.getFirstPropertyValue(name);
        return typeof value === 'string' ? unescapeText(value).trim() || undefined : undefined;
      };
      const star = prop('x-lanyard-star');
      const extras: Extras = {};
      const summary = event.getFirstPropertyValue('summary');
      if (typeof summary === 'string') extras.summary = summary;
      const conference = prop('x-lanyard-conference');
      if (conference) extras.conference = conference;
      const session = prop('x-lanyard-session');
      if (session) extras.session = session;
      if (star && (STAR_LEVELS as readonly string[]).includes(star)) extras.star = star as Star;
      out.set(uid, extras);
    }
  }
  return out;
}

type Ref = { conferenceId: string; conference: StoredConference['conference']; session: StoredConference['sessions'][number] };

function index(conferences: readonly StoredConference[]): {
  byUid: Map<string, Ref>;
  byLanyard: Map<string, Ref>;
  byGuid: Map<string, Ref>;
  byTitleTime: Map<string, Ref[]>;
  byTitle: Map<string, Ref[]>;
} {
  const byUid = new Map<string, Ref>();
  const byLanyard = new Map<string, Ref>();
  const byGuid = new Map<string, Ref>();
  const byTitleTime = new Map<string, Ref[]>();
  const byTitle = new Map<string, Ref[]>();
  const push = (map: Map<string, Ref[]>, key: string, ref: Ref): void => {
    const list = map.get(key) ?? [];
    list.push(ref);
    map.set(key, list);
  };
  for (const c of conferences) {
    for (const session of c.sessions) {
      const ref: Ref = { conferenceId: c.conferenceId, conference: c.conference, session };
      byUid.set(sessionUid(c.conference, session), ref);
      byLanyard.set(`${c.conference.id}\n${session.id}`, ref);
      if (session.guid && session.guid.length >= 8) byGuid.set(session.guid.toLowerCase(), ref);
      const title = normaliseTitle(session.title);
      push(byTitleTime, `${title}\n${Date.parse(session.start)}`, ref);
      push(byTitle, title, ref);
    }
  }
  return { byUid, byLanyard, byGuid, byTitleTime, byTitle };
}

const when = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * Reads an agenda from an .ics file (this app's export, or another conference app's) and
 * pairs each event with a stored session: by our own UID, by the X-LANYARD ids, by a feed
 * guid inside the event's UID (pretalx, frab and FOSDEM-style exports carry them), then by
 * normalised title + start time. An event that pairs with nothing, or with several
 * sessions, is returned as unmatched with the reason. Throws FeedError for unreadable files.
 */
export function matchICalAgenda(text: string, conferences: readonly StoredConference[]): IcsImport {
  const imported = importFeed(text);
  if (imported.format !== 'ical') throw new FeedError('unknown-format', `This is not an iCalendar (.ics) file; it looks like ${imported.formatLabel}`);
  const extras = readExtras(text);
  const idx = index(conferences);
  const result: IcsImport = { events: imported.feed.sessions.length, matches: [], unmatched: [] };
  for (const session of imported.feed.sessions) {
    const uid = session.sourceId;
    const extra = uid ? extras.get(uid) : undefined;
    const event: IcsEvent = { uid, title: extra?.summary ?? session.title, start: session.start };
    const found = (ref: Ref, by: MatchedBy): void => {
      result.matches.push({ ...event, conferenceId: ref.conferenceId, sessionId: ref.session.id, by, ...(extra?.star ? { star: extra.star } : {}) });
    };
    const byUid = uid ? idx.byUid.get(uid) : undefined;
    if (byUid) {
      found(byUid, 'uid');
      continue;
    }
    const byLanyard = extra?.conference && extra.session ? idx.byLanyard.get(`${extra.conference}\n${extra.session}`) : undefined;
    if (byLanyard) {
      found(byLanyard, 'lanyard-id');
      continue;
    }
    const guids = uid ? [uid.split('@')[0]!, ...(uid.match(UUID) ?? [])].map((g) => g.toLowerCase()) : [];
    const byGuid = guids.map((g) => idx.byGuid.get(g)).find((r) => r !== undefined);
    if (byGuid) {
      found(byGuid, 'guid-in-uid');
      continue;
    }
    const titles = [...new Set([normaliseTitle(event.title), normaliseTitle(session.title)])];
    const candidates = [...new Map(titles.flatMap((t) => idx.byTitleTime.get(`${t}\n${Date.parse(session.start)}`) ?? []).map((r) => [`${r.conferenceId}\n${r.session.id}`, r])).values()];
    if (candidates.length === 1) {
      found(candidates[0]!, 'title-and-time');
      continue;
    }
    if (candidates.length > 1) {
      result.unmatched.push({ ...event, reason: `${candidates.length} sessions have this title at this time (${candidates.map((c) => c.conference.title).join(', ')})` });
      continue;
    }
    const sameTitle = titles.flatMap((t) => idx.byTitle.get(t) ?? []);
    const other = sameTitle[0];
    result.unmatched.push({
      ...event,
      reason: other
        ? `"${other.session.title}" in ${other.conference.title} is at ${when(other.session.start, other.conference.timeZone)}, not at ${when(session.start, other.conference.timeZone)}`
        : conferences.length === 0
          ? 'no conferences are stored yet: subscribe to the conference first'
          : 'no session of your conferences has this UID, or this title at this time',
    });
  }
  return result;
}
