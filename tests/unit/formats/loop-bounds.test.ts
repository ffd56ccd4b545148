import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../core/errors';
import { importFeed } from '../../../core/formats/index';
import { LIMITS } from '../../../core/limits';

/** Loops over feed data that are not bounded by the input size alone get their own caps. */
describe('loop bounds in the importers', () => {
  it(`refuses a schedule.json with more than ${LIMITS.maxDays} days before matching events against them`, () => {
    const days = Array.from({ length: LIMITS.maxDays + 1 }, (_, k) => ({ index: k + 1, date: '2024-02-03', rooms: {} }));
    const events = Array.from({ length: 10 }, (_, k) => ({ guid: `g${k}`, title: `T${k}`, date: '2024-02-03T10:00:00+01:00', duration: '00:30', room: 'A' }));
    const doc = { schedule: { version: '1', conference: { title: 'Many days', acronym: 'md', days }, events } };
    let error: unknown;
    try {
      importFeed(JSON.stringify(doc));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('too-many');
    expect((error as FeedError).message).toBe(`The conference has more than ${LIMITS.maxDays} days (at schedule.conference.days)`);
  });
});
