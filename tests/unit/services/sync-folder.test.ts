import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_LIMITS } from '../../../core/sync-folder/parse';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { createSyncFolder, type SyncFolder } from '../../../main/services/sync-folder';
import { startSyncFolderHost, type SyncFolderHost } from '../../../main/services/sync-folder-host';

const A = 'device-aaaa';
let root: string;
let dataDir: string;
let shared: string;
let folder: SyncFolder;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'lanyard-sync-folder-'));
  dataDir = join(root, 'data');
  shared = join(root, 'Sync');
  mkdirSync(shared);
  folder = createSyncFolder(dataDir);
  await folder.choose(shared);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('choosing the folder', () => {
  it('remembers a folder and forgets it on stop', async () => {
    expect(await folder.path()).toBe(shared);
    expect(await createSyncFolder(dataDir).path()).toBe(shared);
    await folder.stop();
    expect(await folder.path()).toBeNull();
    await expect(folder.list()).rejects.toThrow('No sync folder is chosen.');
  });

  it('refuses a relative path, a missing folder and a file, saying which', async () => {
    await expect(folder.choose('Sync')).rejects.toThrow('"Sync" is not a full path');
    await expect(folder.choose(join(root, 'nowhere'))).rejects.toThrow(`There is no folder at ${join(root, 'nowhere')}.`);
    writeFileSync(join(root, 'file.txt'), 'x');
    await expect(folder.choose(join(root, 'file.txt'))).rejects.toThrow('is a file, not a folder');
    await expect(folder.choose('   ')).rejects.toThrow('Type the path of the folder.');
    expect(await folder.path()).toBe(shared);
  });
});

describe('the logs in the folder', () => {
  it('lists Lanyard logs and sync tools’ conflicted copies, and nothing else', async () => {
    for (const name of ['lanyard-device-bbbb.jsonl', 'lanyard-device-bbbb.sync-conflict-20261206-101010-ABC.jsonl', "lanyard-device-cccc (Ada's conflicted copy 2026-12-06).jsonl", 'notes.jsonl', 'lanyard-device-bbbb.json', 'readme.txt']) {
      writeFileSync(join(shared, name), '');
    }
    mkdirSync(join(shared, 'lanyard-device-dddd.jsonl'));
    const { files } = await folder.list();
    expect(files.map((f) => [f.name, f.deviceId, f.isConflictCopy])).toEqual([
      ['lanyard-device-bbbb.jsonl', 'device-bbbb', false],
      ['lanyard-device-bbbb.sync-conflict-20261206-101010-ABC.jsonl', 'device-bbbb', true],
      ["lanyard-device-cccc (Ada's conflicted copy 2026-12-06).jsonl", 'device-cccc', true],
    ]);
  });

  it('appends whole lines to this device’s file, never gluing onto a line a crash cut short', async () => {
    await folder.append(A, '{"a":1}\n');
    appendFileSync(join(shared, `lanyard-${A}.jsonl`), '{"cut');
    await folder.append(A, '{"b":2}\n');
    expect(readFileSync(join(shared, `lanyard-${A}.jsonl`), 'utf8')).toBe('{"a":1}\n{"cut\n{"b":2}\n');
    await expect(folder.append(A, 'no line end')).rejects.toThrow('must end with a line break');
    await expect(folder.append('../../etc', '{}\n')).rejects.toThrow('not a device id');
  });

  it('reads from where it stopped while the file only grows, from the start once it was replaced, and leaves a half-written line for later', async () => {
    const name = `lanyard-${A}.jsonl`;
    await folder.append(A, 'one\n');
    const first = await folder.read(name, 0, undefined);
    expect(first).toMatchObject({ text: 'one\n', from: 0, next: 4 });
    appendFileSync(join(shared, name), 'två\nthr');
    const second = await folder.read(name, first.next, first.ino);
    expect(second).toMatchObject({ text: 'två\n', from: 4, next: 4 + Buffer.byteLength('två\n') });
    await folder.replace(A, 'new\n');
    const third = await folder.read(name, second.next, second.ino);
    expect(third).toMatchObject({ text: 'new\n', from: 0, next: 4 });
    expect(readdirSync(shared).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('refuses to read a file over the size cap, or anything that is not a Lanyard log', async () => {
    const big = join(shared, 'lanyard-device-bbbb.jsonl');
    writeFileSync(big, '');
    appendFileSync(big, Buffer.alloc(LOG_LIMITS.maxFileBytes + 1, 0x20));
    await expect(folder.read('lanyard-device-bbbb.jsonl', 0, undefined)).rejects.toThrow('larger than 32 MB');
    await expect(folder.read('../data/sync-folder.json', 0, undefined)).rejects.toThrow('is not a Lanyard sync log');
    expect(statSync(big).size).toBe(LOG_LIMITS.maxFileBytes + 1);
  });

  it('deletes only conflicted copies of this device’s own file', async () => {
    const mine = `lanyard-${A}.sync-conflict-20261206-101010-XYZ.jsonl`;
    const theirs = 'lanyard-device-bbbb.sync-conflict-20261206-101010-XYZ.jsonl';
    writeFileSync(join(shared, mine), '');
    writeFileSync(join(shared, theirs), '');
    await expect(folder.removeCopy(A, theirs)).rejects.toThrow('not a conflicted copy of this computer');
    await expect(folder.removeCopy(A, `lanyard-${A}.jsonl`)).rejects.toThrow('not a conflicted copy of this computer');
    await folder.removeCopy(A, mine);
    expect(readdirSync(shared).sort()).toEqual([theirs]);
  });
});

describe('watching the folder and the host API', () => {
  let hostSide: SyncFolderHost;
  afterEach(() => hostSide.watch.stop());

  it('wakes a waiting page when another device’s log arrives, and validates every call', async () => {
    hostSide = startSyncFolderHost(dataDir, { hostName: 'laptop', pollMs: 200 });
    const handlers = createHostHandlers({ mode: 'web', version: '1', platform: 'test', syncFolder: hostSide });
    expect(await dispatch(handlers, 'syncfolder:status', [])).toEqual({ ok: true, value: { path: shared, hostName: 'laptop', canChoose: false } });
    await expect.poll(() => hostSide.watch.version()).toBeGreaterThan(0);
    const since = hostSide.watch.version();
    const waiting = dispatch(handlers, 'syncfolder:wait', [{ since, timeoutMs: 30_000 }]);
    writeFileSync(join(shared, 'lanyard-device-bbbb.jsonl'), '{}\n');
    const woke = await waiting;
    expect(woke.ok && (woke.value as { version: number }).version).toBeGreaterThan(since);
    expect(await dispatch(handlers, 'syncfolder:append', [{ deviceId: 'Not A Device', text: '{}\n' }])).toMatchObject({ ok: false, error: { message: /Invalid arguments for syncfolder:append at 0.deviceId/ } });
    expect(await dispatch(handlers, 'syncfolder:choose', [{}])).toEqual({ ok: false, error: { message: 'Type the path of the folder.' } });
    expect(await dispatch(handlers, 'syncfolder:choose', [{ path: join(root, 'nowhere') }])).toMatchObject({ ok: false, error: { message: /There is no folder/ } });
  });

  it('notices a log arriving by polling alone, where the file system reports no changes', async () => {
    hostSide = startSyncFolderHost(dataDir, { hostName: 'laptop', pollMs: 100, useFsWatch: false });
    await expect.poll(() => hostSide.watch.version()).toBeGreaterThan(0);
    const since = hostSide.watch.version();
    const waiting = hostSide.watch.wait(since, 30_000);
    writeFileSync(join(shared, 'lanyard-device-cccc.jsonl'), '{}\n');
    expect(await waiting).toBeGreaterThan(since);
  });

  it('asks the desktop dialog for a folder when no path is given, and a cancelled dialog changes nothing', async () => {
    hostSide = startSyncFolderHost(dataDir, { hostName: 'laptop' });
    const other = join(root, 'Other');
    mkdirSync(other);
    let answer: string | null = null;
    const handlers = createHostHandlers({ mode: 'desktop', version: '1', platform: 'test', syncFolder: hostSide, chooseFolder: () => Promise.resolve(answer) });
    expect(await dispatch(handlers, 'syncfolder:choose', [{}])).toEqual({ ok: true, value: null });
    expect(await hostSide.folder.path()).toBe(shared);
    answer = other;
    expect(await dispatch(handlers, 'syncfolder:choose', [{}])).toEqual({ ok: true, value: { path: other } });
    expect(await dispatch(handlers, 'syncfolder:stop', [])).toEqual({ ok: true, value: null });
    expect(await hostSide.folder.path()).toBeNull();
  });
});
