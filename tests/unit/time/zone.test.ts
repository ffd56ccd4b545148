import { describe, expect, it } from 'vitest';
import { addDays, conferenceDayOf, dateRange, offsetMinutes, wallTimeOf, wallTimeToInstant } from '../../../core/time/zone';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const at = (date: string, time: string, zone: string): string => iso(wallTimeToInstant(date, time, zone));

describe('wall time to instant', () => {
  it('reads ordinary times with the offset in force on that date, in both hemispheres and half-hour zones', () => {
    expect(at('2024-12-27', '10:30', 'Europe/Berlin')).toBe('2024-12-27T09:30:00Z');
    expect(at('2024-07-01', '10:30', 'Europe/Berlin')).toBe('2024-07-01T08:30:00Z');
    expect(at('2024-07-01', '09:00', 'America/New_York')).toBe('2024-07-01T13:00:00Z');
    expect(at('2024-01-15', '09:00', 'Australia/Sydney')).toBe('2024-01-14T22:00:00Z'); // summer: +11
    expect(at('2024-07-15', '09:00', 'Australia/Sydney')).toBe('2024-07-14T23:00:00Z'); // winter: +10
    expect(at('2024-01-15', '09:00', 'Australia/Adelaide')).toBe('2024-01-14T22:30:00Z'); // +10:30
    expect(at('2024-07-15', '09:00', 'Australia/Adelaide')).toBe('2024-07-14T23:30:00Z'); // +09:30
    expect(at('2024-03-01', '09:00', 'Asia/Kolkata')).toBe('2024-03-01T03:30:00Z');
  });

  // The gap: clocks skip an hour. A time in it is read with the offset before the change.
  it.each([
    ['Europe/Berlin', '2025-03-30', '02:30', '2025-03-30T01:30:00Z', '03:30'],
    ['America/New_York', '2025-03-09', '02:30', '2025-03-09T07:30:00Z', '03:30'],
    ['Australia/Sydney', '2025-10-05', '02:30', '2025-10-04T16:30:00Z', '03:30'],
    ['Australia/Adelaide', '2025-10-05', '02:30', '2025-10-04T17:00:00Z', '03:30'],
  ])('in the skipped hour (%s %s %s) moves forward by the gap', (zone, date, time, instant, shown) => {
    expect(at(date, time, zone)).toBe(instant);
    expect(wallTimeOf(wallTimeToInstant(date, time, zone), zone).time).toBe(shown);
  });

  // The repeat: clocks show the hour twice. Always the first, east or west of UTC, north or south.
  it.each([
    ['Europe/Berlin', '2025-10-26', '02:30', '2025-10-26T00:30:00Z', 120],
    ['America/New_York', '2025-11-02', '01:30', '2025-11-02T05:30:00Z', -240],
    ['Australia/Sydney', '2025-04-06', '02:30', '2025-04-05T15:30:00Z', 660],
    ['Australia/Adelaide', '2025-04-06', '02:30', '2025-04-05T16:00:00Z', 630],
    ['Australia/Lord_Howe', '2025-04-06', '01:45', '2025-04-05T14:45:00Z', 660],
  ])('in the repeated hour (%s %s %s) picks the first of the two', (zone, date, time, instant, offset) => {
    const ms = wallTimeToInstant(date, time, zone);
    expect(iso(ms)).toBe(instant);
    expect(offsetMinutes(zone, ms)).toBe(offset);
    // …and the second one really exists and shows the same clock.
    const second = ms + (offset - offsetMinutes(zone, ms + 3 * 3_600_000)) * 60_000;
    expect(second).toBeGreaterThan(ms);
    expect(wallTimeOf(second, zone).time).toBe(time);
  });

  it('reads the minute before and after a repeated hour exactly', () => {
    expect(at('2025-10-26', '01:59', 'Europe/Berlin')).toBe('2025-10-25T23:59:00Z');
    expect(at('2025-10-26', '03:00', 'Europe/Berlin')).toBe('2025-10-26T02:00:00Z');
  });
});

describe('wall time of an instant', () => {
  it('uses the offset at the instant, not the one in force now (a talk viewed before a summer-time switch)', () => {
    // Viewed on Friday 28 March 2025 (CET, +01:00); the talk is on Monday 31 March (CEST, +02:00).
    const now = Date.parse('2025-03-28T12:00:00Z');
    const talk = wallTimeToInstant('2025-03-31', '10:00', 'Europe/Berlin');
    expect(wallTimeOf(now, 'Europe/Berlin').time).toBe('13:00');
    expect(wallTimeOf(talk, 'Europe/Berlin')).toEqual({ date: '2025-03-31', time: '10:00', minutes: 600 });
    expect((talk - now) / 3_600_000).toBe(3 * 24 - 3 - 1); // 68 hours, not 69: the night is an hour short
    // And south of the equator: viewed in Sydney summer time, a talk after the April switch.
    const sydneyNow = wallTimeToInstant('2025-04-04', '12:00', 'Australia/Sydney');
    const sydneyTalk = wallTimeToInstant('2025-04-07', '12:00', 'Australia/Sydney');
    expect((sydneyTalk - sydneyNow) / 3_600_000).toBe(3 * 24 + 1);
    expect(wallTimeOf(sydneyTalk, 'Australia/Sydney').time).toBe('12:00');
  });

  it('round-trips every quarter hour of a switch day in a half-hour zone', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const ms = wallTimeToInstant('2025-04-06', time, 'Australia/Adelaide');
      expect(wallTimeOf(ms, 'Australia/Adelaide').time).toBe(time);
    }
  });
});

describe('conference day of an instant', () => {
  it('a 01:30 talk belongs to the previous day when the day changes at 04:00', () => {
    const late = wallTimeToInstant('2024-12-28', '01:30', 'Europe/Berlin');
    expect(conferenceDayOf(late, 'Europe/Berlin')).toBe('2024-12-28');
    expect(conferenceDayOf(late, 'Europe/Berlin', 240)).toBe('2024-12-27');
    expect(conferenceDayOf(wallTimeToInstant('2024-12-28', '04:00', 'Europe/Berlin'), 'Europe/Berlin', 240)).toBe('2024-12-28');
  });

  it('the day change is a clock time, also on the night summer time starts or ends', () => {
    // 04:30 CEST on 30 March 2025 is only 3½ hours after 01:00 CET: still the new day.
    expect(conferenceDayOf(wallTimeToInstant('2025-03-30', '04:30', 'Europe/Berlin'), 'Europe/Berlin', 240)).toBe('2025-03-30');
    expect(conferenceDayOf(wallTimeToInstant('2025-03-30', '03:30', 'Europe/Berlin'), 'Europe/Berlin', 240)).toBe('2025-03-29');
    expect(conferenceDayOf(wallTimeToInstant('2025-10-05', '04:15', 'Australia/Sydney'), 'Australia/Sydney', 240)).toBe('2025-10-05');
  });
});

describe('calendar dates', () => {
  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(dateRange('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
  });
});
