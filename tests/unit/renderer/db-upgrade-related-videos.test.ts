import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import type { Link } from '../../../core/model/schema';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { scheduleOf } from '../../../renderer/src/db/schedules';
import { SAMPLE } from '../support/sample-db';
import type { VersionSnapshot } from '../support/dexie-versions';

const NAME = 'upgrade-related-videos';
afterEach(async () => {
  await Dexie.delete(NAME);
});

const pinned = (n: number): VersionSnapshot => JSON.parse(readFileSync(new URL(`../../fixtures/dexie-schemas/v${n}.json`, import.meta.url), 'utf8')) as VersionSnapshot;

/** Links as version 8 stored them: every video was a "recording". */
const STORED: Link[] = [
  { url: 'https://www.youtube.com/watch?v=QWEbtDiEUsU', title: 'Snowden speaks at HOPE X', kind: 'recording' },
  { url: 'https://media.ccc.de/v/31c3_-_6258_-_en_-_saal_1', title: 'media.ccc.de', kind: 'recording' },
  { url: 'https://www.youtube.com/watch?v=own', title: 'Recording of this talk', kind: 'recording' },
  { url: 'https://cdn.example.org/31c3/talk.mp4', kind: 'recording' },
  { url: 'https://example.org/slides.pdf', title: 'Slides', kind: 'slides' },
];

/** A database exactly as version 8 left it (the pinned declarations), with one conference whose first session has those links. */
async function writeVersion8(): Promise<string> {
  const old = new Dexie(NAME);
  for (let n = 1; n <= 8; n += 1) old.version(n).stores(pinned(n).stores);
  const feed = importFeed(SAMPLE).feed;
  const schedule = scheduleOf('centos', feed);
  const first = schedule.sessions[0]!;
  first.links = STORED;
  await old.table('schedules').put(schedule);
  old.close();
  return first.id;
}

describe('Dexie schema version 9: related videos', () => {
  it('reclassifies stored videos a session only refers to, and keeps its own recordings and untitled ones', async () => {
    const sessionId = await writeVersion8();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(9);
      const schedule = await db.schedules.get('centos');
      const links = schedule?.sessions.find((s) => s.id === sessionId)?.links;
      expect(links?.map((l) => [l.url, l.kind])).toEqual([
        ['https://www.youtube.com/watch?v=QWEbtDiEUsU', 'video'],
        ['https://media.ccc.de/v/31c3_-_6258_-_en_-_saal_1', 'recording'],
        ['https://www.youtube.com/watch?v=own', 'recording'],
        ['https://cdn.example.org/31c3/talk.mp4', 'recording'],
        ['https://example.org/slides.pdf', 'slides'],
      ]);
      expect(schedule?.sessions.length).toBe(importFeed(SAMPLE).feed.sessions.length);
    } finally {
      db.close();
    }
  });
});
