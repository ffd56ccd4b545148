import { describe, expect, it } from 'vitest';
import { boundaryDay, dayChangeMinutesOf, impliedDayChange, readBoundary } from '../../../core/time/days';

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
