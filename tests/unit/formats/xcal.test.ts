import { describe, expect, it } from 'vitest';
import { FeedError, WarningLog } from '../../../core/errors';
import { importICal } from '../../../core/formats/ical';
import { importFeed } from '../../../core/formats/index';
import { importXCal } from '../../../core/formats/xcal';
import { parseXml } from '../../../core/formats/xml';
import type { Feed } from '../../../core/model/schema';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';

function run(xml: string, timeZone?: string) {
  const warnings = new WarningLog(1000);
  const feed = importXCal(parseXml(xml), { warnings, timeZone, companions: [] });
  expectValidFeed(feed);
  return { feed, warnings, codes: warnings.list().map((w) => w.code) };
}

/** Session start/end by the event page the session links to (both exports link the same pages). */
function byPage(feed: Feed): Map<string, [string, string, string]> {
  return new Map(feed.sessions.map((s) => [new URL(s.links[0]!.url).pathname, [s.title, s.start, s.end]]));
}

describeCorpus('xCal corpus files (Pentabarf dialect)', () => {
  it('33C3: 150 events, Pentabarf titles, speakers from <attendee>, same instants as schedule.ics', () => {
    // The xCal export names no zone at all (floating times): the subscriber's choice decides.
    const { feed, codes } = run(readCorpus('ccc/33c3/schedule.xcal'), 'Europe/Berlin');
    expect(feed.sessions).toHaveLength(facts()['ccc/33c3/schedule.xcal']!.vevents as number);
    expect(codes).toEqual(expect.arrayContaining(['time-zone-from-subscriber', 'floating-time']));
    expect(feed.conference.title).toBe('33c3 Schedule');
    // Same rooms as the .ics of the snapshot (facts: 4 locations there).
    expect(feed.rooms).toHaveLength(facts()['ccc/33c3/schedule.ics']!.locations as number);
    expect(feed.speakers).toHaveLength(facts()['ccc/33c3/schedule.xml']!.persons_unique_names as number);
    const drown = feed.sessions.find((s) => s.slug === '33c3-7821-the_drown_attack')!;
    expect(drown).toMatchObject({
      title: 'The DROWN Attack', subtitle: 'Breaking TLS using SSLv2', type: 'Lecture', language: 'en',
      start: '2016-12-27T13:00:00Z', end: '2016-12-27T14:00:00Z', roomId: 'Saal 2',
    });
    // `<url>//fahrplan…</url>` is protocol-relative: read as https.
    expect(drown.links[0]!.url).toBe('https://fahrplan.events.ccc.de/congress/2016/Fahrplan/events/7821.html');
    const ics = importICal(readCorpus('ccc/33c3/schedule.ics'), { warnings: new WarningLog(), companions: [] });
    expect(byPage(feed)).toEqual(byPage(ics));
  });

  it('pretalx DemoCon: 35 events, the .ics keeps one more (the out-of-range talk)', () => {
    const { feed } = run(readCorpus('pretalx/democon-export-2022/schedule-export-schedule.xcal'), 'Europe/Berlin');
    expect(feed.sessions).toHaveLength(facts()['pretalx/democon-export-2022/schedule-export-schedule.xcal']!.vevents as number);
    expect(feed.sessions.find((s) => s.slug === '-XFUR3C')).toMatchObject({ title: 'Persevering cohesive concept', start: '2022-09-05T23:50:00Z' });
    const ics = importICal(readCorpus('pretalx/democon-export-2022/schedule-export-schedule.ics'), { warnings: new WarningLog(), companions: [] });
    const fromIcs = byPage(ics);
    expect(fromIcs.size).toBe(feed.sessions.length + 1);
    for (const [page, session] of byPage(feed)) expect(fromIcs.get(page)).toEqual(session);
  });

  it('without a subscriber zone, floating times are read as UTC with warnings', () => {
    const { feed, codes } = run(readCorpus('ccc/33c3/schedule.xcal'));
    expect(feed.conference.timeZone).toBe('UTC');
    expect(codes).toEqual(expect.arrayContaining(['time-zone-missing', 'floating-time']));
  });

  it('is routed here by importFeed', () => {
    expect(importFeed(readCorpus('ccc/33c3/schedule.xcal'), { timeZone: 'Europe/Berlin' }).format).toBe('xcal');
  });
});

const RFC6321 = `<?xml version="1.0" encoding="utf-8"?>
<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
  <vcalendar>
    <properties>
      <prodid><text>-//Example//xCal//EN</text></prodid>
      <version><text>2.0</text></version>
      <x-wr-calname><unknown>RFC Con</unknown></x-wr-calname>
    </properties>
    <components>
      <vevent>
        <properties>
          <uid><text>weekly@example.org</text></uid>
          <dtstart><parameters><tzid><text>America/New_York</text></tzid></parameters><date-time>2023-03-06T12:00:00</date-time></dtstart>
          <duration><duration>PT1H</duration></duration>
          <rrule><recur><freq>WEEKLY</freq><count>2</count><byday>MO</byday></recur></rrule>
          <summary><text>Weekly sync</text></summary>
          <categories><text>Ops</text><text>Meetings</text></categories>
          <location><text>Room 1</text></location>
          <attendee><parameters><cn><text>Ann Example</text></cn></parameters><cal-address>mailto:ann@example.org</cal-address></attendee>
        </properties>
      </vevent>
      <vevent>
        <properties>
          <uid><text>broken@example.org</text></uid>
          <dtstart><date-time>not a time</date-time></dtstart>
          <summary><text>Broken</text></summary>
        </properties>
      </vevent>
    </components>
  </vcalendar>
</icalendar>`;

describe('xCal (RFC 6321 dialect)', () => {
  it('reads parameters, typed values, recurrence and multi-valued properties', () => {
    const { feed, warnings } = run(RFC6321);
    expect(feed.conference).toMatchObject({ title: 'RFC Con', timeZone: 'America/New_York' });
    expect(feed.sessions.map((s) => [s.id, s.start, s.end])).toEqual([
      ['weekly@example.org@2023-03-06T17:00:00Z', '2023-03-06T17:00:00Z', '2023-03-06T18:00:00Z'],
      // DST began on 2023-03-12 in New York: noon is now 16:00 UTC.
      ['weekly@example.org@2023-03-13T16:00:00Z', '2023-03-13T16:00:00Z', '2023-03-13T17:00:00Z'],
    ]);
    expect(feed.sessions[0]).toMatchObject({ title: 'Weekly sync', trackId: 'Ops', roomId: 'Room 1' });
    expect(feed.speakers.map((p) => p.name)).toEqual(['Ann Example']);
    const unreadable = warnings.list().filter((w) => w.code === 'session-unreadable');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.where).toBe('line 22');
  });

  it('fails with malformed-ical when there is no <vcalendar>', () => {
    const error = (() => {
      try {
        run('<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><other/></icalendar>');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('malformed-ical');
  });
});
