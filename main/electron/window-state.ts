import { renameSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Where the window opens; x/y absent means "let Electron centre it". */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;
/** How much of the window must already be on a display for its saved position to be kept. */
const MIN_VISIBLE = { width: 160, height: 120 } as const;

const SavedBounds = z.object({
  x: z.number().int().finite(),
  y: z.number().int().finite(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  isMaximized: z.boolean(),
});
export type SavedBounds = z.infer<typeof SavedBounds>;

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Puts remembered bounds back on a screen that exists now: monitors get unplugged and
 * resolutions change, and a window restored off-screen looks like an app that never started.
 * Pure, so the rules are unit-tested without Electron.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rect[], primary: Rect | undefined): WindowBounds {
  const parsed = SavedBounds.safeParse(saved);
  const fallbackArea = primary ?? workAreas[0];
  const fit = (width: number, height: number, area: Rect | undefined) => ({
    width: area ? clamp(width, Math.min(MIN_SIZE.width, area.width), area.width) : Math.max(width, MIN_SIZE.width),
    height: area ? clamp(height, Math.min(MIN_SIZE.height, area.height), area.height) : Math.max(height, MIN_SIZE.height),
  });
  if (!parsed.success) return { ...fit(DEFAULT_SIZE.width, DEFAULT_SIZE.height, fallbackArea), isMaximized: false };
  const s = parsed.data;
  let best: { area: Rect; visible: number } | undefined;
  for (const area of workAreas) {
    const shared = overlap(s, area);
    const visible = shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height ? shared.width * shared.height : 0;
    if (visible > 0 && (!best || visible > best.visible)) best = { area, visible };
  }
  if (!best) return { ...fit(s.width, s.height, fallbackArea), isMaximized: s.isMaximized };
  const { area } = best;
  const size = fit(s.width, s.height, area);
  return {
    x: clamp(s.x, area.x, area.x + area.width - size.width),
    y: clamp(s.y, area.y, area.y + area.height - size.height),
    ...size,
    isMaximized: s.isMaximized,
  };
}

/** The saved state, or undefined when there is none or it is unreadable (restoreBounds copes). */
export async function readWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

let writes = 0;
function tempName(file: string): string {
  writes += 1;
  return `${file}.${process.pid}.${writes}.tmp`;
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
export async function writeWindowState(file: string, bounds: SavedBounds): Promise<void> {
  const temp = tempName(file);
  await writeFile(temp, `${JSON.stringify(bounds)}\n`, 'utf8');
  await rename(temp, file);
}

/** The same atomic write, synchronously, for the moment the window closes. */
function writeWindowStateSync(file: string, bounds: SavedBounds): void {
  try {
    const temp = tempName(file);
    writeFileSync(temp, `${JSON.stringify(bounds)}\n`, 'utf8');
    renameSync(temp, file);
  } catch {
    // A lost window position is not worth failing to quit over.
  }
}

function currentBounds(win: BrowserWindow): SavedBounds {
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, isMaximized: win.isMaximized() };
}

/** Saves the window's normal (un-maximised) bounds shortly after each move/resize and on close. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (!win.isDestroyed()) writeWindowState(file, currentBounds(win)).catch(() => undefined);
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  // On close the write is synchronous: the process may exit before an async one lands.
  win.on('close', () => {
    clearTimeout(timer);
    if (!win.isDestroyed()) writeWindowStateSync(file, currentBounds(win));
  });
}
