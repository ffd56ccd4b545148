import { readFileSync } from 'node:fs';
import type { Feed } from '../../../core/model/schema';
import { LanyardDb } from '../../../renderer/src/db/schema';

/** The built-in CentOS Connect 2023 sample, as the app ships it. */
export const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');

/** The sample with a change applied, as the text an organizer would publish. */
export function sampleRevision(change: (feed: Feed) => void): string {
  const feed = JSON.parse(SAMPLE) as Feed;
  change(feed);
  return JSON.stringify(feed);
}

let opened = 0;

/** A new, empty Lanyard database (fake-indexeddb), open; pair with dropDb in afterEach. */
export async function openFreshDb(prefix: string): Promise<LanyardDb> {
  opened += 1;
  const db = new LanyardDb(`${prefix}-${opened}`);
  await db.open();
  return db;
}

export async function dropDb(db: LanyardDb): Promise<void> {
  db.close();
  await db.delete();
}
