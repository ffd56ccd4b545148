import { describe, expect, it } from 'vitest';
import { boundaryDay, conferenceDayChange, dayChangeMinutesOf, impliedDayChange, readBoundary } from '../../../core/time/days';
import { conferenceDayOf } from '../../../core/time/zone';

const ms = (iso: string): number => Date.parse(iso);

describe('conference boundaries', () => {
  it('reads a date, a date-time with an offset and a floating date-time; refuses anything else', () => {
    expect(readBoundary('2024-12-27')).toEqual({ date: '2024-12-27' });
    expect(readBoundary('2024-12-27T09:30:00+00:00')).toEqual({ epochMs: ms('2024-12-27T09:30:00Z') });
    expect(readBoundary('2024-12-27T10:30')).toEqual({ wall: { date: '2024-12-27', time: '10:30:00' } });
    expect(readBoundary('27.12.2024')).toBeUndefined();
    expect(readBoundary('2024-02-30')).toBeUndefined();
  });

  it('an instant names the conference day it falls on in the zone; an end instant at the day change closes the day before', () => {
    expect(boundaryDay({ epochMs: ms('2024-12-26T23:30:00Z') }, 'Europe/Berlin', 0, 'start')).toBe('2024-12-27');
    expect(boundaryDay({ epochMs: ms('2024-12-31T03:00:00Z') }, 'Europe/Berlin', 240, 'end')).toBe('2024-12-30');
    expect(boundaryDay({ epochMs: ms('2024-12-30T23:00:00Z') }, 'Europe/Berlin', 0, 'end')).toBe('2024-12-30');
    expect(boundaryDay({ epochMs: ms('2025-01-10T14:00:00Z') }, 'Australia/Adelaide', 0, 'start')).toBe('2025-01-11');
  });

  it('the day change a feed implies by ending its days the next morning, rounded up to the quarter hour', () => {
    const pretalx = [
      { date: '2025-03-10', end: ms('2025-03-11T03:59:00+01:00') },
      { date: '2025-03-11', end: ms('2025-03-12T03:59:00+01:00') },
      { date: '2025-03-12', end: ms('2025-03-12T18:00:00+01:00') },
    ];
    expect(impliedDayChange(pretalx, 'Europe/Amsterdam')).toBe(240);
    expect(impliedDayChange([{ date: '2024-12-27', end: ms('2024-12-28T05:00:00Z') }], 'Europe/Berlin')).toBe(360);
    expect(impliedDayChange([{ date: '2024-12-27', end: ms('2024-12-27T22:00:00Z') }], 'Europe/Berlin')).toBeUndefined();
    expect(dayChangeMinutesOf('04:00')).toBe(240);
    expect(dayChangeMinutesOf(undefined)).toBe(0);
    expect(dayChangeMinutesOf('25:00')).toBe(0);
  });
});

describe('which conference day it is now', () => {
  const sessions = [
    { day: '2024-12-27', start: '2024-12-27T09:30:00Z', end: '2024-12-27T10:00:00Z' },
    { day: '2024-12-27', start: '2024-12-28T00:00:00Z', end: '2024-12-28T01:30:00Z' }, // 01:00–02:30 in Berlin, on the 27th's programme
    { day: '2024-12-28', start: '2024-12-28T10:00:00Z', end: '2024-12-28T11:00:00Z' },
  ];
  const at0130 = Date.parse('2024-12-28T00:30:00Z');
  const conferenceToday = (now: number, conference: { timeZone: string; dayChange?: string }, list: typeof sessions): string =>
    conferenceDayOf(now, conference.timeZone, conferenceDayChange(conference, list));
  it('at 01:30 during a congress whose days change at 04:00 it is still the day before', () => {
    expect(conferenceToday(at0130, { timeZone: 'Europe/Berlin', dayChange: '04:00' }, sessions)).toBe('2024-12-27');
    expect(conferenceToday(Date.parse('2024-12-28T03:30:00Z'), { timeZone: 'Europe/Berlin', dayChange: '04:00' }, sessions)).toBe('2024-12-28');
    expect(conferenceToday(at0130, { timeZone: 'Europe/Berlin' }, [])).toBe('2024-12-28');
  });

  it('a conference stored without its day change takes it from sessions the feed put on the day before', () => {
    expect(conferenceToday(at0130, { timeZone: 'Europe/Berlin' }, sessions)).toBe('2024-12-27');
    // 03:00 (the hour after the last late session ends): the new day.
    expect(conferenceToday(Date.parse('2024-12-28T02:00:00Z'), { timeZone: 'Europe/Berlin' }, sessions)).toBe('2024-12-28');
  });
});
