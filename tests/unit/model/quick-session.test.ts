import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainlyValidSession, isPossibleDate } from '../../../core/model/quick-session';
import { LocalDateSchema, SessionSchema, type Feed } from '../../../core/model/schema';

const SAMPLE = JSON.parse(readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8')) as Feed;
const session = SAMPLE.sessions[3]!;

const VALUES = [
  undefined, null, 0, 1, true, '', ' ', 'x'.repeat(301), 'x'.repeat(1_001), [], {}, ['a'], [{ url: 'https://a.example/', kind: 'stream' }], [{ url: 'x', kind: 'nope' }],
  [{ url: 'x', kind: 'slides', extra: 1 }], '2023-02-03', '2023-02-04', '2023-02-01', '2023-02-29', '2024-02-29', '2023-02-30', '1969-12-31', '2200-12-31', '2201-01-01',
  '0000-00-00', '2023-02-03T08:00:00Z', '2023-02-03T08:00:00.5Z', '2023-02-03T08:00Z', '2023-02-03T24:00:00Z', '2023-02-03T08:00:60Z', '2023-02-03T07:59:59.999999Z',
  '2024-02-29T23:00:00Z', '2023-02-29T10:00:00Z', '1970-01-01T00:00:00Z', '2200-12-31T23:59:59Z', '20008-02-24T00:00:00Z', '2024-03-10T00:00:00Z', '2023-02-06T08:00:00Z',
];

describe('the quick session check', () => {
  it('accepts the sample sessions as they are', () => {
    expect(SAMPLE.sessions.every(isPlainlyValidSession)).toBe(true);
  });

  it.each([
    ['a start in year 0', { start: '0000-01-01T08:00:00Z' }],
    ['30 February', { day: '2023-02-30' }],
    ['an end before the start', { end: '2023-02-03T06:00:00Z' }],
    ['a day far from the start', { day: '2023-02-10' }],
    ['an unknown key', { color: 'red' }],
    ['no links list (the schema would fill in the default)', { links: undefined }],
  ])('leaves %s to the schema', (_name, change) => {
    expect(isPlainlyValidSession({ ...session, ...change })).toBe(false);
  });

  it('agrees with the schema on dates near every edge (leap days, month ends, the allowed years, day shifts)', () => {
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    const when = fc.record({
      y: fc.constantFrom(1969, 1970, 1999, 2000, 2023, 2024, 2100, 2200, 2201),
      m: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 24 }),
      s: fc.constantFrom('00', '59', '60', '00.5'),
    });
    fc.assert(
      fc.property(when, fc.integer({ min: -2, max: 40 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -1, max: 1 }), (t, endDays, dayShift, monthShift) => {
        const start = `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}T${pad(t.h)}:30:${t.s}Z`;
        const end = `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d + endDays)}T${pad(t.h)}:45:${t.s}Z`;
        const day = `${pad(t.y, 4)}-${pad(t.m + monthShift)}-${pad(t.d + dayShift)}`;
        const candidate = { ...session, start, end, day };
        const parsed = SessionSchema.safeParse(candidate);
        // Equal both ways here: the quick check may only ever be stricter, and on dates it is exact.
        expect(isPlainlyValidSession(candidate)).toBe(parsed.success);
        expect(isPossibleDate(day)).toBe(LocalDateSchema.safeParse(day).success);
      }),
      { seed: 5, numRuns: 5_000 },
    );
  });

  it('accepts nothing the schema would refuse or change', () => {
    const keys = ['id', 'title', 'subtitle', 'start', 'end', 'day', 'links', 'speakerIds', 'cancelled', 'recordingOptOut', 'guid', 'roomId', 'extra'];
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom(...keys), value: fc.constantFrom(...VALUES) }), { maxLength: 4 }), (changes) => {
        const candidate: Record<string, unknown> = { ...session };
        for (const { key, value } of changes) {
          if (value === undefined && key !== 'subtitle') delete candidate[key];
          else candidate[key] = value;
        }
        if (!isPlainlyValidSession(candidate)) return;
        const parsed = SessionSchema.safeParse(candidate);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(candidate);
      }),
      { seed: 3, numRuns: 3_000 },
    );
  });
});
