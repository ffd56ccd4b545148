import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../../core/host/contract';
import type { Feed } from '../../../core/model/schema';
import { describeFreshness } from '../../../core/sync/freshness';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { type LanyardDb, type SubscriptionRecord } from '../../../renderer/src/db/schema';
import type { SyncService } from '../../../renderer/src/sync/manager';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { FAULTS, FaultServer } from '../support/fault-server';
import { makeFeed } from '../support/feeds';
import { writeTrustFigures } from '../support/trust-figures';
import { testSync } from './support/sync-service';
import { dropDb, openFreshDb } from '../support/sample-db';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TIMEOUT_MS = 1_500;
const MAX_BYTES = 2 * 1024 * 1024;

/** The host the app's sync really calls, minus the IPC hop: contract validation, then the guarded fetcher. */
const handlers = createHostHandlers({ mode: 'desktop', version: 'test', platform: 'test', fetchLimits: { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES } });
const hostApi = {
  fetchFeed: (request) => dispatch(handlers, 'feeds:fetch', [request]),
} as Pick<HostApi, 'fetchFeed'> as HostApi;
/** The app's sync service over that host, its clock at the time of the call. */
const sync = (): SyncService => testSync(db, hostApi);

/** A conference ten days from now, so polling is in its "before the conference" pace. */
function upcomingFeed(): string {
  const day = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  const sessions = Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    title: `Session ${i}`,
    start: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:00:00Z`,
    end: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:45:00Z`,
    day,
  }));
  const feed: Feed = makeFeed(sessions, {});
  feed.conference = { ...feed.conference, id: 'faultcon', title: 'FaultCon', start: day, end: day, days: [day] };
  feed.revision = 'r1';
  return JSON.stringify(feed);
}

const server = new FaultServer();
let db: LanyardDb;
let tried = 0;
let survived = 0;
const outcomes: Array<{ fault: string; message: string; nextAttemptInSeconds: number; ms: number }> = [];

beforeAll(async () => {
  server.good = upcomingFeed();
  await server.start();
  Object.defineProperty(globalThis, 'window', { value: { lanyard: hostApi }, configurable: true });
});
afterAll(async () => {
  await server.stop();
  Reflect.deleteProperty(globalThis, 'window');
  writeTrustFigures('network-faults', { networkFaultsTried: tried, networkFaultsSurvived: survived }, outcomes);
});
beforeEach(async () => {
  db = await openFreshDb('faults');
});
afterEach(() => dropDb(db));

/** Everything stored about the conference except the subscription's sync bookkeeping. */
async function snapshot(id: string): Promise<unknown> {
  return {
    feed: await loadFeed(db, id),
    conference: await db.conferences.get(id),
    schedule: await db.schedules.get(id),
    revisions: await db.revisions.where('conferenceId').equals(id).toArray(),
  };
}

async function waitForSchedule(id: string, before: number | undefined): Promise<SubscriptionRecord> {
  const until = Date.now() + 2_000;
  for (;;) {
    const sub = await db.subscriptions.get(id);
    if (sub && sub.nextPollAt !== undefined && sub.nextPollAt !== before) return sub;
    if (Date.now() > until) throw new Error('the next attempt was never scheduled');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What the user is told for each fault. */
const EXPECTED_REASON: Record<string, RegExp> = {
  '500 Internal Server Error': /^The server answered 500 Internal Server Error$/,
  '503 with Retry-After': /^The server answered 503 Service Unavailable$/,
  '503 with an HTTP-date Retry-After': /^The server answered 503 Service Unavailable$/,
  '429 Too Many Requests': /^The server answered 429 Too Many Requests: too many requests; Lanyard waits/,
  '404 Not Found': /^The server answered 404 Not Found: there is no feed at this address/,
  '401 Unauthorized': /^The server answered 401 Unauthorized: the feed needs a login/,
  'connection reset': /^127\.0\.0\.1:\d+ closed the connection$/,
  'timeout (no answer at all)': /^127\.0\.0\.1:\d+ did not answer within 2 s$/,
  'slow drip': /^127\.0\.0\.1:\d+ sent the feed too slowly \(not complete within 2 s\)$/,
  'truncated body (connection dropped mid-way)': /^127\.0\.0\.1:\d+ closed the connection before the whole feed had arrived$/,
  'truncated body (a complete answer of half a feed)': /^The new revision could not be read: The JSON is malformed: .* \(at line 1, column \d+\)$/,
  'gzip bomb': /^The feed is larger than 2 MB once decompressed; it was not read$/,
  'redirect to http:// elsewhere': /^The server redirected to plain http at feeds\.example\.org, which is refused/,
  'redirect to file://': /^The server redirected to a file: address, which is refused/,
  'wrong content type (a login page)': /^The new revision could not be read: This is a web page \(HTML\), not a schedule feed/,
  'empty body': /^The new revision could not be read: The feed is empty$/,
  '304 when nothing is cached': /^The server answered 304 Not Modified, but there is no stored copy to reuse$/,
  'endless stream': /^The feed is larger than 2 MB once decompressed; it was not read$/,
};

/** Words a person can read: no error class names, codes or JavaScript leftovers. */
const NOT_PLAIN = /undefined|null|NaN|\[object|TypeError|Error:|ECONN|UND_ERR|EAI_|fetch failed|stack|at \w+ \(/;

describe('sync against a misbehaving feed server', () => {
  FAULTS.forEach((fault, index) => {
    it(`${fault.name}: keeps the stored conference, says why in plain words, schedules a sensible retry`, async () => {
      tried += 1;
      const id = await subscribe(db, readCandidate(server.good, { source: 'url', url: `${server.base}/good`, etag: '"good"' }), Date.now() - 10 * MINUTE);
      const stored = await db.subscriptions.get(id);
      const sub: SubscriptionRecord = { ...stored!, url: server.url(index) };
      if (fault.name === '304 when nothing is cached') delete sub.etag;
      await db.subscriptions.put(sub);
      const before = await snapshot(id);

      const started = Date.now();
      const outcome = await sync().syncNow(sub);
      const ms = Date.now() - started;
      // A hang would never end; the slack only keeps a busy machine (decompressing the bomb) from failing it.
      expect(ms, 'nothing hangs').toBeLessThan(TIMEOUT_MS + 10_000);

      expect(outcome.kind).toBe('failed');
      expect(await snapshot(id)).toEqual(before);

      const after = await waitForSchedule(id, sub.nextPollAt);
      const message = after.lastError?.message ?? '';
      expect(message.length).toBeGreaterThan(15);
      expect(message).not.toMatch(NOT_PLAIN);
      expect(after.failures).toBe(1);
      const line = describeFreshness({ now: Date.now(), online: true, lastSuccessAt: after.lastSuccessAt, lastError: after.lastError, clock: () => '09:12' });
      expect(line).toMatch(/^last attempt failed: /);

      const delay = after.nextPollAt! - (after.lastError?.at ?? 0);
      expect(delay, 'first retry after about a minute, never at once').toBeGreaterThanOrEqual(25_000);
      const retryAfter = after.lastError?.retryAfterSeconds;
      if (retryAfter !== undefined) expect(delay, 'Retry-After honoured').toBeGreaterThanOrEqual(retryAfter * 1000 - 5_000);
      else expect(delay).toBeLessThanOrEqual(2 * MINUTE);
      if (/Retry-After|429/.test(fault.name)) expect(retryAfter).toBeGreaterThan(0);
      expect(message).toMatch(EXPECTED_REASON[fault.name] ?? /^$/);
      outcomes.push({ fault: fault.name, message, nextAttemptInSeconds: Math.round(delay / 1000), ms });
      survived += 1;
    });
  });

  it('backs off further after each consecutive failure and recovers on the next good answer', async () => {
    const id = await subscribe(db, readCandidate(server.good, { source: 'url', url: server.url(0), etag: '"good"' }), Date.now() - 10 * MINUTE);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const sub = (await db.subscriptions.get(id))!;
      await sync().syncNow(sub);
      const after = await waitForSchedule(id, sub.nextPollAt);
      expect(after.failures).toBe(attempt);
      delays.push(after.nextPollAt! - after.lastError!.at);
    }
    // Exponential with ±50 % jitter: attempt k waits between 0.5 and 1.5 × 2^(k-1) minutes.
    delays.forEach((delay, k) => {
      expect(delay).toBeGreaterThanOrEqual(0.5 * 2 ** k * MINUTE - 1000);
      expect(delay).toBeLessThanOrEqual(1.5 * 2 ** k * MINUTE + 1000);
    });
    const sub = (await db.subscriptions.get(id))!;
    await db.subscriptions.put({ ...sub, url: `${server.base}/good` });
    const outcome = await sync().syncNow({ ...sub, url: `${server.base}/good` });
    expect(outcome.kind).toBe('unchanged');
    const recovered = await waitForSchedule(id, sub.nextPollAt);
    expect(recovered.failures).toBe(0);
    expect(recovered.lastError).toBeUndefined();
    expect(recovered.nextPollAt! - Date.now()).toBeGreaterThan(5 * 60 * MINUTE);
  });
});
