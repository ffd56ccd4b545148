import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** electron-builder.yml as electron-builder itself reads it (with package.json's metadata). */
async function config(): Promise<Configuration> {
  return getConfig(ROOT, 'electron-builder.yml', null);
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The `files` patterns, however electron-builder normalised them. */
const filesOf = (c: Configuration): string[] =>
  [c.files ?? []].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));

const targetsOf = (target: unknown): string[] =>
  (Array.isArray(target) ? target : [target]).map((t: unknown) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(await config(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt option is refused', async () => {
    const broken = { ...(await config()), linux: { targett: ['AppImage'] } } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/);
  });

  it('builds AppImage, deb and rpm on Linux, dmg on macOS and NSIS on Windows', async () => {
    const c = await config();
    expect(targetsOf(c.linux?.target).sort()).toEqual(['AppImage', 'deb', 'rpm']);
    expect(targetsOf(c.mac?.target)).toEqual(['dmg']);
    expect(targetsOf(c.win?.target)).toEqual(['nsis']);
  });

  it('registers the lanyard:// and webcal:// protocols', async () => {
    const protocols = [(await config()).protocols ?? []].flat();
    expect(protocols.flatMap((p) => p.schemes).sort()).toEqual(['lanyard', 'webcal']);
  });

  it('ships the icons in assets/ at the sizes each platform wants', async () => {
    const c = await config();
    for (const [icon, size] of [[c.linux?.icon, 512], [c.mac?.icon, 512], [c.win?.icon, 256]] as const) {
      expect(icon).toMatch(/^assets\/icons\//);
      expect(pngSize(join(ROOT, icon!))).toEqual({ width: size, height: size });
    }
    expect(filesOf(c)).toContain('assets/**');
  });

  it('packs the bundles the desktop build writes, starts the main bundle, and flips the fuses after packing', async () => {
    const c = await config();
    const build = readFileSync(join(ROOT, 'scripts/build-desktop.mjs'), 'utf8');
    const main = (c.extraMetadata as { main?: string } | undefined)?.main;
    expect(main).toBe('dist/main/index.js');
    expect(build).toContain(`outfile: '${main}'`);
    expect(build).toContain("outfile: 'dist/preload/index.js'");
    expect(filesOf(c)).toContain('dist/**');
    expect(c.asar).toBe(true);
    expect(c.afterPack).toBe('scripts/fuses.cjs');
    expect(existsSync(join(ROOT, 'scripts/fuses.cjs'))).toBe(true);
  });
});
