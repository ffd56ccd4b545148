import type { LiveChannel } from '../model/schema';

export interface SubscriptionLink {
  url: string;
  /** The live channel the link carries (`live=` and `topic=`), unchecked: the subscribe page checks and explains it. */
  live?: LiveChannel | undefined;
}

function fromParams(params: URLSearchParams): SubscriptionLink | undefined {
  const url = params.get('url');
  if (!url) return undefined;
  const live = params.get('live');
  const topic = params.get('topic');
  return live && topic ? { url, live: { mqtt: live, topic } } : { url };
}

/**
 * Reads a subscription link pasted where a feed address is expected: `lanyard://subscribe?url=…`,
 * or the app's own `…/#/subscribe?url=…` (web mode), with an optional `&live=<broker>&topic=<base>`.
 * Undefined for anything else (a plain feed address is used as it is).
 */
export function parseSubscriptionLink(text: string): SubscriptionLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'lanyard:' && (parsed.hostname === 'subscribe' || parsed.pathname.replace(/^\/+/, '') === 'subscribe')) return fromParams(parsed.searchParams);
  const hash = parsed.hash.replace(/^#\/?/, '');
  if (hash.startsWith('subscribe?')) return fromParams(new URLSearchParams(hash.slice('subscribe?'.length)));
  return undefined;
}
