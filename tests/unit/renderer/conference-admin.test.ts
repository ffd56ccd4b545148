import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personalDataOf, removeConference, setArchived } from '../../../renderer/src/db/conference-admin';
import { setStar, updateEntry } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';

const T0 = Date.parse('2023-02-01T10:00:00Z');
let db: LanyardDb;
beforeEach(async () => {
  db = await openFreshDb('admin');
});
afterEach(() => dropDb(db));

/** Two subscriptions to the sample (ids centos-connect-2023 and centos-connect-2023-2), each with a star, a note and a revision. */
async function two(): Promise<[string, string]> {
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: `https://example.org/${n}.json` }), T0);
    await setStar(db, id, 'kmods', 'going', T0);
    await updateEntry(db, id, 'okd', { note: 'ask about OKD' }, T0);
    await applyFeedText(db, id, sampleRevision((f) => (f.sessions.find((s) => s.id === 'kmods')!.title = 'Kmods SIG Update (moved)')), {}, T0 + 1);
    ids.push(id);
  }
  return [ids[0]!, ids[1]!];
}

/** Every row that names a conference, table by table. */
async function rowsOf(id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['agenda', 'reminders', 'changeMarks', 'revisions', 'announcements', 'watchLater']) out[table] = await db.table(table).where('conferenceId').equals(id).count();
  out.subscriptions = await db.subscriptions.where('id').equals(id).count();
  out.conferences = await db.conferences.where('id').equals(id).count();
  out.schedules = await db.schedules.where('id').equals(id).count();
  return out;
}

describe('archiving a conference', () => {
  it('keeps everything, stops polling it, and polls it again when brought back', async () => {
    const [a] = await two();
    const before = await rowsOf(a);
    await setArchived(db, a, true, T0 + 5);
    expect(await db.subscriptions.get(a)).toMatchObject({ archived: 1 });
    expect((await db.subscriptions.get(a))?.nextPollAt).toBeUndefined();
    expect(await rowsOf(a)).toEqual(before);
    await setArchived(db, a, false, T0 + 9);
    expect(await db.subscriptions.get(a)).toMatchObject({ archived: 0, nextPollAt: T0 + 9 });
    await expect(setArchived(db, 'nope', true, T0)).rejects.toThrow('The conference "nope" is not subscribed.');
  });
});

describe('removing a conference', () => {
  it('says what of the user’s own data goes with it', async () => {
    const [a] = await two();
    expect(await personalDataOf(db, a)).toEqual({ starred: 1, notes: 1, watchLater: 0 });
  });

  it('deletes its schedule and the user’s rows for it, and nothing of the other conference', async () => {
    const [a, b] = await two();
    const other = await rowsOf(b);
    expect(other).toMatchObject({ agenda: 2, revisions: 1, subscriptions: 1, conferences: 1, schedules: 1 });
    expect(other.reminders).toBeGreaterThan(0);
    await removeConference(db, a);
    expect(Object.values(await rowsOf(a)).every((n) => n === 0)).toBe(true);
    expect(await db.prefs.get(a)).toBeUndefined();
    expect(await rowsOf(b)).toEqual(other);
  });
});
