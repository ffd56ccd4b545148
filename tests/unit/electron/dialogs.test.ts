import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ result: { canceled: true, filePaths: [] as string[] }, options: [] as unknown[] }));
vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: (...args: unknown[]) => {
      fake.options.push(args.at(-1));
      return Promise.resolve(fake.result);
    },
  },
}));

const { chooseSyncFolder, FEED_FILE_OPTIONS, MAX_FEED_FILE_BYTES, openFeedFile, readFeedFile } = await import('../../../main/electron/dialogs');

const dir = mkdtempSync(join(tmpdir(), 'lanyard-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a feed file', () => {
  it('offers the schedule formats', () => {
    expect(FEED_FILE_OPTIONS.filters?.[0]?.extensions).toEqual(['xml', 'json', 'ics', 'xcal']);
  });

  it('returns null when the person cancels', async () => {
    fake.result = { canceled: true, filePaths: [] };
    expect(await openFeedFile()).toBeNull();
    expect(fake.options.at(-1)).toBe(FEED_FILE_OPTIONS);
  });

  it('reads the chosen file as text with its name', async () => {
    const path = join(dir, 'schedule.ics');
    writeFileSync(path, '\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    fake.result = { canceled: false, filePaths: [path] };
    expect(await openFeedFile()).toEqual({ name: 'schedule.ics', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
  });

  it('reads the file in its own encoding: UTF-16 with a byte-order mark, a declared ISO-8859-1', async () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><schedule><title>Größe</title></schedule>';
    const utf16be = join(dir, 'utf16.xml');
    writeFileSync(utf16be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    expect((await readFeedFile(utf16be)).text).toBe(text);
    const latin1 = join(dir, 'latin1.xml');
    writeFileSync(latin1, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Größe</t>', 'latin1'));
    expect((await readFeedFile(latin1)).text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>Größe</t>');
  });

  it('refuses files over 32 MB and things that are not files', async () => {
    const big = join(dir, 'huge.xml');
    writeFileSync(big, '');
    truncateSync(big, MAX_FEED_FILE_BYTES + 1);
    await expect(readFeedFile(big)).rejects.toThrow(/32 MB/);
    await expect(readFeedFile(dir)).rejects.toThrow();
  });
});

describe('choosing the sync folder', () => {
  it('asks for a folder (one may be created) and returns its path, or null when the person cancels', async () => {
    fake.result = { canceled: false, filePaths: [dir] };
    expect(await chooseSyncFolder()).toBe(dir);
    expect(fake.options.at(-1)).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    fake.result = { canceled: true, filePaths: [] };
    expect(await chooseSyncFolder()).toBeNull();
  });
});
