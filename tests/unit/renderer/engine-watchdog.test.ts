import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { JOB_BUDGET_MS, STALL_MS } from '../../../renderer/src/engine/budgets';
import type { Engine, JobRequest } from '../../../renderer/src/engine/jobs';
import { createWorkerEngine } from '../../../renderer/src/engine/worker-engine';
import { runApply } from '../../../renderer/src/sync/run-apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';
import { writeTrustFigures } from '../support/trust-figures';
import { FakeWorker, ManualTimers } from './support/fake-worker';

const T0 = Date.parse('2023-01-20T10:00:00Z');
let db: LanyardDb;
let timers: ManualTimers;
let workers: FakeWorker[];
let engine: Engine;
/** Jobs whose text contains this never finish: a stand-in for a feed that makes the parser loop. */
const HANG = 'hang-on-purpose';
const hangs = (request: JobRequest): boolean => JSON.stringify(request.args).includes(HANG);

function start(options: { poolSize?: number } = {}): Engine {
  return createWorkerEngine({
    spawn: () => {
      const worker = new FakeWorker(db, hangs);
      workers.push(worker);
      return worker;
    },
    now: () => timers.now,
    setTimer: timers.set,
    clearTimer: timers.clear,
    ...options,
  });
}

/** Two conferences from the sample feed, as if subscribed by URL. */
async function twoConferences(): Promise<[string, string]> {
  const a = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://a.example/feed.json' }), T0);
  const b = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://b.example/feed.json' }), T0);
  return [a, b];
}

const renamed = (title: string): string => sampleRevision((feed) => (feed.sessions[0]!.title = title));
const settled = <T>(promise: Promise<T>): { value: T | undefined; done: boolean } => {
  const state: { value: T | undefined; done: boolean } = { value: undefined, done: false };
  void promise.then((value) => Object.assign(state, { value, done: true }));
  return state;
};

beforeEach(async () => {
  db = await openFreshDb('watchdog');
  timers = new ManualTimers();
  workers = [];
});
afterEach(async () => {
  engine.dispose();
  await dropDb(db);
});
/** For `npm run trust`: hanging jobs tried, and those stopped at their budget without delaying another conference. */
let hangsTried = 0;
let hangsStopped = 0;
afterAll(() => writeTrustFigures('sync-watchdog', { watchdogHangsTried: hangsTried, watchdogHangsStopped: hangsStopped }));

describe('the sync worker watchdog', () => {
  it('a feed that hangs never delays another conference, is stopped at its budget and reported for its own conference alone', async () => {
    engine = start();
    hangsTried += 1;
    const [a, b] = await twoConferences();
    const stuck = settled(runApply(engine, db, a, `${renamed('x')}${HANG}`, {}, T0 + 1));
    // The other conference's refresh goes to a worker of its own and finishes while the first is stuck.
    const other = await runApply(engine, db, b, renamed('Changed at B'), { etag: '"b2"' }, T0 + 2);
    expect(other).toMatchObject({ kind: 'updated' });
    expect((await db.schedules.get(b))?.sessions.some((s) => s.title === 'Changed at B')).toBe(true);
    expect(workers).toHaveLength(2);
    expect(stuck.done).toBe(false);

    // Just before the budget nothing is stopped; at it, the stuck worker is ended and A is told why.
    timers.advance(JOB_BUDGET_MS.apply - 1);
    await Promise.resolve();
    expect(stuck.done).toBe(false);
    expect(workers[0]!.isTerminated).toBe(false);
    timers.advance(1);
    await expect.poll(() => stuck.done).toBe(true);
    expect(stuck.value).toMatchObject({ kind: 'failed', stage: 'parse', message: expect.stringMatching(/^Reading this feed took too long \(over 60 s\) and was stopped; the stored copy is unchanged\.$/) as unknown });
    expect(workers[0]!.isTerminated).toBe(true);
    const [subA, subB] = [await db.subscriptions.get(a), await db.subscriptions.get(b)];
    expect(subA?.lastError).toMatchObject({ kind: 'parse', message: expect.stringMatching(/took too long/) as unknown });
    expect(subA?.failures).toBe(1);
    expect(subB?.lastError).toBeUndefined();
    // A's stored copy is the one it had.
    expect((await db.schedules.get(a))?.sessions.some((s) => s.title === 'x')).toBe(false);

    // The next revision of A is read by a working worker, as if nothing happened.
    expect(await runApply(engine, db, a, renamed('Changed at A'), {}, T0 + 3)).toMatchObject({ kind: 'updated' });
    expect((await db.subscriptions.get(a))?.lastError).toBeUndefined();
    hangsStopped += 1;
  });

  it('with every worker of the pool stuck, a new job waits only until they count as stalled, then gets a worker of its own', async () => {
    engine = start({ poolSize: 1 });
    hangsTried += 1;
    const [a, b] = await twoConferences();
    const stuck = settled(runApply(engine, db, a, `${renamed('x')}${HANG}`, {}, T0 + 1));
    const other = settled(runApply(engine, db, b, renamed('Changed at B'), {}, T0 + 2));
    await Promise.resolve();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toHaveLength(1);
    timers.advance(STALL_MS);
    await expect.poll(() => other.done).toBe(true);
    expect(other.value).toMatchObject({ kind: 'updated' });
    expect(workers).toHaveLength(2);
    expect(stuck.done).toBe(false);
    timers.advance(JOB_BUDGET_MS.apply);
    await expect.poll(() => stuck.value).toMatchObject({ kind: 'failed', message: expect.stringMatching(/took too long/) as unknown });
    hangsStopped += 1;
  });

  it('Subscribe goes to the worker that read the preview; when that worker was stopped, it says the preview is gone', async () => {
    engine = start();
    const read = await engine.run('preview', { key: 'p1', text: SAMPLE, base: { source: 'file', fileName: 'sample.json' } }, { holds: 'p1' });
    expect(read).toMatchObject({ ok: true, value: { ok: true, summary: { sessions: 18 } } });
    const stored = await engine.run('subscribe', { key: 'p1', now: T0 }, { needs: 'p1' });
    expect(stored).toEqual({ ok: true, value: { ok: true, id: 'centos-connect-2023' } });

    await engine.run('preview', { key: 'p2', text: SAMPLE, base: { source: 'file', fileName: 'again.json' } }, { holds: 'p2' });
    workers.find((w) => w.received.some((r) => JSON.stringify(r.args).includes('"p2"')))!.crash('out of memory');
    expect(await engine.run('subscribe', { key: 'p2', now: T0 }, { needs: 'p2' })).toMatchObject({ ok: false, reason: 'gone', message: 'the preview is gone; read the feed again' });
  });

  it('a worker that crashes answers its job at once, in words, and the next job gets a new worker', async () => {
    engine = start();
    const [a] = await twoConferences();
    const stuck = runApply(engine, db, a, `${renamed('x')}${HANG}`, {}, T0 + 1);
    await Promise.resolve();
    workers[0]!.crash('out of memory');
    expect(await stuck).toMatchObject({ kind: 'failed', message: 'The sync worker stopped (out of memory); the stored copy is unchanged.' });
    expect(await runApply(engine, db, a, renamed('Changed'), {}, T0 + 2)).toMatchObject({ kind: 'updated' });
    expect(workers.at(-1)!.isTerminated).toBe(false);
  });
});
