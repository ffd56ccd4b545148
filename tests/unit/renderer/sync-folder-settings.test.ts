import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ownLogName } from '../../../core/sync-folder/file-names';
import { opLine, readLine } from '../../../core/sync-folder/ops';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { changeConferenceSettings } from '../../../renderer/src/sync/conference-settings';
import { MemoryFolder } from '../support/memory-sync-folder';
import { Device, urlOf } from '../support/sync-devices';

/** The name and live channel a subscriber set on a conference travel through the sync folder like any other edit. */

const A = 'device-aaaa';
const B = 'device-bbbb';
let clock = 1_700_000_000_000;
const now = (): number => clock;
const devices: Device[] = [];
const LIVE = { mqtt: 'wss://live.example.org/mqtt', topic: 'conf-a' };

afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

function computer(id: string, name: string): { folder: MemoryFolder; device: Device } {
  const folder = new MemoryFolder(id, name);
  const device = new Device(id, folder.port(), now);
  devices.push(device);
  return { folder, device };
}

function deliver(from: { folder: MemoryFolder; device: Device }, to: { folder: MemoryFolder }): void {
  const text = from.folder.read(ownLogName(from.device.id));
  if (text !== undefined) to.folder.put(ownLogName(from.device.id), text);
}

const rename = async (device: Device, title: string | undefined, timeZone?: string): Promise<void> => {
  clock += 1_000;
  expect(await changeConferenceSettings(device.db, 'conf-a', { title, timeZone }, clock)).toMatchObject({ kind: 'saved' });
};

/** Both computers subscribed to conf-a and synced once: each has the other's file and the schedule. */
async function twoComputers(): Promise<{ a: ReturnType<typeof computer>; b: ReturnType<typeof computer> }> {
  const a = computer(A, 'laptop');
  const b = computer(B, 'desktop');
  await a.device.subscribe('conf-a');
  await a.device.db.subscriptions.update('conf-a', { live: LIVE });
  await a.device.sync();
  deliver(a, b);
  await b.device.sync();
  deliver(b, a);
  await a.device.sync();
  return { a, b };
}

describe('a conference’s name and live channel in the sync folder', () => {
  it('brings the name, zone and link channel to a new computer, which shows the schedule under that name', async () => {
    const a = computer(A, 'laptop');
    const b = computer(B, 'desktop');
    await a.device.subscribe('conf-a');
    await a.device.db.subscriptions.update('conf-a', { live: LIVE });
    await rename(a.device, 'My conference', 'Europe/Berlin');
    await a.device.sync();
    deliver(a, b);
    await b.device.sync();
    expect(await b.device.db.subscriptions.get('conf-a')).toMatchObject({ url: urlOf('conf-a'), title: 'My conference', timeZone: 'Europe/Berlin', live: LIVE });
    expect((await loadFeed(b.device.db, 'conf-a'))?.conference).toMatchObject({ title: 'My conference', timeZone: 'Europe/Berlin' });
  });

  it('two computers rename differently: the later rename (by the sync clock) wins on both, whatever order the files arrive in', async () => {
    const { a, b } = await twoComputers();
    await rename(a.device, 'Named on the laptop');
    await rename(b.device, 'Named on the desktop'); // later
    await b.device.sync();
    await a.device.sync();
    deliver(b, a); // the later rename reaches the laptop first
    await a.device.sync();
    deliver(a, b);
    await b.device.sync();
    for (const d of [a.device, b.device]) {
      expect(await d.db.subscriptions.get('conf-a')).toMatchObject({ title: 'Named on the desktop', live: LIVE });
      expect((await loadFeed(d.db, 'conf-a'))?.conference.title).toBe('Named on the desktop');
    }
    // The laptop's stored copy was read again with the new name: the sessions are all there.
    expect((await loadFeed(a.device.db, 'conf-a'))?.sessions.length).toBe((await loadFeed(b.device.db, 'conf-a'))?.sessions.length);
  });

  it('going back to the feed’s name on one computer takes the name away on the other', async () => {
    const { a, b } = await twoComputers();
    await rename(a.device, 'Named on the laptop');
    await a.device.sync();
    deliver(a, b);
    await b.device.sync();
    expect((await loadFeed(b.device.db, 'conf-a'))?.conference.title).toBe('Named on the laptop');
    await rename(b.device, undefined);
    await b.device.sync();
    deliver(b, a);
    await a.device.sync();
    for (const d of [a.device, b.device]) {
      expect((await d.db.subscriptions.get('conf-a'))?.title).toBeUndefined();
      expect((await loadFeed(d.db, 'conf-a'))?.conference.title).toBe('Conference conf-a');
    }
  });

  it('reads a subscription line written before names and channels were carried as one with neither', async () => {
    const b = computer(B, 'desktop');
    const old = opLine({ hlc: { wall: clock, counter: 0, device: A }, key: ['sub', 'conf-a'], value: { source: 'url', url: urlOf('conf-a'), addedAt: clock, archived: 0 } });
    b.folder.put(ownLogName(A), `${old}\n`);
    await b.device.sync();
    const sub = await b.device.db.subscriptions.get('conf-a');
    expect(sub).toMatchObject({ url: urlOf('conf-a') });
    expect(sub?.title).toBeUndefined();
    expect(sub?.live).toBeUndefined();
    expect((await loadFeed(b.device.db, 'conf-a'))?.conference.title).toBe('Conference conf-a');
  });

  it('refuses a line whose channel is not a channel, saying where', () => {
    const line = { v: 1, t: 'op', w: 1, c: 0, d: A, k: ['sub', 'conf-a'], x: { source: 'url', url: urlOf('conf-a'), addedAt: 1, archived: 0, live: { mqtt: 'wss://x', topic: '' } } };
    const read = readLine(line);
    expect('error' in read && read.error).toMatch(/^x: not a sub value/);
  });
});
