import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { resolveTimeZone, type OffsetSample, type ZoneEvidence } from '../../../core/time/infer';
import { parseDateTime } from '../../../core/time/parse';
import { offsetMinutes } from '../../../core/time/zone';

/** Samples as an importer collects them from session times written with offsets. */
function samples(...times: string[]): OffsetSample[] {
  return times.map((t) => {
    const p = parseDateTime(t);
    if (p?.epochMs === undefined || p.offsetMinutes === undefined) throw new Error(`not a time with an offset: ${t}`);
    return { epochMs: p.epochMs, offsetMinutes: p.offsetMinutes };
  });
}

function resolve(evidence: ZoneEvidence): { zone: string; codes: string[]; text: string } {
  const warnings = new WarningLog(100);
  const zone = resolveTimeZone(evidence, warnings);
  return { zone, codes: warnings.list().map((w) => w.code), text: warnings.list().map((w) => w.message).join(' | ') };
}

/** Ten sessions a day over four days, at `offset`. */
function congress(offset: string, month = '12', first = 27): string[] {
  const out: string[] = [];
  for (let d = 0; d < 4; d += 1) for (const h of ['10:30', '12:00', '14:00', '16:00', '18:00', '20:00', '21:00', '22:00', '23:00', '23:30']) out.push(`2024-${month}-${first + d}T${h}:00${offset}`);
  return out;
}

describe('resolveTimeZone: the rule', () => {
  it('a declared zone stands when the session times agree with it', () => {
    const r = resolve({ declared: 'Europe/Berlin', samples: samples(...congress('+01:00')) });
    expect(r).toMatchObject({ zone: 'Europe/Berlin', codes: [] });
  });

  it('times written in UTC say nothing about the zone: a declared zone with UTC boundaries and local sessions stands', () => {
    // What the CCC hub writes: sessions at +01:00, conference and day boundaries in UTC.
    const withUtc = samples(...congress('+01:00'), '2024-12-27T09:30:00+00:00', '2024-12-30T17:45:00+00:00', '2024-12-28T05:00:00Z');
    expect(resolve({ declared: 'Europe/Berlin', samples: withUtc })).toMatchObject({ zone: 'Europe/Berlin', codes: [] });
    // Even when every time is written in UTC, the declared zone is kept.
    expect(resolve({ declared: 'Europe/Berlin', samples: samples(...congress('Z')) })).toMatchObject({ zone: 'Europe/Berlin', codes: [] });
  });

  it('a stray offset is a session held elsewhere, not a reason to drop the declared zone', () => {
    const times = samples(...congress('+01:00', '03', 10), '2024-03-11T16:00:00-05:00');
    const r = resolve({ declared: 'Europe/Amsterdam', samples: times });
    expect(r.zone).toBe('Europe/Amsterdam');
    expect(r.codes).toEqual(['time-zone-stray-offset']);
    expect(r.text).toContain('-05:00');
    expect(r.text).not.toContain('gives no time zone');
  });

  it('a declared zone the times contradict gives way to the times, and the warning does not claim the feed gave none', () => {
    const r = resolve({ declared: 'UTC', samples: samples(...congress('+01:00')) });
    expect(r.zone).toBe('Europe/Berlin');
    expect(r.codes).toEqual(['time-zone-contradiction', 'time-zone-inferred']);
    expect(r.text).not.toContain('gives no time zone');
    expect(r.text).toContain('declared zone UTC');
  });

  it("the subscriber's choice overrides what the feed declares and what could be inferred", () => {
    const times = samples(...congress('+01:00'));
    expect(resolve({ declared: 'Europe/Berlin', fallback: 'Europe/Paris', samples: times })).toMatchObject({ zone: 'Europe/Paris', codes: ['time-zone-from-subscriber'] });
    expect(resolve({ fallback: 'Europe/Berlin', samples: times, places: ['Sydney'] })).toMatchObject({ zone: 'Europe/Berlin' });
    // A name that is no zone is not used, and said so.
    const bad = resolve({ declared: 'Europe/Berlin', fallback: 'Mars/Olympus', samples: times });
    expect(bad.zone).toBe('Europe/Berlin');
    expect(bad.codes).toContain('time-zone-unknown');
  });

  it('a named city decides when it fits the times', () => {
    expect(resolve({ places: ['ULB, Bruxelles'] }).zone).toBe('Europe/Brussels');
    expect(resolve({ places: ['Adelaide Convention Centre'], samples: samples('2025-03-01T09:00:00+10:30') }).zone).toBe('Australia/Adelaide');
    // A city whose zone does not fit the times is passed over.
    expect(resolve({ places: ['Tokyo'], samples: samples(...congress('+01:00')) }).zone).toBe('Europe/Berlin');
  });

  it('infers a zone from offsets, south of the equator and half-hour zones included, tolerating a stray one', () => {
    const sydney = ['2025-01-20T09:00:00+11:00', '2025-01-21T09:00:00+11:00', '2025-01-22T09:00:00+11:00', '2025-01-22T15:00:00+05:30'];
    expect(resolve({ samples: samples(...sydney) }).zone).toBe('Australia/Sydney');
    expect(resolve({ samples: samples('2025-04-05T09:00:00+10:30', '2025-04-06T09:00:00+09:30') }).zone).toBe('Australia/Adelaide');
    const nepal = resolve({ samples: samples('2025-02-01T09:00:00+05:45', '2025-02-02T09:00:00+05:45') }).zone;
    expect(offsetMinutes(nepal, Date.parse('2025-02-01T03:15:00Z'))).toBe(345);
  });

  it('the last fallback is the most common offset, not the first one seen', () => {
    // Mostly +04:00 with one +05:00 first: a zone at +04:00 (the first offset would have given +05:00).
    const mostly4 = samples('2025-01-10T09:00:00+05:00', '2025-01-10T10:00:00+04:00', '2025-01-10T11:00:00+04:00', '2025-01-10T12:00:00+04:00');
    const r = resolve({ samples: mostly4 });
    expect(offsetMinutes(r.zone, Date.parse('2025-01-10T08:00:00Z'))).toBe(240);
    expect(r.codes).toEqual(['time-zone-inferred']);
    // -12:00, which no place on land keeps: the fixed offset itself.
    const fixed = resolve({ samples: samples('2025-01-10T09:00:00-11:00', '2025-01-10T10:00:00-12:00', '2025-01-10T11:00:00-12:00', '2025-01-10T12:00:00-12:00') });
    expect(fixed.zone).toBe('Etc/GMT+12');
    expect(fixed.text).toContain('most session times carry, -12:00');
  });

  it('with nothing to go by, UTC and a warning that asks for the zone', () => {
    const none = resolve({});
    expect(none).toMatchObject({ zone: 'UTC', codes: ['time-zone-missing'] });
    const utcOnly = resolve({ samples: samples(...congress('Z')) });
    expect(utcOnly).toMatchObject({ zone: 'UTC', codes: ['time-zone-missing'] });
    expect(utcOnly.text).toContain('written in UTC');
  });
});
