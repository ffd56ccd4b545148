import { createHash } from 'node:crypto';
import {
  createAccount,
  createCalendarObject,
  deleteCalendarObject,
  fetchCalendarObjects,
  fetchCalendars,
  getBasicAuthHeaders,
  makeCalendar,
  updateCalendarObject,
  type DAVCalendar,
  type DAVCalendarObject,
} from 'tsdav';
import type { CalendarObject } from '../../core/export/ical-split';
import { stableHash } from '../../core/export/agenda-ical';

/** The calendar Lanyard creates (or finds again by this name) on the user's CalDAV server. */
export const CALENDAR_NAME = 'Lanyard agenda';
const CALENDAR_SLUG = 'lanyard-agenda/';
/** One round (discovery, listing, every upload) must end within this. */
const ROUND_TIMEOUT_MS = 120_000;

export interface CaldavAccount {
  serverUrl: string;
  username: string;
  password: string;
}

/** What Lanyard uploaded per UID: where, the server's ETag, and a hash of what was sent. */
interface SentObject {
  href: string;
  etag?: string;
  hash: string;
}

/** Kept between rounds (in caldav.json), so an unchanged event is not uploaded again. */
export interface CaldavState {
  calendarUrl?: string;
  sent: Record<string, SentObject>;
}

export interface SyncOutcome {
  state: CaldavState;
  events: number;
  uploaded: number;
  deleted: number;
}

/** A CalDAV failure in words for a person. */
export class CaldavError extends Error {
  override name = 'CaldavError';
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The UID of a stored object, read from its text (lines unfolded first). */
function uidOf(data: string): string | undefined {
  const unfolded = data.replace(/\r?\n[ \t]/g, '');
  return /^UID:(.+?)\r?$/im.exec(unfolded)?.[1]?.trim();
}

/** The file name of a session's event on the server: derived from its UID, safe in any URL. */
function objectFileName(uid: string): string {
  return `lanyard-${stableHash(uid)}.ics`;
}

/** Server URLs must be https, except on this machine (a password never crosses a network in clear). */
export function checkServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new CaldavError(`"${text}" is not a web address; give the CalDAV address your provider names, e.g. https://cloud.example.org/remote.php/dav`);
  }
  const isLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new CaldavError(`The CalDAV address must start with https:// (plain http:// only for a server on this computer), not ${url.protocol}//`);
  }
  if (url.username || url.password) throw new CaldavError('Put the user name and password in their own fields, not in the address');
  return url;
}

/** Turns what fetch and tsdav throw into one sentence naming the server. */
export function plainCaldavError(error: unknown, server: string): string {
  if (error instanceof CaldavError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException) : undefined;
  const host = (() => {
    try {
      return new URL(server).host;
    } catch {
      return server;
    }
  })();
  if (/invalid credentials|401/i.test(text)) return `${host} refused the user name or password (401 Unauthorized).`;
  if (/403/.test(text)) return `${host} does not let this account do that (403 Forbidden).`;
  if (cause?.code === 'ECONNREFUSED') return `Could not reach ${host}: the connection was refused (is the server running, and is the address right?).`;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return `Could not reach ${host}: that name is unknown (offline, or a typing mistake?).`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `${host} did not answer in time.`;
  if (/principal|homeUrl|home url|rootUrl/i.test(text)) {
    return `${host} does not look like a CalDAV server (no calendars found for this account). Use the CalDAV address your provider gives, e.g. https://cloud.example.org/remote.php/dav.`;
  }
  if (/fetch failed/i.test(text)) return `Could not reach ${host}${cause?.message ? `: ${cause.message}` : ''}.`;
  return `${host}: ${text}`;
}

async function check(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const detail = response.status === 412 ? ' (it changed on the server meanwhile; trying again)' : '';
  await response.body?.cancel();
  throw new CaldavError(`The server answered ${response.status} ${response.statusText} when ${what}${detail}.`);
}

async function findOrMakeCalendar(calendars: DAVCalendar[], homeUrl: string, state: CaldavState, headers: Record<string, string>, signal: AbortSignal): Promise<{ calendar: DAVCalendar; all: DAVCalendar[] }> {
  const known = calendars.find((c) => state.calendarUrl !== undefined && c.url === state.calendarUrl) ?? calendars.find((c) => c.displayName === CALENDAR_NAME);
  if (known) return { calendar: known, all: calendars };
  const url = new URL(CALENDAR_SLUG, homeUrl).href;
  const [answer] = await makeCalendar({ url, props: { displayname: CALENDAR_NAME }, headers, fetchOptions: { signal } });
  if (answer && !answer.ok) throw new CaldavError(`The server would not create the calendar "${CALENDAR_NAME}" (${answer.status} ${answer.statusText}).`);
  return { calendar: { url, displayName: CALENDAR_NAME }, all: calendars };
}

/**
 * One round of keeping the CalDAV calendar in step with the agenda: finds (or creates) the
 * "Lanyard agenda" calendar, lists what it holds, uploads new and changed events (by UID,
 * with If-None-Match / If-Match ETags), deletes the events of sessions no longer in the
 * agenda (only Lanyard's own: an event someone else put there stays), and returns the state
 * to keep for the next round. `prune: false` deletes nothing (connecting before the page has
 * published the agenda). Throws a CaldavError (or what fetch threw) on failure; the
 * caller retries.
 */
export async function syncCaldav(account: CaldavAccount, objects: readonly CalendarObject[], state: CaldavState, options: { prune?: boolean } = {}): Promise<SyncOutcome> {
  const serverUrl = checkServerUrl(account.serverUrl).href;
  const signal = AbortSignal.timeout(ROUND_TIMEOUT_MS);
  const headers = getBasicAuthHeaders({ username: account.username, password: account.password });
  const fetchOptions = { signal };
  const dav = await createAccount({ account: { serverUrl, accountType: 'caldav', credentials: {} }, headers, fetchOptions });
  if (!dav.homeUrl) throw new CaldavError(plainCaldavError(new Error('no homeUrl'), serverUrl));
  const { calendar } = await findOrMakeCalendar(await fetchCalendars({ account: dav, headers, fetchOptions }), dav.homeUrl, state, headers, signal);
  const remote = await fetchCalendarObjects({ calendar, headers, fetchOptions });
  const byUid = new Map<string, DAVCalendarObject>();
  for (const object of remote) {
    const uid = typeof object.data === 'string' ? uidOf(object.data) : undefined;
    if (uid) byUid.set(uid, object);
  }
  const sent: Record<string, SentObject> = {};
  let uploaded = 0;
  for (const object of objects) {
    const hash = sha256(object.ics);
    const there = byUid.get(object.uid);
    const before = state.sent[object.uid];
    if (there && before && before.hash === hash && before.etag !== undefined && before.etag === there.etag) {
      sent[object.uid] = before;
      continue;
    }
    let response: Response;
    let href: string;
    if (there) {
      href = there.url;
      response = await updateCalendarObject({ calendarObject: { url: there.url, etag: there.etag, data: object.ics }, headers, fetchOptions });
    } else {
      href = new URL(objectFileName(object.uid), calendar.url.endsWith('/') ? calendar.url : `${calendar.url}/`).href;
      response = await createCalendarObject({ calendar, iCalString: object.ics, filename: objectFileName(object.uid), headers, fetchOptions });
    }
    await check(response, `saving event ${object.uid}`);
    const etag = response.headers.get('etag') ?? undefined;
    sent[object.uid] = etag ? { href, etag, hash } : { href, hash };
    uploaded += 1;
  }
  const wanted = new Set(objects.map((o) => o.uid));
  let deleted = 0;
  for (const [uid, object] of byUid) {
    if (wanted.has(uid) || options.prune === false) continue;
    const isOurs = state.sent[uid] !== undefined || (typeof object.data === 'string' && /^X-LANYARD-SESSION[;:]/m.test(object.data));
    if (!isOurs) continue;
    const response = await deleteCalendarObject({ calendarObject: { url: object.url, etag: object.etag }, headers, fetchOptions });
    if (response.status !== 404) await check(response, `removing event ${uid}`);
    deleted += 1;
  }
  // Servers that send no ETag on PUT: read the ETags once, so the next round can skip unchanged events.
  const withoutEtag = Object.values(sent).filter((s) => s.etag === undefined);
  if (withoutEtag.length > 0) {
    const fresh = await fetchCalendarObjects({ calendar, objectUrls: withoutEtag.map((s) => s.href), headers, fetchOptions });
    const etags = new Map(fresh.map((o) => [o.url, o.etag]));
    for (const s of withoutEtag) {
      const etag = etags.get(s.href);
      if (etag) s.etag = etag;
    }
  }
  return { state: { calendarUrl: calendar.url, sent }, events: objects.length, uploaded, deleted };
}
