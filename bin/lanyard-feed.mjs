#!/usr/bin/env node
// Runs the bundled CLI; builds it first when it is missing (a checkout where
// `npm install` skipped the prepare step).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'lanyard-feed.mjs');
if (!existsSync(bundle)) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
  });
}
await import(pathToFileURL(bundle).href);
