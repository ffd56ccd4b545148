import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { feedToICal } from '../../../core/export/ical';
import { importICal } from '../../../core/formats/ical';
import { importFeed } from '../../../core/formats/index';
import type { Feed, Session } from '../../../core/model/schema';
import { describeCorpus, expectValidFeed, readCorpus } from '../support/corpus';

const session = (over: Partial<Session> & Pick<Session, 'id' | 'title' | 'start' | 'end'>): Session => ({
  day: over.start.slice(0, 10), speakerIds: [], links: [], recordingOptOut: false, cancelled: false, ...over,
});

const FEED: Feed = {
  lanyard: 1,
  generatedAt: '2024-01-15T12:00:00Z',
  conference: { id: 'democon', title: 'DemoCon, 2024; the "best"', timeZone: 'Europe/Brussels', start: '2024-02-03', end: '2024-02-04', days: ['2024-02-03', '2024-02-04'], links: [] },
  rooms: [{ id: 'r1', name: 'Janson', links: [] }],
  tracks: [{ id: 't1', name: 'Security, Privacy' }],
  speakers: [{ id: 'p1', name: 'Ada Lovelace', links: [] }, { id: 'p2', name: 'Grace Hopper', links: [] }],
  sessions: [
    session({
      id: 's1', guid: 'guid-1', title: 'Opening: welcome, everyone', start: '2024-02-03T08:00:00Z', end: '2024-02-03T08:30:00Z', roomId: 'r1', trackId: 't1',
      abstract: '<p>First &amp; <em>foremost</em>.</p><p>Second paragraph with a long sentence that goes well past seventy-five bytes, with ümlauts: äöü.</p>',
      speakerIds: ['p1', 'p2'],
      links: [{ url: 'https://live.example.org/janson', kind: 'stream' }, { url: 'https://democon.example.org/talk/1', kind: 'other' }],
    }),
    session({ id: 's2', title: 'Cancelled talk', start: '2024-02-04T09:00:00Z', end: '2024-02-04T10:00:00Z', cancelled: true }),
  ],
  announcements: [],
};

/** Unfolded content lines. */
const contentLines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('feedToICal', () => {
  const text = feedToICal(FEED);
  const lines = contentLines(text);

  it('writes the calendar header', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([
      'PRODID:-//Lanyard//Lanyard//EN', 'VERSION:2.0', 'X-WR-CALNAME:DemoCon\\, 2024\\; the "best"', 'X-WR-TIMEZONE:Europe/Brussels',
    ]));
  });

  it('writes one VEVENT per session with UTC times and the mapped fields', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([
      'UID:guid-1', 'UID:democon-s2@lanyard', 'DTSTAMP:20240115T120000Z', 'DTSTART:20240203T080000Z', 'DTEND:20240203T083000Z',
      'SUMMARY:Opening: welcome\\, everyone', 'LOCATION:Janson', 'URL:https://democon.example.org/talk/1', 'CATEGORIES:Security\\, Privacy', 'STATUS:CANCELLED',
      'DESCRIPTION:First & foremost.\\nSecond paragraph with a long sentence that goes well past seventy-five bytes\\, with ümlauts: äöü.\\n\\nSpeakers: Ada Lovelace\\, Grace Hopper',
    ]));
  });

  it('folds lines at 75 bytes and uses CRLF only', () => {
    const physical = text.split('\r\n');
    expect(physical.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('exports only the chosen sessions', () => {
    const one = feedToICal(FEED, { sessionIds: ['s2'] });
    expect(contentLines(one).filter((l) => l.startsWith('UID:'))).toEqual(['UID:democon-s2@lanyard']);
  });

  it('round-trips through importICal: same sessions at the same instants', () => {
    const warnings = new WarningLog();
    const back = importICal(text, { warnings, companions: [] });
    expectValidFeed(back);
    expect(back.conference).toMatchObject({ title: FEED.conference.title, timeZone: 'Europe/Brussels' });
    expect(back.sessions.map((s) => [s.id, s.title, s.start, s.end, s.cancelled])).toEqual(
      FEED.sessions.map((s) => [s.guid ?? `democon-${s.id}@lanyard`, s.title, s.start, s.end, s.cancelled]),
    );
    expect(back.sessions[0]).toMatchObject({ roomId: 'Janson', trackId: 'Security, Privacy' });
    expect(back.sessions[0]!.links.map((l) => l.url)).toEqual(['https://democon.example.org/talk/1']);
    expect(back.sessions[0]!.abstract).toContain('Speakers: Ada Lovelace, Grace Hopper');
    expect(warnings.list()).toEqual([]);
  });
});

describeCorpus('feedToICal on real feeds', () => {
  it.each([['ccc/33c3/schedule.xml'], ['ccc/33c3/schedule.ics'], ['ics/pyconuk-2015.ics']])('%s round-trips through iCalendar', (file) => {
    const { feed } = importFeed(readCorpus(file));
    const back = importICal(feedToICal(feed), { warnings: new WarningLog(), companions: [] });
    expectValidFeed(back);
    const key = (s: Session): string => `${s.start} ${s.end} ${s.title}`;
    expect(back.sessions.map(key).sort()).toEqual(feed.sessions.map(key).sort());
    expect(back.conference.timeZone).toBe(feed.conference.timeZone);
  });
});
