import { describe, expect, it } from 'vitest';
import { calendarDays, inferDayChangeMinutes } from '../../../core/formats/calendar-days';
import { importFeed } from '../../../core/formats/index';

const Z = 'Europe/Berlin';
/** A span from local Berlin wall times in winter (+01:00). */
const at = (date: string, from: string, to: string, nextDay = false) => {
  const start = Date.parse(`${date}T${from}:00+01:00`);
  let end = Date.parse(`${date}T${to}:00+01:00`);
  if (nextDay || end < start) end += 86_400_000;
  return { start, end };
};

describe('conference days of a calendar (iCalendar, xCal)', () => {
  it('a congress running past midnight changes days in the quiet of the night', () => {
    const spans = [at('2024-12-27', '11:00', '12:00'), at('2024-12-27', '23:00', '00:00'), at('2024-12-28', '00:30', '01:30'), at('2024-12-28', '11:00', '12:00')];
    const change = inferDayChangeMinutes(spans, Z);
    expect(change).toBeGreaterThanOrEqual(90);
    expect(change).toBeLessThanOrEqual(11 * 60);
    expect(calendarDays(spans, Z, change)).toEqual(['2024-12-27', '2024-12-27', '2024-12-27', '2024-12-28']);
  });

  it('days change at midnight when midnight is quiet, also in a far zone', () => {
    expect(inferDayChangeMinutes([at('2024-03-01', '09:00', '17:00'), at('2024-03-02', '09:00', '18:00')], Z)).toBe(0);
    const tokyo = [Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-03-01T08:00:00Z')];
    expect(inferDayChangeMinutes([{ start: tokyo[0]!, end: tokyo[1]! }], 'Asia/Tokyo')).toBe(0);
    expect(inferDayChangeMinutes([], Z)).toBe(0);
  });

  it('an early talk on the first morning has no evening before it and keeps its date', () => {
    const spans = [at('2024-12-27', '01:00', '02:00'), at('2024-12-27', '11:00', '12:00'), at('2024-12-27', '22:00', '23:30'), at('2024-12-28', '00:30', '01:30')];
    const change = inferDayChangeMinutes(spans, Z);
    expect(calendarDays(spans, Z, change)).toEqual(['2024-12-27', '2024-12-27', '2024-12-27', '2024-12-27']);
  });

  it('all-day entries do not move the day change', () => {
    const spans = [at('2024-03-01', '09:00', '17:00'), { start: Date.parse('2024-03-01T00:00:00+01:00'), end: Date.parse('2024-03-02T00:00:00+01:00') }];
    expect(inferDayChangeMinutes(spans, Z)).toBe(0);
  });
});

const vevent = (uid: string, start: string, end: string) => ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART;TZID=Europe/Berlin:${start}`, `DTEND;TZID=Europe/Berlin:${end}`, `SUMMARY:Talk ${uid}`, 'END:VEVENT'];
const ics = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');
const xcal = (...events: Array<[string, string, string]>) => `<?xml version="1.0"?><iCalendar><vcalendar><version>2.0</version><prodid>-//Pentabarf//Schedule//EN</prodid>
${events.map(([uid, s, e]) => `<vevent><uid>${uid}</uid><dtstart>${s}</dtstart><dtend>${e}</dtend><summary>Talk ${uid}</summary><location>Saal 1</location></vevent>`).join('\n')}
</vcalendar></iCalendar>`;

describe('after-midnight talks land on the evening\'s day', () => {
  it('in iCalendar', () => {
    const { feed } = importFeed(ics(
      vevent('a', '20241227T110000', '20241227T120000'),
      vevent('b', '20241227T230000', '20241228T000000'),
      vevent('c', '20241228T003000', '20241228T013000'),
      vevent('d', '20241228T110000', '20241228T120000'),
    ));
    expect(feed.sessions.map((s) => [s.id, s.day])).toEqual([['a', '2024-12-27'], ['b', '2024-12-27'], ['c', '2024-12-27'], ['d', '2024-12-28']]);
    expect(feed.conference.days).toEqual(['2024-12-27', '2024-12-28']);
  });

  it('in xCal (floating times in the zone the subscriber chose)', () => {
    const { feed } = importFeed(xcal(['a', '20241227T110000', '20241227T120000'], ['b', '20241227T230000', '20241228T000000'], ['c', '20241228T003000', '20241228T013000'], ['d', '20241228T110000', '20241228T120000']), { timeZone: Z });
    expect(feed.sessions.map((s) => [s.id, s.day])).toEqual([['a', '2024-12-27'], ['b', '2024-12-27'], ['c', '2024-12-27'], ['d', '2024-12-28']]);
  });

  it('a calendar with a quiet midnight keeps calendar dates', () => {
    const { feed } = importFeed(ics(vevent('a', '20240301T090000', '20240301T100000'), vevent('b', '20240302T090000', '20240302T100000')));
    expect(feed.sessions.map((s) => s.day)).toEqual(['2024-03-01', '2024-03-02']);
  });
});
