import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, HostResult } from '../../../core/host/contract';
import { createMirrorFile, type MirrorFile } from '../../../main/services/mirror-file';
import { createManualClock } from '../../../renderer/src/app/clock';
import { createApp, type LanyardApp } from '../../../renderer/src/app/create-app';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { createInProcessEngine } from '../../../renderer/src/engine/in-process';
import type { FirstPaint } from '../../../renderer/src/first-paint';
import type { Route } from '../../../renderer/src/route';
import { agendaEntry, personalData, urlSubscription } from '../support/personal';
import { dropDb, openFreshDb } from '../support/sample-db';

const T0 = Date.parse('2023-02-03T08:00:00Z');
let db: LanyardDb;
let dir: string;
let file: MirrorFile;
let app: LanyardApp | undefined;
/** Everything the app asked of its host, in order. */
let calls: string[];
let links: { subscribe?: (url: string) => void; session?: (ref: string) => void; picks?: (query: string) => void };

const wrap = async <T>(run: () => Promise<T>): Promise<HostResult<T>> => {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
};

/** The host as the app sees it: a real mirror file in a temporary folder, feeds that answer 304, no photos. */
function testHost(): HostApi {
  const host: Partial<HostApi> = {
    readMirror: () => {
      calls.push('readMirror');
      return wrap(() => file.read());
    },
    writeMirror: (data, options) => {
      calls.push('writeMirror');
      return wrap(() => file.write(data, options));
    },
    fetchFeed: (request) => {
      calls.push(`fetchFeed ${request.url}`);
      return Promise.resolve({ ok: true, value: { kind: 'not-modified', url: request.url } });
    },
    fetchPhoto: () => Promise.resolve({ ok: false, error: { message: 'offline' } }),
    updateTray: () => {
      calls.push('updateTray');
      return Promise.resolve({ ok: true, value: null });
    },
    onResume: () => () => undefined,
    onSubscribeLink: (listener) => {
      links.subscribe = listener;
      return () => (links.subscribe = undefined);
    },
    onOpenSession: (listener) => {
      links.session = listener;
      return () => (links.session = undefined);
    },
    onOpenLive: () => () => undefined,
    onPicksLink: (listener) => {
      links.picks = listener;
      return () => (links.picks = undefined);
    },
    // The live calendar gets the agenda; no sync folder is chosen; no live fetches answer.
    publishAgenda: () => {
      calls.push('publishAgenda');
      return Promise.resolve({ ok: true, value: null });
    },
    syncFolderStatus: () => Promise.resolve({ ok: true, value: { path: null, hostName: 'test', canChoose: false } }),
    onSyncFolderChange: () => () => undefined,
    fetchLive: () => Promise.resolve({ ok: false, error: { message: 'offline' } }),
  };
  return host as HostApi;
}

/** A first-screen gate the test opens by hand. */
function manualFirstPaint(): FirstPaint & { open: () => void } {
  const waiting: Array<() => void> = [];
  let isOpen = false;
  return {
    painted: () => undefined,
    after: (work) => (isOpen ? work() : waiting.push(work)),
    open: () => {
      isOpen = true;
      for (const work of waiting.splice(0)) work();
    },
  };
}

beforeEach(async () => {
  db = await openFreshDb('kernel');
  dir = mkdtempSync(join(tmpdir(), 'lanyard-kernel-'));
  file = createMirrorFile(dir);
  calls = [];
  links = {};
  const storage = new Map<string, string>();
  vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval, clearInterval, setTimeout, clearTimeout }));
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
});
afterEach(async () => {
  app?.stop();
  app = undefined;
  vi.unstubAllGlobals();
  await dropDb(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('the app kernel', () => {
  it('restores a wiped store from the backup copy before the sample, and starts sync, reminders and the rest only after the first screen', async () => {
    // The backup copy has a starred sample session and a conference followed by URL; the store is empty.
    await file.write(personalData({ subscriptions: [{ id: 'centos-connect-2023', source: 'sample', addedAt: 1, archived: 1 }, urlSubscription('fosdem-2024')], agenda: [agendaEntry('centos-connect-2023', 'alma', { identity: { id: 'alma', title: 'AlmaLinux Build System and Project Updates', speakers: [], day: '2023-02-03', start: '2023-02-03T08:25:00Z' } })] }));
    const gate = manualFirstPaint();
    const routes: Route[] = [];
    app = createApp({ db, host: testHost(), clock: createManualClock(T0), engine: createInProcessEngine(db), notify: () => Promise.resolve('shown'), navigate: (r) => routes.push(r), hasTray: true, firstPaint: gate });
    const state = (): ReturnType<LanyardApp['store']['getState']> => app!.store.getState();
    expect(state().phase).toBe('starting');
    await app.start();

    expect(state().phase).toBe('ready');
    expect(state().started).toEqual(['links', 'storage']);
    // The mirror was read first; the sample is back with the user's archive flag; nothing was fetched yet.
    expect(calls[0]).toBe('readMirror');
    expect(await db.subscriptions.get('centos-connect-2023')).toMatchObject({ source: 'sample', archived: 1 });
    expect(await db.agenda.get(['centos-connect-2023', 'alma'])).toMatchObject({ star: 'going' });
    expect(calls.filter((c) => c.startsWith('fetchFeed') || c === 'updateTray')).toEqual([]);

    gate.open();
    expect(state().started).toEqual(['links', 'storage', 'alerts', 'sync', 'announcements', 'tray', 'calendar', 'sync folder', 'room status', 'live channels', 'recordings', 'search']);
    // The restored URL subscription was never fetched here: it is due at once.
    await expect.poll(() => calls).toContain('fetchFeed https://example.org/fosdem-2024/schedule.xml');
    await expect.poll(() => state().started.at(-1)).toBe('photos');
    expect(state().online).toBe(true);

    // Links from the host go where they say, through the kernel.
    links.subscribe?.('https://example.org/new.xml');
    links.session?.('centos-connect-2023\nalma');
    links.picks?.('c=centos-connect-2023&s=alma');
    expect(routes).toEqual([{ page: 'subscribe', url: 'https://example.org/new.xml' }, { page: 'session', conferenceId: 'centos-connect-2023', sessionId: 'alma' }, { page: 'picks', query: 'c=centos-connect-2023&s=alma' }]);
    // The live calendar follows the restored star (written by the engine, served by the host).
    await expect.poll(() => calls).toContain('publishAgenda');
  });

  it('says why when storage cannot open, and starts nothing that writes', async () => {
    db.close({ disableAutoOpen: true });
    const gate = manualFirstPaint();
    app = createApp({ db, host: testHost(), clock: createManualClock(T0), engine: createInProcessEngine(db), notify: () => Promise.resolve('shown'), navigate: () => undefined, firstPaint: gate });
    await app.start();
    expect(app.store.getState()).toMatchObject({ phase: 'failed', started: ['links'] });
    expect(app.store.getState().error).toMatch(/./);
    gate.open();
    expect(app.store.getState().started).toEqual(['links']);
  });

  it('stops every service it started: links go quiet and nothing is fetched after stop', async () => {
    const gate = manualFirstPaint();
    app = createApp({ db, host: testHost(), clock: createManualClock(T0), engine: createInProcessEngine(db), notify: () => Promise.resolve('shown'), navigate: () => undefined, firstPaint: gate });
    await app.start();
    gate.open();
    await expect.poll(() => app!.store.getState().started.at(-1)).toBe('photos');
    app.stop();
    expect(links).toEqual({ subscribe: undefined, session: undefined, picks: undefined });
    expect(await app.engine.run('sample', { now: T0 })).toMatchObject({ ok: false, reason: 'gone' });
  });
});
