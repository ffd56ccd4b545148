import type { HostApi } from '../../../core/host/contract';
import { feedUrlOf, photosToFetch, prunePhotos, recordPhotoFailure, storePhoto } from '../db/photos';
import type { LanyardDb } from '../db/schema';

/** Downloads at once; a FOSDEM-size speaker list should not flood the organizer's server. */
const CONCURRENCY = 3;

type PhotoFetcher = HostApi['fetchPhoto'];

export interface PhotoRunReport {
  cached: number;
  failed: number;
  pruned: number;
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The photo cache the app kernel starts: one run per conference at a time. */
export interface PhotoService {
  cache: (conferenceId: string, now?: number) => Promise<PhotoRunReport>;
  cacheAll: () => Promise<void>;
}

export function createPhotoService(db: LanyardDb, fetchPhoto: PhotoFetcher, clock: () => number): PhotoService {
  const running = new Map<string, Promise<PhotoRunReport>>();
  const cache = (conferenceId: string, now = clock()): Promise<PhotoRunReport> => cachePhotos(db, conferenceId, fetchPhoto, now, running);
  return {
    cache,
    // At start, so earlier failures get their retry.
    cacheAll: async () => {
      const ids = await db.conferences.toCollection().primaryKeys();
      for (const id of ids) await cache(id);
    },
  };
}

/**
 * Caches the photos a conference's speakers name, in the background after a sync stores the
 * conference. Photos already cached are skipped; a failure is recorded and retried on a
 * later sync after a growing pause, and never touches the schedule. Photos no stored speaker
 * names any more are deleted. Never throws.
 */
export function cachePhotos(db: LanyardDb, conferenceId: string, fetchPhoto: PhotoFetcher, now: number, running = new Map<string, Promise<PhotoRunReport>>()): Promise<PhotoRunReport> {
  const existing = running.get(conferenceId);
  if (existing) return existing;
  const job = (async (): Promise<PhotoRunReport> => {
    const report: PhotoRunReport = { cached: 0, failed: 0, pruned: 0 };
    report.pruned = await prunePhotos(db);
    const queue = await photosToFetch(db, conferenceId, now);
    // The host refuses private addresses for photos unless the feed itself came from that host.
    const feedUrl = await feedUrlOf(db, conferenceId);
    const worker = async (): Promise<void> => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const answer = await fetchPhoto(feedUrl ? { url, feedUrl } : { url });
        if (answer.ok) {
          const { base64, contentType, etag, lastModified } = answer.value;
          await storePhoto(db, url, { blob: new Blob([decodeBase64(base64)], { type: contentType }), contentType, etag, lastModified }, now);
          report.cached += 1;
        } else {
          await recordPhotoFailure(db, url, answer.error.message, now);
          report.failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return report;
  })().catch(() => ({ cached: 0, failed: 0, pruned: 0 }));
  running.set(conferenceId, job);
  return job.finally(() => running.delete(conferenceId));
}
