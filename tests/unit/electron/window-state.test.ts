import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { readWindowState, restoreBounds, trackWindowState, writeWindowState } from '../../../main/electron/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('restoring window bounds', () => {
  it('keeps bounds that fit on a display', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(restoreBounds(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('restores onto a second display that still exists', () => {
    const saved = { x: 2000, y: 0, width: 1200, height: 900, isMaximized: true };
    expect(restoreBounds(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const saved = { x: 2000, y: 0, width: 1200, height: 900, isMaximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({ width: 1200, height: 875, isMaximized: false });
  });

  it('pulls a window that hangs off the edge fully back on screen', () => {
    const saved = { x: 1200, y: 700, width: 800, height: 600, isMaximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({ x: 640, y: 275, width: 800, height: 600, isMaximized: false });
  });

  it('treats a sliver on screen as off screen', () => {
    const saved = { x: 1400, y: 10, width: 800, height: 600, isMaximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).not.toHaveProperty('x');
  });

  it('shrinks a window larger than the display and enforces a minimum size', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 5000, height: 4000, isMaximized: false }, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1440, height: 875, isMaximized: false });
    expect(restoreBounds({ x: 10, y: 10, width: 200, height: 150, isMaximized: false }, [laptop], laptop)).toMatchObject({ width: 640, height: 480 });
  });

  it('falls back to the default size for missing or malformed state', () => {
    for (const saved of [undefined, null, 'x', { x: 'a' }, { x: 0, y: 0, width: -5, height: 10, isMaximized: false }, { x: Number.NaN, y: 0, width: 800, height: 600, isMaximized: false }]) {
      expect(restoreBounds(saved, [laptop], laptop)).toEqual({ width: 1200, height: 800, isMaximized: false });
    }
  });
});

describe('saving window bounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-window-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically and reads back, leaving no temporary files', async () => {
    const file = join(dir, 'window-state.json');
    await writeWindowState(file, { x: 1, y: 2, width: 900, height: 700, isMaximized: false });
    await writeWindowState(file, { x: 3, y: 4, width: 901, height: 701, isMaximized: true });
    expect(await readWindowState(file)).toEqual({ x: 3, y: 4, width: 901, height: 701, isMaximized: true });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
    expect(await readWindowState(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('saves the normal bounds when the window closes', async () => {
    const file = join(dir, 'closing.json');
    const listeners = new Map<string, () => void>();
    const win = {
      on: (name: string, listener: () => void) => listeners.set(name, listener),
      isDestroyed: () => false,
      isMaximized: () => true,
      getNormalBounds: () => ({ x: 5, y: 6, width: 1000, height: 800 }),
    };
    trackWindowState(win as unknown as BrowserWindow, file);
    listeners.get('close')?.();
    expect(await readWindowState(file)).toEqual({ x: 5, y: 6, width: 1000, height: 800, isMaximized: true });
  });
});
