import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { importFeed } from '../../../core/formats/index';
import type { Feed } from '../../../core/model/schema';
import { corpusPath, describeCorpus } from '../support/corpus';
import { hubXml } from '../support/time-feeds';

const SAMPLE = 'assets/sample/centos-connect-2023.lanyard.json';
const tmp = mkdtempSync(join(tmpdir(), 'lanyard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lanyard-feed inspect', () => {
  it('describes the built-in sample', async () => {
    const { code, out } = await cli('inspect', SAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('Conference:  CentOS Connect');
    expect(out).toContain('Time zone:   Europe/Brussels');
    expect(out).toMatch(/Links: +stream 1, hallway 1, recording 0, video 0, slides 0, feedback 0, registration 2/);
  });

  it('prints exactly one JSON object with --json', async () => {
    const { code, out } = await cli('inspect', SAMPLE, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({
      format: 'lanyard',
      conference: { title: expect.stringContaining('CentOS Connect') as unknown, timeZone: 'Europe/Brussels', start: '2023-02-03', end: '2023-02-03' },
      counts: { days: 1 },
      warnings: [],
    });
  });

  it('fails with exit code 1 and one clear line on stderr', async () => {
    const missing = await cli('inspect', join(tmp, 'nope.xml'), '--json');
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/^error: .*nope\.xml: no such file$/);
    writeFileSync(join(tmp, 'broken.xml'), '<schedule>\n<conference>\n</schedule>');
    const broken = await cli('inspect', join(tmp, 'broken.xml'), '--json');
    expect(broken.code).toBe(1);
    expect(broken.err.split('\n')).toHaveLength(1);
    expect(broken.err).toMatch(/malformed.*line 3, column \d+/);
  });
});

describe('lanyard-feed inspect agrees with the app on zone and days', () => {
  it('a CCC hub-style feed (zone declared, boundaries in UTC): Europe/Berlin, four days, no zone warning; --time-zone overrides', async () => {
    const file = join(tmp, 'hub.xml');
    writeFileSync(file, hubXml({ end: '2024-12-31' }));
    const app = importFeed(readFileSync(file, 'utf8')).feed.conference;
    const report = JSON.parse((await cli('inspect', file, '--json')).out) as { conference: Record<string, unknown>; counts: { days: number }; warnings: Array<{ code: string }> };
    expect(report.conference).toMatchObject({ timeZone: app.timeZone, start: app.start, end: app.end });
    expect(report.conference).toMatchObject({ timeZone: 'Europe/Berlin', start: '2024-12-27', end: '2024-12-30' });
    expect(report.counts.days).toBe(4);
    expect(report.warnings.filter((w) => w.code.startsWith('time-zone'))).toEqual([]);
    const chosen = JSON.parse((await cli('inspect', file, '--json', '--time-zone', 'Europe/Vienna')).out) as { conference: { timeZone: string } };
    expect(chosen.conference.timeZone).toBe('Europe/Vienna');
  });
});

describe('lanyard-feed validate, convert, diff', () => {
  it('validates, with --strict turning warnings into failure', async () => {
    expect((await cli('validate', SAMPLE)).code).toBe(0);
    writeFileSync(join(tmp, 'warned.xml'), '<schedule><conference><title>T</title><city>Brussels</city><start>2024-02-03</start><end>2024-02-03</end></conference><day date="2024-02-03" index="1"><room name="A"><event id="1"><start>10:00</start><duration>00:30</duration><room>A</room><title>Talk</title></event></room></day></schedule>');
    expect((await cli('validate', join(tmp, 'warned.xml'))).code).toBe(0);
    const strict = await cli('validate', join(tmp, 'warned.xml'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('time-zone-inferred');
  });

  it('names impossible dates: importable with the dates taken from the sessions, or not importable and why', async () => {
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Feed;
    sample.conference.start = '0000-00-00';
    writeFileSync(join(tmp, 'year-zero.json'), JSON.stringify(sample));
    const derived = await cli('validate', join(tmp, 'year-zero.json'));
    expect(derived.code).toBe(0);
    expect(derived.out).toMatch(/importable as Lanyard feed, 18 sessions, 1 warning\n/);
    expect(derived.out).toContain('its start "0000-00-00" is not a possible date');
    expect(derived.out).toContain('conference-dates-derived');
    for (const s of sample.sessions) s.start = '0000-01-01T10:00:00Z';
    writeFileSync(join(tmp, 'all-impossible.json'), JSON.stringify(sample));
    const refused = await cli('validate', join(tmp, 'all-impossible.json'));
    expect(refused.code).toBe(1);
    expect(refused.out).toBe(`${join(tmp, 'all-impossible.json')}: not importable: The conference dates are impossible: its start "0000-00-00" is not a possible date, and no session has a valid date to take them from (at conference)`);
  });

  it('converts to a Lanyard feed that imports back to the same feed', async () => {
    const { code, out } = await cli('convert', SAMPLE, '--to', 'lanyard');
    expect(code).toBe(0);
    const again = importFeed(out);
    expect(again.format).toBe('lanyard');
    expect(again.feed).toEqual(importFeed(readFileSync(SAMPLE)).feed);
  });

  it('converts to iCalendar', async () => {
    const { code, out } = await cli('convert', SAMPLE, '--to', 'ical');
    expect(code).toBe(0);
    expect(out).toMatch(/^BEGIN:VCALENDAR/);
    expect(importFeed(out).feed.sessions.length).toBe(importFeed(readFileSync(SAMPLE)).feed.sessions.length);
    expect((await cli('convert', SAMPLE, '--to', 'pdf')).err).toMatch(/--to lanyard or --to ical/);
  });

  it('diffs two revisions per session and per field', async () => {
    const feed = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Feed;
    const kmods = feed.sessions.find((s) => s.title === 'Kmods SIG Update')!;
    kmods.start = '2023-02-03T15:15:00Z';
    kmods.end = '2023-02-03T15:45:00Z';
    writeFileSync(join(tmp, 'moved.json'), JSON.stringify(feed));
    const text = await cli('diff', SAMPLE, join(tmp, 'moved.json'));
    expect(text.code).toBe(0);
    expect(text.out).toContain('~ Kmods SIG Update');
    expect(text.out).toContain('start: 2023-02-03 15:30 → 2023-02-03 16:15 (Europe/Brussels)');
    const json = JSON.parse((await cli('diff', SAMPLE, join(tmp, 'moved.json'), '--json')).out) as { counts: Record<string, number> };
    expect(json.counts['moved-time']).toBe(1);
  });

  it('explains usage mistakes', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('--help')).out).toContain('lanyard-feed inspect');
    expect((await cli('frobnicate')).err).toMatch(/unknown command/);
    expect((await cli('diff', SAMPLE)).err).toMatch(/diff takes 2 arguments/);
  });
});

describe('the installed command', () => {
  it('runs through bin/lanyard-feed.mjs like `npx lanyard-feed`', () => {
    const out = execFileSync(process.execPath, ['bin/lanyard-feed.mjs', 'inspect', SAMPLE, '--json'], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(out) as { format: string }).format).toBe('lanyard');
    const failed = spawnSync(process.execPath, ['bin/lanyard-feed.mjs', 'inspect', 'missing.json', '--json'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('inspects a 300-byte calendar whose repeat rule matches no date, quickly and in bounded memory', () => {
    const hopeless = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//x//EN', 'BEGIN:VEVENT', 'UID:leap@example.org', 'DTSTART:20260101T100000Z',
      'DURATION:PT1H', 'SUMMARY:Never', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(hopeless.length).toBeLessThan(300);
    const file = join(tmp, 'never.ics');
    writeFileSync(file, hopeless);
    // 64 MB of heap and 60 s: the unbounded expansion grew past 3 GB and never ended.
    const result = spawnSync(process.execPath, ['--max-old-space-size=64', 'bin/lanyard-feed.mjs', 'inspect', file, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { counts: { sessions: number }; warnings: { code: string; message: string }[] };
    expect(report.counts.sessions).toBe(1);
    expect(report.warnings.find((w) => w.code === 'recurrence-budget')?.message).toMatch(/^"Never" has a repeat rule that matches few or no dates/);
  }, 90_000);
});

describeCorpus('lanyard-feed on real feeds', () => {
  it('inspects FOSDEM 2020 with the counts the independent facts give', async () => {
    const report = JSON.parse((await cli('inspect', corpusPath('fosdem/fosdem-2020.xml'), '--json')).out) as {
      conference: { timeZone: string; start: string; end: string };
      counts: { sessions: number; days: number; links: { recording: number } };
      warnings: Array<{ code: string }>;
    };
    expect(report.conference).toMatchObject({ timeZone: 'Europe/Brussels', start: '2020-02-01', end: '2020-02-02' });
    expect(report.counts.sessions).toBe(872);
    expect(report.counts.days).toBe(2);
    expect(report.counts.links.recording).toBeGreaterThanOrEqual(1_524);
    expect(report.warnings.map((w) => w.code)).toContain('time-zone-inferred');
  });

  it('diffs two FOSDEM 2024 exports', async () => {
    const result = await cli('diff', corpusPath('fosdem/fosdem-2024.xml'), corpusPath('fosdem/variants/fosdem-2024-postconf-subset-reformatted.xml'), '--json');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.out) as { counts: Record<string, number> };
    // See tests/unit/feed/identity-fosdem.test.ts for why these are the right numbers.
    expect(diff.counts.new).toBe(53);
    expect(diff.counts.removed).toBe(619);
  });
});
