import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { LanyardDb, SCHEMA_V1 } from '../../../renderer/src/db/schema';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
const NAME = 'upgrade-v1-v2';

afterEach(async () => {
  await Dexie.delete(NAME);
});

/** Writes a database the way version 1 of the app did, with the sample conference in it. */
async function writeVersion1(): Promise<number> {
  const v1 = new Dexie(NAME);
  v1.version(1).stores(SCHEMA_V1);
  const { feed } = importFeed(SAMPLE);
  await v1.table('subscriptions').put({ id: 'centos', source: 'sample', addedAt: 1, archived: 0, failures: 0, etag: '"abc"' });
  await v1.table('conferences').put({ id: 'centos', conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length, firstStart: 0, lastEnd: 0, storedAt: 1 });
  await v1.table('sessions').bulkPut(feed.sessions.map((s) => ({ ...s, conferenceId: 'centos' })));
  await v1.table('revisions').add({ conferenceId: 'centos', at: 1, counts: {}, changes: [] });
  v1.close();
  return feed.sessions.length;
}

describe('Dexie schema version 2', () => {
  it('opens a version 1 database with every row intact and adds the personal tables', async () => {
    const sessions = await writeVersion1();
    const db = new LanyardDb(NAME);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.sessions.where('conferenceId').equals('centos').count()).toBe(sessions);
    expect((await db.subscriptions.get('centos'))?.etag).toBe('"abc"');
    expect(await db.revisions.count()).toBe(1);
    const first = await db.sessions.where('conferenceId').equals('centos').first();
    if (!first) throw new Error('no session after the upgrade');
    const identity = { id: first.id, title: first.title, speakers: [], day: first.day, start: first.start };
    await db.agenda.put({ conferenceId: 'centos', sessionId: first.id, identity, star: 'going', updatedAt: 2 });
    await db.prefs.put({ conferenceId: 'centos', remindersEnabled: true, reminderMinutes: 10 });
    await db.watchLater.put({ conferenceId: 'centos', sessionId: first.id, identity, addedAt: 3 });
    expect(await db.agenda.where('star').equals('going').count()).toBe(1);
    expect((await db.prefs.get('centos'))?.reminderMinutes).toBe(10);
    expect(await db.watchLater.where('conferenceId').equals('centos').count()).toBe(1);
    await db.reminders.put({ conferenceId: 'centos', sessionId: first.id, fireAt: 100, start: 700, minutes: 10, state: 'planned', plannedAt: 2 });
    await db.changeMarks.put({ conferenceId: 'centos', sessionId: first.id, revisionId: 1, at: 2, tags: ['moved-time'] });
    await db.notices.add({ at: 5, kind: 'reminder', title: 'Starts in 10 min', body: '', outcome: 'shown' });
    expect(await db.reminders.where('fireAt').belowOrEqual(100).count()).toBe(1);
    expect(await db.changeMarks.where('conferenceId').equals('centos').count()).toBe(1);
    expect((await db.notices.orderBy('at').last())?.title).toBe('Starts in 10 min');
    db.close();
  });
});
