/**
 * "Share my picks": a link that carries one conference and a list of its session ids, so a
 * friend's Lanyard can show them and add them as *maybe*. Nothing goes through a server: the
 * whole list is in the link (`lanyard://picks?…` for the desktop app, `#/picks?…` in web mode).
 *
 * Query: `c` = the conference's key, `u` = its feed URL (so an app that does not follow it
 * yet can subscribe), then either `n` = numeric ids, sorted, as base-36 differences joined by
 * `.` (FOSDEM's 5-digit ids cost about 2 characters each), or `s` = any ids, comma-separated,
 * each percent-encoded. What arrives is untrusted: every part is checked and capped.
 */

export interface Picks {
  /** The conference's key in the sharer's app. */
  conferenceId: string;
  /** The feed the conference comes from, when it was subscribed by URL. */
  feedUrl?: string;
  sessionIds: string[];
}

/** Links stay short enough for a QR code a phone reads easily, and for chat apps. */
export const MAX_PICKS_LINK = 2_000;
const MAX_PICKS = 300;
const MAX_ID = 200;

export class PicksLinkError extends Error {
  override name = 'PicksLinkError';
}

const isNumeric = (id: string): boolean => /^(0|[1-9]\d{0,14})$/.test(id);

function numericPart(ids: readonly string[]): string {
  const sorted = ids.map(Number).sort((a, b) => a - b);
  let previous = 0;
  return sorted
    .map((n) => {
      const delta = n - previous;
      previous = n;
      return delta.toString(36);
    })
    .join('.');
}

/** The query (without `?`) that carries these picks; throws PicksLinkError when it would be too long. */
export function picksQuery(picks: Picks): string {
  const ids = [...new Set(picks.sessionIds)];
  if (ids.length === 0) throw new PicksLinkError('Nothing to share: star some sessions first');
  if (ids.length > MAX_PICKS) throw new PicksLinkError(`${ids.length} sessions are too many for one link (at most ${MAX_PICKS})`);
  const params = [`c=${encodeURIComponent(picks.conferenceId)}`];
  if (picks.feedUrl) params.push(`u=${encodeURIComponent(picks.feedUrl)}`);
  params.push(ids.every(isNumeric) ? `n=${numericPart(ids)}` : `s=${ids.map(encodeURIComponent).join(',')}`);
  const query = params.join('&');
  if (query.length > MAX_PICKS_LINK) throw new PicksLinkError(`The link would be ${query.length} characters long (at most ${MAX_PICKS_LINK}): share fewer sessions`);
  return query;
}

/** `lanyard://picks?…`: opens in the desktop app. */
export function picksAppLink(picks: Picks): string {
  return `lanyard://picks?${picksQuery(picks)}`;
}

/** The web-mode link: the app's own address with `#/picks?…`. */
export function picksWebLink(origin: string, picks: Picks): string {
  return `${origin}/#/picks?${picksQuery(picks)}`;
}

/** The raw (still percent-encoded) values of a query: `s` must be split before it is decoded. */
function rawParams(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    if (at > 0 && !out.has(pair.slice(0, at))) out.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return out;
}

function decoded(raw: string | undefined, what: string): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PicksLinkError(`${what} in the link is not readable`);
  }
}

function decodeIds(params: Map<string, string>): string[] {
  const numeric = params.get('n');
  const plain = params.get('s');
  if (numeric !== undefined) {
    const parts = numeric.split('.');
    if (parts.length > MAX_PICKS) throw new PicksLinkError(`The link lists ${parts.length} sessions; at most ${MAX_PICKS} are read`);
    let value = 0;
    return parts.map((part, index) => {
      if (!/^[0-9a-z]{1,10}$/.test(part)) throw new PicksLinkError(`Session ${index + 1} in the link is not a number ("${part.slice(0, 20)}")`);
      value += parseInt(part, 36);
      if (!Number.isSafeInteger(value)) throw new PicksLinkError(`Session ${index + 1} in the link is out of range`);
      return String(value);
    });
  }
  if (plain !== undefined) {
    const parts = plain.split(',');
    if (parts.length > MAX_PICKS) throw new PicksLinkError(`The link lists ${parts.length} sessions; at most ${MAX_PICKS} are read`);
    return parts.map((part, index) => {
      const id = decoded(part, `Session ${index + 1}`) ?? '';
      if (id.length === 0 || id.length > MAX_ID) throw new PicksLinkError(`Session ${index + 1} in the link is empty or too long`);
      return id;
    });
  }
  throw new PicksLinkError('The link names no sessions');
}

/** Reads a picks query (`c=…&n=…`, with or without `?`); throws PicksLinkError saying what is wrong. */
export function parsePicksQuery(query: string): Picks {
  if (query.length > MAX_PICKS_LINK * 2) throw new PicksLinkError(`The link is ${query.length} characters long; at most ${MAX_PICKS_LINK * 2} are read`);
  const params = rawParams(query.replace(/^\?/, ''));
  const conferenceId = decoded(params.get('c'), 'The conference') ?? '';
  if (conferenceId.length === 0 || conferenceId.length > MAX_ID) throw new PicksLinkError('The link names no conference');
  const out: Picks = { conferenceId, sessionIds: [...new Set(decodeIds(params))] };
  const feed = decoded(params.get('u'), 'The conference’s feed address');
  if (feed !== undefined) {
    let url: URL;
    try {
      url = new URL(feed);
    } catch {
      throw new PicksLinkError('The conference’s feed address in the link is not a web address');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PicksLinkError(`The conference’s feed address in the link is not a web address (${url.protocol})`);
    out.feedUrl = url.href;
  }
  return out;
}

/** The picks query of a `lanyard://picks?…` link, or undefined for any other link. */
export function picksQueryFromLink(link: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'lanyard:') return undefined;
  if (parsed.hostname !== 'picks' && parsed.pathname.replace(/^\/+/, '') !== 'picks') return undefined;
  return parsed.search.replace(/^\?/, '');
}
