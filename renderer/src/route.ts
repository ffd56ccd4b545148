import { useEffect, useState } from 'react';

export type Route = { page: 'schedule' } | { page: 'session'; id: string } | { page: 'speaker'; id: string };

export function parseRoute(hash: string): Route {
  const [, page, id] = /^#\/(session|speaker)\/(.+)$/.exec(hash) ?? [];
  if (page === 'session' && id) return { page: 'session', id: decodeURIComponent(id) };
  if (page === 'speaker' && id) return { page: 'speaker', id: decodeURIComponent(id) };
  return { page: 'schedule' };
}

export function hrefFor(route: Route): string {
  return route.page === 'schedule' ? '#/' : `#/${route.page}/${encodeURIComponent(route.id)}`;
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
