import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../renderer/src/sync/hash';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the content hash that recognises a held revision', () => {
  it('is SHA-256 in hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('falls back to a non-cryptographic hash that still tells texts apart where Web Crypto is missing', async () => {
    vi.stubGlobal('crypto', undefined);
    const a = await sha256Hex('{"sessions":[1,2,3]}');
    expect(a).toMatch(/^x[0-9a-f]{28}$/);
    expect(await sha256Hex('{"sessions":[1,2,3]}')).toBe(a);
    expect(await sha256Hex('{"sessions":[1,2,4]}')).not.toBe(a);
  });
});
