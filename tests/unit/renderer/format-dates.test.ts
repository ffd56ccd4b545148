import { describe, expect, it } from 'vitest';
import { hourLines } from '../../../renderer/src/features/schedule/hour-lines';
import { clock, clockOn, dateAndClock, dateIn, dateRange, daySpanIn, longDate, otherDate, shortDate, upcomingClock } from '../../../renderer/src/format';

// CentOS Connect 2023: Friday 3 February in Brussels (UTC+1). Tokyo is 8 hours ahead, Los
// Angeles 9 hours behind, so its evening is Saturday in Tokyo and its morning Thursday in LA.
const DAY = '2023-02-03';
const BRUSSELS = 'Europe/Brussels';
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';
const COFFEE = { start: '2023-02-03T07:30:00Z', end: '2023-02-03T08:00:00Z' }; // 08:30 Brussels
const FIRST_TALK = { start: '2023-02-03T08:00:00Z', end: '2023-02-03T08:25:00Z' }; // 09:00 Brussels = 00:00 LA
const KMODS = { start: '2023-02-03T14:30:00Z', end: '2023-02-03T15:00:00Z' }; // 15:30–16:00 Brussels = 23:30–00:00 Tokyo
const BOARD_AMA = { start: '2023-02-03T16:00:00Z', end: '2023-02-03T17:00:00Z' }; // 17:00–18:00 Brussels = 01:00–02:00 Tokyo

describe('a session’s own date in the zone shown', () => {
  it('is the next day in Tokyo for a Brussels evening talk', () => {
    expect(dateIn(BOARD_AMA.start, BRUSSELS)).toBe('2023-02-03');
    expect(dateIn(BOARD_AMA.start, TOKYO)).toBe('2023-02-04');
    expect(dateAndClock(BOARD_AMA.start, TOKYO)).toBe('Sat 4 Feb 01:00');
    expect(dateAndClock(BOARD_AMA.start, BRUSSELS)).toBe('Fri 3 Feb 17:00');
  });

  it('is the previous day in Los Angeles for a Brussels morning', () => {
    expect(dateIn(COFFEE.start, LA)).toBe('2023-02-02');
    expect(dateAndClock(COFFEE.start, LA)).toBe('Thu 2 Feb 23:30');
    // 09:00 in Brussels is LA's midnight: Friday again.
    expect(dateAndClock(Date.parse(FIRST_TALK.start), LA)).toBe('Fri 3 Feb 00:00');
  });

  it('is named only where it is not the conference day', () => {
    expect(otherDate(BOARD_AMA.start, TOKYO, DAY)).toBe('Sat 4 Feb');
    expect(otherDate(BOARD_AMA.start, BRUSSELS, DAY)).toBeUndefined();
    expect(otherDate(KMODS.start, TOKYO, DAY)).toBeUndefined();
    expect(otherDate(COFFEE.start, LA, DAY)).toBe('Thu 2 Feb');
    expect(otherDate(FIRST_TALK.start, LA, DAY)).toBeUndefined();
    expect(clockOn(BOARD_AMA.start, TOKYO, DAY)).toBe('Sat 4 Feb 01:00');
    expect(clockOn(KMODS.start, TOKYO, DAY)).toBe('23:30');
    expect(clockOn(COFFEE.start, LA, DAY)).toBe('Thu 2 Feb 23:30');
    expect(clockOn(COFFEE.start, BRUSSELS, DAY)).toBe('08:30');
  });

  it('shows a placeholder for a damaged date instead of throwing', () => {
    expect(shortDate('not-a-date')).toBe('—');
    expect(dateAndClock('garbage', TOKYO)).toBe('—');
  });

  it.each([['year 0', '0000-00-00'], ['30 February', '2023-02-30'], ['year 20008', '20008-02-24'], ['empty', ''], ['10,000 characters', 'x'.repeat(10_000)]])('never throws on a stored day: %s (older data may predate the model boundary)', (_label, bad) => {
    expect(longDate(bad)).toBe('—');
    expect(shortDate(bad)).toBe('—');
    const friday = longDate('2023-02-03');
    expect(friday).toMatch(/^Friday,? 3 February 2023$/);
    expect(dateRange(bad, '2023-02-03')).toBe(`— – ${friday}`);
    expect(dateRange('2023-02-03', bad)).toBe(`${friday} – —`);
    expect(dateRange(bad, bad)).toBe('—');
  });

  it.each(['0000-01-01T00:00:00Z', '+020008-02-24T00:00:00Z', 'garbage', ''])('never throws on a stored instant %j', (bad) => {
    for (const zone of [TOKYO, LA]) {
      expect(() => [clock(bad, zone), dateIn(bad, zone), dateAndClock(bad, zone), otherDate(bad, zone, DAY), clockOn(bad, zone, DAY), upcomingClock(bad, zone, Date.parse(DAY))]).not.toThrow();
      expect(() => daySpanIn([{ start: bad, end: bad }, COFFEE], zone, DAY)).not.toThrow();
    }
    expect(clock('garbage', TOKYO)).toBe('—');
  });

  it('writes a range that ends before it starts as two dates, not an error', () => {
    expect(() => dateRange('2023-02-05', '2023-02-03')).not.toThrow();
  });
});

describe('where a conference day falls in the zone shown', () => {
  const day = [COFFEE, FIRST_TALK, KMODS, BOARD_AMA];

  it('says nothing when the day is the same date there', () => {
    expect(daySpanIn(day, BRUSSELS, DAY)).toBeUndefined();
    // Ending exactly at midnight is still the same evening.
    expect(daySpanIn([COFFEE, KMODS], TOKYO, DAY)).toBeUndefined();
    expect(daySpanIn([], TOKYO, DAY)).toBeUndefined();
  });

  it('runs into Saturday in Tokyo and starts on Thursday in Los Angeles', () => {
    expect(daySpanIn(day, TOKYO, DAY)).toBe('Fri 3 Feb 16:30 – Sat 4 Feb 02:00');
    expect(daySpanIn(day, LA, DAY)).toBe('Thu 2 Feb 23:30 – Fri 3 Feb 09:00');
    expect(daySpanIn([FIRST_TALK, KMODS], LA, DAY)).toBeUndefined();
  });
});

describe('the tray’s short “when”', () => {
  it('is a bare time today, and carries the weekday when the session is not today in that zone', () => {
    // Friday 11:50 in Brussels, 19:50 in Tokyo.
    const now = Date.parse('2023-02-03T10:50:00Z');
    expect(upcomingClock(KMODS.start, BRUSSELS, now)).toBe('15:30');
    expect(upcomingClock(KMODS.start, TOKYO, now)).toBe('23:30');
    expect(upcomingClock(BOARD_AMA.start, BRUSSELS, now)).toBe('17:00');
    expect(upcomingClock(BOARD_AMA.start, TOKYO, now)).toBe('Sat 01:00');
  });

  it('is today in Los Angeles where Brussels is already on tomorrow', () => {
    // Thursday 08:00 in Los Angeles, 17:00 in Brussels.
    const now = Date.parse('2023-02-02T16:00:00Z');
    expect(upcomingClock(COFFEE.start, LA, now)).toBe('23:30');
    expect(upcomingClock(COFFEE.start, BRUSSELS, now)).toBe('Fri 08:30');
  });

  it('gives the full date a week or more ahead, where a weekday alone would read as today', () => {
    const now = Date.parse('2023-01-27T10:00:00Z'); // Friday, a week before
    expect(upcomingClock(KMODS.start, BRUSSELS, now)).toBe('Fri 3 Feb 15:30');
    expect(upcomingClock(KMODS.start, BRUSSELS, Date.parse('2023-01-28T10:00:00Z'))).toBe('Fri 15:30');
  });
});

describe('the timeline’s hour axis', () => {
  const first = Date.parse(COFFEE.start);
  const last = Date.parse(BOARD_AMA.end);

  it('names Saturday at Tokyo’s midnight and nowhere else', () => {
    const lines = hourLines(first, last, TOKYO, DAY);
    expect(lines[0]).toEqual({ at: Date.parse('2023-02-03T07:00:00Z'), label: '16:00' });
    expect(lines.filter((l) => l.date)).toEqual([{ at: Date.parse('2023-02-03T15:00:00Z'), label: '00:00', date: 'Sat 4 Feb' }]);
    expect(lines.at(-1)?.label).toBe('02:00');
  });

  it('names Thursday on the first line in Los Angeles, then Friday at midnight', () => {
    const lines = hourLines(first, last, LA, DAY);
    expect(lines.slice(0, 2)).toEqual([
      { at: Date.parse('2023-02-03T07:00:00Z'), label: '23:00', date: 'Thu 2 Feb' },
      { at: Date.parse('2023-02-03T08:00:00Z'), label: '00:00', date: 'Fri 3 Feb' },
    ]);
    expect(lines.filter((l) => l.date)).toHaveLength(2);
  });

  it('has no dates in conference time, and lines on whole local hours in half-hour zones', () => {
    expect(hourLines(first, last, BRUSSELS, DAY).every((l) => l.date === undefined && l.label.endsWith(':00'))).toBe(true);
    const kolkata = hourLines(first, last, 'Asia/Kolkata', DAY); // UTC+5:30: coffee at 13:00
    expect(kolkata[0]).toEqual({ at: first, label: '13:00' });
    expect(kolkata.every((l) => l.label.endsWith(':00'))).toBe(true);
    const kathmandu = hourLines(first, last, 'Asia/Kathmandu', DAY); // UTC+5:45: coffee at 13:15
    expect(kathmandu[0]!.label).toBe('13:00');
    expect(kathmandu.every((l) => l.label.endsWith(':00'))).toBe(true);
  });

  it('is empty with no sessions', () => {
    expect(hourLines(Infinity, -Infinity, TOKYO, DAY)).toEqual([]);
  });
});
