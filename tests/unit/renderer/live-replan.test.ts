import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { storeFeed } from '../../../renderer/src/db/feeds';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { useLive } from '../../../renderer/src/store/live';
import { testSync } from './support/sync-service';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const MIN = 60_000;

describe('polling takes over when a live channel drops', () => {
  let db: LanyardDb;
  beforeEach(async () => {
    useLive.getState().reset();
    db = await openFreshDb('replan');
    const { feed, format, warnings } = importFeed(SAMPLE);
    const now = Date.now();
    await storeFeed(db, { subscription: { id: 'c', source: 'url', url: 'https://example.org/feed.json', addedAt: 0, archived: 0, failures: 0, nextPollAt: now + 15 * MIN }, feed, format, warnings, diff: undefined, now });
    // The conference is on now: polling runs every five minutes (fifteen while a channel is connected).
    await db.conferences.update('c', { firstStart: now - 60 * MIN, lastEnd: now + 60 * MIN });
  });
  afterEach(() => dropDb(db));

  it('brings a poll planned at the connected pace back to the normal one', async () => {
    const before = Date.now();
    await testSync(db, {}).replanPoll('c');
    const next = (await db.subscriptions.get('c'))!.nextPollAt!;
    expect(next).toBeGreaterThanOrEqual(before + 4.5 * MIN);
    expect(next).toBeLessThanOrEqual(Date.now() + 5.5 * MIN);
  });

  it('never puts off a poll that was due sooner', async () => {
    const soon = Date.now() + MIN;
    await db.subscriptions.update('c', { nextPollAt: soon });
    await testSync(db, {}).replanPoll('c');
    expect((await db.subscriptions.get('c'))!.nextPollAt).toBe(soon);
  });
});
