import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { createInProcessEngine } from '../../../renderer/src/engine/in-process';
import { previewFeed } from '../../../renderer/src/sync/preview';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';

let db: LanyardDb;
beforeEach(async () => {
  db = await openFreshDb('preview');
});
afterEach(() => dropDb(db));

// The in-process engine runs the same handlers as the sync worker (renderer/src/engine/handlers.ts).
describe('the subscribe preview', () => {
  it('summarises the feed without storing anything, then stores it on Subscribe', async () => {
    const read = await previewFeed(createInProcessEngine(db), sampleRevision((f) => f.sessions[0]!.links.push({ url: 'javascript:alert(1)', kind: 'other' })), { source: 'url', url: 'https://example.org/c.json' });
    if (!read.ok) throw new Error(read.message);
    expect(read.preview.summary).toMatchObject({
      conference: { id: 'centos-connect-2023', title: 'CentOS Connect at FOSDEM', start: '2023-02-03', end: '2023-02-03', timeZone: 'Europe/Brussels' },
      sessions: 18,
      rooms: 1,
      format: 'lanyard',
    });
    expect(read.preview.summary.warnings.map((w) => w.code)).toEqual(['link-unsafe']);
    expect(await db.subscriptions.count()).toBe(0);
    const stored = await read.preview.subscribe(Date.parse('2023-01-20T10:00:00Z'));
    expect(stored).toEqual({ ok: true, id: 'centos-connect-2023' });
    expect((await db.schedules.get('centos-connect-2023'))?.sessions).toHaveLength(18);
  });

  it('says why a feed cannot be read, with where', async () => {
    const read = await previewFeed(createInProcessEngine(db), '<schedule><conference>', { source: 'file', fileName: 'broken.xml' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^The XML is malformed: .*\(at line 1, column \d+\)$/);
  });

  it('says why nothing was stored when the write fails, and stores nothing', async () => {
    const read = await previewFeed(createInProcessEngine(db), SAMPLE, { source: 'sample' });
    if (!read.ok) throw new Error(read.message);
    const full = (): void => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    };
    db.schedules.hook('creating', full);
    expect(await read.preview.subscribe(Date.now())).toEqual({ ok: false, message: "there is not enough storage space (the disk or the browser's quota is full)" });
    db.schedules.hook('creating').unsubscribe(full);
    expect(await db.subscriptions.count()).toBe(0);
  });
});
