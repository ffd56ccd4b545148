import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { MY_ZONE, useUi } from '../../../renderer/src/store/ui';
import { upcomingSessions } from '../../../renderer/src/sync/tray-feed';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
let db: LanyardDb;

beforeEach(async () => {
  db = new LanyardDb(`tray-${Math.random()}`);
  await subscribe(db, readCandidate(SAMPLE, { source: 'sample' }), Date.parse('2023-01-01T00:00:00Z'));
});
afterEach(async () => {
  useUi.setState({ zoneMode: 'conference' });
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

  it('speaks in the user’s zone with the weekday for what is tomorrow there (Tokyo)', async () => {
    // Friday 15:20 in Brussels is 23:20 in Tokyo: the last talks are on Saturday there.
    const now = Date.parse('2023-02-03T14:20:00Z');
    const next = await upcomingSessions(db, now, 5, () => 'Asia/Tokyo');
    expect(next.map((n) => `${n.when} ${n.title}`)).toEqual([
      '23:30 Kmods SIG Update',
      'Sat 00:15 A year in review 2023 - CentOS Automotive SIG',
      'Sat 01:00 CentOS Board AMA',
    ]);
    expect((await upcomingSessions(db, now, 5)).map((n) => n.when)).toEqual(['15:30', '16:15', '17:00']);
  });

  it('names Friday in Los Angeles, still Thursday evening there, for talks that are this morning in Brussels', async () => {
    // Thursday 22:00 in Los Angeles, Friday 07:00 in Brussels.
    const now = Date.parse('2023-02-03T06:00:00Z');
    const inLa = await upcomingSessions(db, now, 2, () => 'America/Los_Angeles');
    expect(inLa.map((n) => `${n.when} ${n.title}`)).toEqual(['Fri 00:00 CentOS Stream: RHEL development in public', 'Fri 00:25 AlmaLinux Build System and Project Updates']);
    expect((await upcomingSessions(db, now, 2)).map((n) => n.when)).toEqual(['09:00', '09:25']);
  });

  it('follows the Conference time / My time toggle by default', async () => {
    const now = Date.parse('2023-02-03T14:20:00Z');
    useUi.setState({ zoneMode: 'mine' });
    const mine = await upcomingSessions(db, now, 3);
    expect(mine).toEqual(await upcomingSessions(db, now, 3, () => MY_ZONE));
    if (MY_ZONE !== 'Europe/Brussels') expect(mine.map((n) => n.when)).not.toEqual(['15:30', '16:15', '17:00']);
  });
});
