import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastReminderOutcome, markNoticeSeen, unseenInAppNotices } from '../../../renderer/src/db/notices';
import { setStar } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import type { NotifyOutcome } from '../../../renderer/src/notify';
import { alertTick } from '../../../renderer/src/personal/alerts';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const T0 = Date.parse('2023-02-03T07:00:00Z');
/** Kmods SIG Update starts at 14:30 UTC: its 10-minute reminder is due at 14:20. */
const KMODS_DUE = Date.parse('2023-02-03T14:20:00Z');
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('in-app');
});
afterEach(() => dropDb(db));

async function dueReminder(outcome: NotifyOutcome): Promise<string> {
  const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'http://127.0.0.1:9/feed.json' }), T0);
  await setStar(db, id, 'kmods', 'going', T0);
  await alertTick(db, KMODS_DUE, KMODS_DUE - 15_000, () => Promise.resolve(outcome));
  return id;
}

describe('reminders the system did not show', () => {
  it.each(['not-allowed', 'unsupported', 'failed'] as const)('stay in the app when the outcome is %s, until seen', async (outcome) => {
    await dueReminder(outcome);
    const unseen = await unseenInAppNotices(db, KMODS_DUE + 1_000);
    expect(unseen.map((n) => [n.title, n.outcome])).toEqual([['Starts in 10 min: Kmods SIG Update', outcome]]);
    expect(await lastReminderOutcome(db)).toBe(outcome);
    await markNoticeSeen(db, unseen[0]!.id!, KMODS_DUE + 2_000);
    expect(await unseenInAppNotices(db, KMODS_DUE + 3_000)).toEqual([]);
    // Seen, not deleted: the Notifications list still has it.
    expect(await db.notices.count()).toBe(1);
  });

  it('a reminder the system showed does not stay in the app; a throw counts as a failure', async () => {
    await dueReminder('shown');
    expect(await unseenInAppNotices(db, KMODS_DUE + 1_000)).toEqual([]);
    expect(await lastReminderOutcome(db)).toBe('shown');
    await db.notices.clear();
    await db.reminders.clear();
    await setStar(db, (await db.conferences.toCollection().first())!.id, 'okd', 'going', T0);
    const okdDue = Date.parse('2023-02-03T12:50:00Z');
    await alertTick(db, okdDue, okdDue - 15_000, () => Promise.reject(new Error('no notification service')));
    expect((await unseenInAppNotices(db, okdDue)).map((n) => n.outcome)).toEqual(['failed']);
  });

  it('an unseen reminder older than twelve hours leaves the screen (it stays in the Notifications list)', async () => {
    await dueReminder('not-allowed');
    expect(await unseenInAppNotices(db, KMODS_DUE + 13 * 3_600_000)).toEqual([]);
  });
});
