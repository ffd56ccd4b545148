import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ownLogName } from '../../../core/sync-folder/file-names';
import { headLine, opLine } from '../../../core/sync-folder/ops';
import { parseLog } from '../../../core/sync-folder/parse';
import { setStar, updateEntry } from '../../../renderer/src/db/personal';
import type { FolderPort } from '../../../renderer/src/sync-folder/port';
import { MemoryFolder } from '../support/memory-sync-folder';
import { Device, itemsOf } from '../support/sync-devices';

const A = 'device-aaaa';
const B = 'device-bbbb';
let clock = 1_700_000_000_000;
const now = (): number => clock;
const devices: Device[] = [];

afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

function computer(id: string, name: string, wrap?: (port: FolderPort) => FolderPort, skewMs = 0): { folder: MemoryFolder; device: Device } {
  const folder = new MemoryFolder(id, name);
  const device = new Device(id, wrap ? wrap(folder.port()) : folder.port(), skewMs ? () => clock + skewMs : now);
  devices.push(device);
  return { folder, device };
}

/** The sync tool: one computer's own file arrives in the other's folder. */
function deliver(from: { folder: MemoryFolder; device: Device }, to: { folder: MemoryFolder }): void {
  const text = from.folder.read(ownLogName(from.device.id));
  if (text !== undefined) to.folder.put(ownLogName(from.device.id), text);
}

const ops = (folder: MemoryFolder, id: string) => parseLog(folder.read(ownLogName(id)) ?? '', 'own').ops;

describe('the sync-folder service', () => {
  it('brings a star to the other computer, and applying it writes nothing back (no echo)', async () => {
    const a = computer(A, 'laptop');
    const b = computer(B, 'desktop');
    await a.device.subscribe('conf-a');
    await a.device.sync();
    await setStar(a.device.db, 'conf-a', 'alma', 'going', (clock += 1000));
    await a.device.sync();
    expect(ops(a.folder, A).map((o) => o.key[0] + ':' + (typeof o.value === 'string' ? o.value : 'x'))).toEqual(['sub:x', 'star:going']);

    deliver(a, b);
    await b.device.sync();
    expect(await b.device.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ star: 'going', identity: { id: 'alma' } });
    expect(await b.device.db.conferences.get('conf-a')).toBeDefined(); // the subscription arrived and its feed was fetched
    await b.device.sync();
    expect(ops(b.folder, B)).toEqual([]);
    expect(b.device.service.status()).toMatchObject({ state: 'ok', devices: [{ id: A, name: 'laptop', isThis: false }, { id: B, name: 'desktop', isThis: true }] });
  });

  it('on a first sync, older local copies lose to newer edits in the folder and nothing is deleted', async () => {
    const a = computer(A, 'laptop');
    const b = computer(B, 'desktop');
    await b.device.subscribe('conf-a');
    await setStar(b.device.db, 'conf-a', 'alma', 'maybe', (clock += 1000)); // the older edit
    await setStar(b.device.db, 'conf-a', 'okd', 'going', (clock += 1000)); // only on this computer
    await a.device.subscribe('conf-a');
    await setStar(a.device.db, 'conf-a', 'alma', 'going', (clock += 1000)); // the newer edit
    await a.device.sync();
    deliver(a, b);
    await b.device.sync(); // B joins the folder now
    deliver(b, a);
    await a.device.sync();
    for (const d of [a.device, b.device]) {
      expect(await d.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ star: 'going' });
      expect(await d.db.agenda.get(['conf-a', 'okd'])).toMatchObject({ star: 'going' });
    }
    expect([...(await itemsOf(a.device.db))].sort()).toEqual([...(await itemsOf(b.device.db))].sort());
  });

  it('skips damaged lines with a count in plain words, and still applies the good ones', async () => {
    const b = computer(B, 'desktop');
    await b.device.subscribe('conf-a');
    await b.device.sync();
    const good = opLine({ hlc: { wall: clock + 5_000, counter: 0, device: A }, key: ['note', 'conf-a', 'alma'], value: 'from the laptop' });
    b.folder.put(ownLogName(A), `{"v":1,"t":"op","w":12\n${good}\nnot json\n`);
    await b.device.sync();
    expect(await b.device.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ note: 'from the laptop' });
    expect(b.device.service.status()).toMatchObject({ state: 'error', problems: [`2 damaged lines were skipped in ${ownLogName(A)} (${ownLogName(A)}, line 1: not complete JSON (cut short or damaged)).`] });
  });

  it('reads a conflicted copy of its own file back in, then deletes it; a copy of another computer’s file is read and kept', async () => {
    const a = computer(A, 'laptop');
    await a.device.subscribe('conf-a');
    await a.device.sync();
    const lost = opLine({ hlc: { wall: clock + 1, counter: 0, device: A }, key: ['note', 'conf-a', 'okd'], value: 'only in the copy' });
    const other = opLine({ hlc: { wall: clock + 2, counter: 0, device: B }, key: ['star', 'conf-a', 'alma'], value: 'maybe' });
    const mine = `lanyard-${A}.sync-conflict-20261206-101010-ABCDEF7.jsonl`;
    const theirs = `lanyard-${B} (Ada's conflicted copy 2026-12-06).jsonl`;
    a.folder.put(mine, `${lost}\n`);
    a.folder.put(theirs, `${other}\n`);
    clock += 10_000;
    await a.device.sync();
    expect(await a.device.db.agenda.get(['conf-a', 'okd'])).toMatchObject({ note: 'only in the copy' });
    expect(await a.device.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ star: 'maybe' });
    expect(a.folder.names().sort()).toEqual([ownLogName(A), theirs].sort());
    expect(ops(a.folder, A).some((o) => o.key[2] === 'okd' && o.value === 'only in the copy')).toBe(true);
  });

  it('names the conferences another computer added from a file, which cannot come over by themselves', async () => {
    const b = computer(B, 'desktop');
    const fromFile = opLine({ hlc: { wall: clock, counter: 0, device: A }, key: ['sub', 'my-meetup'], value: { source: 'file', fileName: 'meetup.ics', addedAt: clock, archived: 0 } });
    b.folder.put(ownLogName(A), `${fromFile}\n`);
    await b.device.sync();
    expect(await b.device.db.subscriptions.get('my-meetup')).toBeUndefined();
    expect(b.device.service.status()).toMatchObject({ state: 'ok', notCreated: ['my-meetup'] });
  });

  it('keeps an edit whose write failed and writes it at the next round', async () => {
    let isFailing = false;
    const a = computer(A, 'laptop', (port) => ({
      ...port,
      appendSyncLog: (request) => (isFailing ? Promise.resolve({ ok: false, error: { message: 'No space left on device' } }) : port.appendSyncLog(request)),
    }));
    const b = computer(B, 'desktop');
    await a.device.subscribe('conf-a');
    await a.device.sync();
    isFailing = true;
    await updateEntry(a.device.db, 'conf-a', 'alma', { note: 'written later' }, (clock += 1000));
    await a.device.sync();
    expect(a.device.service.status()).toMatchObject({ state: 'error', problems: ['Your changes could not be written to the sync folder: No space left on device'] });
    isFailing = false;
    await a.device.sync();
    deliver(a, b);
    await b.device.sync();
    expect(await b.device.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ note: 'written later' });
  });

  it('takes a conference removed on another computer away with its schedule, and keeps a newer star made here', async () => {
    const a = computer(A, 'laptop');
    const b = computer(B, 'desktop');
    await a.device.subscribe('conf-a');
    await setStar(a.device.db, 'conf-a', 'alma', 'going', (clock += 1000));
    await a.device.sync();
    deliver(a, b);
    await b.device.sync();
    const { removeConference } = await import('../../../renderer/src/db/conference-admin');
    await removeConference(a.device.db, 'conf-a');
    await a.device.sync();
    await setStar(b.device.db, 'conf-a', 'okd', 'maybe', (clock += 1000)); // offline: not seen by the laptop
    await b.device.sync();
    deliver(a, b);
    deliver(b, a);
    await b.device.sync();
    await a.device.sync();
    for (const d of [a.device, b.device]) {
      expect(await d.db.subscriptions.get('conf-a')).toBeUndefined();
      expect(await d.db.schedules.get('conf-a')).toBeUndefined();
      expect(await d.db.agenda.get(['conf-a', 'alma'])).toBeUndefined();
      expect(await d.db.agenda.get(['conf-a', 'okd'])).toMatchObject({ star: 'maybe' });
    }
  });

  it('orders an edit made after seeing another one after it, even when that computer’s clock is an hour behind', async () => {
    const ahead = computer(A, 'laptop', undefined, 60 * 60_000);
    const behind = computer(B, 'desktop', undefined, -60 * 60_000);
    await ahead.device.subscribe('conf-a');
    await setStar(ahead.device.db, 'conf-a', 'alma', 'going', (clock += 1000));
    await ahead.device.sync();
    deliver(ahead, behind);
    await behind.device.sync();
    expect(await behind.device.db.agenda.get(['conf-a', 'alma'])).toMatchObject({ star: 'going' });
    await setStar(behind.device.db, 'conf-a', 'alma', undefined, (clock += 1000)); // the later edit, made on the slow clock
    await behind.device.sync();
    deliver(behind, ahead);
    await ahead.device.sync();
    for (const d of [ahead.device, behind.device]) expect(await d.db.agenda.get(['conf-a', 'alma'])).toBeUndefined();
  });

  it('drops a tombstone from its file once the other computer has acknowledged it, and nothing comes back', async () => {
    const a = computer(A, 'laptop');
    const b = computer(B, 'desktop');
    await b.device.subscribe('conf-a');
    await setStar(b.device.db, 'conf-a', 'alma', 'going', (clock += 1000)); // B's put stays in B's file…
    await b.device.sync();
    deliver(b, a);
    await a.device.sync();
    await setStar(a.device.db, 'conf-a', 'alma', undefined, (clock += 1000)); // …until A's tombstone beats it
    await a.device.sync();
    const tombstones = (): number => ops(a.folder, A).filter((o) => o.key[0] === 'star' && o.value === undefined).length;
    expect(tombstones()).toBe(1);
    deliver(a, b);
    clock += 11 * 60_000; // B's next head is due: it compacts, dropping its beaten put and acknowledging A's tombstone
    await b.device.sync();
    expect(ops(b.folder, B).some((o) => o.key[0] === 'star')).toBe(false);
    deliver(b, a);
    clock += 11 * 60_000;
    await a.device.sync();
    expect(tombstones()).toBe(0);
    // A third computer joining now finds no trace of the star, and the two others keep it gone.
    const c = computer('device-cccc', 'tablet');
    deliver(a, c);
    deliver(b, c);
    await c.device.sync();
    await a.device.sync();
    await b.device.sync();
    for (const d of [a.device, b.device, c.device]) expect(await d.db.agenda.get(['conf-a', 'alma'])).toBeUndefined();
  });

  it('starts afresh with another folder: nothing agreed with the old one turns into deletions later', async () => {
    let path = '/memory/old';
    const a = computer(A, 'laptop', (port) => ({
      ...port,
      syncFolderStatus: async () => {
        const answer = await port.syncFolderStatus();
        return answer.ok ? { ok: true, value: { ...answer.value, path } } : answer;
      },
    }));
    await a.device.subscribe('conf-a');
    await setStar(a.device.db, 'conf-a', 'alma', 'going', (clock += 1000));
    await a.device.sync(); // agreed with the old folder: the star
    await setStar(a.device.db, 'conf-a', 'alma', undefined, (clock += 1000)); // unstarred while not syncing
    path = '/memory/new';
    a.folder.remove(ownLogName(A));
    await a.device.sync(); // a first sync with the new folder
    // Another computer uses the new folder too (and has not acknowledged anything yet, so no tombstone of A's may go).
    a.folder.put(ownLogName(B), `${headLine({ hlc: { wall: clock, counter: 0, device: B }, name: 'desktop', seen: {} })}\n`);
    // Lanyard starts again on this computer (a new service over the same profile).
    a.device.service.stop();
    const { startSyncFolder } = await import('../../../renderer/src/sync-folder/service');
    const again = startSyncFolder({ db: a.device.db, folder: { ...a.folder.port(), syncFolderStatus: () => Promise.resolve({ ok: true, value: { path, hostName: 'laptop', canChoose: false } }) }, now, manual: true });
    await again.syncNow();
    again.stop();
    expect(ops(a.folder, A).filter((o) => o.key[0] === 'star')).toEqual([]);
  });

  it('never rewrites its own file when it could not read it (its history would be lost)', async () => {
    let replaced = 0;
    const a = computer(A, 'laptop', (port) => ({
      ...port,
      readSyncLog: (request) => (request.name === ownLogName(A) ? Promise.resolve({ ok: false, error: { message: 'Input/output error' } }) : port.readSyncLog(request)),
      replaceSyncLog: (request) => {
        replaced += 1;
        return port.replaceSyncLog(request);
      },
    }));
    const history = opLine({ hlc: { wall: clock, counter: 0, device: A }, key: ['note', 'conf-a', 'alma'], value: 'kept' });
    a.folder.put(ownLogName(A), `${history}\n`);
    await a.device.sync();
    expect(replaced).toBe(0);
    expect(a.folder.read(ownLogName(A))).toBe(`${history}\n`);
    expect(a.device.service.status()).toMatchObject({ state: 'error', problems: ['This computer’s file in the sync folder could not be read, so nothing is written to it: Input/output error'] });
  });
});
