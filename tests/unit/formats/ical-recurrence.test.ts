import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { importICal } from '../../../core/formats/ical';
import { RecurrenceBudget, withStepBudget } from '../../../core/formats/ical-recurrence';
import { importXCal } from '../../../core/formats/xcal';
import { parseXml } from '../../../core/formats/xml';
import { LIMITS } from '../../../core/limits';
import { expectValidFeed } from '../support/corpus';

const NEVER = 'BYMONTH=2;BYMONTHDAY=30';

function runIcs(events: string[][]) {
  const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN', 'X-WR-TIMEZONE:Europe/Berlin',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
  const warnings = new WarningLog(1000);
  const feed = importICal(text, { warnings, timeZone: undefined, companions: [] });
  expectValidFeed(feed);
  return { feed, warnings: warnings.list() };
}

const repeating = (uid: string, rule: string, start = '20260101T100000Z'): string[] =>
  [`UID:${uid}`, `DTSTART:${start}`, 'DURATION:PT1H', `SUMMARY:Talk ${uid}`, `RRULE:${rule}`];

/** Steps ical.js takes for `rule`, counted by the budget itself with a huge allowance. */
function stepsFor(rule: string, count: number): number {
  const jcal = ICAL.parse(['BEGIN:VEVENT', ...repeating('s', rule), 'END:VEVENT'].join('\r\n')) as unknown[];
  const comp = new ICAL.Component(jcal);
  const event = new ICAL.Event(comp);
  const result = withStepBudget(1e9, () => {
    const iterator = event.iterator();
    for (let k = 0; k < count && iterator.next(); k += 1);
  });
  return result.used;
}

describe('recurrence budget', () => {
  it.each(['DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY', 'YEARLY;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21;BYMONTH=4'])(
    'stops a FREQ=%s rule that matches no date, keeps the event once and names it in a warning',
    (freq) => {
      const rule = freq.includes(';') ? `FREQ=${freq}` : `FREQ=${freq};${NEVER}`;
      const { feed, warnings } = runIcs([repeating('never', rule)]);
      expect(feed.sessions.map((s) => [s.title, s.start])).toEqual([['Talk never', '2026-01-01T10:00:00Z']]);
      const warning = warnings.find((w) => w.code === 'recurrence-budget');
      expect(warning?.message).toBe(
        `"Talk never" has a repeat rule that matches few or no dates: Lanyard stopped looking after ${LIMITS.maxRecurrenceSteps} tries, and only its start date was kept.`,
      );
      expect(warning?.where).toBe('line 5');
    },
  );

  it('keeps the dates found before the budget ran out', () => {
    // Leap days only: one match about every 1,461 candidate days.
    const { feed, warnings } = runIcs([repeating('leap', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29')]);
    const starts = feed.sessions.map((s) => s.start);
    // ical.js always yields DTSTART first; then only leap days.
    expect(starts.slice(0, 3)).toEqual(['2026-01-01T10:00:00Z', '2028-02-29T10:00:00Z', '2032-02-29T10:00:00Z']);
    expect(starts.slice(1).every((s) => s.slice(4, 10) === '-02-29')).toBe(true);
    expect(starts.length).toBeLessThan(LIMITS.maxRecurrences);
    expect(warnings.find((w) => w.code === 'recurrence-budget')?.message).toContain(`the ${starts.length} date(s) found until then were kept`);
  });

  it('bounds a whole calendar of hopeless rules by the per-calendar budget', () => {
    const hopeless = Array.from({ length: 15 }, (_, k) => repeating(`h${k}`, `FREQ=DAILY;${NEVER}`));
    const { feed, warnings } = runIcs([repeating('early', 'FREQ=WEEKLY;COUNT=3'), ...hopeless, repeating('late', 'FREQ=WEEKLY;COUNT=3')]);
    const budget = warnings.filter((w) => w.code === 'recurrence-budget');
    // The early weekly event took a few tries, so nine hopeless rules get their full allowance,
    // the tenth what was left, and the rest (and the late event) none.
    const full = LIMITS.maxRecurrenceStepsPerFeed / LIMITS.maxRecurrenceSteps - 1;
    expect(budget.slice(0, full).every((w) => w.message.includes(`after ${LIMITS.maxRecurrenceSteps} tries`))).toBe(true);
    expect(budget[full]!.message).toMatch(/after \d+ tries/);
    const usedUp = budget.slice(full + 1);
    expect(usedUp).toHaveLength(15 - full - 1 + 1);
    expect(usedUp.every((w) => w.message.includes(`had used up the ${LIMITS.maxRecurrenceStepsPerFeed} tries Lanyard allows per calendar`))).toBe(true);
    // A repeating event before the budget ran out expands in full; one after it is still kept, once, with a warning.
    expect(feed.sessions.filter((s) => s.title === 'Talk early')).toHaveLength(3);
    expect(feed.sessions.filter((s) => s.title === 'Talk late')).toHaveLength(1);
    expect(budget.at(-1)!.message).toMatch(/^"Talk late"/);
    expect(feed.sessions).toHaveLength(3 + 15 + 1);
  });

  it('leaves ordinary rules alone: 500 weekday-only daily occurrences fit the budget several times over', () => {
    expect(stepsFor('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', LIMITS.maxRecurrences)).toBeLessThan(LIMITS.maxRecurrenceSteps / 2);
    const { feed, warnings } = runIcs([repeating('weekdays', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=400')]);
    expect(feed.sessions).toHaveLength(400);
    expect(warnings.map((w) => w.code)).not.toContain('recurrence-budget');
  });

  it('takes its counter off ical.js again, also after the budget ran out or the expansion threw', () => {
    const proto = ICAL.RecurIterator.prototype;
    const counted = (): unknown[] => ['check_contracting_rules', 'expand_year_days'].map((name): unknown => Reflect.get(proto, name) as unknown);
    const before = counted();
    runIcs([repeating('never', `FREQ=DAILY;${NEVER}`)]);
    expect(() => withStepBudget(5, () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(counted()).toEqual(before);
  });

  it('hands out what is left of the calendar budget', () => {
    const budget = new RecurrenceBudget(10, 25);
    budget.spend(10);
    budget.spend(10);
    expect(budget.allowance()).toBe(5);
    budget.spend(10);
    expect([budget.allowance(), budget.remaining]).toEqual([0, 0]);
  });
});

describe('recurrence budget in xCal', () => {
  it('stops the same hopeless rule written as RFC 6321 <recur>', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
  <vcalendar>
    <properties><prodid><text>-//test//EN</text></prodid><version><text>2.0</text></version></properties>
    <components>
      <vevent>
        <properties>
          <uid><text>never@example.org</text></uid>
          <summary><text>Leap nothing</text></summary>
          <dtstart><date-time>2026-01-01T10:00:00Z</date-time></dtstart>
          <duration><duration>PT1H</duration></duration>
          <rrule><recur><freq>DAILY</freq><bymonth>2</bymonth><bymonthday>30</bymonthday></recur></rrule>
        </properties>
      </vevent>
    </components>
  </vcalendar>
</icalendar>`;
    const warnings = new WarningLog(1000);
    const feed = importXCal(parseXml(xml), { warnings, timeZone: 'UTC', companions: [] });
    expect(feed.sessions.map((s) => s.title)).toEqual(['Leap nothing']);
    expect(warnings.list().find((w) => w.code === 'recurrence-budget')?.message).toContain('"Leap nothing" has a repeat rule that matches few or no dates');
  });
});
