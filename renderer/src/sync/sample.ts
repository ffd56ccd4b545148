import sampleText from '../../../assets/sample/centos-connect-2023.lanyard.json?raw';
import type { LanyardDb } from '../db/schema';
import { readCandidate, subscribe } from './subscribe';

const SEEDED_KEY = 'lanyard-sample-seeded';

/** On first start, the built-in CentOS Connect 2023 conference: no network needed. */
export async function ensureSample(db: LanyardDb, now: number): Promise<void> {
  if (localStorage.getItem(SEEDED_KEY) && (await db.subscriptions.count()) > 0) return;
  await addSample(db, now);
  localStorage.setItem(SEEDED_KEY, '1');
}

/** Adds the built-in sample when it is missing (first start, or restoring a wiped store). */
export async function addSample(db: LanyardDb, now: number): Promise<void> {
  if ((await db.subscriptions.where('id').equals('centos-connect-2023').count()) === 0) {
    await subscribe(db, readCandidate(sampleText, { source: 'sample' }), now);
  }
}
