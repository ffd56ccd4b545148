import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CONTRACT } from '../../../core/host/contract';

type Fn = (...args: unknown[]) => void;
const fake = vi.hoisted(() => {
  const state = {
    isPrimary: true,
    userData: '',
    resolveReady: (() => undefined) as () => void,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    powerListeners: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as Array<{ options: Record<string, unknown>; contentsListeners: Map<string, () => void>; send: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> }>,
    calls: [] as string[],
    channels: [] as string[],
    quit: vi.fn(),
  };
  return state;
});

vi.mock('electron', () => {
  const record = (name: string) => (...args: unknown[]) => {
    fake.calls.push(`${name}${typeof args[0] === 'string' ? `:${args[0]}` : ''}`);
  };
  class BrowserWindow {
    readonly webContents: { on: Fn; send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean };
    readonly focus = vi.fn();
    constructor(options: Record<string, unknown>) {
      const contentsListeners = new Map<string, () => void>();
      const send = vi.fn();
      this.webContents = { on: (name, listener) => contentsListeners.set(name as string, listener as () => void), send, isDestroyed: () => false };
      fake.windows.push({ options, contentsListeners, send, focus: this.focus });
    }
    on(): void {}
    once(): void {}
    maximize(): void {}
    isMinimized(): boolean {
      return false;
    }
    show(): void {}
    loadURL(url: string): Promise<void> {
      fake.calls.push(`loadURL:${url}`);
      return Promise.resolve();
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => fake.isPrimary,
      on: (name: string, listener: Fn) => fake.appListeners.set(name, listener),
      quit: fake.quit,
      exit: vi.fn(),
      whenReady: () => new Promise<void>((resolve) => (fake.resolveReady = resolve)),
      getVersion: () => '0.1.0',
      getPath: () => fake.userData,
      setAsDefaultProtocolClient: record('setAsDefaultProtocolClient'),
    },
    protocol: { registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }], getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
    ipcMain: { handle: (channel: string) => fake.channels.push(channel) },
    BrowserWindow,
    Tray: class {
      setToolTip(): void {}
      on(): void {}
      isDestroyed(): boolean {
        return false;
      }
      setContextMenu(): void {}
    },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: record('setApplicationMenu') },
    nativeImage: { createFromPath: () => ({}) },
    dialog: { showOpenDialog: vi.fn() },
    powerMonitor: { on: (name: string, listener: Fn) => fake.powerListeners.set(name, listener) },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: vi.fn(), decryptString: vi.fn() },
  };
});

const userData = mkdtempSync(join(tmpdir(), 'lanyard-entry-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));
/** Waits until the app, once ready, has opened its window and set its menu (a busy machine may take a while). */
const flush = () => vi.waitFor(() => expect(fake.calls).toContain('setApplicationMenu'), { timeout: 10_000 });

async function start(argv: string[]): Promise<void> {
  const saved = process.argv;
  process.argv = [...saved.slice(0, 2), ...argv];
  try {
    await import('../../../main/electron/index');
  } finally {
    process.argv = saved;
  }
}

describe('the main process entry', () => {
  beforeEach(() => {
    vi.resetModules();
    Object.assign(fake, { isPrimary: true, userData, windows: [], calls: [], channels: [] });
    fake.appListeners.clear();
    fake.powerListeners.clear();
    fake.quit.mockClear();
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.isPrimary = false;
    await start(['webcal://example.org/a.ics']);
    expect(fake.quit).toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
  });

  it('registers the scheme before ready, then opens the window, IPC and link delivery', async () => {
    await start(['--some-flag', 'webcal://example.org/first.ics']);
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'setAsDefaultProtocolClient:lanyard', 'setAsDefaultProtocolClient:webcal']);
    fake.resolveReady();
    await flush();
    expect(fake.calls).toContain('protocol.handle:app');
    expect(fake.calls).toContain('loadURL:app://lanyard/index.html');
    expect(fake.calls).toContain('setApplicationMenu');
    expect(fake.channels.sort()).toEqual(Object.keys(HOST_CONTRACT).sort());
    const [win] = fake.windows;
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/[\\/]preload[\\/]index\.js$/);
    expect(win?.send).not.toHaveBeenCalled();
    win?.contentsListeners.get('did-finish-load')?.();
    expect(win?.send).toHaveBeenCalledWith('links:subscribe', { url: 'https://example.org/first.ics' });
    fake.appListeners.get('second-instance')?.({}, ['/opt/lanyard', 'lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Fsecond.json'], '/', {});
    expect(win?.focus).toHaveBeenCalled();
    expect(win?.send).toHaveBeenLastCalledWith('links:subscribe', { url: 'https://example.org/second.json' });
  });

  it('tells the window when the computer wakes from sleep', async () => {
    await start([]);
    fake.resolveReady();
    await flush();
    const [win] = fake.windows;
    expect(fake.powerListeners.has('resume')).toBe(true);
    fake.powerListeners.get('resume')?.();
    expect(win?.send).toHaveBeenCalledWith('power:resume', {});
  });
});
