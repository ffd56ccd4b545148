import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agendaToICal, sessionUid, type AgendaCalendarPart } from '../../../core/export/agenda-ical';
import { importFeed } from '../../../core/formats';
import { hasCorpus, readCorpus } from '../support/corpus';
import { makeFeed } from '../support/feeds';
import { partOf, sampleFeed } from '../support/agenda-ical';

/** Debian's python3-icalendar reads our exports independently of ical.js (checked in CI). */
const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../tools/check_ics.py', import.meta.url).pathname;
const probe = spawnSync(PYTHON, ['-c', 'import icalendar'], { encoding: 'utf8' });
const hasIcalendar = probe.status === 0;
if (!hasIcalendar) console.warn(`[skip] python3-icalendar checks: ${PYTHON} -c "import icalendar" failed (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()}); apt-get install python3-icalendar (.ci/run does).`);

const dir = mkdtempSync(join(tmpdir(), 'lanyard-ics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Expected = Record<string, { start: string; end: string; summary: string; status?: string; alarm?: number | null }>;

function check(name: string, parts: AgendaCalendarPart[], extra: (uid: string, sessionId: string) => Partial<Expected[string]> = () => ({})): { events: number; zones: string[] } {
  const ics = agendaToICal(parts, { now: Date.UTC(2026, 0, 1) });
  const expected: Expected = {};
  for (const part of parts) {
    for (const s of part.sessions) {
      const uid = sessionUid(part.conference, s);
      expected[uid] = { start: s.start.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), end: s.end.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), summary: s.title, ...extra(uid, s.id) };
    }
  }
  return runCheck(name, ics, expected);
}

function runCheck(name: string, ics: string, expected: Expected): { events: number; zones: string[] } {
  const file = join(dir, `${name}.ics`);
  const want = join(dir, `${name}.json`);
  writeFileSync(file, ics);
  writeFileSync(want, JSON.stringify(expected));
  const run = spawnSync(PYTHON, [SCRIPT, file, want], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`check_ics.py rejected ${name}.ics (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as { events: number; zones: string[] };
}

describe.skipIf(!hasIcalendar)('exported agendas read by python3-icalendar', () => {
  it('the built-in sample conference', () => {
    const feed = sampleFeed();
    expect(check('sample', [partOf(feed)])).toEqual({ events: feed.sessions.length, zones: ['Europe/Brussels'] });
  });

  it('a conference crossing a DST change, together with one in another zone', () => {
    const nyc = makeFeed(
      [
        { id: 'sat', title: 'Before the change', start: '2024-03-09T15:00:00Z', end: '2024-03-09T16:00:00Z', day: '2024-03-09' },
        { id: 'late', title: 'Across the gap; with, punctuation', start: '2024-03-10T06:30:00Z', end: '2024-03-10T07:30:00Z', day: '2024-03-10' },
        { id: 'sun', title: 'After the change', start: '2024-03-10T14:00:00Z', end: '2024-03-10T15:00:00Z', day: '2024-03-10' },
      ],
      { conference: { id: 'nyc', title: 'NYC', timeZone: 'America/New_York', start: '2024-03-09', end: '2024-03-10', days: ['2024-03-09', '2024-03-10'], links: [] } },
    );
    const fall = makeFeed(
      [
        { id: 'a', title: 'Last summer-time talk', start: '2024-10-26T14:00:00Z', end: '2024-10-26T15:00:00Z', day: '2024-10-26' },
        { id: 'b', title: 'First winter-time talk', start: '2024-10-27T14:00:00Z', end: '2024-10-27T15:00:00Z', day: '2024-10-27' },
      ],
      { conference: { id: 'fall', title: 'Fall', timeZone: 'Europe/Berlin', start: '2024-10-26', end: '2024-10-27', days: ['2024-10-26', '2024-10-27'], links: [] } },
    );
    expect(check('dst', [partOf(nyc), partOf(fall)])).toEqual({ events: 5, zones: ['America/New_York', 'Europe/Berlin'] });
  });

  it('maybe is TENTATIVE, going CONFIRMED, and the reminder is a display alarm before the start', () => {
    const feed = sampleFeed();
    const [a, b, c] = feed.sessions;
    if (!a || !b || !c) throw new Error('the sample has fewer than three sessions');
    const stars = new Map([[a.id, 'going'], [b.id, 'maybe'], [c.id, 'going']] as const);
    const reminders = new Map([[a.id, 10], [c.id, 45]]);
    const part = partOf(feed, { sessions: [a, b, c], stars, reminders });
    const want = (_uid: string, id: string) => ({ status: stars.get(id) === 'maybe' ? 'TENTATIVE' : 'CONFIRMED', alarm: reminders.get(id) ?? null });
    expect(check('levels', [part], want).events).toBe(3);
    // The checker fails on a wrong status and on a wrong alarm.
    const ics = agendaToICal([part], { now: 0 });
    const uidB = sessionUid(feed.conference, b);
    const uidC = sessionUid(feed.conference, c);
    const wrong = { [uidB]: { start: b.start.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), end: b.end.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), summary: b.title, status: 'CONFIRMED', alarm: 10 } };
    expect(() => runCheck('levels-wrong', ics, wrong)).toThrow(new RegExp(`${uidB}: status 'TENTATIVE', expected 'CONFIRMED'[\\s\\S]*${uidB}: 0 alarm\\(s\\), expected one 10 minutes before`));
    const wrongAlarm = { [uidC]: { start: c.start.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), end: c.end.replace(/(T\d\d:\d\d)Z$/, '$1:00Z'), summary: c.title, alarm: 10 } };
    expect(() => runCheck('alarm-wrong', ics, wrongAlarm)).toThrow(`${uidC}: alarm 45 minutes before, expected 10`);
  });

  it.skipIf(!hasCorpus)('a FOSDEM year from the corpus (2020, every session)', () => {
    const { feed } = importFeed(readCorpus('fosdem/fosdem-2020.xml'));
    expect(check('fosdem-2020', [partOf(feed)]).events).toBe(feed.sessions.length);
  });

  it('the checker itself rejects a wrong instant (it can fail)', () => {
    const feed = sampleFeed();
    const ics = agendaToICal([partOf(feed)], { now: 0 });
    const first = feed.sessions[0]!;
    writeFileSync(join(dir, 'wrong.ics'), ics);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ [sessionUid(feed.conference, first)]: { start: '2023-02-03T09:00:00Z', end: first.end, summary: first.title } }));
    const run = spawnSync(PYTHON, [SCRIPT, join(dir, 'wrong.ics'), join(dir, 'wrong.json')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${sessionUid(feed.conference, first)}: starts 2023-02-03T07:30:00Z, expected 2023-02-03T09:00:00Z`);
  });
});
