import { describe, expect, it } from 'vitest';
import { currentProgrammeDay, isLongSession, nowSessionIndex, programmeSpans } from '../../../core/time/programme-day';

const at = (iso: string): number => Date.parse(iso);

describe('each day’s programme span', () => {
  it('runs from the first start to the last end, leaving out sessions longer than four hours', () => {
    const spans = programmeSpans([
      { day: '2020-02-01', start: '2020-02-01T09:30:00+01:00', end: '2020-02-01T09:55:00+01:00' },
      { day: '2020-02-01', start: '2020-02-01T08:00:00+01:00', end: '2020-02-01T20:00:00+01:00' }, // an all-day workshop
      { day: '2020-02-01', start: '2020-02-01T18:30:00+01:00', end: '2020-02-01T19:00:00+01:00' },
      { day: '2020-02-02', start: '2020-02-02T00:00:00+01:00', end: '2020-02-03T00:00:00+01:00' }, // only a long one that day
      { day: '2020-02-02', start: 'not a time', end: '2020-02-03T00:00:00+01:00' },
    ]);
    expect(spans).toEqual([
      { day: '2020-02-01', start: at('2020-02-01T09:30:00+01:00'), end: at('2020-02-01T19:00:00+01:00') },
      { day: '2020-02-02', start: at('2020-02-02T00:00:00+01:00'), end: at('2020-02-03T00:00:00+01:00') },
    ]);
  });

  it('a session is long beyond four hours', () => {
    expect(isLongSession({ start: '2020-02-01T09:00:00Z', end: '2020-02-01T13:00:00Z' })).toBe(false);
    expect(isLongSession({ start: '2020-02-01T09:00:00Z', end: '2020-02-01T13:01:00Z' })).toBe(true);
  });
});

describe('which day’s programme it is now', () => {
  // FOSDEM 2020: Saturday 09:30–19:00, Sunday 09:00–17:50, Brussels; the feed's day change is 09:00.
  const fosdem = [
    { day: '2020-02-01', start: at('2020-02-01T09:30:00+01:00'), end: at('2020-02-01T19:00:00+01:00') },
    { day: '2020-02-02', start: at('2020-02-02T09:00:00+01:00'), end: at('2020-02-02T17:50:00+01:00') },
  ];
  const brussels = (iso: string): string => currentProgrammeDay(at(`${iso}+01:00`), fosdem, 'Europe/Brussels', 9 * 60);

  it('FOSDEM at 08:00 on Sunday: Sunday (Saturday’s programme ended at 19:00), though the feed’s day changes at 09:00', () => {
    expect(brussels('2020-02-02T08:00:00')).toBe('2020-02-02');
    expect(brussels('2020-02-01T23:30:00')).toBe('2020-02-02');
    expect(brussels('2020-02-01T19:00:00')).toBe('2020-02-02');
  });

  it('during a day’s programme, that day', () => {
    expect(brussels('2020-02-01T12:00:00')).toBe('2020-02-01');
    expect(brussels('2020-02-02T09:00:00')).toBe('2020-02-02');
    expect(brussels('2020-02-02T17:49:00')).toBe('2020-02-02');
  });

  it('before the conference: its first day on the morning of it (before the first talk), the day-change rule’s day before that', () => {
    expect(brussels('2020-02-01T08:00:00')).toBe('2020-02-01');
    expect(brussels('2020-01-31T20:00:00')).toBe('2020-01-31');
    expect(brussels('2020-01-20T12:00:00')).toBe('2020-01-20');
  });

  it('after the conference: its last day that evening, then the days after', () => {
    expect(brussels('2020-02-02T21:00:00')).toBe('2020-02-02');
    expect(brussels('2020-02-03T12:00:00')).toBe('2020-02-03');
  });

  // 38C3 (Hamburg, days change at 04:00): day 1's programme runs until 02:30 the next morning.
  const congress = [
    { day: '2024-12-27', start: at('2024-12-27T10:30:00+01:00'), end: at('2024-12-28T02:30:00+01:00') },
    { day: '2024-12-28', start: at('2024-12-28T11:00:00+01:00'), end: at('2024-12-29T01:00:00+01:00') },
    { day: '2024-12-29', start: at('2024-12-29T11:00:00+01:00'), end: at('2024-12-29T23:00:00+01:00') },
  ];
  const hamburg = (iso: string, dayChange = 4 * 60): string => currentProgrammeDay(at(`${iso}+01:00`), congress, 'Europe/Berlin', dayChange);

  it('a congress at 01:30: the evening’s day, still running; once it is over, the coming day', () => {
    expect(hamburg('2024-12-28T01:30:00')).toBe('2024-12-27');
    expect(hamburg('2024-12-28T01:30:00', 0)).toBe('2024-12-27');
    expect(hamburg('2024-12-28T03:00:00')).toBe('2024-12-28');
    expect(hamburg('2024-12-28T09:00:00')).toBe('2024-12-28');
    expect(hamburg('2024-12-29T00:30:00')).toBe('2024-12-28');
  });

  it('after the last day ends past midnight, the rule’s day (still the last day until the day change)', () => {
    expect(hamburg('2024-12-30T01:00:00')).toBe('2024-12-29');
    expect(hamburg('2024-12-30T05:00:00')).toBe('2024-12-30');
  });

  it('no programme at all: the day-change rule', () => {
    expect(currentProgrammeDay(at('2024-12-28T01:30:00+01:00'), [], 'Europe/Berlin', 240)).toBe('2024-12-27');
  });
});

describe('where Jump to now lands', () => {
  const talk = (start: string, end: string) => ({ start: `2020-02-01T${start}:00Z`, end: `2020-02-01T${end}:00Z` });
  const now = at('2020-02-01T12:10:00Z');

  it('on the talk on now, not on the all-day workshop that started first', () => {
    const day = [talk('08:00', '20:00'), talk('11:00', '11:50'), talk('11:50', '12:30'), talk('12:30', '13:00')];
    expect(nowSessionIndex(day, now)).toBe(2);
  });

  it('not on a three-hour tutorial that started hours ago while talks are on', () => {
    const day = [talk('09:00', '12:30'), talk('10:00', '10:30'), talk('12:00', '12:20'), talk('12:20', '12:40')];
    expect(nowSessionIndex(day, now)).toBe(2);
  });

  it('between talks, on the next one; with only long ones left, on those; after the day, on the last', () => {
    expect(nowSessionIndex([talk('11:00', '12:00'), talk('12:15', '12:45')], now)).toBe(1);
    expect(nowSessionIndex([talk('09:00', '12:30'), talk('10:00', '11:00')], now)).toBe(0);
    expect(nowSessionIndex([talk('08:00', '20:00'), talk('10:00', '11:00')], now)).toBe(0);
    expect(nowSessionIndex([talk('10:00', '11:00'), talk('11:00', '12:00')], now)).toBe(1);
    expect(nowSessionIndex([], now)).toBe(-1);
  });
});
