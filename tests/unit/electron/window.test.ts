import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  created: [] as Array<{ options: Record<string, unknown>; loaded: string[]; maximized: boolean }>,
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly record: { options: Record<string, unknown>; loaded: string[]; maximized: boolean };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], maximized: false };
      fake.created.push(this.record);
    }
    maximize(): void {
      this.record.maximized = true;
    }
    once(): this {
      return this;
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, mainWebPreferences } = await import('../../../main/electron/window');

describe('main window', () => {
  beforeEach(() => {
    fake.created.length = 0;
  });

  it('writes out every security-relevant web preference', () => {
    const prefs = mainWebPreferences('/app/dist/preload/index.js');
    expect(prefs.preload).toBe('/app/dist/preload/index.js');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('creates the window with those preferences and loads the app origin', () => {
    createMainWindow({ preloadPath: '/p.js', bounds: { x: 10, y: 20, width: 900, height: 700, isMaximized: true } });
    const [record] = fake.created;
    expect(record?.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false });
    expect(record?.options.webPreferences).toEqual(mainWebPreferences('/p.js'));
    expect(record?.loaded).toEqual(['app://lanyard/index.html']);
    expect(record?.maximized).toBe(true);
  });

  it('lets Electron centre the window when no position is known', () => {
    createMainWindow({ preloadPath: '/p.js', bounds: { width: 900, height: 700, isMaximized: false } });
    expect(fake.created[0]?.options).not.toHaveProperty('x');
    expect(fake.created[0]?.options).not.toHaveProperty('y');
  });
});
