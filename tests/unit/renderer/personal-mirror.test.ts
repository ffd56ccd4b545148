import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostResult } from '../../../core/host/contract';
import type { PersonalData } from '../../../core/personal/model';
import { createMirrorFile, type MirrorFile } from '../../../main/services/mirror-file';
import { starMatches } from '../../../renderer/src/db/agenda-calendar';
import { clearPersonalRows, collectPersonalData } from '../../../renderer/src/db/personal-data';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { restoreFromMirror, restoreMessage, startMirrorWriter, type MirrorHost } from '../../../renderer/src/personal/mirror';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { agendaEntry, personalData, urlSubscription, watchEntry } from '../support/personal';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
let db: LanyardDb;
let dir: string;
let file: MirrorFile;
let n = 0;
let writes = 0;

/** The host side as the app sees it, backed by a real mirror file in a temporary folder. */
function hostOf(mirror: MirrorFile): MirrorHost {
  const wrap = async <T>(run: () => Promise<T>): Promise<HostResult<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
    }
  };
  return {
    readMirror: () => wrap(() => mirror.read()),
    writeMirror: (data, options) => {
      writes += 1;
      return wrap(() => mirror.write(data, options));
    },
  };
}

beforeEach(async () => {
  n += 1;
  writes = 0;
  db = new LanyardDb(`personal-${n}`);
  await db.open();
  dir = mkdtempSync(join(tmpdir(), 'lanyard-renderer-mirror-'));
  file = createMirrorFile(dir);
});
afterEach(async () => {
  db.close();
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

const saved = (): PersonalData =>
  personalData({
    subscriptions: [
      { id: 'centos-connect-2023', source: 'sample', addedAt: 1, archived: 1 },
      { ...urlSubscription('fosdem-2024', 'https://fosdem.org/2024/schedule/xml'), title: 'FOSDEM with friends', live: { mqtt: 'wss://live.example.org/mqtt', topic: 'fosdem' } },
      { id: 'local', source: 'file', fileName: 'my-conf.xml', addedAt: 3, archived: 0 },
    ],
    agenda: [agendaEntry('fosdem-2024', 'a', { note: 'front row' }), agendaEntry('fosdem-2024', 'b', { star: 'maybe' }), agendaEntry('local', 'x', { star: undefined, reminderMinutes: 5 })],
    prefs: [{ conferenceId: 'fosdem-2024', remindersEnabled: false, reminderMinutes: 20 }],
    watchLater: [watchEntry('fosdem-2024', 'w')],
  });

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('restoring from the mirror file', () => {
  it('puts every personal row back into a wiped store and re-creates URL subscriptions', async () => {
    await file.write(saved());
    const outcome = await restoreFromMirror(db, hostOf(file));
    expect(outcome.restored).toBeDefined();
    expect(await db.agenda.count()).toBe(3);
    expect((await db.agenda.get(['fosdem-2024', 'a']))?.note).toBe('front row');
    expect(await db.prefs.get('fosdem-2024')).toEqual({ conferenceId: 'fosdem-2024', remindersEnabled: false, reminderMinutes: 20 });
    expect(await db.watchLater.count()).toBe(1);
    const sub = await db.subscriptions.get('fosdem-2024');
    expect(sub).toMatchObject({ source: 'url', url: 'https://fosdem.org/2024/schedule/xml', failures: 0, title: 'FOSDEM with friends', live: { mqtt: 'wss://live.example.org/mqtt', topic: 'fosdem' } });
    expect(sub?.nextPollAt).toBeUndefined();
    expect(await db.subscriptions.get('local')).toBeUndefined();
    const { summary } = outcome.restored!;
    expect(summary).toMatchObject({ subscriptionsAdded: ['fosdem-2024'], hasSample: true });
    expect(summary.needFile.map((s) => s.fileName)).toEqual(['my-conf.xml']);
    const text = restoreMessage(outcome.restored!, () => '3 Feb, 10:00');
    expect(text).toBe(
      'Your agenda was restored from the backup copy saved 3 Feb, 10:00: 2 starred sessions, 1 note, 3 conferences, 1 recording to watch. Conferences are downloaded again from their feeds. Conferences you added from a file need that file again (+ Add conference): my-conf.xml.',
    );
  });

  it('leaves a store that has data alone', async () => {
    await file.write(saved());
    await db.subscriptions.put({ id: 'other', source: 'url', url: 'https://x.example/s.json', addedAt: 1, archived: 0, failures: 0 });
    const outcome = await restoreFromMirror(db, hostOf(file));
    expect(outcome.restored).toBeUndefined();
    expect(outcome.mirrorSignature).toBeDefined();
    expect(await db.agenda.count()).toBe(0);
  });

  it('uses the previous copy when the current file is damaged, and says so', async () => {
    await file.write(personalData({ agenda: [agendaEntry('c', 'only-one')] }));
    await file.write(saved());
    writeFileSync(join(dir, 'personal-data.json'), '{"format":"lanyard-mirror","data":{"agen');
    const outcome = await restoreFromMirror(db, hostOf(file));
    expect(outcome.restored?.fromPrevious).toBe(true);
    expect(outcome.problem).toMatch(/was damaged/);
    expect(outcome.mirrorSignature).toBeUndefined();
    expect(await db.agenda.count()).toBe(1);
    expect(restoreMessage(outcome.restored!, () => 'x')).toContain('The latest backup was damaged, so the copy before it was used.');
  });

  it('says what could not be restored when both files are damaged and the store is empty, and only notes it when the store has data', async () => {
    const damageBoth = async (): Promise<void> => {
      await file.write(personalData({ agenda: [agendaEntry('c', 'only-one')] }));
      await file.write(saved());
      writeFileSync(join(dir, 'personal-data.json'), '{"format":"lanyard-mirror","data":{"agen');
      writeFileSync(join(dir, 'personal-data.prev.json'), '');
    };
    await damageBoth();
    const empty = await restoreFromMirror(db, hostOf(file));
    expect(empty.restored).toBeUndefined();
    expect(empty.unrestorable).toMatch(/^Your stars, notes, reminder settings, watch list and subscriptions could not be restored from the backup copy: both backup files are damaged/);
    expect(empty.problem).toBe(empty.unrestorable);

    await db.agenda.put(agendaEntry('c', 'kept-here'));
    await damageBoth();
    const full = await restoreFromMirror(db, hostOf(file));
    expect(full.unrestorable).toBeUndefined();
    expect(full.problem).toMatch(/both backup files are damaged/);
  });

  it('does nothing when the host has no mirror, and reports why', async () => {
    const broken: MirrorHost = { readMirror: () => Promise.resolve({ ok: false, error: { message: 'not reachable' } }), writeMirror: () => Promise.reject(new Error('unused')) };
    expect(await restoreFromMirror(db, broken)).toEqual({ problem: 'The backup copy of your data could not be read: not reachable' });
  });
});

describe('mirroring changes', () => {
  it('writes once per burst of changes, skips sync-only changes, and never writes an empty set over a full one', async () => {
    const failures: string[] = [];
    const writer = startMirrorWriter(db, hostOf(file), { debounceMs: 30, events: { onWritten: () => undefined, onFailed: (m) => failures.push(m) } });
    try {
      for (let k = 0; k < 5; k += 1) await db.agenda.put(agendaEntry('c', `s${k}`));
      await db.subscriptions.put({ id: 'c', source: 'url', url: 'https://c.example/s.json', addedAt: 1, archived: 0, failures: 0 });
      await waitFor(async () => ((await file.read()).data?.agenda.length ?? 0) === 5 && ((await file.read()).data?.subscriptions.length ?? 0) === 1, 'the mirror to hold 5 entries');
      expect(writes).toBeLessThanOrEqual(2);
      const before = writes;
      // Sync touching validators is not personal data: nothing is written.
      await db.subscriptions.update('c', { etag: '"v2"', lastAttemptAt: 99 });
      await new Promise((r) => setTimeout(r, 150));
      expect(writes).toBe(before);
      // The store emptied (not by the user clearing their data): the host refuses, the mirror keeps everything.
      await db.agenda.clear();
      await db.subscriptions.clear();
      await waitFor(() => failures.length > 0, 'the refusal');
      expect(failures[0]).toMatch(/Refusing to replace the backup copy/);
      expect((await file.read()).data?.agenda).toHaveLength(5);
    } finally {
      writer.stop();
    }
  });

  it('does not write at start when the store already matches the mirror', async () => {
    await db.agenda.put(agendaEntry('c', 's1'));
    const { data } = await collectPersonalData(db, 1);
    await file.write(data);
    const outcome = await restoreFromMirror(db, hostOf(file));
    const writer = startMirrorWriter(db, hostOf(file), { debounceMs: 10, initialSignature: outcome.mirrorSignature, events: { onWritten: () => undefined, onFailed: () => undefined } });
    await new Promise((r) => setTimeout(r, 120));
    writer.stop();
    expect(writes).toBe(0);
  });

  it('writes an emptied store over the mirror only when the user cleared their data', async () => {
    const writer = startMirrorWriter(db, hostOf(file), { debounceMs: 10, events: { onWritten: () => undefined, onFailed: () => undefined } });
    try {
      await db.agenda.put(agendaEntry('c', 's1', { note: 'x' }));
      await db.prefs.put({ conferenceId: 'c', remindersEnabled: true, reminderMinutes: 10 });
      await waitFor(async () => ((await file.read()).data?.agenda.length ?? 0) === 1, 'the first write');
      expect(await clearPersonalRows(db)).toBe(2);
      await writer.writeCleared();
      const read = await file.read();
      expect(read.data?.agenda).toEqual([]);
      expect(read.data?.prefs).toEqual([]);
    } finally {
      writer.stop();
    }
  });

  it('flush writes a waiting change at once (page hide)', async () => {
    const writer = startMirrorWriter(db, hostOf(file), { debounceMs: 60_000, events: { onWritten: () => undefined, onFailed: () => undefined } });
    try {
      await db.agenda.put(agendaEntry('c', 's1'));
      // The change reaches the writer through a live query; flush until it has (the debounce is a minute, so only flush writes).
      await waitFor(async () => {
        writer.flush();
        return ((await file.read()).data?.agenda.length ?? 0) === 1;
      }, 'the flushed write');
    } finally {
      writer.stop();
    }
  });
});

describe('collecting and starring', () => {
  it('collects only valid rows and the personal fields of subscriptions', async () => {
    await subscribe(db, readCandidate(SAMPLE, { source: 'sample' }), 5);
    await db.agenda.put(agendaEntry('centos-connect-2023', 'kmods'));
    await db.agenda.put({ ...agendaEntry('centos-connect-2023', 'bad'), star: 'never' } as unknown as ReturnType<typeof agendaEntry>);
    const { data, skipped } = await collectPersonalData(db, 7);
    expect(skipped).toBe(1);
    expect(data.agenda.map((e) => e.sessionId)).toEqual(['kmods']);
    expect(data.subscriptions).toEqual([{ id: 'centos-connect-2023', source: 'sample', addedAt: 5, archived: 0 }]);
    expect(data.savedAt).toBe(7);
  });

  it('stars sessions an .ics matched, with their identity, keeping existing stars and notes', async () => {
    await subscribe(db, readCandidate(SAMPLE, { source: 'sample' }), 5);
    await db.agenda.put(agendaEntry('centos-connect-2023', 'coffee', { star: 'maybe', note: 'mine' }));
    const match = (sessionId: string) => ({ uid: undefined, title: '', start: '', conferenceId: 'centos-connect-2023', sessionId, by: 'uid' as const });
    expect(await starMatches(db, [match('kmods'), match('coffee'), match('missing')], 42)).toEqual({ starred: 1, already: 1 });
    const kmods = await db.agenda.get(['centos-connect-2023', 'kmods']);
    expect(kmods).toMatchObject({ star: 'going', updatedAt: 42, identity: { id: 'kmods', title: 'Kmods SIG Update', speakers: ['Peter Georg'], day: '2023-02-03', start: '2023-02-03T14:30:00Z' } });
    expect((await db.agenda.get(['centos-connect-2023', 'coffee']))?.note).toBe('mine');
  });
});
