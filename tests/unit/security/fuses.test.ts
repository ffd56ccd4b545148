import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const afterPack = require('../../../scripts/fuses.cjs') as { FUSES: Record<string | number, unknown> };

describe('Electron fuses flipped at packaging time', () => {
  it('turns off running as Node, NODE_OPTIONS, the inspector and file:// extra privileges; turns on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    expect(afterPack.FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('runs as electron-builder\'s afterPack hook', () => {
    expect(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')).toMatch(/^afterPack: scripts\/fuses\.cjs$/m);
    expect(typeof afterPack).toBe('function');
  });
});
