import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaToICal, sessionSequence, sessionUid, stableHash } from '../../../core/export/agenda-ical';
import { observancesFor } from '../../../core/export/vtimezone';
import type { SessionChange } from '../../../core/feed/diff';
import { importFeed } from '../../../core/formats';
import { matchICalAgenda } from '../../../core/personal/ical-import';
import { describeCorpus, readCorpus } from '../support/corpus';
import { makeFeed } from '../support/feeds';
import { partOf, sampleFeed, storedOf } from '../support/agenda-ical';

const NOW = Date.UTC(2026, 0, 15, 12);

function events(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent');
}

/** Every DTSTART read back through ical.js with the file's own VTIMEZONE registered, as UTC ISO. */
function startsViaVtimezone(ics: string): Map<string, string> {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const zones = calendar.getAllSubcomponents('vtimezone').map((vt) => new ICAL.Timezone(vt));
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  try {
    return new Map(
      calendar.getAllSubcomponents('vevent').map((e) => {
        const event = new ICAL.Event(e);
        return [event.uid, event.startDate.toJSDate().toISOString().replace('.000Z', 'Z')];
      }),
    );
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(zone.tzid);
  }
}

describe('agenda export (iCalendar)', () => {
  it('writes every session with its zone, room, page, speakers and a stable UID', () => {
    const feed = sampleFeed();
    const ics = agendaToICal([partOf(feed)], { now: NOW });
    const list = events(ics);
    expect(list).toHaveLength(feed.sessions.length);
    const kmods = list.find((e) => e.getFirstPropertyValue('summary') === 'Kmods SIG Update');
    if (!kmods) throw new Error('Kmods SIG Update is missing');
    expect(kmods.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Brussels');
    expect(String(kmods.getFirstPropertyValue('dtstart'))).toBe('2023-02-03T15:30:00');
    expect(kmods.getFirstPropertyValue('location')).toBe('Pagoda room');
    expect(kmods.getFirstPropertyValue('description')).toMatch(/Speaker: Peter Georg/);
    expect(kmods.getFirstPropertyValue('url')).toMatch(/^https:\/\//);
    expect(kmods.getFirstPropertyValue('sequence')).toBe(0);
    expect(kmods.getFirstPropertyValue('x-lanyard-conference')).toBe(feed.conference.id);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    // Exporting again later gives the same UIDs.
    const again = events(agendaToICal([partOf(feed)], { now: NOW + 86_400_000 }));
    expect(again.map((e) => e.getFirstPropertyValue('uid'))).toEqual(list.map((e) => e.getFirstPropertyValue('uid')));
    // The DTSTARTs, read through the exported VTIMEZONE, are the sessions' instants.
    const starts = startsViaVtimezone(ics);
    for (const s of feed.sessions) expect(starts.get(sessionUid(feed.conference, s))).toBe(s.start);
  });

  it('uses the feed guid as UID when there is one, else a hash that survives renumbering of nothing else', () => {
    expect(sessionUid({ id: 'fosdem' }, { id: '1', guid: '0f6b7c8e-1111-2222-3333-444455556666' })).toBe('0f6b7c8e-1111-2222-3333-444455556666');
    const a = sessionUid({ id: 'fosdem' }, { id: '1', sourceId: '9001' });
    expect(a).toBe(`lanyard-${stableHash('fosdem\n9001')}@lanyard`);
    expect(sessionUid({ id: 'fosdem' }, { id: '2', sourceId: '9001' })).toBe(a);
    expect(sessionUid({ id: 'fosdem' }, { id: '1', sourceId: '9002' })).not.toBe(a);
    expect(stableHash('')).toBe('cbf29ce484222325');
    expect(stableHash('a')).toBe('af63dc4c8601ec8c');
  });

  it('raises SEQUENCE for a session the organizers changed, following renumbered ids', () => {
    const change = (sessionId: string, tags: SessionChange['tags'], previousId?: string): SessionChange => ({ sessionId, title: 't', tags, changes: [], ...(previousId ? { previousId } : {}) });
    const revisions = [
      { at: 1, changes: [change('old-7', ['moved-room'])] },
      { at: 2, changes: [change('s7', ['moved-time'], 'old-7'), change('s8', ['new'])] },
      { at: 3, changes: [change('s7', ['retitled'])] },
    ];
    expect(sessionSequence('s7', revisions)).toBe(3);
    expect(sessionSequence('s8', revisions)).toBe(0);
    expect(sessionSequence('s9', revisions)).toBe(0);

    const feed = makeFeed([{ id: 's7', title: 'Moved' }, { id: 's8', title: 'Stayed' }]);
    const ics = agendaToICal([partOf(feed, { revisions })], { now: NOW });
    const byTitle = new Map(events(ics).map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('sequence')]));
    expect(byTitle.get('Moved')).toBe(3);
    expect(byTitle.get('Stayed')).toBe(0);
  });

  it('writes a VTIMEZONE with the DST change inside a conference that crosses it (New York, March 2024)', () => {
    const feed = makeFeed(
      [
        { id: 'sat', title: 'Before the change', start: '2024-03-09T15:00:00Z', end: '2024-03-09T16:00:00Z', day: '2024-03-09' },
        { id: 'sun', title: 'After the change', start: '2024-03-10T14:00:00Z', end: '2024-03-10T15:00:00Z', day: '2024-03-10' },
      ],
      { conference: { id: 'nyc', title: 'NYC Conf', timeZone: 'America/New_York', start: '2024-03-09', end: '2024-03-10', days: ['2024-03-09', '2024-03-10'], links: [] } },
    );
    const ics = agendaToICal([partOf(feed)], { now: NOW });
    expect(ics).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20240309T100000');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20240310T100000');
    const starts = startsViaVtimezone(ics);
    expect([...starts.values()].sort()).toEqual(['2024-03-09T15:00:00Z', '2024-03-10T14:00:00Z']);
  });

  it('finds the observances of zones with and without DST', () => {
    const brussels = observancesFor('Europe/Brussels', Date.UTC(2023, 1, 3), Date.UTC(2023, 1, 4));
    expect(brussels.map((o) => [o.kind, o.from, o.to, new Date(o.at).toISOString()])).toEqual([
      ['standard', 60, 60, '2022-02-02T00:00:00.000Z'],
      ['daylight', 60, 120, '2022-03-27T01:00:00.000Z'],
      ['standard', 120, 60, '2022-10-30T01:00:00.000Z'],
    ]);
    const tokyo = observancesFor('Asia/Tokyo', Date.UTC(2024, 5, 1), Date.UTC(2024, 5, 3));
    expect(tokyo).toHaveLength(1);
    expect(tokyo[0]).toMatchObject({ kind: 'standard', from: 540, to: 540 });
    const auckland = observancesFor('Pacific/Auckland', Date.UTC(2024, 0, 10), Date.UTC(2024, 0, 12));
    expect(auckland[0]).toMatchObject({ kind: 'daylight', from: 780, to: 780 });
  });

  it('marks cancelled sessions and carries the star level', () => {
    const feed = makeFeed([{ id: 'a', title: 'Gone', cancelled: true }, { id: 'b', title: 'Kept', start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:30:00Z' }]);
    const ics = agendaToICal([partOf(feed, { stars: new Map([['b', 'maybe']]) })], { now: NOW });
    const byTitle = new Map(events(ics).map((e) => [e.getFirstPropertyValue('summary'), e]));
    expect(byTitle.get('Gone')?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byTitle.get('Kept')?.getFirstPropertyValue('x-lanyard-star')).toBe('maybe');
  });

  it('exports maybe as TENTATIVE, going as CONFIRMED, and the reminder as a display alarm', () => {
    const feed = makeFeed([
      { id: 'g', title: 'Going', start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:30:00Z' },
      { id: 'm', title: 'Maybe', start: '2023-02-03T11:00:00Z', end: '2023-02-03T11:30:00Z' },
      { id: 'quiet', title: 'Going, no reminder', start: '2023-02-03T12:00:00Z', end: '2023-02-03T12:30:00Z' },
    ]);
    const stars = new Map([['g', 'going'], ['m', 'maybe'], ['quiet', 'going']] as const);
    const ics = agendaToICal([partOf(feed, { stars, reminders: new Map([['g', 25]]) })], { now: NOW });
    const byTitle = new Map(events(ics).map((e) => [e.getFirstPropertyValue('summary'), e]));
    expect(byTitle.get('Going')?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byTitle.get('Maybe')?.getFirstPropertyValue('status')).toBe('TENTATIVE');
    const alarms = byTitle.get('Going')?.getAllSubcomponents('valarm') ?? [];
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarms[0]?.getFirstPropertyValue('trigger'))).toBe('-PT25M');
    expect(alarms[0]?.getFirstPropertyValue('description')).toBe('Going');
    expect(byTitle.get('Maybe')?.getAllSubcomponents('valarm')).toEqual([]);
    expect(byTitle.get('Going, no reminder')?.getAllSubcomponents('valarm')).toEqual([]);
    expect(ics).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT25M\r\nDESCRIPTION:Going\r\nEND:VALARM');
  });

  it('live: leaves cancelled sessions out, and gives the same bytes for the same agenda at any time', () => {
    const feed = makeFeed([{ id: 'a', title: 'Gone', cancelled: true }, { id: 'b', title: 'Kept', start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:30:00Z' }]);
    const part = partOf(feed, { stars: new Map([['a', 'going'], ['b', 'going']] as const), updatedAt: new Map([['a', 1_000], ['b', Date.UTC(2026, 0, 2, 9, 30, 12, 345)]]) });
    const live = agendaToICal([part], { now: NOW, live: true });
    expect(events(live).map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Kept']);
    expect(agendaToICal([part], { now: NOW + 3_600_000, live: true })).toBe(live);
    const kept = events(live)[0];
    expect(String(kept?.getFirstPropertyValue('dtstamp'))).toBe('2026-01-02T09:30:12Z');
    expect(String(kept?.getFirstPropertyValue('last-modified'))).toBe('2026-01-02T09:30:12Z');
    // The file export keeps cancelled sessions, marked, and stamps the file with now.
    const file = events(agendaToICal([part], { now: NOW }));
    expect(file.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'CONFIRMED']);
    expect(String(file[1]?.getFirstPropertyValue('dtstamp'))).toBe('2026-01-15T12:00:00Z');
  });

  it('live: a session the organizers moved gets a higher SEQUENCE and a later LAST-MODIFIED', () => {
    const before = makeFeed([{ id: 's', title: 'Talk', start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:30:00Z' }]);
    const after = makeFeed([{ id: 's', title: 'Talk', start: '2023-02-03T11:00:00Z', end: '2023-02-03T11:30:00Z' }]);
    const stars = new Map([['s', 'going']] as const);
    const updatedAt = new Map([['s', Date.UTC(2026, 0, 1)]]);
    const moved = Date.UTC(2026, 0, 3, 8);
    const first = events(agendaToICal([partOf(before, { stars, updatedAt })], { now: NOW, live: true }))[0];
    const revisions = [{ at: moved, changes: [{ sessionId: 's', title: 'Talk', tags: ['moved-time'], changes: [] } satisfies SessionChange] }];
    const second = events(agendaToICal([partOf(after, { stars, updatedAt, revisions })], { now: NOW, live: true }))[0];
    expect(second?.getFirstPropertyValue('uid')).toBe(first?.getFirstPropertyValue('uid'));
    expect(first?.getFirstPropertyValue('sequence')).toBe(0);
    expect(second?.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(first?.getFirstPropertyValue('last-modified'))).toBe('2026-01-01T00:00:00Z');
    expect(String(second?.getFirstPropertyValue('last-modified'))).toBe('2026-01-03T08:00:00Z');
    expect(String(second?.getFirstPropertyValue('dtstart'))).toBe('2023-02-03T12:00:00');
  });
});

describe('agenda import (iCalendar)', () => {
  it('round-trips: every exported session is matched by its UID', () => {
    const feed = sampleFeed();
    const ics = agendaToICal([partOf(feed, { stars: new Map(feed.sessions.map((s) => [s.id, 'going'] as const)) })], { now: NOW });
    const result = matchICalAgenda(ics, [storedOf(feed, 'centos')]);
    expect(result.unmatched).toEqual([]);
    expect(result.matches).toHaveLength(feed.sessions.length);
    expect(new Set(result.matches.map((m) => m.sessionId))).toEqual(new Set(feed.sessions.map((s) => s.id)));
    expect(result.matches.every((m) => m.by === 'uid' && m.conferenceId === 'centos' && m.star === 'going')).toBe(true);
  });

  it("matches another app's export by guid inside the UID, then by title and time, and explains the rest", () => {
    const feed = makeFeed([
      { id: '101', title: 'Rust in the kernel', guid: '3c1d7f2a-8e4b-4a9c-9d2e-0a1b2c3d4e5f', start: '2023-02-03T09:00:00Z', end: '2023-02-03T09:30:00Z' },
      { id: '102', title: 'Écoute: Observability, Done Right!', start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:30:00Z' },
      { id: '103', title: 'Packaging for fun', start: '2023-02-03T11:00:00Z', end: '2023-02-03T11:30:00Z' },
      { id: '104', title: 'Lightning talks', start: '2023-02-03T12:00:00Z', end: '2023-02-03T12:30:00Z' },
    ]);
    const other = makeFeed([{ id: '9', title: 'Lightning talks', start: '2023-02-03T12:00:00Z', end: '2023-02-03T12:30:00Z' }], {
      conference: { ...feed.conference, id: 'other', title: 'Other Conf' },
    });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//pretalx//pretalx.example//EN',
      'BEGIN:VEVENT',
      'UID:pretalx-conf-3c1d7f2a-8e4b-4a9c-9d2e-0a1b2c3d4e5f@pretalx.example',
      'DTSTAMP:20230101T000000Z',
      'DTSTART;TZID=Europe/Brussels:20230203T100000',
      'DTEND;TZID=Europe/Brussels:20230203T103000',
      'SUMMARY:Rust in the kernel',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:sessionize-5544@sessionize.com',
      'DTSTAMP:20230101T000000Z',
      'DTSTART:20230203T100000Z',
      'DTEND:20230203T103000Z',
      'SUMMARY:ecoute - observability done right',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:moved@elsewhere',
      'DTSTAMP:20230101T000000Z',
      'DTSTART:20230203T150000Z',
      'DTEND:20230203T153000Z',
      'SUMMARY:Packaging for fun',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:lt@elsewhere',
      'DTSTAMP:20230101T000000Z',
      'DTSTART:20230203T120000Z',
      'DTEND:20230203T123000Z',
      'SUMMARY:Lightning talks',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:nothing@elsewhere',
      'DTSTAMP:20230101T000000Z',
      'DTSTART:20230203T120000Z',
      'DTEND:20230203T123000Z',
      'SUMMARY:A talk nobody gave',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const result = matchICalAgenda(ics, [storedOf(feed, 'conf'), storedOf(other, 'other')]);
    expect(result.events).toBe(5);
    expect(result.matches.map((m) => [m.sessionId, m.by])).toEqual([
      ['101', 'guid-in-uid'],
      ['102', 'title-and-time'],
    ]);
    const reasons = new Map(result.unmatched.map((u) => [u.title, u.reason]));
    expect(reasons.get('Packaging for fun')).toMatch(/"Packaging for fun" in Test Conference is at 3 Feb 2023, 12:00, not at 3 Feb 2023, 16:00/);
    expect(reasons.get('Lightning talks')).toMatch(/2 sessions have this title at this time \(Test Conference, Other Conf\)/);
    expect(reasons.get('A talk nobody gave')).toMatch(/no session of your conferences/);
  });

  it('refuses a file that is not iCalendar, and a broken one, with a clear error', () => {
    expect(() => matchICalAgenda('{"lanyard":1}', [])).toThrow();
    expect(() => matchICalAgenda(agendaToICal([partOf(sampleFeed())], { now: NOW }).replace(/^SUMMARY:Kmods.*$/m, 'BEGIN:VEVENT'), [])).toThrow(/malformed/i);
  });
});

describeCorpus('agenda export of a real FOSDEM year', () => {
  it('round-trips FOSDEM 2024 (guids as UIDs) with every session matched', () => {
    const { feed } = importFeed(readCorpus('fosdem/fosdem-2024.xml'));
    const picked = feed.sessions.filter((_, n) => n % 7 === 0);
    const ics = agendaToICal([partOf(feed, { sessions: picked })], { now: NOW });
    const result = matchICalAgenda(ics, [storedOf(feed, 'fosdem-2024')]);
    expect(result.unmatched).toEqual([]);
    expect(result.matches).toHaveLength(picked.length);
    const starts = startsViaVtimezone(ics);
    for (const s of picked) expect(starts.get(sessionUid(feed.conference, s))).toBe(s.start);
  });
});
