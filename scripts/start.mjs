// `npm start`: the desktop app where Electron can be had, web mode otherwise.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { desktopUnavailable, electronBinary, startDesktopOrWeb } from './start-lib.mjs';

const root = join(import.meta.dirname, '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = electronBinary(root);
const desktopEntry = join(root, 'dist', 'main', 'index.js');
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
if (electron) run(process.execPath, [join(root, 'scripts', 'build-desktop.mjs')]);
const code = await startDesktopOrWeb({
  cwd: root,
  desktop: { command: electron ?? '', args: [desktopEntry] },
  web: { command: process.execPath, args: [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'web', 'run.ts')] },
  unavailable: desktopUnavailable({ electron, desktopEntry, platform: process.platform, env: process.env }),
});
process.exit(code);
