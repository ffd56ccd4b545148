import { describe, expect, it } from 'vitest';
import { noticeZoneLabel, zoneName } from '../../../core/time/zone-label';

const AT = Date.parse('2023-02-03T14:30:00Z');

describe('the zone a notification names', () => {
  it('names the conference’s city in conference time and "your time" in the viewer’s, only when the clocks differ', () => {
    expect(noticeZoneLabel('conference', 'Europe/Brussels', 'Asia/Tokyo', AT)).toBe('Brussels time');
    expect(noticeZoneLabel('mine', 'Europe/Brussels', 'Asia/Tokyo', AT)).toBe('your time');
    // Paris and Brussels read the same clock: nothing to say.
    expect(noticeZoneLabel('conference', 'Europe/Brussels', 'Europe/Paris', AT)).toBeUndefined();
    expect(noticeZoneLabel('mine', 'Europe/Brussels', 'Europe/Brussels', AT)).toBeUndefined();
    // Lisbon is an hour behind Brussels in winter.
    expect(noticeZoneLabel('conference', 'Europe/Brussels', 'Europe/Lisbon', AT)).toBe('Brussels time');
  });

  it('turns IANA names into words', () => {
    expect(zoneName('America/Los_Angeles')).toBe('Los Angeles time');
    expect(zoneName('Etc/GMT-2')).toBe('UTC+2');
    expect(zoneName('Etc/GMT+5')).toBe('UTC−5');
    expect(zoneName('Etc/UTC')).toBe('Etc/UTC');
    expect(zoneName('UTC')).toBe('UTC');
  });
});
