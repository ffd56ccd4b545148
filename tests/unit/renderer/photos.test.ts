import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostApi, PhotoResponse } from '../../../core/host/contract';
import type { Feed } from '../../../core/model/schema';
import { photosFor, photosToFetch, prunePhotos, recordPhotoFailure, retryDelay, storePhoto } from '../../../renderer/src/db/photos';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { cachePhotos } from '../../../renderer/src/sync/photos';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { makePng } from '../../fixtures/png';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const SAMPLE_PHOTOS = (JSON.parse(SAMPLE) as Feed).speakers.flatMap((s) => (s.photoUrl ? [s.photoUrl] : []));
const T0 = Date.parse('2023-01-20T10:00:00Z');
const PNG = makePng(4, 4);
// Blob wants bytes over a plain ArrayBuffer (DOM typing); copy the Buffer into one.
const PNG_BYTES = new Uint8Array(PNG);
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('photos');
});
afterEach(() => dropDb(db));

/** A host that answers photo requests like the real one would, counting calls and how many run at once. */
function fakeHost(failing: ReadonlySet<string> = new Set()) {
  const calls: string[] = [];
  const feedUrls: Array<string | undefined> = [];
  let active = 0;
  let maxActive = 0;
  const fetchPhoto: HostApi['fetchPhoto'] = async ({ url, feedUrl }) => {
    calls.push(url);
    feedUrls.push(feedUrl);
    active += 1;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    active -= 1;
    if (failing.has(url)) return { ok: false, error: { message: `${new URL(url).host} refused the connection` } };
    const value: PhotoResponse = { url, contentType: 'image/png', base64: PNG.toString('base64'), etag: `"${url.length}"` };
    return { ok: true, value };
  };
  return { fetchPhoto, calls, feedUrls, maxActive: () => maxActive };
}

async function subscribeSample(id = 'centos', url = 'https://example.org/centos.json'): Promise<string> {
  const candidate = readCandidate(SAMPLE, { source: 'url', url });
  candidate.result.feed.conference.id = id;
  return subscribe(db, candidate, T0);
}

describe('caching speaker photos', () => {
  it('downloads each speaker photo once, at most three at a time, and stores real image blobs', async () => {
    const id = await subscribeSample();
    const host = fakeHost();
    const report = await cachePhotos(db, id, host.fetchPhoto, T0);
    expect(report).toEqual({ cached: SAMPLE_PHOTOS.length, failed: 0, pruned: 0 });
    expect([...host.calls].sort()).toEqual([...SAMPLE_PHOTOS].sort());
    // Each request names the feed's own address, so the host can allow photos on that same (possibly private) host.
    expect(new Set(host.feedUrls)).toEqual(new Set(['https://example.org/centos.json']));
    expect(host.maxActive()).toBeGreaterThan(1);
    expect(host.maxActive()).toBeLessThanOrEqual(3);
    const stored = await db.photos.get(SAMPLE_PHOTOS[0]!);
    expect(stored).toMatchObject({ contentType: 'image/png', fetchedAt: T0, failures: 0 });
    expect(stored?.blob).toBeInstanceOf(Blob);
    expect(Buffer.from(await stored!.blob!.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await photosFor(db, SAMPLE_PHOTOS)).size).toBe(SAMPLE_PHOTOS.length);

    // A later sync asks for nothing that is already cached.
    const again = fakeHost();
    expect(await cachePhotos(db, id, again.fetchPhoto, T0 + 60_000)).toEqual({ cached: 0, failed: 0, pruned: 0 });
    expect(again.calls).toEqual([]);
  });

  it('records failures without touching the schedule, and retries them on a later sync after a pause', async () => {
    const id = await subscribeSample();
    const broken = SAMPLE_PHOTOS[1]!;
    const report = await cachePhotos(db, id, fakeHost(new Set([broken])).fetchPhoto, T0);
    expect(report).toMatchObject({ cached: SAMPLE_PHOTOS.length - 1, failed: 1 });
    expect(await db.photos.get(broken)).toEqual({ url: broken, failedAt: T0, failures: 1, lastError: 'connect.centos.org refused the connection' });
    expect((await db.schedules.get(id))?.sessions).toHaveLength(18);

    // A sync five minutes later does not hammer the server…
    const soon = fakeHost();
    await cachePhotos(db, id, soon.fetchPhoto, T0 + 5 * 60_000);
    expect(soon.calls).toEqual([]);
    // …a failure again doubles the pause…
    const later = fakeHost(new Set([broken]));
    await cachePhotos(db, id, later.fetchPhoto, T0 + retryDelay(1));
    expect(later.calls).toEqual([broken]);
    expect((await db.photos.get(broken))?.failures).toBe(2);
    expect(await photosToFetch(db, id, T0 + retryDelay(1) + retryDelay(2) - 1)).toEqual([]);
    // …and once the server is back, the photo arrives.
    const back = fakeHost();
    await cachePhotos(db, id, back.fetchPhoto, T0 + retryDelay(1) + retryDelay(2));
    expect(back.calls).toEqual([broken]);
    expect((await db.photos.get(broken))?.blob).toBeInstanceOf(Blob);
  });

  it('never replaces a cached photo with a failure record', async () => {
    const url = 'https://example.org/a.png';
    await storePhoto(db, url, { blob: new Blob([PNG_BYTES], { type: 'image/png' }), contentType: 'image/png' }, T0);
    await recordPhotoFailure(db, url, 'boom', T0 + 1);
    expect((await db.photos.get(url))?.blob).toBeInstanceOf(Blob);
  });

  it('deletes photos no stored speaker names any more, and keeps those other conferences use', async () => {
    const id = await subscribeSample('centos', 'https://example.org/centos.json');
    const other = await subscribeSample('centos-copy', 'https://example.org/copy.json');
    await cachePhotos(db, id, fakeHost().fetchPhoto, T0);
    const orphan = 'https://example.org/nobody.png';
    await storePhoto(db, orphan, { blob: new Blob([PNG_BYTES]), contentType: 'image/png' }, T0);
    expect(await prunePhotos(db)).toBe(1);
    expect(await db.photos.get(orphan)).toBeUndefined();

    // A new revision of the first conference drops a speaker: the copy still names that photo.
    const dropped = (JSON.parse(SAMPLE) as Feed).speakers.find((s) => s.photoUrl)!;
    const next = JSON.parse(SAMPLE) as Feed;
    next.revision = 'r2';
    next.speakers = next.speakers.filter((s) => s.id !== dropped.id);
    for (const s of next.sessions) s.speakerIds = s.speakerIds.filter((sid) => sid !== dropped.id);
    expect((await applyFeedText(db, id, JSON.stringify(next), {}, T0 + 1000)).kind).toBe('updated');
    expect(await prunePhotos(db)).toBe(0);
    expect(await db.photos.get(dropped.photoUrl!)).toBeDefined();

    // Once no conference names it, it goes.
    expect((await applyFeedText(db, other, JSON.stringify(next), {}, T0 + 2000)).kind).toBe('updated');
    const report = await cachePhotos(db, other, fakeHost().fetchPhoto, T0 + 3000);
    expect(report.pruned).toBe(1);
    expect(await db.photos.get(dropped.photoUrl!)).toBeUndefined();
    expect(await db.photos.count()).toBe(SAMPLE_PHOTOS.length - 1);
  });
});

describe('the photos table in schema version 2', () => {
  it('appears when a version 1 database is opened, next to its untouched rows', async () => {
    const { default: Dexie } = await import('dexie');
    const { SCHEMA_V1 } = await import('../../../renderer/src/db/schema');
    const name = `photos-upgrade-${db.name}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('subscriptions').put({ id: 'centos', source: 'sample', addedAt: 1, archived: 0, failures: 0 });
    v1.close();
    const upgraded = new LanyardDb(name);
    await upgraded.open();
    expect((await upgraded.subscriptions.get('centos'))?.source).toBe('sample');
    await storePhoto(upgraded, 'https://example.org/a.png', { blob: new Blob([PNG_BYTES], { type: 'image/png' }), contentType: 'image/png' }, T0);
    expect((await photosFor(upgraded, ['https://example.org/a.png'])).get('https://example.org/a.png')?.size).toBe(PNG.length);
    upgraded.close();
    await Dexie.delete(name);
  });
});
