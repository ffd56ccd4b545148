import { expect, it } from 'vitest';
import { importFeed, type ImportResult } from '../../../core/formats/index';
import type { Session } from '../../../core/model/schema';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';

/**
 * One 33C3 snapshot, four formats: every one must yield the same sessions at the same
 * instants. Sessions are matched by title (unique in this snapshot); the .ics UIDs are
 * additionally checked against the frab guids (`<guid>@frab.cccv.de`).
 */
const FILES = {
  'frab-xml': ['ccc/33c3/schedule.xml', undefined],
  'frab-json': ['ccc/33c3/schedule.json', undefined],
  ical: ['ccc/33c3/schedule.ics', undefined],
  // The xCal export carries floating times and no zone name: the subscriber's choice is
  // needed (without it the times would be read as UTC, with a warning).
  xcal: ['ccc/33c3/schedule.xcal', 'Europe/Berlin'],
} as const;

const timeline = (sessions: Session[]): string[] => sessions.map((s) => `${s.start} ${s.end} ${s.title}`).sort();

describeCorpus('33C3 in XML, JSON, iCalendar and xCal', () => {
  const results = new Map<string, ImportResult>();
  const load = (format: keyof typeof FILES): ImportResult => {
    const [file, timeZone] = FILES[format];
    let result = results.get(format);
    if (!result) {
      result = importFeed(readCorpus(file), timeZone ? { timeZone } : {});
      results.set(format, result);
    }
    return result;
  };

  for (const format of Object.keys(FILES) as Array<keyof typeof FILES>) {
    it(`${format}: sniffed, valid, every event a session, in Europe/Berlin`, () => {
      const { format: sniffed, feed } = load(format);
      expect(sniffed).toBe(format);
      expectValidFeed(feed);
      expect(feed.sessions).toHaveLength(facts()['ccc/33c3/schedule.xml']!.events as number);
      expect(feed.conference.timeZone).toBe('Europe/Berlin');
    });
  }

  it('titles are unique in the snapshot, so they identify sessions across formats', () => {
    const titles = load('frab-xml').feed.sessions.map((s) => s.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  for (const format of ['frab-json', 'ical', 'xcal'] as const) {
    it(`${format} has the XML's sessions at the same instants`, () => {
      expect(timeline(load(format).feed.sessions)).toEqual(timeline(load('frab-xml').feed.sessions));
    });
  }

  it('the .ics UIDs are the frab guids', () => {
    const byTitle = new Map(load('frab-xml').feed.sessions.map((s) => [s.title, s]));
    for (const session of load('ical').feed.sessions) {
      const xml = byTitle.get(session.title)!;
      expect(session.guid).toBe(`${xml.guid}@frab.cccv.de`);
      expect([session.start, session.end, session.roomId]).toEqual([xml.start, xml.end, xml.roomId]);
    }
  });
});
