import type { LanyardDb, PhotoRecord } from './schema';

/** After a failed download, wait this long before trying again (doubling up to a day). */
const FIRST_RETRY_MS = 15 * 60_000;
const MAX_RETRY_MS = 24 * 3_600_000;

export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** The cached photos for these URLs (only those with an image), by URL. */
export async function photosFor(db: LanyardDb, urls: readonly string[]): Promise<Map<string, Blob>> {
  const unique = [...new Set(urls)];
  if (unique.length === 0) return new Map();
  const rows = await db.photos.bulkGet(unique);
  const out = new Map<string, Blob>();
  for (const row of rows) if (row?.blob) out.set(row.url, row.blob);
  return out;
}

/** The distinct photo URLs a conference's speakers name. */
async function photoUrlsOf(db: LanyardDb, conferenceId: string): Promise<string[]> {
  return (await db.conferences.get(conferenceId))?.photoUrls ?? [];
}

/** Photo URLs of a conference that are neither cached nor waiting out a recent failure. */
/** Where the conference's feed was subscribed from, if from a URL: photos on that host may be on a private network. */
export async function feedUrlOf(db: LanyardDb, conferenceId: string): Promise<string | undefined> {
  const subscription = await db.subscriptions.get(conferenceId);
  return subscription?.source === 'url' ? subscription.url : undefined;
}

export async function photosToFetch(db: LanyardDb, conferenceId: string, now: number): Promise<string[]> {
  const urls = await photoUrlsOf(db, conferenceId);
  const rows = await db.photos.bulkGet(urls);
  return urls.filter((_url, i) => {
    const row = rows[i];
    if (!row) return true;
    if (row.blob) return false;
    return row.failedAt === undefined || now - row.failedAt >= retryDelay(row.failures);
  });
}

export async function storePhoto(db: LanyardDb, url: string, photo: { blob: Blob; contentType: string; etag?: string | undefined; lastModified?: string | undefined }, now: number): Promise<void> {
  const record: PhotoRecord = { url, blob: photo.blob, contentType: photo.contentType, fetchedAt: now, failures: 0 };
  if (photo.etag) record.etag = photo.etag;
  if (photo.lastModified) record.lastModified = photo.lastModified;
  await db.photos.put(record);
}

/** Remembers a failed download so the next attempt waits (an already cached image is kept). */
export async function recordPhotoFailure(db: LanyardDb, url: string, message: string, now: number): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    const old = await db.photos.get(url);
    if (old?.blob) return;
    await db.photos.put({ url, failedAt: now, failures: (old?.failures ?? 0) + 1, lastError: message.slice(0, 500) });
  });
}

/**
 * Deletes cached photos that no stored speaker names any more; returns how many went. Reads
 * outside a write transaction, so the schedule's own reads are never held up by it.
 */
export async function prunePhotos(db: LanyardDb): Promise<number> {
  const cached = await db.photos.toCollection().primaryKeys();
  if (cached.length === 0) return 0;
  const wanted = new Set<string>();
  await db.conferences.each((record) => {
    for (const url of record.photoUrls) wanted.add(url);
  });
  const stale = cached.filter((url) => !wanted.has(url));
  if (stale.length > 0) await db.photos.bulkDelete(stale);
  return stale.length;
}
