#!/usr/bin/env node
// Runs the bundled CLI, (re)building it first when it is missing or older than its
// sources (a fresh checkout, a `git pull`, or an install that skipped `prepare`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'lanyard-feed.mjs');

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['cli', 'core', join('main', 'services')].map((d) => newestSource(join(root, d)));
if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...sources)) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'cli', 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // undici is CommonJS that requires Node built-ins, which an ESM bundle cannot; load it from node_modules.
    external: ['undici'],
    outfile: bundle,
    logLevel: 'warning',
    // Bundled CommonJS dependencies (mqtt's Node transports) call require(); ESM has none of its own.
    banner: { js: "import { createRequire as lanyardRequire } from 'node:module'; const require = lanyardRequire(import.meta.url);" },
  });
}
await import(pathToFileURL(bundle).href);
