import { describe, expect, it } from 'vitest';
import { importFeed, type ImportResult } from '../../../core/formats/index';
import type { Session } from '../../../core/model/schema';
import { wallTimeOf } from '../../../core/time/zone';
import { hubXml } from '../support/time-feeds';

// Small feeds written here, each imitating what a real generator emits (no corpus file is copied).

const codes = (r: ImportResult): string[] => r.warnings.map((w) => w.code);
const zoneWarnings = (r: ImportResult): string[] => codes(r).filter((c) => c.startsWith('time-zone'));
const local = (s: Session, zone: string): string => {
  const w = wallTimeOf(Date.parse(s.start), zone);
  return `${w.date} ${w.time}`;
};
const byTitle = (r: ImportResult, title: string): Session => {
  const s = r.feed.sessions.find((x) => x.title === title);
  if (!s) expect.fail(`no session "${title}"`);
  return s;
};

describe('the CCC hub (38C3/39C3): declared zone, events at +01:00, boundaries in UTC', () => {
  it('is read in Europe/Berlin with the 10:30 Opening Ceremony at 10:30 conference time and four days', () => {
    const r = importFeed(hubXml());
    const { conference } = r.feed;
    expect(conference.timeZone).toBe('Europe/Berlin');
    expect(zoneWarnings(r)).toEqual([]);
    expect(codes(r)).not.toContain('conference-date-unreadable');
    const opening = byTitle(r, 'Opening Ceremony');
    expect(opening.start).toBe('2024-12-27T09:30:00Z');
    expect(local(opening, conference.timeZone)).toBe('2024-12-27 10:30');
    expect(conference.days).toEqual(['2024-12-27', '2024-12-28', '2024-12-29', '2024-12-30']);
    expect([conference.start, conference.end]).toEqual(['2024-12-27', '2024-12-30']);
    // The days end at 05:00 UTC, 06:00 in Berlin: that is the day change, and 01:30 belongs to the day before.
    expect(conference.dayChange).toBe('06:00');
    expect(byTitle(r, 'Late night talk').day).toBe('2024-12-27');
  });

  it('choosing Europe/Berlin when subscribing gives the same conference', () => {
    const r = importFeed(hubXml(), { timeZone: 'Europe/Berlin' });
    expect(r.feed.conference.timeZone).toBe('Europe/Berlin');
    expect(zoneWarnings(r)).toEqual([]);
    expect(local(byTitle(r, 'Opening Ceremony'), 'Europe/Berlin')).toBe('2024-12-27 10:30');
  });

  it('four <day>s with a 04:00 day change and <end> naming the morning after are four days, not five', () => {
    const fourAm = (date: string): string => `2024-12-${Number(date.slice(8)) + 1}T04:00:00+01:00`;
    const r = importFeed(hubXml({ end: '2024-12-31', dayEnd: fourAm }));
    expect(r.feed.conference.days).toHaveLength(4);
    expect(r.feed.conference.end).toBe('2024-12-30');
    expect(r.feed.conference.dayChange).toBe('04:00');
    // …and so is an <end> written as the instant the last day ends.
    const instant = importFeed(hubXml({ end: '2024-12-31T03:00:00+00:00', dayEnd: fourAm }));
    expect(instant.feed.conference.days).toHaveLength(4);
  });

  it('the same conference as schedule.json (schema 2) agrees', () => {
    const json = {
      $schema: 'https://c3voc.de/schedule/schema2.json',
      schedule: {
        version: '2024-12-26 20:23',
        base_url: 'https://events.ccc.de/congress/2024/hub/',
        conference: {
          acronym: '38c3', title: '38C3', start: '2024-12-27T09:30:00+00:00', end: '2024-12-30T17:45:00+00:00', time_zone_name: 'Europe/Berlin',
          days: ['2024-12-27', '2024-12-28', '2024-12-29', '2024-12-30'].map((date, i) => ({
            index: i + 1, date,
            start: i === 0 ? `${date}T09:30:00+00:00` : `${date}T06:00:00+01:00`,
            end: i === 3 ? `${date}T17:45:00+00:00` : `2024-12-${Number(date.slice(8)) + 1}T06:00:00+01:00`,
          })),
        },
        events: [
          { guid: 'a-1', code: 'OPEN', title: '38C3: Opening Ceremony', start: '2024-12-27T10:30:00+01:00', end: '2024-12-27T11:00:00+01:00', room: { name: 'Saal 1' } },
          { guid: 'a-2', code: 'LATE', title: 'Late night talk', start: '2024-12-28T01:30:00+01:00', end: '2024-12-28T02:30:00+01:00', room: { name: 'Saal 1' } },
        ],
      },
    };
    const r = importFeed(JSON.stringify(json));
    expect(r.feed.conference).toMatchObject({ timeZone: 'Europe/Berlin', start: '2024-12-27', end: '2024-12-30', dayChange: '06:00' });
    expect(r.feed.conference.days).toHaveLength(4);
    expect(zoneWarnings(r)).toEqual([]);
    expect(local(byTitle(r, '38C3: Opening Ceremony'), 'Europe/Berlin')).toBe('2024-12-27 10:30');
    expect(byTitle(r, 'Late night talk').day).toBe('2024-12-27');
  });
});

/** pretalx's frab XML export: zone declared, `<date>`s with offsets, day boundaries at 04:00/03:59. */
function pretalxXml(zone: string, events: string[], dates = ['2025-03-10', '2025-03-11']): string {
  const days = dates.map((date, i) => {
    const next = `${date.slice(0, 8)}${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;
    const mine = events.filter((e) => e.includes(`<date>${date}`)).join('');
    return `<day index='${i + 1}' date='${date}' start='${date}T04:00:00+01:00' end='${next}T03:59:00+01:00'><room name='Main' guid='g'>${mine}</room></day>`;
  });
  return `<?xml version='1.0' encoding='utf-8' ?>
<schedule><generator name="pretalx" version="2024.3.0" /><version>0.3</version>
<conference><title>Dam Conf</title><acronym>damconf</acronym><start>${dates[0]}</start><end>${dates[dates.length - 1]}</end><days>${dates.length}</days><timeslot_duration>00:05</timeslot_duration><base_url>https://pretalx.example/damconf/schedule/</base_url><time_zone_name>${zone}</time_zone_name></conference>
${days.join('\n')}
</schedule>`;
}

const pEvent = (id: string, date: string, title: string): string =>
  `<event guid='00000000-0000-0000-0000-00000000000${id}' id='${id}'><date>${date}</date><start>${date.slice(11, 16)}</start><duration>00:30</duration><room>Main</room><slug>damconf-${id}-x</slug><url>https://pretalx.example/damconf/talk/${id}/</url><title>${title}</title><type>Talk</type><language>en</language><persons><person id='${id}'>Speaker ${id}</person></persons></event>`;

describe('a declared zone with one session held elsewhere', () => {
  it('Europe/Amsterdam with one remote talk at -05:00 stays Europe/Amsterdam; the remote talk keeps its time', () => {
    const events = [
      pEvent('1', '2025-03-10T09:00:00+01:00', 'Welcome'),
      pEvent('2', '2025-03-10T11:00:00+01:00', 'Local talk'),
      pEvent('3', '2025-03-10T10:00:00-05:00', 'Remote from Toronto'),
      pEvent('4', '2025-03-11T09:30:00+01:00', 'Day two'),
    ];
    const r = importFeed(pretalxXml('Europe/Amsterdam', events));
    expect(r.feed.conference.timeZone).toBe('Europe/Amsterdam');
    expect(zoneWarnings(r)).toEqual(['time-zone-stray-offset']);
    expect(byTitle(r, 'Remote from Toronto').start).toBe('2025-03-10T15:00:00Z');
    expect(local(byTitle(r, 'Remote from Toronto'), 'Europe/Amsterdam')).toBe('2025-03-10 16:00');
    expect(r.feed.conference.dayChange).toBe('04:00');
  });
});

describe('floating local times (FOSDEM-style XML, no offsets anywhere)', () => {
  const fosdemStyle = (city: string, dates: string[], extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><acronym>hand</acronym><title>Hand-written Conf</title><subtitle/><venue>Town hall</venue><city>${city}</city>
<start>${dates[0]}</start><end>${dates[dates.length - 1]}</end><days>${dates.length}</days><day_change>09:00:00</day_change><timeslot_duration>00:05:00</timeslot_duration>${extra}</conference>
${dates.map((date, i) => `<day index="${i + 1}" date="${date}"><room name="A"><event id="${i + 1}"><start>10:00</start><duration>00:50</duration><room>A</room><slug>t${i}</slug><title>Talk ${i + 1}</title><type>devroom</type><persons><person id="${i + 1}">P ${i}</person></persons></event></room></day>`).join('\n')}
</schedule>`;

  it('across the spring switch in Sydney, each day is read with its own offset', () => {
    const r = importFeed(fosdemStyle('Sydney', ['2025-10-04', '2025-10-05']));
    expect(r.feed.conference.timeZone).toBe('Australia/Sydney');
    expect(byTitle(r, 'Talk 1').start).toBe('2025-10-04T00:00:00Z'); // +10:00
    expect(byTitle(r, 'Talk 2').start).toBe('2025-10-04T23:00:00Z'); // +11:00 after the switch
  });

  it('in a half-hour zone named by its city', () => {
    const r = importFeed(fosdemStyle('Adelaide', ['2025-04-05', '2025-04-06']));
    expect(r.feed.conference.timeZone).toBe('Australia/Adelaide');
    expect(byTitle(r, 'Talk 1').start).toBe('2025-04-04T23:30:00Z'); // +10:30
    expect(byTitle(r, 'Talk 2').start).toBe('2025-04-06T00:30:00Z'); // +09:30
  });

  it("with no zone and no known city, the subscriber's zone places the times; without it, UTC and a warning", () => {
    const bare = fosdemStyle('Hometown', ['2025-06-14']);
    const utc = importFeed(bare);
    expect(utc.feed.conference.timeZone).toBe('UTC');
    expect(zoneWarnings(utc)).toEqual(['time-zone-missing']);
    const chosen = importFeed(bare, { timeZone: 'America/New_York' });
    expect(chosen.feed.conference.timeZone).toBe('America/New_York');
    expect(byTitle(chosen, 'Talk 1').start).toBe('2025-06-14T14:00:00Z');
  });

  it("the subscriber's zone also overrides a city the feed names", () => {
    const r = importFeed(fosdemStyle('Brussels', ['2025-02-01']), { timeZone: 'Europe/Lisbon' });
    expect(r.feed.conference.timeZone).toBe('Europe/Lisbon');
    expect(byTitle(r, 'Talk 1').start).toBe('2025-02-01T10:00:00Z');
  });
});

describe('conference dates', () => {
  it('an ISO date-time in <conference><start> is read, in the conference zone', () => {
    const events = [pEvent('1', '2025-03-10T09:00:00+01:00', 'Welcome'), pEvent('2', '2025-03-11T09:00:00+01:00', 'Two')];
    const xml = pretalxXml('Europe/Amsterdam', events).replace('<start>2025-03-10</start>', '<start>2025-03-10T07:30:00Z</start>');
    const r = importFeed(xml);
    expect(codes(r)).not.toContain('conference-date-unreadable');
    expect(r.feed.conference.start).toBe('2025-03-10'); // 08:30 in Amsterdam
  });

  it('a pretalx JSON export in Adelaide (offsets +10:30, no zone named) is inferred right', () => {
    const json = {
      schedule: {
        version: '1', base_url: 'https://pretalx.example/ade/schedule/',
        conference: {
          acronym: 'ade', title: 'Ade Conf', start: '2025-03-01', end: '2025-03-01', daysCount: 1, timeslot_duration: '00:05',
          days: [{ index: 1, date: '2025-03-01', day_start: '2025-03-01T04:00:00+10:30', day_end: '2025-03-02T03:59:00+10:30', rooms: {
            Main: [
              { guid: 'g1', id: 1, date: '2025-03-01T09:00:00+10:30', start: '09:00', duration: '00:30', room: 'Main', title: 'Opening', persons: [] },
              { guid: 'g2', id: 2, date: '2025-03-01T13:00:00+10:30', start: '13:00', duration: '00:30', room: 'Main', title: 'Lunch talk', persons: [] },
            ],
          } }],
        },
      },
    };
    const r = importFeed(JSON.stringify(json));
    expect(r.feed.conference.timeZone).toBe('Australia/Adelaide');
    expect(local(byTitle(r, 'Opening'), 'Australia/Adelaide')).toBe('2025-03-01 09:00');
    expect(r.feed.conference.dayChange).toBe('04:00');
  });
});

describe("the subscriber's zone for a Lanyard feed", () => {
  it('replaces the declared zone; instants and days stay the feed\'s', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
    const plain = importFeed(text);
    const chosen = importFeed(text, { timeZone: 'Asia/Tokyo' });
    expect(plain.feed.conference.timeZone).toBe('Europe/Brussels');
    expect(chosen.feed.conference.timeZone).toBe('Asia/Tokyo');
    expect(codes(chosen)).toContain('time-zone-from-subscriber');
    expect(chosen.feed.sessions.map((s) => [s.start, s.day])).toEqual(plain.feed.sessions.map((s) => [s.start, s.day]));
  });
});
