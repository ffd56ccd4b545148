import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { type LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { recordFailure, recordNotModified } from '../../../renderer/src/sync/attempts';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision as revision } from '../support/sample-db';

const T0 = Date.parse('2023-01-20T10:00:00Z');
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('test');
});
afterEach(() => dropDb(db));

async function subscribed(): Promise<string> {
  return subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'http://127.0.0.1:9/feed.json', etag: '"r1"' }), T0);
}

describe('subscribing', () => {
  it('stores the conference, its sessions and the validators', async () => {
    const id = await subscribed();
    expect(id).toBe('centos-connect-2023');
    const sub = await db.subscriptions.get(id);
    expect(sub).toMatchObject({ source: 'url', etag: '"r1"', failures: 0, archived: 0 });
    // Two weeks before the conference: the next look is in about six hours (with jitter), not at the next tick.
    expect(sub?.nextPollAt).toBeGreaterThanOrEqual(T0 + 0.9 * 6 * 3_600_000);
    expect(sub?.nextPollAt).toBeLessThanOrEqual(T0 + 1.1 * 6 * 3_600_000);
    const feed = await loadFeed(db, id);
    expect(feed?.sessions).toHaveLength(18);
    expect(feed?.conference.timeZone).toBe('Europe/Brussels');
    expect((await db.schedules.get(id))?.sessions.filter((s) => s.day === '2023-02-03')).toHaveLength(18);
  });

  it('does not subscribe twice to one URL, and gives a second conference with the same id its own key', async () => {
    const id = await subscribed();
    expect(await subscribed()).toBe(id);
    const other = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://example.org/other.json' }), T0);
    expect(other).toBe('centos-connect-2023-2');
  });
});

describe('applying a new revision', () => {
  it('applies a change, records the revision with its diff, and stores the new validators', async () => {
    const id = await subscribed();
    const moved = revision((feed) => {
      const kmods = feed.sessions.find((s) => s.title === 'Kmods SIG Update')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
    });
    const outcome = await applyFeedText(db, id, moved, { etag: '"r2"' }, T0 + 60_000);
    expect(outcome.kind).toBe('updated');
    const revisions = await db.revisions.where('conferenceId').equals(id).toArray();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.counts['moved-time']).toBe(1);
    expect((await db.subscriptions.get(id))?.etag).toBe('"r2"');
    const stored = await loadFeed(db, id);
    expect(stored?.sessions.find((s) => s.title === 'Kmods SIG Update')?.start).toBe('2023-02-03T15:15:00Z');
  });

  it('reports an identical revision as unchanged without a revision record', async () => {
    const id = await subscribed();
    expect((await applyFeedText(db, id, SAMPLE, { etag: '"r1b"' }, T0 + 1)).kind).toBe('unchanged');
    expect(await db.revisions.count()).toBe(0);
    expect((await db.subscriptions.get(id))?.etag).toBe('"r1b"');
  });

  it.each([
    ['garbage', 'this is not a feed', 'parse', /could not be read/],
    ['truncated', SAMPLE.slice(0, 5_000), 'parse', /could not be read: The JSON is malformed.*line \d+, column \d+/],
    // A revision that loses most of its sessions is held for review instead: see sync-held.test.ts.
    [
      'a revision with no possible date',
      revision((feed) => {
        feed.conference.start = '0000-00-00';
        feed.conference.end = '0000-00-00';
        for (const s of feed.sessions) s.start = '0000-01-01T10:00:00Z';
      }),
      'parse',
      /^The new revision was held back, not applied: the conference dates are impossible: its start "0000-00-00" and end "0000-00-00" are not possible dates, .*; the previous copy is kept\.$/,
    ],
  ])('keeps the stored copy exactly as it was after %s', async (_name, text, stage, message) => {
    const id = await subscribed();
    const before = await loadFeed(db, id);
    const outcome = await applyFeedText(db, id, text, { etag: '"bad"' }, T0 + 1);
    expect(outcome).toMatchObject({ kind: 'failed', stage });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(message);
    expect(await loadFeed(db, id)).toEqual(before);
    const sub = await db.subscriptions.get(id);
    expect(sub?.etag).toBe('"r1"');
    expect(sub?.lastError).toMatchObject({ kind: stage, at: T0 + 1 });
  });

  it('applies a revision with impossible conference dates, taken from its sessions, and never stores the impossible ones', async () => {
    const id = await subscribed();
    const outcome = await applyFeedText(db, id, revision((feed) => {
      feed.revision = 'r2';
      feed.conference.start = '0000-00-00';
      feed.sessions[0]!.end = '20008-02-24T10:00:00Z';
    }), { etag: '"r2"' }, T0 + 1);
    expect(outcome).toMatchObject({ kind: 'updated', sessions: 17 });
    const record = await db.conferences.get(id);
    expect(record?.conference).toMatchObject({ start: '2023-02-03', end: '2023-02-03' });
    expect(record?.warnings.map((w) => w.code)).toEqual(['session-dropped', 'conference-dates-derived']);
  });

  it('rolls the whole write back when storing fails midway, and says so', async () => {
    const id = await subscribed();
    const before = await loadFeed(db, id);
    // Fail partway through the transaction, after the changed session was written (as a full disk would).
    const failHook = (): void => {
      throw new Error('quota exceeded');
    };
    db.revisions.hook('creating', failHook);
    const outcome = await applyFeedText(db, id, revision((feed) => { feed.revision = 'r2'; feed.sessions[0]!.title = 'Renamed'; }), { etag: '"r2"' }, T0 + 1);
    db.revisions.hook('creating').unsubscribe(failHook);
    expect(outcome).toMatchObject({ kind: 'failed', stage: 'store' });
    expect(await loadFeed(db, id)).toEqual(before);
    const sub = await db.subscriptions.get(id);
    expect(sub?.etag).toBe('"r1"');
    expect(sub?.lastError).toMatchObject({ kind: 'store', message: expect.stringMatching(/could not be stored: there is not enough storage space \(the disk or the browser's quota is full\); the previous copy is kept/) as unknown });
  });

  it('counts fetch failures for backoff and clears them on success or 304', async () => {
    const id = await subscribed();
    await recordFailure(db, id, 'fetch', { message: 'The server answered 503 Service Unavailable', status: 503, retryAfterSeconds: 120 }, T0 + 1);
    await recordFailure(db, id, 'fetch', { message: 'The server answered 503 Service Unavailable', status: 503 }, T0 + 2);
    expect(await db.subscriptions.get(id)).toMatchObject({ failures: 2, lastError: { status: 503 } });
    await recordNotModified(db, id, T0 + 3);
    const sub = await db.subscriptions.get(id);
    expect(sub).toMatchObject({ failures: 0, lastSuccessAt: T0 + 3 });
    expect(sub?.lastError).toBeUndefined();
  });
});
