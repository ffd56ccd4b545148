import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { importICal } from '../../../core/formats/ical';
import { importFeed } from '../../../core/formats/index';
import { LIMITS } from '../../../core/limits';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';
import { thrown } from '../support/errors';

function run(text: string, timeZone?: string) {
  const warnings = new WarningLog(1000);
  const feed = importICal(text, { warnings, timeZone, companions: [] });
  expectValidFeed(feed);
  return { feed, warnings, codes: warnings.list().map((w) => w.code) };
}

/** A calendar from content lines (CRLF-joined); events are arrays of lines without BEGIN/END. */
const ics = (events: string[][], head: string[] = ['X-WR-CALNAME:Test Con', 'X-WR-TIMEZONE:Europe/Berlin']): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN', ...head, ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
const event = (uid: string, start = '20230301T100000Z', end = '20230301T110000Z', ...more: string[]): string[] =>
  [`UID:${uid}`, `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:Talk ${uid}`, ...more];
/** An event whose DTSTART/DTEND carry parameters. */
const timed = (uid: string, start: string, end: string, ...more: string[]): string[] => [`UID:${uid}`, `DTSTART${start}`, `DTEND${end}`, `SUMMARY:Talk ${uid}`, ...more];

describeCorpus('iCalendar corpus files', () => {
  type Case = { file: string; days?: number; why?: string };
  const CASES: Case[] = [
    // facts count dates of every DTSTART, including the VTIMEZONE's STANDARD rule (2016-10-30).
    { file: 'ccc/33c3/schedule.ics', days: 4, why: 'VTIMEZONE DTSTART counted by facts' },
    { file: 'ccc/33c3/events-7860.ics', days: 1, why: 'VTIMEZONE DTSTART counted by facts' },
    { file: 'ics/pyconuk-2015.ics' },
    // facts count the two VTIMEZONE rule dates (2000-03-26, 2000-10-29) as days.
    { file: 'pretalx/democon-export-2022/schedule-export-schedule.ics', days: 4, why: 'VTIMEZONE DTSTARTs counted by facts' },
  ];
  for (const { file, days } of CASES) {
    it(`imports ${file} with the counts of facts.json`, () => {
      const f = facts()[file]!;
      const { feed } = run(readCorpus(file));
      expect(feed.sessions).toHaveLength(f.vevents as number);
      expect(new Set(feed.sessions.map((s) => s.sourceId)).size).toBe(f.unique_uids);
      expect(feed.rooms).toHaveLength(f.locations as number);
      expect(new Set(feed.sessions.map((s) => s.day)).size).toBe(days ?? f.days);
    });
  }

  it('33C3: times from TZID=Europe/Berlin, speakers split off frab summaries', () => {
    const { feed, codes } = run(readCorpus('ccc/33c3/schedule.ics'));
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    const opening = feed.sessions.find((s) => s.title === '33C3 Opening Ceremony')!;
    expect(opening).toMatchObject({ start: '2016-12-27T10:00:00Z', end: '2016-12-27T10:30:00Z', roomId: 'Saal 1' });
    expect(opening.speakerIds.map((id) => feed.speakers.find((p) => p.id === id)?.name)).toEqual(['anna', 'elisa']);
    expect(opening.links[0]?.url).toBe('http://fahrplan.events.ccc.de/congress/2016/Fahrplan/events/8429.html');
    // `SUMMARY: From Server Farm…` (a space after the colon) and `… Stream - ` (no speakers).
    expect(feed.sessions.map((s) => s.title)).toContain('From Server Farm to Data Table');
    expect(feed.sessions.map((s) => s.title)).toContain('Fnord-Jahresrückblick: Stream');
    expect(feed.sessions.some((s) => / - /.test(s.title) && s.title.endsWith('Burrington'))).toBe(false);
    // The same people as the XML of the snapshot (facts count 207 distinct names there).
    expect(feed.speakers).toHaveLength(facts()['ccc/33c3/schedule.xml']!.persons_unique_names as number);
    expect(codes).not.toContain('speaker-unnamed');
    expect(codes).toContain('untitled-conference'); // the .ics has no X-WR-CALNAME
  });

  it('33C3 single event: HTML description sanitised, summary without speakers kept whole', () => {
    const { feed } = run(readCorpus('ccc/33c3/events-7860.ics'));
    const [s] = feed.sessions;
    expect(s).toMatchObject({ title: 'Welcome to the Anthropocene?', start: '2016-12-28T12:00:00Z', roomId: '33c3 - Saal 2' });
    expect(s!.abstract).toContain('<em>');
    expect(s!.abstract).toContain("Michael Büker's");
  });

  it('PyCon UK 2015: no VTIMEZONE, no DTSTAMP, a duplicate UID kept with a warning, UTC times', () => {
    const { feed, codes } = run(readCorpus('ics/pyconuk-2015.ics'));
    expect(feed.conference.title).toBe('PyCon UK 2015 Schedule');
    expect(feed.conference.timeZone).toBe('UTC');
    expect(codes).toContain('time-zone-missing');
    expect(codes).toContain('duplicate-guid');
    expect(feed.sessions[0]).toMatchObject({ title: 'Registration / Breakfast', start: '2015-09-18T07:00:00Z', end: '2015-09-18T08:30:00Z' });
    // Events without DTEND last zero minutes (RFC 5545 3.6.1).
    const last = feed.sessions.find((s) => s.title.startsWith('End of Conference'))!;
    expect(last.end).toBe(last.start);
    const london = run(readCorpus('ics/pyconuk-2015.ics'), 'Europe/London');
    expect(london.feed.conference.timeZone).toBe('Europe/London');
    expect(london.feed.sessions[0]!.start).toBe('2015-09-18T07:00:00Z');
  });

  it('pretalx DemoCon: speakers from the summary, the 01:50 talk and the out-of-range talk kept', () => {
    const { feed } = run(readCorpus('pretalx/democon-export-2022/schedule-export-schedule.ics'));
    const early = feed.sessions.find((s) => s.sourceId === 'pretalx-democon-XFUR3C@localhost')!;
    expect(early).toMatchObject({ title: 'Persevering cohesive concept', start: '2022-09-05T23:50:00Z', end: '2022-09-06T01:20:00Z' });
    expect(feed.speakers.find((p) => p.id === early.speakerIds[0])?.name).toBe('Susan Martinez');
    expect(feed.sessions.some((s) => s.start.startsWith('2022-09-24'))).toBe(true);
  });
});

describe('iCalendar traps from real feeds', () => {
  it('reads lines longer than 75 bytes and folded lines', () => {
    const long = 'x'.repeat(300);
    const { feed } = run(ics([[...event('a'), `DESCRIPTION:${long}`, 'LOCATION:Hall', ' 1']]));
    expect(feed.sessions[0]!.abstract).toBe(`<p>${long}</p>`);
    expect(feed.sessions[0]!.roomId).toBe('Hall1');
  });

  it('joins a fold that splits a multi-byte character (bytes through importFeed)', () => {
    const text = ics([event('a', undefined, undefined, 'LOCATION:Saal Gr\u00fc', ' n')]);
    const bytes = new TextEncoder().encode(text);
    const at = bytes.indexOf(0xc3); // ü = C3 BC: fold between its two bytes
    const broken = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
    expect(importFeed(broken).feed.sessions[0]!.roomId).toBe('Saal Grün');
  });

  it('tolerates `NAME: value` and `NAME : value` spacing', () => {
    const { feed } = run(ics([['UID:a', 'DTSTART: 20230301T100000Z', 'DTEND : 20230301T110000Z', 'SUMMARY: Spaced out', 'LOCATION :Hall']]));
    expect(feed.sessions[0]).toMatchObject({ title: 'Spaced out', start: '2023-03-01T10:00:00Z', end: '2023-03-01T11:00:00Z', roomId: 'Hall' });
  });

  it('reads every calendar of a concatenated file', () => {
    const second = ics([event('b', '20230302T100000Z', '20230302T110000Z')], ['X-WR-CALNAME:Other']);
    const { feed } = run(`${ics([event('a')])}\r\n${second}`);
    expect(feed.sessions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(feed.conference.title).toBe('Test Con');
  });

  it('skips a byte order mark', () => {
    expect(run(`\uFEFF${ics([event('a')])}`).feed.sessions).toHaveLength(1);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ics([event('a')]))]);
    expect(importFeed(bytes).format).toBe('ical');
  });

  it('needs neither VTIMEZONE nor DTSTAMP: an IANA TZID is enough', () => {
    const { feed, codes } = run(ics([timed('a', ';TZID=Europe/Berlin:20230701T100000', ';TZID=Europe/Berlin:20230701T110000')], []));
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(feed.sessions[0]!.start).toBe('2023-07-01T08:00:00Z');
    expect(codes).not.toContain('time-zone-missing');
  });
});

describe('iCalendar time zones', () => {
  it('resolves a non-IANA TZID through the calendar VTIMEZONE, registered only during the import', () => {
    const vtimezone = ['BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT', 'END:VTIMEZONE'];
    const { feed, codes } = run(ics([timed('a', ';TZID=W. Europe Standard Time:20230701T100000', ';TZID=W. Europe Standard Time:20230701T110000', 'LOCATION:Berlin')], ['X-WR-CALNAME:Con', ...vtimezone]));
    expect(feed.sessions[0]!.start).toBe('2023-07-01T08:00:00Z');
    expect(feed.conference.timeZone).toBe('Europe/Berlin'); // inferred from LOCATION, consistent with the +02:00 offset
    expect(codes).not.toContain('time-zone-unknown-tzid');
    expect(ICAL.TimezoneService.has('W. Europe Standard Time')).toBe(false);
  });

  it('reads a TZID with a vendor prefix as its IANA zone', () => {
    const { feed } = run(ics([timed('a', ';TZID=/mozilla.org/20050126_1/America/New_York:20230701T100000', ';TZID=/mozilla.org/20050126_1/America/New_York:20230701T110000')], []));
    expect(feed.sessions[0]!.start).toBe('2023-07-01T14:00:00Z');
  });

  it('reads an unknown TZID in the conference zone, with a warning', () => {
    const { feed, warnings } = run(ics([timed('a', ';TZID=Mars/Olympus:20230301T100000', ';TZID=Mars/Olympus:20230301T110000')]));
    expect(feed.sessions[0]!.start).toBe('2023-03-01T09:00:00Z');
    expect(warnings.list().find((w) => w.code === 'time-zone-unknown-tzid')?.message).toContain('Mars/Olympus');
  });

  it('reads floating times in the declared zone, the subscriber zone, or a zone inferred from a place', () => {
    const floating = [event('a', '20230301T100000', '20230301T110000', 'LOCATION:ULB, Bruxelles')];
    const declared = run(ics(floating));
    expect(declared.feed.sessions[0]!.start).toBe('2023-03-01T09:00:00Z');
    expect(declared.codes).toContain('floating-time');
    const subscriber = run(ics(floating, []), 'America/New_York');
    expect(subscriber.feed.conference.timeZone).toBe('America/New_York');
    expect(subscriber.feed.sessions[0]!.start).toBe('2023-03-01T15:00:00Z');
    const place = run(ics(floating, []));
    expect(place.feed.conference.timeZone).toBe('Europe/Brussels');
    expect(place.codes).toContain('time-zone-inferred');
  });
});

describe('iCalendar recurrence', () => {
  it('expands occurrences, each with its own id, honouring EXDATE and a moved occurrence', () => {
    const master = [...event('r', '20230301T100000Z', '20230301T110000Z', 'RRULE:FREQ=DAILY;COUNT=4', 'EXDATE:20230302T100000Z')];
    const moved = ['UID:r', 'RECURRENCE-ID:20230303T100000Z', 'DTSTART:20230303T150000Z', 'DTEND:20230303T153000Z', 'SUMMARY:Moved', 'STATUS:CANCELLED'];
    const { feed } = run(ics([master, moved]));
    expect(feed.sessions.map((s) => [s.id, s.start, s.end, s.title, s.cancelled])).toEqual([
      ['r@2023-03-01T10:00:00Z', '2023-03-01T10:00:00Z', '2023-03-01T11:00:00Z', 'Talk r', false],
      ['r@2023-03-03T10:00:00Z', '2023-03-03T15:00:00Z', '2023-03-03T15:30:00Z', 'Moved', true],
      ['r@2023-03-04T10:00:00Z', '2023-03-04T10:00:00Z', '2023-03-04T11:00:00Z', 'Talk r', false],
    ]);
  });

  it('keeps wall-clock times of a weekly event across a DST change', () => {
    const { feed } = run(ics([timed('w', ';TZID=Europe/Berlin:20230320T100000', ';TZID=Europe/Berlin:20230320T110000', 'RRULE:FREQ=WEEKLY;COUNT=2')]));
    expect(feed.sessions.map((s) => s.start)).toEqual(['2023-03-20T09:00:00Z', '2023-03-27T08:00:00Z']);
  });

  it(`caps an endless rule at ${LIMITS.maxRecurrences} occurrences, with a warning`, () => {
    const { feed, codes } = run(ics([event('daily', undefined, undefined, 'RRULE:FREQ=DAILY')]));
    expect(feed.sessions).toHaveLength(LIMITS.maxRecurrences);
    expect(codes).toContain('recurrence-capped');
  });

  it('warns about a changed occurrence of an event that does not repeat', () => {
    const { feed, codes } = run(ics([event('once'), ['UID:once', 'RECURRENCE-ID:20230301T100000Z', 'DTSTART:20230301T150000Z', 'SUMMARY:Moved']]));
    expect(feed.sessions.map((s) => s.title)).toEqual(['Talk once']);
    expect(codes).toContain('recurrence-exception-ignored');
  });

  it('keeps an exception whose master is missing as a session of its own', () => {
    const { feed } = run(ics([['UID:lost', 'RECURRENCE-ID:20230303T100000Z', 'DTSTART:20230303T150000Z', 'SUMMARY:Orphan']]));
    expect(feed.sessions.map((s) => s.title)).toEqual(['Orphan']);
  });
});

describe('iCalendar field mapping and broken input', () => {
  it('maps summary, description, location, categories, URL, attendees, status and calendar name', () => {
    const { feed } = run(ics([[...event('a'), 'DESCRIPTION:First line\\nsecond\\, line', 'LOCATION:Hall 1', 'CATEGORIES:Security,Extra', 'URL:https://example.org/talk/a',
      'ATTENDEE;CN="Doe, Jane";ROLE=CHAIR:mailto:jane@example.org', 'ATTENDEE;ROLE=NON-PARTICIPANT;CN=Tech:mailto:t@example.org', 'STATUS:CANCELLED']]));
    const [s] = feed.sessions;
    expect(feed.conference).toMatchObject({ title: 'Test Con', timeZone: 'Europe/Berlin' });
    expect(s).toMatchObject({ id: 'a', guid: 'a', sourceId: 'a', title: 'Talk a', abstract: '<p>First line<br>second, line</p>', roomId: 'Hall 1', trackId: 'Security', cancelled: true });
    expect(s!.links).toEqual([{ url: 'https://example.org/talk/a', kind: 'other' }]);
    expect(feed.speakers.map((p) => p.name)).toEqual(['Doe, Jane']);
  });

  it('keeps both events of a duplicate UID, with a warning', () => {
    const { feed, codes } = run(ics([event('dup'), event('dup', '20230301T120000Z', '20230301T130000Z')]));
    expect(feed.sessions.map((s) => s.id)).toEqual(['dup', 'dup~2']);
    expect(codes).toContain('duplicate-guid');
  });

  it('leaves out an unreadable event with a warning naming its line, keeping the others', () => {
    const { feed, warnings } = run(ics([event('good'), ['UID:bad', 'DTSTART:garbage', 'SUMMARY:Broken'], ['UID:nostart', 'SUMMARY:No start']]));
    expect(feed.sessions.map((s) => s.id)).toEqual(['good']);
    const unreadable = warnings.list().filter((w) => w.code === 'session-unreadable');
    expect(unreadable.map((w) => w.where)).toEqual(['line 12', 'line 17']);
    expect(unreadable[0]!.message).toContain('"Broken"');
  });

  it('leaves out an unreadable line, keeping its event', () => {
    const { feed, warnings } = run(ics([[...event('a'), 'THIS LINE HAS NO COLON', 'X-BAD;PARAM:value']]));
    expect(feed.sessions).toHaveLength(1);
    expect(warnings.list().filter((w) => w.code === 'ical-line-unreadable').map((w) => w.where)).toEqual(['line 11', 'line 12']);
  });

  it('fails with no-sessions-readable when no event can be read', () => {
    expect(thrown(() => run(ics([['UID:x', 'DTSTART:nope']]))).code).toBe('no-sessions-readable');
  });

  it.each([
    ['an unclosed VEVENT', ics([event('a')]).replace('END:VEVENT\r\n', ''), 'line 11'],
    ['an END without BEGIN', ics([event('a')]).replace('BEGIN:VEVENT\r\n', ''), 'line 10'],
    ['a truncated file', ics([event('a')]).split('END:VEVENT')[0]!, 'line 6'],
    ['an event outside the calendar', `${ics([])}BEGIN:VEVENT\r\n`, 'line 7'],
    ['a line outside the calendar', `${ics([])}garbage\r\n`, 'line 7'],
  ])('fails on %s with malformed-ical naming the line', (_name, text, where) => {
    const error = thrown(() => importICal(text, { warnings: new WarningLog(), companions: [] }));
    expect(error.code).toBe('malformed-ical');
    expect(error.where).toBe(where);
  });

  it('imports 10,000 events (some with changed occurrences) without quadratic slowdown', () => {
    const events: string[][] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const start = new Date(Date.UTC(2023, 2, 1, 8) + i * 600_000).toISOString().replace(/[-:]/g, '').replace('.000', '');
      events.push([`UID:e${i}`, `DTSTART:${start}`, 'DURATION:PT30M', `SUMMARY:Event ${i}`, `LOCATION:Room ${i % 20}`]);
    }
    events.push([...event('rep', undefined, undefined, 'RRULE:FREQ=DAILY;COUNT=3')], ['UID:rep', 'RECURRENCE-ID:20230302T100000Z', 'DTSTART:20230302T120000Z', 'DURATION:PT1H', 'SUMMARY:Moved']);
    const started = Date.now();
    const { feed } = run(ics(events));
    expect(feed.sessions).toHaveLength(10_003);
    expect(feed.rooms).toHaveLength(20);
    expect(Date.now() - started).toBeLessThan(10_000); // a hang guard, not a benchmark
  });
});
