import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'schedule'; conferenceId: string; day?: string }
  | { page: 'session'; conferenceId: string; sessionId: string }
  | { page: 'speakers'; conferenceId: string }
  | { page: 'speaker'; conferenceId: string; speakerId: string }
  | { page: 'rooms'; conferenceId: string }
  | { page: 'tracks'; conferenceId: string }
  /** One room's or one track's sessions across every day. */
  | { page: 'room'; conferenceId: string; roomId: string }
  | { page: 'track'; conferenceId: string; trackId: string }
  /**
   * `conferenceId`: the conference the search started in, and its scope unless `all` widened it.
   * Without a conference the scope is the current conferences; `all`: every one, past and archived included.
   */
  | { page: 'search'; query: string; conferenceId?: string; all?: boolean }
  | { page: 'subscribe'; url?: string; live?: string; topic?: string }
  | { page: 'agenda'; conferenceId: string; day?: string }
  | { page: 'changes'; conferenceId: string }
  | { page: 'live' }
  | { page: 'recordings' }
  | { page: 'data' }
  /** A shared "my picks" link: the raw query (`c=…&n=…`), read by core/personal/picks-link. */
  | { page: 'picks'; query: string };

/** decodeURIComponent that never throws: a malformed escape in a typed or linked hash stays as written. */
const dec = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function parseRoute(hash: string): Route {
  const [path = '', queryString = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(queryString);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'subscribe') {
    const url = query.get('url');
    if (!url) return { page: 'subscribe' };
    // A live channel may ride along: `&live=wss://broker/mqtt&topic=<base>` (checked on the subscribe page).
    const live = query.get('live');
    const topic = query.get('topic');
    return live && topic ? { page: 'subscribe', url, live, topic } : { page: 'subscribe', url };
  }
  if (parts[0] === 'live') return { page: 'live' };
  if (parts[0] === 'recordings') return { page: 'recordings' };
  if (parts[0] === 'data') return { page: 'data' };
  if (parts[0] === 'picks') return { page: 'picks', query: queryString };
  if (parts[0] === 'search') {
    const cid = query.get('in');
    return {
      page: 'search',
      query: query.get('q') ?? '',
      ...(cid ? { conferenceId: cid } : {}),
      ...(query.get('all') === '1' ? { all: true } : {}),
    };
  }
  if (parts[0] === 'c' && parts[1]) {
    const conferenceId = dec(parts[1]);
    const [kind, arg] = [parts[2], parts[3]];
    if (kind === 'session' && arg) return { page: 'session', conferenceId, sessionId: dec(arg) };
    if (kind === 'speaker' && arg) return { page: 'speaker', conferenceId, speakerId: dec(arg) };
    if (kind === 'room' && arg) return { page: 'room', conferenceId, roomId: dec(arg) };
    if (kind === 'track' && arg) return { page: 'track', conferenceId, trackId: dec(arg) };
    if (kind === 'speakers') return { page: 'speakers', conferenceId };
    if (kind === 'rooms') return { page: 'rooms', conferenceId };
    if (kind === 'tracks') return { page: 'tracks', conferenceId };
    if (kind === 'day' && arg) return { page: 'schedule', conferenceId, day: arg };
    if (kind === 'agenda') return arg ? { page: 'agenda', conferenceId, day: arg } : { page: 'agenda', conferenceId };
    if (kind === 'changes') return { page: 'changes', conferenceId };
    return { page: 'schedule', conferenceId };
  }
  return { page: 'home' };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** encodeURIComponent that never throws: a lone surrogate (a feed's id can hold one) becomes U+FFFD. */
const enc = (text: string): string => encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'schedule':
      return route.day ? `#/c/${enc(route.conferenceId)}/day/${route.day}` : `#/c/${enc(route.conferenceId)}`;
    case 'session':
      return `#/c/${enc(route.conferenceId)}/session/${enc(route.sessionId)}`;
    case 'speaker':
      return `#/c/${enc(route.conferenceId)}/speaker/${enc(route.speakerId)}`;
    case 'room':
      return `#/c/${enc(route.conferenceId)}/room/${enc(route.roomId)}`;
    case 'track':
      return `#/c/${enc(route.conferenceId)}/track/${enc(route.trackId)}`;
    case 'speakers':
    case 'rooms':
    case 'tracks':
      return `#/c/${enc(route.conferenceId)}/${route.page}`;
    case 'search': {
      const q = new URLSearchParams({ q: route.query, ...(route.conferenceId ? { in: route.conferenceId } : {}), ...(route.all ? { all: '1' } : {}) });
      return `#/search?${q.toString()}`;
    }
    case 'subscribe':
      if (!route.url) return '#/subscribe';
      return route.live && route.topic ? `#/subscribe?url=${enc(route.url)}&live=${enc(route.live)}&topic=${enc(route.topic)}` : `#/subscribe?url=${enc(route.url)}`;
    case 'agenda':
      return route.day ? `#/c/${enc(route.conferenceId)}/agenda/${route.day}` : `#/c/${enc(route.conferenceId)}/agenda`;
    case 'changes':
      return `#/c/${enc(route.conferenceId)}/changes`;
    case 'live':
    case 'recordings':
      return `#/${route.page}`;
    case 'data':
      return '#/data';
    case 'picks':
      return `#/picks?${route.query}`;
  }
}

/**
 * Where a notification or tray entry leads. Its ref is `conferenceId + "\n" + sessionId`
 * for a session, or `conferenceId + "\n"` for the conference itself (its schedule).
 */
export function routeOfRef(ref: string | undefined): Route | undefined {
  const [conferenceId, sessionId] = (ref ?? '').split('\n');
  if (!conferenceId) return undefined;
  return sessionId ? { page: 'session', conferenceId, sessionId } : { page: 'schedule', conferenceId };
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** The current hash route; updates on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
