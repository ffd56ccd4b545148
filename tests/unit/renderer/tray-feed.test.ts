import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { upcomingSessions } from '../../../renderer/src/sync/tray-feed';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
let db: LanyardDb;

beforeEach(async () => {
  db = new LanyardDb(`tray-${Math.random()}`);
  await subscribe(db, readCandidate(SAMPLE, { source: 'sample' }), Date.parse('2023-01-01T00:00:00Z'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe("the tray's What's next", () => {
  it('lists the next talks in conference time, skipping breaks', async () => {
    // 11:50 in Brussels: lunch (a break) is next, then the afternoon talks.
    const next = await upcomingSessions(db, Date.parse('2023-02-03T10:50:00Z'), 3);
    expect(next.map((n) => `${n.when} ${n.title}`)).toEqual([
      '13:00 From code to cloud - the journey of Openstack package',
      '13:50 Introducing CentOS Stream CoreOS and OKD Streams',
      '14:15 Network management in Enterprise Linux: present and future',
    ]);
    expect(next[0]!.sessionRef).toBe('centos-connect-2023\nopenstack');
  });

  it('is empty once the conference is over', async () => {
    expect(await upcomingSessions(db, Date.parse('2023-02-04T10:00:00Z'))).toEqual([]);
  });
});
