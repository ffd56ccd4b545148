import ICAL from 'ical.js';
import { offsetMinutes } from '../time/zone';

const DAY = 86_400_000;

export interface Observance {
  kind: 'standard' | 'daylight';
  /** The instant the offset starts to apply. */
  at: number;
  /** Minutes east of UTC before and after. */
  from: number;
  to: number;
}

/** The instant in (lo, hi] at which the offset changes, to the second (changes fall on whole seconds). */
function transitionBetween(zone: string, loMs: number, hiMs: number): number {
  const before = offsetMinutes(zone, loMs);
  let lo = Math.floor(loMs / 1_000);
  let hi = Math.ceil(hiMs / 1_000);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMinutes(zone, mid * 1_000) === before) lo = mid;
    else hi = mid;
  }
  return hi * 1_000;
}

/**
 * The observances a VTIMEZONE needs for events between `fromMs` and `toMs`: the one in
 * force a year before the first event, then every offset change up to the last one. ical.js
 * ships no time-zone database, so the offsets come from the runtime's (Intl) data.
 */
export function observancesFor(zone: string, fromMs: number, toMs: number): Observance[] {
  const start = Math.floor((fromMs - 366 * DAY) / DAY) * DAY;
  const first = offsetMinutes(zone, start);
  const out: Observance[] = [{ kind: 'standard', at: start, from: first, to: first }];
  let previous = first;
  for (let t = start; t < toMs + DAY; t += DAY) {
    const next = offsetMinutes(zone, t + DAY);
    if (next === previous) continue;
    const at = transitionBetween(zone, t, t + DAY);
    out.push({ kind: next > previous ? 'daylight' : 'standard', at, from: previous, to: next });
    previous = next;
  }
  // The opening observance takes the kind of the offset it holds: daylight when a later change lowers it.
  const firstChange = out[1];
  if (firstChange && firstChange.to < first) out[0]!.kind = 'daylight';
  return out;
}

function localTime(epochMs: number, offset: number): ICAL.Time {
  const d = new Date(epochMs + offset * 60_000);
  return ICAL.Time.fromData({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false });
}

/** CET, CEST, EDT…: the runtime knows them per locale (en-US names American zones, en-GB European ones). */
function zoneAbbreviation(zone: string, epochMs: number): string | undefined {
  for (const locale of ['en-US', 'en-GB']) {
    try {
      const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value;
      if (name && /^[A-Z]{2,6}$/.test(name)) return name;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A VTIMEZONE component for `zone`, valid for events between `fromMs` and `toMs`. */
export function vtimezone(zone: string, fromMs: number, toMs: number): ICAL.Component {
  const component = new ICAL.Component('vtimezone');
  component.addPropertyWithValue('tzid', zone);
  component.addPropertyWithValue('x-lic-location', zone);
  for (const o of observancesFor(zone, fromMs, toMs)) {
    const sub = new ICAL.Component(o.kind);
    // DTSTART is the local time of the onset, read in the offset in force before it (RFC 5545 3.6.5).
    sub.addPropertyWithValue('dtstart', localTime(o.at, o.from));
    sub.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(o.from * 60));
    sub.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(o.to * 60));
    const name = zoneAbbreviation(zone, o.at + 1_000);
    if (name) sub.addPropertyWithValue('tzname', name);
    component.addSubcomponent(sub);
  }
  return component;
}

/** Local wall time of `epochMs` in `zone`, as a floating ical.js time (the caller adds TZID). */
export function wallTime(epochMs: number, zone: string): ICAL.Time {
  return localTime(epochMs, offsetMinutes(zone, epochMs));
}
