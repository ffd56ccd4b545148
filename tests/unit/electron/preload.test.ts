import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPersonalData } from '../../../core/personal/model';
import type { HostApi } from '../../../core/host/contract';

type IpcListener = (event: unknown, payload: unknown) => void;
const fake = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  listeners: new Map<string, Array<(event: unknown, payload: unknown) => void>>(),
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), listener]);
    },
    removeListener: vi.fn(),
  },
}));

await import('../../../preload/index');

const METHODS = ['appInfo', 'fetchFeed', 'fetchLive', 'openFeedFile', 'updateTray', 'showNotification', 'openLink', 'fetchPhoto', 'readMirror', 'writeMirror', 'mirrorStatus', 'publishAgenda', 'calendarStatus', 'resetCalendarLink', 'connectCaldav', 'disconnectCaldav', 'syncCaldavNow', 'syncFolderStatus', 'chooseSyncFolder', 'stopSyncFolder', 'listSyncFolder', 'readSyncLog', 'appendSyncLog', 'replaceSyncLog', 'removeSyncCopy', 'onSyncFolderChange', 'onSubscribeLink', 'onPicksLink', 'onOpenSession', 'onOpenLive', 'onResume'] as const satisfies ReadonlyArray<keyof HostApi>;
// Compile-time: the list above names every HostApi method.
const isComplete: Exclude<keyof HostApi, (typeof METHODS)[number]> extends never ? true : false = true;

function exposedApi(): HostApi {
  const [entry] = fake.exposed;
  if (!entry) throw new Error('nothing exposed');
  return entry[1] as HostApi;
}

function emit(channel: string, payload: unknown): void {
  const fakeElectronEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
  for (const listener of fake.listeners.get(channel) ?? ([] as IpcListener[])) listener(fakeElectronEvent, payload);
}

describe('the preload bridge', () => {
  beforeEach(() => fake.invoke.mockClear());

  it('exposes exactly the HostApi methods as window.lanyard, and nothing else', () => {
    expect(isComplete).toBe(true);
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0]?.[0]).toBe('lanyard');
    const api = exposedApi();
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    for (const name of METHODS) expect(typeof api[name]).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('maps each call to its own channel with its arguments', async () => {
    const api = exposedApi();
    await api.appInfo();
    await api.fetchFeed({ url: 'https://example.org/feed.json', etag: '"1"' });
    await api.openFeedFile();
    await api.updateTray({ next: [] });
    const data = emptyPersonalData(1);
    await api.readMirror();
    await api.writeMirror(data, { allowEmpty: true });
    await api.mirrorStatus();
    expect(fake.invoke.mock.calls).toEqual([
      ['app:info'],
      ['feeds:fetch', { url: 'https://example.org/feed.json', etag: '"1"' }],
      ['files:open-feed'],
      ['tray:update', { next: [] }],
      ['personal:read-mirror'],
      ['personal:write-mirror', data, { allowEmpty: true }],
      ['personal:mirror-status'],
    ]);
  });

  it('maps the sync-folder calls to their channels and tells the page when the folder changed', async () => {
    const api = exposedApi();
    fake.invoke.mockClear();
    await api.syncFolderStatus();
    await api.chooseSyncFolder({});
    await api.readSyncLog({ name: 'lanyard-device-aaaa.jsonl', from: 10, ino: 3 });
    await api.appendSyncLog({ deviceId: 'device-aaaa', text: '{}\n' });
    await api.replaceSyncLog({ deviceId: 'device-aaaa', text: '' });
    await api.removeSyncCopy({ deviceId: 'device-aaaa', name: 'x' });
    await api.listSyncFolder();
    await api.stopSyncFolder();
    expect(fake.invoke.mock.calls.map((c) => c[0])).toEqual([
      'syncfolder:status', 'syncfolder:choose', 'syncfolder:read', 'syncfolder:append', 'syncfolder:replace', 'syncfolder:remove-copy', 'syncfolder:list', 'syncfolder:stop',
    ]);
    let changes = 0;
    const stop = api.onSyncFolderChange((...args: unknown[]) => {
      expect(args).toEqual([]);
      changes += 1;
    });
    emit('syncfolder:changed', { version: 4 });
    stop();
    emit('syncfolder:changed', { version: 5 });
    expect(changes).toBe(1);
  });

  it('keeps events that arrive before anyone listens (a link that launched the app)', () => {
    emit('links:subscribe', { url: 'https://example.org/early.ics' });
    const seen: string[] = [];
    const stop = exposedApi().onSubscribeLink((url) => seen.push(url));
    expect(seen).toEqual(['https://example.org/early.ics']);
    stop();
  });

  it('hands a subscription link’s live channel along, as strings for the page to check', () => {
    const seen: unknown[][] = [];
    const stop = exposedApi().onSubscribeLink((...args: unknown[]) => seen.push(args));
    emit('links:subscribe', { url: 'https://example.org/live.json', live: 'wss://push.example.org/mqtt', topic: 'conf/2026' });
    emit('links:subscribe', { url: 'https://example.org/half.json', live: 'wss://push.example.org/mqtt' });
    expect(seen).toEqual([['https://example.org/live.json', { mqtt: 'wss://push.example.org/mqtt', topic: 'conf/2026' }], ['https://example.org/half.json']]);
    stop();
  });

  it('hands subscribers the value only, never the Electron event, and unsubscribes', () => {
    const api = exposedApi();
    const seen: unknown[][] = [];
    const stop = api.onSubscribeLink((...args: unknown[]) => seen.push(args));
    expect(typeof stop).toBe('function');
    emit('links:subscribe', { url: 'https://example.org/a.ics' });
    emit('links:subscribe', { url: 42 });
    expect(seen).toEqual([['https://example.org/a.ics']]);
    stop();
    emit('links:subscribe', { url: 'https://example.org/b.ics' });
    expect(seen).toHaveLength(1);
    // …and the next subscriber (say, after a remount) still gets it.
    const later: string[] = [];
    exposedApi().onSubscribeLink((url) => later.push(url))();
    expect(later).toEqual(['https://example.org/b.ics']);
  });

  it('delivers the tray choice as a session reference', () => {
    const api = exposedApi();
    const seen: unknown[][] = [];
    const stop = api.onOpenSession((...args: unknown[]) => seen.push(args));
    emit('tray:open-session', { sessionRef: 'conf/s1' });
    stop();
    expect(seen).toEqual([['conf/s1']]);
  });

  it('opens links through links:open and tells the page when the tray asks for Live now', async () => {
    const api = exposedApi();
    fake.invoke.mockClear();
    await api.openLink({ url: 'https://meet.jit.si/x', confirmed: false });
    expect(fake.invoke.mock.calls).toEqual([['links:open', { url: 'https://meet.jit.si/x', confirmed: false }]]);
    const seen: unknown[][] = [];
    const stop = api.onOpenLive((...args: unknown[]) => seen.push(args));
    emit('tray:open-live', {});
    stop();
    emit('tray:open-live', {});
    expect(seen).toEqual([[]]);
  });

  it('tells the page when the computer wakes, with nothing of the IPC event', () => {
    const api = exposedApi();
    const woke: unknown[][] = [];
    const stop = api.onResume((...args: unknown[]) => woke.push(args));
    emit('power:resume', {});
    emit('power:resume', {});
    stop();
    emit('power:resume', {});
    expect(woke).toEqual([[], []]);
  });
});
