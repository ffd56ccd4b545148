import type { HostArgs, HostValue } from '../../core/host/contract';
import { MAX_C3VOC_BYTES } from '../../core/live/c3voc-streams';
import { MAX_MEDIA_CCC_BYTES } from '../../core/live/media-ccc';
import { MAX_ROOM_STATUS_BYTES } from '../../core/live/room-status';
import { feedHostGuard, type ResolveAll } from './address-guard';
import { fetchFeed } from './feed-fetch';

const LIMITS = {
  'room-status': { maxBytes: MAX_ROOM_STATUS_BYTES, what: 'The room status' },
  streams: { maxBytes: MAX_C3VOC_BYTES, what: 'The streams list' },
  recording: { maxBytes: MAX_MEDIA_CCC_BYTES, what: 'The recordings answer' },
} as const;

export interface LiveFetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
  /** Name resolution, for tests. */
  resolve?: ResolveAll;
}

/**
 * Fetches a live document (room status, c3voc streams, media.ccc.de) for the renderer's
 * background services, through the feed fetcher's guards with a small size cap and a short
 * timeout. A feed names these addresses (its room-status list) and the app fetches them by
 * itself, so like photos they never reach this machine or the local network (every resolved
 * address checked, at every hop, the connection pinned) unless the conference's feed
 * (`request.feedUrl`) came from that same host.
 */
export async function fetchLiveDocument(request: HostArgs<'live:fetch'>[0], limits: LiveFetchLimits = {}): Promise<HostValue<'live:fetch'>> {
  const { maxBytes, what } = LIMITS[request.kind];
  const outcome = await fetchFeed(request.url, {
    etag: request.etag,
    lastModified: request.lastModified,
    timeoutMs: limits.timeoutMs ?? 15_000,
    maxBytes: Math.min(maxBytes, limits.maxBytes ?? maxBytes),
    maxRedirects: 3,
    accept: 'application/json',
    what,
    guard: feedHostGuard(request.feedUrl, limits.resolve),
  });
  if (outcome.kind === 'not-modified') return outcome;
  return {
    kind: 'fetched',
    text: new TextDecoder('utf-8').decode(outcome.bytes),
    url: outcome.url,
    ...(outcome.etag ? { etag: outcome.etag } : {}),
    ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
    ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
  };
}
