// The decisions behind `npm start` (scripts/start.mjs), apart so they can be tested with real processes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A desktop app that exits with an error this soon never really started (missing libraries, no display). */
export const EARLY_EXIT_MS = 8_000;

/**
 * The Electron binary, if it was downloaded. Never `require('electron')`: when the binary is
 * missing that starts a download, which cannot work on a machine without internet access.
 */
export function electronBinary(root) {
  try {
    const require = createRequire(join(root, 'package.json'));
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Why the desktop app cannot start here, in one sentence, or undefined when it may. */
export function desktopUnavailable({ electron, desktopEntry, platform, env }) {
  if (!electron) return 'The Electron runtime is not available on this machine, so Lanyard starts in web mode instead.';
  if (!existsSync(desktopEntry)) return `The desktop build (${desktopEntry}) is missing, so Lanyard starts in web mode instead.`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'There is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so Lanyard starts in web mode instead.';
  return undefined;
}

/**
 * Starts the desktop app, or web mode with a one-sentence reason when the desktop app cannot
 * be had or fails as it starts. Resolves with the exit code to leave with.
 */
export function startDesktopOrWeb({ desktop, web, unavailable, log = console.log, earlyExitMs = EARLY_EXIT_MS, cwd }) {
  const runWeb = (reason) =>
    new Promise((resolve) => {
      log(reason);
      spawn(web.command, web.args, { cwd, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 0));
    });
  if (unavailable) return runWeb(unavailable);
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(desktop.command, desktop.args, { cwd, stdio: 'inherit' });
    child.on('error', (error) => resolve(runWeb(`The desktop app could not be started (${error.message}), so Lanyard starts in web mode instead.`)));
    child.on('exit', (code, signal) => {
      const failed = (code !== null && code !== 0) || (signal !== null && signal !== 'SIGINT' && signal !== 'SIGTERM');
      if (failed && Date.now() - started < earlyExitMs) {
        resolve(runWeb(`The desktop app stopped as it started (${code !== null ? `exit code ${code}` : signal}), so Lanyard starts in web mode instead.`));
      } else resolve(code ?? 0);
    });
  });
}
