// `npm start`: the desktop app where Electron can be had, web mode otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * The Electron binary, if it was downloaded. Never `require('electron')`: when the binary is
 * missing that starts a download, which cannot work on a machine without internet access.
 */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = electronBinary();
const desktopEntry = join(root, 'dist', 'main', 'index.js');
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
if (electron) run(process.execPath, [join(root, 'scripts', 'build-desktop.mjs')]);
if (electron && existsSync(desktopEntry)) {
  spawn(electron, [desktopEntry], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not available on this machine, so Lanyard starts in web mode instead.');
  spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'web', 'run.ts')], { cwd: root, stdio: 'inherit' })
    .on('exit', (code) => process.exit(code ?? 0));
}
