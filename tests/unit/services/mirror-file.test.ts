import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializePersonalData } from '../../../core/personal/io';
import type { PersonalData } from '../../../core/personal/model';
import { createMirrorFile, MIRROR_FILE, MIRROR_PREVIOUS, webDataDir } from '../../../main/services/mirror-file';
import { agendaEntry, personalData, urlSubscription } from '../support/personal';

let dir: string;
const figures = { storageFaultsTried: 0, storageFaultsSurvived: 0 };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lanyard-mirror-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  mkdirSync('reports/trust', { recursive: true });
  writeFileSync('reports/trust/mirror-file.json', `${JSON.stringify({ figures }, null, 2)}\n`);
});

/** Counts a storage fault as tried, and as survived only when the check after it passes. */
async function fault(check: () => Promise<void>): Promise<void> {
  figures.storageFaultsTried += 1;
  await check();
  figures.storageFaultsSurvived += 1;
}

const first = (): PersonalData => personalData({ subscriptions: [urlSubscription('fosdem-2024')], agenda: [agendaEntry('fosdem-2024', 'a'), agendaEntry('fosdem-2024', 'b')], savedAt: 1 });
const second = (): PersonalData => personalData({ subscriptions: [urlSubscription('fosdem-2024')], agenda: [agendaEntry('fosdem-2024', 'a'), agendaEntry('fosdem-2024', 'b'), agendaEntry('fosdem-2024', 'c', { note: 'third' })], savedAt: 2 });
const files = (): string[] => readdirSync(dir).sort();
const current = (): string => join(dir, MIRROR_FILE);

describe('the personal-data mirror file', () => {
  it('writes, reads back, and keeps the previous good copy', async () => {
    let clock = 1_000;
    const mirror = createMirrorFile(dir, { now: () => clock });
    expect(await mirror.read()).toMatchObject({ data: null, source: 'none' });
    await mirror.write(first());
    clock = 2_000;
    const written = await mirror.write(second());
    expect(written).toMatchObject({ path: current(), writtenAt: 2_000 });
    expect(files()).toEqual([MIRROR_FILE, MIRROR_PREVIOUS]);
    const read = await mirror.read();
    expect(read.source).toBe('current');
    expect(read.data?.agenda.map((e) => e.sessionId)).toEqual(['a', 'b', 'c']);
    expect(read.writtenAt).toBe(2_000);
    const prev = JSON.parse(readFileSync(join(dir, MIRROR_PREVIOUS), 'utf8')) as { data: PersonalData; writtenAt: number };
    expect(prev.data.agenda).toHaveLength(2);
    expect(await mirror.status()).toMatchObject({ path: current(), writtenAt: 2_000, hasPrevious: true });
  });

  it('detects a half-written file, uses the previous copy and keeps the bad one aside', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir, { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
      await mirror.write(first());
      await mirror.write(second());
      const text = readFileSync(current(), 'utf8');
      writeFileSync(current(), text.slice(0, Math.floor(text.length / 2)));
      const read = await mirror.read();
      expect(read.source).toBe('previous');
      expect(read.data?.agenda).toHaveLength(2);
      expect(read.problem).toMatch(/not complete JSON/);
      const aside = files().find((n) => n.startsWith('personal-data.corrupt-'));
      expect(aside).toBe('personal-data.corrupt-2026-01-02T03-04-05-000Z.json');
      expect(readFileSync(join(dir, aside!), 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
      expect(read.problem).toContain(aside);
    });
  });

  it('detects damaged bytes through the checksum even when the JSON still parses', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      await mirror.write(second());
      writeFileSync(current(), readFileSync(current(), 'utf8').replace('"third"', '"thirD"'));
      const read = await mirror.read();
      expect(read.source).toBe('previous');
      expect(read.problem).toMatch(/checksum does not match/);
    });
  });

  it('detects a file whose checksum matches but whose contents are not personal data', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      await mirror.write(second());
      const { createHash } = await import('node:crypto');
      const data = { format: 'lanyard-personal', version: 1, savedAt: 1, subscriptions: [], agenda: [{ conferenceId: '' }], prefs: [], watchLater: [] };
      const payload = JSON.stringify(data);
      writeFileSync(current(), JSON.stringify({ format: 'lanyard-mirror', version: 1, writtenAt: 5, sha256: createHash('sha256').update(payload).digest('hex'), data }));
      const read = await mirror.read();
      expect(read.source).toBe('previous');
      expect(read.problem).toMatch(/not valid personal data: .*\(at agenda\[0\]/);
    });
  });

  it('detects an empty (zero-byte) current file and a file of another kind', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      await mirror.write(second());
      writeFileSync(current(), '');
      expect(await mirror.read()).toMatchObject({ source: 'previous', problem: expect.stringMatching(/empty/) as unknown });
    });
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(second());
      writeFileSync(current(), serializePersonalData(second()));
      expect(await mirror.read()).toMatchObject({ source: 'previous', problem: expect.stringMatching(/not a Lanyard mirror file/) as unknown });
    });
  });

  it('falls back to the previous copy when the current file is missing, and reports when both are damaged', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      await mirror.write(second());
      rmSync(current());
      const read = await mirror.read();
      expect(read).toMatchObject({ source: 'previous', problem: expect.stringMatching(/missing/) as unknown });
      expect(read.data?.agenda).toHaveLength(2);
    });
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      await mirror.write(second());
      writeFileSync(current(), '{"format":');
      writeFileSync(join(dir, MIRROR_PREVIOUS), 'garbage');
      const read = await mirror.read();
      expect(read.data).toBeNull();
      expect(read.source).toBe('none');
      const currentAside = files().filter((n) => n.startsWith('personal-data.corrupt-'));
      const previousAside = files().filter((n) => n.startsWith('personal-data.prev.corrupt-'));
      expect([currentAside, previousAside].map((names) => names.length)).toEqual([1, 1]);
      expect(read.problem).toBe(
        `Your stars, notes, reminder settings, watch list and subscriptions could not be restored from the backup copy: both backup files are damaged (${MIRROR_FILE}: it is not complete JSON (a write was cut short or the bytes are damaged); ` +
          `${MIRROR_PREVIOUS}: it is not complete JSON (a write was cut short or the bytes are damaged)). ` +
          `Both were kept, untouched, as ${join(dir, currentAside[0]!)} and ${join(dir, previousAside[0]!)}.`,
      );
      // The next changes (a new, smaller agenda) never overwrite either damaged copy.
      await mirror.write(personalData({ agenda: [agendaEntry('fosdem-2024', 'z')] }));
      await mirror.write(personalData({ agenda: [agendaEntry('fosdem-2024', 'z'), agendaEntry('fosdem-2024', 'y')] }));
      expect(readFileSync(join(dir, currentAside[0]!), 'utf8')).toBe('{"format":');
      expect(readFileSync(join(dir, previousAside[0]!), 'utf8')).toBe('garbage');
    });
  });

  it('removes the temporary file when a write fails half-way (disk full), and leaves the current copy whole', async () => {
    await fault(async () => {
      let full = false;
      const mirror = createMirrorFile(dir, {
        writeText: async (handle, text) => {
          if (!full) return handle.writeFile(text, 'utf8');
          await handle.writeFile(text.slice(0, 100), 'utf8');
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
      await mirror.write(first());
      full = true;
      await expect(mirror.write(second())).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(files()).toEqual([MIRROR_FILE]);
      expect((await mirror.read()).data?.agenda).toHaveLength(2);
      full = false;
      await mirror.write(second());
      expect((await mirror.read()).data?.agenda).toHaveLength(3);
    });
  });

  it('never replaces a non-empty mirror with an empty dataset unless asked', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(second());
      const wiped = personalData({ subscriptions: [{ id: 'centos-connect-2023', source: 'sample', addedAt: 9, archived: 0 }] });
      await expect(mirror.write(wiped)).rejects.toThrow(/Refusing to replace the backup copy/);
      expect((await mirror.read()).data?.agenda).toHaveLength(3);
      await mirror.write(wiped, { allowEmpty: true });
      expect((await mirror.read()).data?.agenda).toHaveLength(0);
    });
    // An empty first write is fine: there is nothing to lose.
    rmSync(dir, { recursive: true, force: true });
    await createMirrorFile(dir).write(personalData());
    expect(files()).toEqual([MIRROR_FILE]);
  });

  it('refuses invalid data without touching the file', async () => {
    const mirror = createMirrorFile(dir);
    await mirror.write(second());
    const before = readFileSync(current(), 'utf8');
    const bad = { ...second(), agenda: [{ ...agendaEntry('c', 's'), star: 'never' }] } as unknown as PersonalData;
    await expect(mirror.write(bad)).rejects.toThrow(/agenda\[0\]\.star/);
    expect(readFileSync(current(), 'utf8')).toBe(before);
    expect(files()).toEqual([MIRROR_FILE]);
  });

  it('serialises concurrent writes: the last one wins and every file stays whole', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      const writes = Array.from({ length: 12 }, (_, n) =>
        mirror.write(personalData({ agenda: Array.from({ length: n + 1 }, (_x, k) => agendaEntry('c', `s${k}`)), savedAt: n + 1 })),
      );
      await Promise.all(writes);
      const read = await mirror.read();
      expect(read.source).toBe('current');
      expect(read.data?.agenda).toHaveLength(12);
      const prev = JSON.parse(readFileSync(join(dir, MIRROR_PREVIOUS), 'utf8')) as { data: PersonalData };
      expect(prev.data.agenda).toHaveLength(11);
      expect(files()).toEqual([MIRROR_FILE, MIRROR_PREVIOUS]);
    });
  });

  it('a crash between writing the temporary file and the rename leaves the old copy, and the leftover is cleaned', async () => {
    await fault(async () => {
      const crashing = createMirrorFile(dir, {
        beforeRename: () => Promise.reject(new Error('power cut')),
      });
      await createMirrorFile(dir).write(first());
      await expect(crashing.write(second())).rejects.toThrow('power cut');
      expect((await createMirrorFile(dir).read()).data?.agenda).toHaveLength(2);
    });
    await fault(async () => {
      // A real crash leaves the temporary file behind: it is ignored and removed on the next read.
      writeFileSync(join(dir, `${MIRROR_FILE}.tmp-999-1`), '{"format":"lanyard-mirror","data":{"agen');
      const read = await createMirrorFile(dir).read();
      expect(read.source).toBe('current');
      expect(read.data?.agenda).toHaveLength(2);
      expect(files()).not.toContain(`${MIRROR_FILE}.tmp-999-1`);
    });
  });

  it('writes over a damaged current file by moving it aside first', async () => {
    await fault(async () => {
      const mirror = createMirrorFile(dir);
      await mirror.write(first());
      writeFileSync(current(), 'not json at all');
      await mirror.write(second());
      expect(files().some((n) => n.startsWith('personal-data.corrupt-'))).toBe(true);
      expect((await mirror.read()).data?.agenda).toHaveLength(3);
    });
  });
});

describe('where the web-mode data folder is', () => {
  it('follows LANYARD_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(webDataDir({ LANYARD_DATA_DIR: '/x/y', XDG_DATA_HOME: '/z' })).toBe('/x/y');
    expect(webDataDir({ XDG_DATA_HOME: '/z' })).toBe('/z/lanyard');
    expect(webDataDir({})).toMatch(/\.local\/share\/lanyard$/);
  });
});
