// Bundles the Electron main process and the preload (npm run build:desktop).
// main:    ESM (package.json "type": "module"; Electron >= 28 loads an ESM main), paths from import.meta.url.
// preload: CommonJS in one file, because sandboxed preloads cannot load ES modules or other files;
//          platform "browser" so that any accidental Node import fails the build instead of the app.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const common = { absWorkingDir: root, bundle: true, external: ['electron'], sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'dist/main/index.js',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Bundled CommonJS dependencies may still call require(); give them one.
    banner: { js: "import { createRequire as __lanyardCreateRequire } from 'node:module';\nconst require = __lanyardCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.js',
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
  }),
]);
// The root package.json says "type": "module"; keep the preload's .js read as CommonJS wherever it is loaded.
await mkdir(join(root, 'dist', 'preload'), { recursive: true });
await writeFile(join(root, 'dist', 'preload', 'package.json'), '{ "type": "commonjs" }\n');
console.log('Built dist/main/index.js and dist/preload/index.js');
