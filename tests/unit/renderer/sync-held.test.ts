import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../core/host/contract';
import { describeFreshness } from '../../../core/sync/freshness';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { dismissHeld, getHeld, offerHeldAgain, pollValidators } from '../../../renderer/src/db/held';
import { updateEntry } from '../../../renderer/src/db/personal';
import { collectPersonalData } from '../../../renderer/src/db/personal-data';
import { listConferences } from '../../../renderer/src/db/queries';
import { LanyardDb } from '../../../renderer/src/db/schema';
import type { NotificationRequest } from '../../../renderer/src/notify';
import { alertTick } from '../../../renderer/src/personal/alerts';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { testSync } from './support/sync-service';
import { dropDb, openFreshDb, SAMPLE, sampleRevision as revision } from '../support/sample-db';

const T0 = Date.parse('2023-01-20T10:00:00Z');
const URL_ = 'http://127.0.0.1:9/feed.json';
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('held');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await dropDb(db);
});

async function subscribed(): Promise<string> {
  return subscribe(db, readCandidate(SAMPLE, { source: 'url', url: URL_, etag: '"r1"', lastModified: 'Fri, 20 Jan 2023 09:00:00 GMT' }), T0);
}

/** The organizers' export lost all but five sessions (and says so in its revision label). */
const SHRUNK = revision((feed) => {
  feed.revision = 'r2-broken';
  feed.sessions = feed.sessions.slice(0, 5);
});
/** A different broken export, later: only four sessions. */
const SHRUNK_AGAIN = revision((feed) => {
  feed.revision = 'r3-broken';
  feed.sessions = feed.sessions.slice(0, 4);
});

describe('a revision that loses most of its sessions', () => {
  it('is held with its text, validators, arrival time, counts and diff; the stored copy and its validators stay', async () => {
    const id = await subscribed();
    const before = await loadFeed(db, id);
    const outcome = await applyFeedText(db, id, SHRUNK, { etag: '"r2"', lastModified: 'Fri, 20 Jan 2023 10:00:00 GMT' }, T0 + 60_000);
    expect(outcome).toEqual({ kind: 'held', message: 'The new revision has 5 sessions instead of 18; kept the previous copy.', isNew: true, dismissed: false });
    const held = await getHeld(db, id);
    expect(held).toMatchObject({
      text: SHRUNK, etag: '"r2"', lastModified: 'Fri, 20 Jan 2023 10:00:00 GMT', revision: 'r2-broken',
      arrivedAt: T0 + 60_000, lastSeenAt: T0 + 60_000, before: 18, after: 5,
    });
    expect(held?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(held?.counts.removed).toBe(13);
    expect(held?.changes.filter((c) => c.tags.includes('removed'))).toHaveLength(13);
    expect(held?.dismissedAt).toBeUndefined();
    // Nothing replaced: same copy, same validators, no revision in the log.
    expect(await loadFeed(db, id)).toEqual(before);
    const sub = await db.subscriptions.get(id);
    expect(sub).toMatchObject({ etag: '"r1"', lastModified: 'Fri, 20 Jan 2023 09:00:00 GMT', failures: 0, lastSuccessAt: T0 + 60_000 });
    expect(sub?.lastError).toBeUndefined();
    expect(await db.revisions.count()).toBe(0);
    // The next poll asks with the held revision's validators, so a server that still has it answers 304.
    expect(await pollValidators(db, sub!)).toEqual({ etag: '"r2"', lastModified: 'Fri, 20 Jan 2023 10:00:00 GMT', isHeld: true });
    // The held text stays out of the personal-data mirror and export.
    expect(JSON.stringify((await collectPersonalData(db, T0)).data)).not.toContain('r2-broken');
  });

  it('is held when the schedule comes back empty, and says so', async () => {
    const id = await subscribed();
    const outcome = await applyFeedText(db, id, revision((feed) => { feed.sessions = []; }), {}, T0 + 1);
    expect(outcome).toMatchObject({ kind: 'held', message: 'The new revision has no sessions instead of 18; kept the previous copy.' });
    expect(await getHeld(db, id)).toMatchObject({ before: 18, after: 0 });
    expect((await loadFeed(db, id))?.sessions).toHaveLength(18);
  });

  it('is held when the boundary leaves out most sessions (impossible dates), and keeps what it left out to show', async () => {
    const id = await subscribed();
    const outcome = await applyFeedText(db, id, revision((feed) => {
      for (const s of feed.sessions.slice(2)) s.start = '0000-01-01T10:00:00Z';
    }), {}, T0 + 1);
    expect(outcome).toMatchObject({ kind: 'held', message: 'The new revision has 2 sessions instead of 18; kept the previous copy.' });
    const held = await getHeld(db, id);
    expect(held?.leftOut).toHaveLength(16);
    expect(held?.leftOut?.every((w) => w.code === 'session-dropped' && /was left out: start "0000-01-01T10:00:00Z"/.test(w.message))).toBe(true);
    expect((await loadFeed(db, id))?.sessions).toHaveLength(18);
  });

  it('arriving again (same bytes without validators, or the same ETag) is not offered anew', async () => {
    const id = await subscribed();
    await applyFeedText(db, id, SHRUNK, {}, T0 + 1);
    const first = await getHeld(db, id);
    const again = await applyFeedText(db, id, SHRUNK, {}, T0 + 2);
    expect(again).toMatchObject({ kind: 'held', isNew: false, dismissed: false });
    // Same bytes, now with an ETag: recognised by the hash, and the ETag is kept for the next poll.
    expect(await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 3)).toMatchObject({ kind: 'held', isNew: false });
    const held = await getHeld(db, id);
    expect(held).toMatchObject({ arrivedAt: first!.arrivedAt, lastSeenAt: T0 + 3, hash: first!.hash, etag: '"r2"' });
    expect(await db.revisions.count()).toBe(0);
    expect((await loadFeed(db, id))?.sessions).toHaveLength(18);
  });

  it('a later different revision replaces it and is evaluated normally: a real update is applied and the hold cleared', async () => {
    const id = await subscribed();
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    const moved = revision((feed) => {
      feed.revision = 'r3';
      const kmods = feed.sessions.find((s) => s.title === 'Kmods SIG Update')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
    });
    expect(await applyFeedText(db, id, moved, { etag: '"r3"' }, T0 + 2)).toMatchObject({ kind: 'updated', sessions: 18 });
    expect(await getHeld(db, id)).toBeUndefined();
    expect((await db.subscriptions.get(id))?.etag).toBe('"r3"');
    expect((await pollValidators(db, (await db.subscriptions.get(id))!)).isHeld).toBe(false);
  });

  it('is dropped when the server goes back to the stored copy', async () => {
    const id = await subscribed();
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    expect(await applyFeedText(db, id, SAMPLE, { etag: '"r1"' }, T0 + 2)).toEqual({ kind: 'unchanged' });
    expect(await getHeld(db, id)).toBeUndefined();
  });
});

describe('Apply anyway', () => {
  it('stores exactly the held revision with its validators, a revision record and the agenda re-attached; the hold is gone', async () => {
    const id = await subscribed();
    const before = await loadFeed(db, id);
    const kept = before!.sessions.find((s) => SHRUNK.includes(`"${s.id}"`))!;
    const dropped = before!.sessions.find((s) => !SHRUNK.includes(`"${s.id}"`))!;
    await updateEntry(db, id, kept.id, { star: 'going' }, T0);
    await updateEntry(db, id, dropped.id, { star: 'going', note: 'must see' }, T0);
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"', lastModified: 'Fri, 20 Jan 2023 10:00:00 GMT' }, T0 + 1);
    const held = (await getHeld(db, id))!;
    // Until applied, the old copy is intact, however often the revision is held again.
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 2);
    expect(await loadFeed(db, id)).toEqual(before);

    // Only the reviewed text passes: another hash does not get through the guard.
    expect(await applyFeedText(db, id, held.text, {}, T0 + 3, { acceptHeld: '0'.repeat(64) })).toMatchObject({ kind: 'held' });
    expect(await loadFeed(db, id)).toEqual(before);

    const outcome = await applyFeedText(db, id, held.text, { etag: held.etag, lastModified: held.lastModified }, T0 + 4, { acceptHeld: held.hash });
    expect(outcome).toMatchObject({ kind: 'updated', sessions: 5 });
    const stored = await loadFeed(db, id);
    expect(stored?.sessions).toHaveLength(5);
    expect(stored?.revision).toBe('r2-broken');
    expect(await db.subscriptions.get(id)).toMatchObject({ etag: '"r2"', lastModified: 'Fri, 20 Jan 2023 10:00:00 GMT', lastChangeAt: T0 + 4, failures: 0 });
    const revisions = await db.revisions.where('conferenceId').equals(id).toArray();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ at: T0 + 4, revision: 'r2-broken', counts: { removed: 13 } });
    expect(revisions[0]!.notifiedAt).toBeUndefined(); // the alert tick tells the user, like any update
    expect(await getHeld(db, id)).toBeUndefined();
    // The starred session that went stays in the agenda as a removed tombstone with its note.
    expect(await db.agenda.get([id, kept.id])).toMatchObject({ star: 'going' });
    const tombstone = (await db.agenda.where('conferenceId').equals(id).toArray()).find((e) => e.identity.title === dropped.title);
    expect(tombstone).toMatchObject({ note: 'must see' });
    expect(tombstone?.removedAt).toBe(T0 + 4);
  });

  it('through the sync manager: refuses a revision other than the one reviewed, then applies the reviewed one', async () => {
    const id = await subscribed();
    const sync = testSync(db, {});
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    const reviewed = (await getHeld(db, id))!;
    await applyFeedText(db, id, SHRUNK_AGAIN, { etag: '"r3"' }, T0 + 2);
    const refused = await sync.applyHeldNow(id, reviewed.hash, T0 + 3);
    expect(refused).toMatchObject({ kind: 'failed', stage: 'held', message: expect.stringMatching(/no longer the one held back/) as unknown });
    expect((await loadFeed(db, id))?.sessions).toHaveLength(18);
    const current = (await getHeld(db, id))!;
    expect(current.after).toBe(4);
    expect(await sync.applyHeldNow(id, current.hash, T0 + 4)).toMatchObject({ kind: 'updated', sessions: 4 });
    expect((await loadFeed(db, id))?.sessions).toHaveLength(4);
    expect((await db.subscriptions.get(id))?.etag).toBe('"r3"');
  });
});

describe('Keep the current copy', () => {
  it('dismisses that revision: it is not offered again by bytes or by ETag, but a later different one is', async () => {
    const id = await subscribed();
    const before = await loadFeed(db, id);
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    const held = (await getHeld(db, id))!;
    expect(await dismissHeld(db, id, 'f'.repeat(64), T0 + 2)).toBe(false); // only the revision the user saw
    expect(await dismissHeld(db, id, held.hash, T0 + 2)).toBe(true);
    expect((await getHeld(db, id))?.dismissedAt).toBe(T0 + 2);

    // The same bytes (a server without validators) and the same ETag pass silently.
    expect(await applyFeedText(db, id, SHRUNK, {}, T0 + 3)).toMatchObject({ kind: 'held', isNew: false, dismissed: true });
    expect(await applyFeedText(db, id, `${SHRUNK}\n`, { etag: '"r2"' }, T0 + 4)).toMatchObject({ kind: 'held', isNew: false, dismissed: true });
    expect((await getHeld(db, id))?.dismissedAt).toBe(T0 + 2);
    expect(await loadFeed(db, id)).toEqual(before);
    expect((await db.subscriptions.get(id))?.lastError).toBeUndefined();

    // A later, different broken revision is checked afresh and offered.
    expect(await applyFeedText(db, id, SHRUNK_AGAIN, { etag: '"r3"' }, T0 + 5)).toMatchObject({ kind: 'held', isNew: true, dismissed: false });
    const next = await getHeld(db, id);
    expect(next).toMatchObject({ after: 4, etag: '"r3"', arrivedAt: T0 + 5 });
    expect(next?.dismissedAt).toBeUndefined();
    expect(await loadFeed(db, id)).toEqual(before);
  });

  it('can be undone while that revision is still the one held', async () => {
    const id = await subscribed();
    await applyFeedText(db, id, SHRUNK, {}, T0 + 1);
    const held = (await getHeld(db, id))!;
    // The sidebar marks a conference while a revision is on offer, not once it is dismissed.
    expect((await listConferences(db)).map((c) => c.isHeld)).toEqual([true]);
    await dismissHeld(db, id, held.hash, T0 + 2);
    expect((await listConferences(db)).map((c) => c.isHeld)).toEqual([false]);
    expect(await offerHeldAgain(db, id, held.hash)).toBe(true);
    expect((await listConferences(db)).map((c) => c.isHeld)).toEqual([true]);
    expect((await getHeld(db, id))?.dismissedAt).toBeUndefined();
    expect(await applyFeedText(db, id, SHRUNK, {}, T0 + 3)).toMatchObject({ kind: 'held', isNew: false, dismissed: false });
  });
});

describe('polling while a revision is held', () => {
  it('asks with the held validators; a 304 keeps the hold without a new notice and counts as a successful check', async () => {
    const id = await subscribed();
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    const requests: Array<{ etag?: string | undefined; lastModified?: string | undefined }> = [];
    const host: Partial<HostApi> = {
      fetchFeed: (request) => {
        requests.push({ etag: request.etag, lastModified: request.lastModified });
        return Promise.resolve({ ok: true, value: { kind: 'not-modified', url: request.url } });
      },
      fetchPhoto: () => Promise.resolve({ ok: false, error: { message: 'offline' } }),
    };
    const outcome = await testSync(db, host).syncNow((await db.subscriptions.get(id))!, T0 + 60_000);
    expect(outcome).toEqual({ kind: 'unchanged' });
    expect(requests).toEqual([{ etag: '"r2"', lastModified: undefined }]);
    expect(await getHeld(db, id)).toMatchObject({ arrivedAt: T0 + 1, lastSeenAt: T0 + 60_000 });
    expect((await db.subscriptions.get(id))?.lastSuccessAt).toBe(T0 + 60_000);
    expect((await loadFeed(db, id))?.sessions).toHaveLength(18);
  });
});

describe('notifying about a hold', () => {
  it('notifies once per held revision: not again when polls bring it back, again for a different one', async () => {
    const id = await subscribed();
    const shown: NotificationRequest[] = [];
    const show = (r: NotificationRequest): Promise<'shown'> => Promise.resolve(shown.push(r)).then(() => 'shown' as const);
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 1);
    await alertTick(db, T0 + 2, T0, show);
    expect(shown).toEqual([{
      tag: expect.stringMatching(/^held:centos-connect-2023:[0-9a-f]{16}$/) as unknown,
      title: 'New schedule held back · CentOS Connect at FOSDEM',
      body: 'The new revision has 5 sessions instead of 18; kept the previous copy. Open CentOS Connect at FOSDEM in Lanyard to review it, apply it anyway or keep the current copy.',
      // Clicking it opens the conference (no session).
      sessionRef: 'centos-connect-2023\n',
    }]);
    expect(await db.notices.toArray()).toEqual([expect.objectContaining({ kind: 'held', title: 'New schedule held back · CentOS Connect at FOSDEM' })]);
    // The same revision, polled again and again, and a second window's tick: nothing more.
    await applyFeedText(db, id, SHRUNK, { etag: '"r2"' }, T0 + 3);
    await alertTick(db, T0 + 4, T0 + 2, show);
    const other = new LanyardDb(db.name);
    await alertTick(other, T0 + 5, T0 + 2, show);
    other.close();
    expect(shown).toHaveLength(1);
    // Dismissed, then a different broken revision: told once more.
    await dismissHeld(db, id, (await getHeld(db, id))!.hash, T0 + 6);
    await applyFeedText(db, id, SHRUNK_AGAIN, { etag: '"r3"' }, T0 + 7);
    await alertTick(db, T0 + 8, T0 + 4, show);
    expect(shown.map((r) => r.body)).toEqual([shown[0]!.body, expect.stringMatching(/^The new revision has 4 sessions instead of 18/) as unknown]);
    // Kept the current copy before any window told the user: nothing to tell, and nothing left waiting for the tick.
    await applyFeedText(db, id, revision((feed) => void (feed.sessions = feed.sessions.slice(0, 3))), { etag: '"r4"' }, T0 + 9);
    await dismissHeld(db, id, (await getHeld(db, id))!.hash, T0 + 10);
    await alertTick(db, T0 + 11, T0 + 8, show);
    expect(shown).toHaveLength(2);
    expect(await db.held.where('notifiedAt').equals(0).count()).toBe(0);
  });
});

describe('the freshness line', () => {
  it('says a revision is held and why, unless a later attempt failed or the machine is offline', () => {
    const base = { now: T0 + 120_000, online: true, lastSuccessAt: T0, clock: () => '10:00' };
    expect(describeFreshness({ ...base, held: { before: 18, after: 3 } })).toBe('new revision held back: it has 3 sessions instead of 18; showing the previous copy (checked 2 min ago)');
    expect(describeFreshness({ ...base, held: { before: 18, after: 0 } })).toMatch(/it has no sessions instead of 18/);
    expect(describeFreshness(base)).toBe('updated 2 min ago');
    expect(describeFreshness({ ...base, held: { before: 18, after: 3 }, lastError: { at: T0 + 1, message: 'The server answered 503' } })).toBe('last attempt failed: server answered 503');
  });
});
