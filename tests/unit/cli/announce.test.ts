import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { announce, bumpRevision } from '../../../cli/announce';
import { run } from '../../../cli/main';
import { importFeed } from '../../../core/formats/index';
import type { Feed } from '../../../core/model/schema';

const SAMPLE = readFileSync('assets/sample/centos-connect-2023.lanyard.json', 'utf8');
const root = mkdtempSync(join(tmpdir(), 'lanyard-announce-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(root, 'case-'));
  file = join(dir, 'feed.lanyard.json');
  writeFileSync(file, SAMPLE);
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const read = (): Feed => JSON.parse(readFileSync(file, 'utf8')) as Feed;

describe('lanyard-feed announce', () => {
  it('appends an announcement, bumps the revision, and the app can still import the feed', async () => {
    const before = read();
    const kmods = before.sessions.find((s) => s.title === 'Kmods SIG Update')!;
    const room = before.rooms[0]!;
    const { code, out, err } = await cli('announce', file, '--text', '  Lunch moved\nto 12:30 ', '--severity', 'warning', '--session', kmods.id, '--room', room.id, '--id', 'lunch');
    expect(err).toBe('');
    expect(code).toBe(0);
    const after = read();
    expect(out).toContain(`announced lunch (warning), revision ${before.revision ?? '(none)'} → ${after.revision}`);
    expect(after.revision).toBe(bumpRevision(before.revision));
    expect(after.revision).not.toBe(before.revision);
    expect(after.announcements.at(-1)).toMatchObject({ id: 'lunch', severity: 'warning', text: 'Lunch moved to 12:30', sessionIds: [kmods.id], roomIds: [room.id] });
    expect(Date.now() - Date.parse(after.announcements.at(-1)!.time)).toBeLessThan(60_000);
    expect(after.announcements.length).toBe(before.announcements.length + 1);
    // Nothing else changed, and the result imports as a Lanyard feed with the announcement.
    expect(after.sessions).toEqual(before.sessions);
    const imported = importFeed(readFileSync(file, 'utf8'));
    expect(imported.feed.announcements.map((a) => a.id)).toContain('lunch');
    expect(readdirSync(dir)).toEqual(['feed.lanyard.json']);
  });

  it('gives each announcement its own id when none is chosen', async () => {
    await announce(file, { text: 'One', severity: undefined, sessions: [], rooms: [], id: undefined, now: Date.parse('2026-02-01T09:00:00Z') });
    await announce(file, { text: 'Two', severity: undefined, sessions: [], rooms: [], id: undefined, now: Date.parse('2026-02-01T09:00:00Z') });
    const ids = read().announcements.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(read().announcements.slice(-2).map((a) => [a.text, a.severity, a.time])).toEqual([
      ['One', 'info', '2026-02-01T09:00:00Z'],
      ['Two', 'info', '2026-02-01T09:00:00Z'],
    ]);
  });

  const REFUSED: Array<[string, string[], RegExp]> = [
    ['no text', [], /needs --text/],
    ['blank text', ['--text', '   '], /needs --text/],
    ['a bad severity', ['--text', 'x', '--severity', 'panic'], /--severity panic is not one of info, warning, urgent/],
    ['an unknown session', ['--text', 'x', '--session', 'nope'], /--session nope: no session with that id/],
    ['an unknown room', ['--text', 'x', '--room', 'nope'], /--room nope: no room with that id/],
    ['too long a text', ['--text', 'x'.repeat(2001)], /--text is 2001 characters; an announcement may have at most 2000/],
  ];
  for (const [name, args, message] of REFUSED) {
    it(`refuses ${name} and leaves the file as it was`, async () => {
      const { code, err } = await cli('announce', file, ...args);
      expect(code).toBe(1);
      expect(err).toMatch(message);
      expect(err.split('\n')).toHaveLength(1);
      expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
    });
  }

  it('refuses a repeated --id', async () => {
    expect((await cli('announce', file, '--text', 'a', '--id', 'x')).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    const again = await cli('announce', file, '--text', 'b', '--id', 'x');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already has an announcement with that id/);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('refuses files that are not Lanyard feeds, saying what to do', async () => {
    writeFileSync(file, '<schedule></schedule>');
    expect((await cli('announce', file, '--text', 'x')).err).toMatch(/not JSON .*convert/);
    writeFileSync(file, '{"schedule": {}}');
    expect((await cli('announce', file, '--text', 'x')).err).toMatch(/not a Lanyard feed/);
    const broken = JSON.parse(SAMPLE) as Record<string, unknown>;
    delete (broken.conference as Record<string, unknown>).timeZone;
    writeFileSync(file, JSON.stringify(broken));
    expect((await cli('announce', file, '--text', 'x')).err).toMatch(/not a valid Lanyard feed at conference\.timeZone/);
    expect((await cli('announce', join(dir, 'missing.json'), '--text', 'x')).err).toMatch(/missing\.json: no such file/);
  });

  it('leaves the feed untouched when the new revision cannot be written', async () => {
    // A folder nobody may write to: read-only for a user, immutable for root (who ignores modes).
    const isRoot = process.getuid?.() === 0;
    const lock = (on: boolean): void => {
      if (isRoot) execFileSync('chattr', [on ? '+i' : '-i', dir]);
      else chmodSync(dir, on ? 0o555 : 0o755);
    };
    lock(true);
    try {
      const { code, err } = await cli('announce', file, '--text', 'x');
      expect(code).toBe(1);
      expect(err).toMatch(/could not write the new revision .*the feed is unchanged/);
      expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
    } finally {
      lock(false);
    }
    expect(readdirSync(dir)).toEqual(['feed.lanyard.json']);
  });
});

describe('bumpRevision', () => {
  it.each([
    [undefined, '1'], ['r1', 'r2'], ['r9', 'r10'], ['2024-03', '2024-04'], ['v009', 'v010'], ['draft', 'draft.1'], ['7', '8'],
  ])('%s → %s', (from, to) => {
    expect(bumpRevision(from)).toBe(to);
  });
});
