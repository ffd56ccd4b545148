import { describe, expect, it } from 'vitest';
import { describeFreshness } from '../../../core/sync/freshness';
import { suspiciousShrink } from '../../../core/sync/guard';
import { nextPollDelay, regularInterval } from '../../../core/sync/schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const start = Date.parse('2026-02-01T08:00:00Z');
const end = Date.parse('2026-02-02T18:00:00Z');

describe('polling follows the conference', () => {
  const at = (offset: number, failures = 0, retryAfterSeconds?: number, random = 0.5) =>
    nextPollDelay({ now: start + offset, conferenceStart: start, conferenceEnd: end, failures, retryAfterSeconds, random });

  it('is rare long before, faster as it approaches, every few minutes while it is on', () => {
    expect(at(-60 * DAY)).toBe(DAY);
    expect(at(-10 * DAY)).toBe(6 * HOUR);
    expect(at(-1 * DAY)).toBe(HOUR);
    expect(at(-2 * HOUR)).toBe(5 * MIN);
    expect(at(5 * HOUR)).toBe(5 * MIN);
  });

  it('checks daily for two weeks after (recordings), then stops', () => {
    expect(at(end - start + 3 * DAY)).toBe(DAY);
    expect(at(end - start + 13 * DAY)).toBe(DAY);
    expect(at(end - start + 15 * DAY)).toBeUndefined();
    expect(regularInterval(end + 20 * DAY, start, end)).toBeUndefined();
  });

  it('adds jitter of ±10% so thousands of attendees do not poll in step', () => {
    expect(at(5 * HOUR, 0, undefined, 0)).toBe(4.5 * MIN);
    expect(at(5 * HOUR, 0, undefined, 0.999)).toBeCloseTo(5.5 * MIN, -3);
  });

  it('backs off exponentially with jitter on failure, capped at six hours', () => {
    expect(at(5 * HOUR, 1, undefined, 0.5)).toBe(MIN);
    expect(at(5 * HOUR, 2, undefined, 0.5)).toBe(2 * MIN);
    expect(at(5 * HOUR, 5, undefined, 0.5)).toBe(16 * MIN);
    expect(at(5 * HOUR, 30, undefined, 0.5)).toBe(6 * HOUR);
    expect(at(5 * HOUR, 3, undefined, 0)).toBe(2 * MIN);
  });

  it('lets a daily feed that keeps failing back off to a day, not six hours', () => {
    const after = end - start + 3 * DAY;
    expect(at(after, 1)).toBe(MIN);
    expect(at(after, 10)).toBe(512 * MIN);
    expect(at(after, 30)).toBe(DAY);
    // Before the conference, at the six-hour pace, the cap stays six hours.
    expect(at(-10 * DAY, 30)).toBe(6 * HOUR);
  });

  it('honours Retry-After', () => {
    expect(at(5 * HOUR, 1, 600)).toBe(10 * MIN);
    expect(at(5 * HOUR, 1, 10 * DAY / 1000 * 1000)).toBe(DAY);
  });
});

describe('a revision that lost most of its sessions is held back', () => {
  it('holds an empty or halved schedule, accepts ordinary churn', () => {
    expect(suspiciousShrink(872, 0)).toMatch(/no sessions/);
    expect(suspiciousShrink(872, 400)).toMatch(/only 400 of 872/);
    expect(suspiciousShrink(872, 860)).toBeUndefined();
    expect(suspiciousShrink(4, 1)).toBeUndefined();
    expect(suspiciousShrink(0, 0)).toBeUndefined();
  });
});

describe('freshness', () => {
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const now = Date.parse('2026-02-01T09:16:00Z');
  it('says how old the copy is, that it is offline, or why the last attempt failed', () => {
    expect(describeFreshness({ now, online: true, lastSuccessAt: now - 4 * MIN, clock })).toBe('updated 4 min ago');
    expect(describeFreshness({ now, online: false, lastSuccessAt: Date.parse('2026-02-01T09:12:00Z'), clock })).toBe('offline: showing the copy from 09:12');
    expect(describeFreshness({ now, online: true, lastSuccessAt: now - HOUR, lastError: { at: now - MIN, message: 'The server answered 503 Service Unavailable' }, clock }))
      .toBe('last attempt failed: server answered 503 Service Unavailable');
    expect(describeFreshness({ now, online: true, lastSuccessAt: now, lastError: { at: now - MIN, message: 'x' }, clock })).toBe('updated just now');
    expect(describeFreshness({ now, online: true, clock })).toBe('not checked yet');
  });
});
