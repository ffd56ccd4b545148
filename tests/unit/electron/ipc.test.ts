import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CONTRACT, type HostResult } from '../../../core/host/contract';
import type { HostHandlers } from '../../../main/services/host-dispatch';
import { calendarHandlers } from '../../../main/services/calendar-handlers';

type Registered = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<HostResult<unknown>>;
const fake = vi.hoisted(() => ({ handlers: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: unknown) => fake.handlers.set(channel, listener) },
}));

const { senderProblem, sendHostEvent, setupIpc } = await import('../../../main/electron/ipc');

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
const mainFrame: FakeFrame = { url: 'app://lanyard/index.html', parent: null };
const appContents = { mainFrame };

const handlers = {
  'app:info': vi.fn(() => Promise.resolve({ mode: 'desktop' as const, version: '1.2.3', platform: 'linux' })),
  'feeds:fetch': vi.fn(() => Promise.reject(new Error('The server said no'))),
  'live:fetch': vi.fn(() => Promise.reject(new Error('no live documents here'))),
  'files:open-feed': vi.fn(() => Promise.resolve(null)),
  'tray:update': vi.fn(() => Promise.resolve(null)),
  'notify:show': vi.fn(() => Promise.resolve(null)),
  'links:open': vi.fn(() => Promise.resolve(null)),
  'photos:fetch': vi.fn(() => Promise.reject(new Error('no photos here'))),
  'personal:read-mirror': vi.fn(() => Promise.resolve({ data: null, source: 'none' as const, path: '/tmp/personal-data.json' })),
  'personal:write-mirror': vi.fn(() => Promise.resolve({ path: '/tmp/personal-data.json', writtenAt: 1, bytes: 2 })),
  'personal:mirror-status': vi.fn(() => Promise.resolve({ path: '/tmp/personal-data.json', hasPrevious: false })),
  ...calendarHandlers(undefined),
  'syncfolder:status': vi.fn(() => Promise.resolve({ path: null, hostName: 'laptop', canChoose: true })),
  'syncfolder:choose': vi.fn(() => Promise.resolve(null)),
  'syncfolder:stop': vi.fn(() => Promise.resolve(null)),
  'syncfolder:list': vi.fn(() => Promise.resolve({ path: '/tmp', files: [] })),
  'syncfolder:read': vi.fn(() => Promise.reject(new Error('no such log'))),
  'syncfolder:append': vi.fn(() => Promise.resolve({ size: 0 })),
  'syncfolder:replace': vi.fn(() => Promise.resolve({ size: 0 })),
  'syncfolder:remove-copy': vi.fn(() => Promise.resolve(null)),
  'syncfolder:wait': vi.fn(() => Promise.resolve({ version: 0 })),
} satisfies HostHandlers;

function eventFrom(sender: { mainFrame: FakeFrame }, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<HostResult<unknown>> {
  const listener = fake.handlers.get(channel) as Registered | undefined;
  if (!listener) throw new Error(`${channel} is not registered`);
  return listener(event, ...args);
}

describe('the IPC wrapper', () => {
  beforeAll(() => setupIpc(handlers, () => appContents as unknown as WebContents));
  beforeEach(() => vi.clearAllMocks());

  it('registers exactly the channels of the host contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(HOST_CONTRACT).sort());
  });

  it('accepts a valid call from the app window’s top frame', async () => {
    const result = await invoke('app:info', eventFrom(appContents, mainFrame));
    expect(result).toEqual({ ok: true, value: { mode: 'desktop', version: '1.2.3', platform: 'linux' } });
    await invoke('tray:update', eventFrom(appContents, mainFrame), { next: [{ title: 'Keynote', when: '09:00', sessionRef: 's1' }] });
    expect(handlers['tray:update']).toHaveBeenCalledWith({ next: [{ title: 'Keynote', when: '09:00', sessionRef: 's1' }] });
  });

  it('rejects a top frame from another origin', async () => {
    const foreign: FakeFrame = { url: 'https://evil.example/', parent: null };
    const result = await invoke('app:info', eventFrom({ mainFrame: foreign }, foreign));
    expect(result.ok).toBe(false);
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('rejects the app window once it has been navigated elsewhere', () => {
    const navigated = { mainFrame: { url: 'https://evil.example/', parent: null } };
    const problem = senderProblem(eventFrom(navigated, navigated.mainFrame), navigated as unknown as WebContents);
    expect(problem).toMatch(/app itself/);
  });

  it('rejects a subframe, even one on the app origin', async () => {
    const sub: FakeFrame = { url: 'app://lanyard/index.html', parent: mainFrame };
    const result = await invoke('files:open-feed', eventFrom(appContents, sub));
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/top frame/) as unknown } });
    expect(handlers['files:open-feed']).not.toHaveBeenCalled();
  });

  it('rejects a missing frame and a different window', async () => {
    expect((await invoke('app:info', eventFrom(appContents, null))).ok).toBe(false);
    const otherWindow = { mainFrame: { url: 'app://lanyard/index.html', parent: null } };
    expect((await invoke('app:info', eventFrom(otherWindow, otherWindow.mainFrame))).ok).toBe(false);
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('rejects invalid arguments before any handler runs', async () => {
    const event = eventFrom(appContents, mainFrame);
    for (const args of [[], [{ url: 5 }], [{ url: 'https://x.example/', extra: true }], [{ url: 'https://x.example/' }, 'more']]) {
      const result = await invoke('feeds:fetch', event, ...args);
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Invalid arguments/) as unknown } });
    }
    const tooMany = await invoke('tray:update', event, { next: Array.from({ length: 11 }, () => ({ title: 't', when: 'w', sessionRef: 'r' })) });
    expect(tooMany.ok).toBe(false);
    expect(handlers['feeds:fetch']).not.toHaveBeenCalled();
    expect(handlers['tray:update']).not.toHaveBeenCalled();
  });

  it('answers a failing handler with {ok:false} instead of throwing', async () => {
    const result = await invoke('feeds:fetch', eventFrom(appContents, mainFrame), { url: 'https://x.example/feed.json' });
    expect(result).toEqual({ ok: false, error: { message: 'The server said no' } });
  });
});

describe('host events', () => {
  it('sends payloads that match the contract and drops those that do not', () => {
    const send = vi.fn();
    const contents = { send, isDestroyed: () => false } as unknown as WebContents;
    expect(sendHostEvent(contents, 'links:subscribe', { url: 'https://x.example/feed.ics' })).toBe(true);
    expect(send).toHaveBeenCalledWith('links:subscribe', { url: 'https://x.example/feed.ics' });
    expect(sendHostEvent(contents, 'tray:open-session', { sessionRef: 'x'.repeat(701) })).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
