import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../core/host/contract';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { testSync } from './support/sync-service';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const HOUR = 3_600_000;
/** The evening before CentOS Connect 2023; the feed is next due six hours later. */
const T0 = Date.parse('2023-02-02T18:00:00Z');
const URL_ = 'https://example.org/centos.json';
let db: LanyardDb;
let fetched: string[];
let resume: (() => void) | undefined;
let host: Partial<HostApi>;

beforeEach(async () => {
  db = await openFreshDb('wake');
  fetched = [];
  resume = undefined;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  host = {
    fetchFeed: (request) => {
      fetched.push(request.url);
      return Promise.resolve({ ok: true, value: { kind: 'not-modified', url: request.url } });
    },
    fetchPhoto: () => Promise.resolve({ ok: false, error: { message: 'offline' } }),
    onResume: (listener) => {
      resume = listener;
      return () => (resume = undefined);
    },
  };
  vi.stubGlobal('window', Object.assign(new EventTarget(), { lanyard: host, setInterval, clearInterval }));
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await dropDb(db);
});

describe('sync after the computer wakes', () => {
  it('fetches a feed that fell due during sleep as soon as the host says the computer woke, not at the next tick', async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: URL_ }), T0);
    await db.subscriptions.update(id, { nextPollAt: T0 + 6 * HOUR });
    // The system time, which this test moves with fake timers: the sleep is a jump of Date.now().
    const clock = { now: () => Date.now(), ticked: () => Date.now(), subscribe: () => () => undefined };
    const stop = testSync(db, host, clock).start(() => undefined);
    try {
      // At start nothing is due.
      await vi.waitFor(async () => expect((await db.subscriptions.get(id))?.lastAttemptAt).toBe(T0));
      expect(fetched).toEqual([]);
      expect(resume).toBeTypeOf('function');
      // Eight hours of sleep: the clock jumps; no timer has fired.
      vi.setSystemTime(T0 + 8 * HOUR);
      resume?.();
      await vi.waitFor(() => expect(fetched).toEqual([URL_]));
      await vi.waitFor(async () => expect((await db.subscriptions.get(id))?.lastAttemptAt).toBe(T0 + 8 * HOUR));
    } finally {
      stop();
    }
    expect(resume).toBeUndefined();
  });
});
