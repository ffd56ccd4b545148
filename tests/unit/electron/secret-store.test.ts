import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptString: (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptString: (data: Buffer) => [...data.toString().replace(/^sealed:/, '')].reverse().join(''),
  },
}));

const { keyringSecrets } = await import('../../../main/electron/secret-store');

describe('the CalDAV password on the desktop', () => {
  beforeEach(() => {
    fake.available = true;
    fake.backend = 'gnome_libsecret';
  });

  it('is sealed with safeStorage when the system keyring is there', () => {
    const store = keyringSecrets();
    expect(store.kind).toBe('keyring');
    const sealed = store.seal('conference-2026');
    expect(sealed).not.toContain('conference-2026');
    expect(store.open(sealed)).toBe('conference-2026');
  });

  it('falls back to the private file (said in the status) when there is no keyring, or only Chromium’s plain-text backend', () => {
    fake.available = false;
    expect(keyringSecrets().kind).toBe('file');
    fake.available = true;
    fake.backend = 'basic_text';
    expect(keyringSecrets().kind).toBe('file');
  });
});
