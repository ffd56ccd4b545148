import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { desktopUnavailable, startDesktopOrWeb } from '../../../scripts/start-lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'lanyard-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real Node process standing in for Electron or web mode: it leaves a mark file and exits with `code`. */
function program(name: string, code: number, delayMs = 0): { command: string; args: string[]; ran: () => boolean } {
  const mark = join(dir, `${name}.ran`);
  const script = `require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'x'); setTimeout(() => process.exit(${code}), ${delayMs});`;
  return {
    command: process.execPath,
    args: ['-e', script],
    ran: () => {
      try {
        rmSync(mark);
        return true;
      } catch {
        return false;
      }
    },
  };
}

function logger(): { log: (line: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { log: (line) => lines.push(line), lines };
}

describe('npm start', () => {
  it('says in one sentence why there is no desktop app', () => {
    const entry = join(dir, 'index.js');
    writeFileSync(entry, '');
    const display = { DISPLAY: ':0' };
    expect(desktopUnavailable({ electron: undefined, desktopEntry: entry, platform: 'linux', env: display })).toBe('The Electron runtime is not available on this machine, so Lanyard starts in web mode instead.');
    expect(desktopUnavailable({ electron: '/opt/electron', desktopEntry: join(dir, 'missing.js'), platform: 'linux', env: display })).toMatch(/^The desktop build \(.*missing\.js\) is missing, so Lanyard starts in web mode instead\.$/);
    expect(desktopUnavailable({ electron: '/opt/electron', desktopEntry: entry, platform: 'linux', env: {} })).toMatch(/no graphical display/);
    expect(desktopUnavailable({ electron: '/opt/electron', desktopEntry: entry, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBeUndefined();
    expect(desktopUnavailable({ electron: '/opt/electron', desktopEntry: entry, platform: 'darwin', env: {} })).toBeUndefined();
  });

  it('starts web mode with the reason when the desktop app cannot be had', async () => {
    const web = program('web-a', 0);
    const { log, lines } = logger();
    expect(await startDesktopOrWeb({ desktop: { command: '', args: [] }, web, unavailable: 'No Electron here, so web mode.', log })).toBe(0);
    expect(web.ran()).toBe(true);
    expect(lines).toEqual(['No Electron here, so web mode.']);
  });

  it('falls back to web mode when the desktop app fails as it starts', async () => {
    const desktop = program('desktop-b', 127);
    const web = program('web-b', 0);
    const { log, lines } = logger();
    expect(await startDesktopOrWeb({ desktop, web, unavailable: undefined, log })).toBe(0);
    expect(desktop.ran()).toBe(true);
    expect(web.ran()).toBe(true);
    expect(lines).toEqual(['The desktop app stopped as it started (exit code 127), so Lanyard starts in web mode instead.']);
  });

  it('falls back to web mode when the desktop binary cannot even be run', async () => {
    const web = program('web-c', 0);
    const { log, lines } = logger();
    expect(await startDesktopOrWeb({ desktop: { command: join(dir, 'no-such-electron'), args: [] }, web, unavailable: undefined, log })).toBe(0);
    expect(web.ran()).toBe(true);
    expect(lines[0]).toMatch(/^The desktop app could not be started \(.*ENOENT.*\), so Lanyard starts in web mode instead\.$/);
  });

  it('does not start web mode when the desktop app runs and is quit, or fails long after starting', async () => {
    const quit = program('desktop-d', 0);
    const web = program('web-d', 0);
    const { log, lines } = logger();
    expect(await startDesktopOrWeb({ desktop: quit, web, unavailable: undefined, log })).toBe(0);
    const crash = program('desktop-e', 2, 300);
    expect(await startDesktopOrWeb({ desktop: crash, web, unavailable: undefined, log, earlyExitMs: 100 })).toBe(2);
    expect(quit.ran() && crash.ran()).toBe(true);
    expect(web.ran()).toBe(false);
    expect(lines).toEqual([]);
  });
});
