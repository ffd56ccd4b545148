import { describe, expect, it } from 'vitest';
import { WarningLog, isFeedError } from '../../../core/errors';
import { importFrabXml } from '../../../core/formats/frab-xml';
import { importFeed } from '../../../core/formats/index';
import { parseXml } from '../../../core/formats/xml';
import type { Feed, Session } from '../../../core/model/schema';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';

function importXml(text: string, timeZone?: string): { feed: Feed; warnings: WarningLog } {
  const warnings = new WarningLog(1_000);
  const feed = importFrabXml(parseXml(text), { warnings, timeZone, companions: [] });
  return { feed, warnings };
}

function codes(warnings: WarningLog): string[] {
  return warnings.list().map((w) => w.code);
}

function bySourceId(feed: Feed, id: string): Session {
  const session = feed.sessions.find((s) => s.sourceId === id);
  if (!session) expect.fail(`no session with source id ${id}`);
  return session;
}

/**
 * Speakers as Lanyard counts them, computed from the raw text independently of the importer:
 * one per real person id, except ids the file gives to different names (36C3's aggregated
 * stages schedule, whose sources number people independently): those are told apart by name.
 */
function expectedSpeakers(xml: string): number {
  const namesById = new Map<string, Set<string>>();
  const people: Array<[string, string]> = [];
  for (const m of xml.matchAll(/<person id=["']([^"']*)["']>([^<]*)<\/person>/g)) {
    const name = m[2]!.replace(/\s+/g, ' ').trim().toLowerCase();
    people.push([m[1]!, name]);
    if (!namesById.has(m[1]!)) namesById.set(m[1]!, new Set());
    namesById.get(m[1]!)!.add(name);
  }
  return new Set(people.map(([id, name]) => (namesById.get(id)!.size === 1 ? `id:${id}` : `name:${name}`))).size;
}

const FILES = [
  'fosdem/fosdem-2007.xml',
  'fosdem/fosdem-2012.xml',
  'fosdem/fosdem-2016.xml',
  'fosdem/fosdem-2020.xml',
  'fosdem/fosdem-2023.xml',
  'fosdem/fosdem-2024.xml',
  'fosdem/variants/fosdem-2024-postconf-subset-reformatted.xml',
  'ccc/33c3/schedule.xml',
  'ccc/35c3-schedule.xml',
  'ccc/rc3-2020-schedule.xml',
  'ccc/36c3/stages.schedule.xml',
  'pretalx/democon-export-2022/schedule-export-schedule.xml',
];

describeCorpus('frab XML: every Pentabarf/frab file of the corpus', () => {
  const cache = new Map<string, { feed: Feed; warnings: WarningLog; xml: string }>();
  const load = (file: string): { feed: Feed; warnings: WarningLog; xml: string } => {
    let hit = cache.get(file);
    if (!hit) {
      const xml = readCorpus(file);
      hit = { ...importXml(xml), xml };
      cache.set(file, hit);
    }
    return hit;
  };

  it.each(FILES)('%s: valid feed, counts agree with facts.json', (file) => {
    const { feed, xml } = load(file);
    const f = facts()[file]! as Record<string, number>;
    expectValidFeed(feed);
    expect(feed.sessions).toHaveLength(f.events!);
    expect(feed.tracks).toHaveLength(f.tracks!);
    expect(feed.conference.days).toHaveLength(f.days!);
    // facts counts rooms as declared: every <room name> plus every event's own <room>. Lanyard
    // keeps the same set: declared rooms without events (FOSDEM 2024: 17 empty <room> elements)
    // stay, so nothing the schedule names is lost.
    expect(feed.rooms).toHaveLength(f.rooms!);
    // Speakers follow person ids (the builder trusts a real id over a name), so files where
    // one name has several ids count persons_unique_ids: FOSDEM 2007 (244 ids, 204 names),
    // 2012 (513/430), 2024 (738/732), 33C3 (208/207: "Elisabeth Pleß" has two ids). 36C3's
    // aggregated schedule gives 106 ids to different people, so it matches neither count
    // (415 ids, 528 names): those people are told apart by name, which gives 544.
    expect(feed.speakers).toHaveLength(expectedSpeakers(xml));
    if (file === 'ccc/36c3/stages.schedule.xml') expect(feed.speakers).toHaveLength(544);
    else expect(feed.speakers).toHaveLength(f.persons_unique_ids!);
  });

  it('FOSDEM 2020: the opening talk at 09:30 Brussels time, zone inferred from <city>', () => {
    const { feed, warnings } = load('fosdem/fosdem-2020.xml');
    expect(feed.conference.timeZone).toBe('Europe/Brussels');
    expect(warnings.list().find((w) => w.code === 'time-zone-inferred')?.message).toMatch(/Europe\/Brussels.*Brussels/);
    const welcome = bySourceId(feed, '9025');
    expect(welcome).toMatchObject({
      title: 'Welcome to FOSDEM 2020', start: '2020-02-01T08:30:00Z', end: '2020-02-01T08:55:00Z',
      day: '2020-02-01', roomId: 'Janson', trackId: 'Keynotes', type: 'keynote', slug: 'keynotes_welcome',
    });
    expect(welcome.abstract).toBe('<p>FOSDEM welcome and opening talk.</p>');
    expect(feed.speakers.find((p) => p.id === welcome.speakerIds[0])?.name).toBe('FOSDEM Staff');
    expect(welcome.links.map((l) => l.kind)).toEqual(['recording', 'recording', 'feedback']);
    const videos = feed.sessions.flatMap((s) => s.links).filter((l) => l.url.startsWith('https://video.fosdem.org/'));
    expect(videos).toHaveLength(1_524);
    expect(videos.every((l) => l.kind === 'recording')).toBe(true);
    expect(feed.conference).toMatchObject({ id: 'fosdem-2020', title: 'FOSDEM 2020', start: '2020-02-01', end: '2020-02-02' });
    expect(feed.conference.venue).toEqual({ name: 'ULB (Université Libre de Bruxelles)', city: 'Brussels' });
    const slides = bySourceId(feed, '10715').links.find((l) => l.kind === 'slides');
    expect(slides?.url).toMatch(/Fosdem_Leemhuis_Kernel_Steps\.pdf$/);
  });

  it('FOSDEM 2023: video URLs with raw spaces and parentheses are encoded, not dropped', () => {
    const { feed } = load('fosdem/fosdem-2023.xml');
    const talk = feed.sessions.find((s) => s.slug === 'graphics_a_frames_journey')!;
    expect(talk.links).toContainEqual({
      url: 'https://video.fosdem.org/2023/K.1.105%20(La%20Fontaine)/graphics_a_frames_journey.webm',
      title: 'Video recording (WebM/VP9, 174M)', kind: 'recording',
    });
  });

  it('FOSDEM 2007: events directly under <day>, double-escaped abstracts', () => {
    const { feed, warnings } = load('fosdem/fosdem-2007.xml');
    expect(warnings.list().find((w) => w.code === 'event-outside-room')?.message).toMatch(/^215 event/);
    expect(codes(warnings)).toContain('time-zone-inferred');
    expect(feed.sessions.every((s) => s.roomId !== undefined)).toBe(true);
    const aiglx = bySourceId(feed, '0');
    expect(aiglx).toMatchObject({ title: 'AIGLX', start: '2007-02-25T14:00:00Z', roomId: 'Chavanne' });
    const rpm = bySourceId(feed, '11');
    expect(rpm.abstract).toContain('RPMforge&#39;s');
    expect(rpm.abstract).not.toContain('&amp;');
  });

  it('FOSDEM 2024 reformatted: whitespace inside text nodes, event rooms that differ from their <room>', () => {
    const { feed, warnings } = load('fosdem/variants/fosdem-2024-postconf-subset-reformatted.xml');
    const talk = bySourceId(feed, '3011');
    expect(talk.slug).toBe('fosdem-2024-3011-a-microkernel-based-orchestrator-for-distributed-internet-services-');
    expect(talk.links).toContainEqual({
      url: 'https://fosdem.org/2024/schedule/event/fosdem-2024-3011-a-microkernel-based-orchestrator-for-distributed-internet-services-/',
      title: 'Event page', kind: 'other',
    });
    // The full FOSDEM 2024 export puts this talk in UD2.208: the event's own <room> is right.
    expect(talk.roomId).toBe('UD2.208 (Decroly)');
    expect(warnings.count('room-mismatch')).toBe(26);
    expect(warnings.list().find((w) => w.code === 'room-mismatch')?.message).toMatch(/"K\.3\.401".*"UD2\.208 \(Decroly\)"/);
    expect(feed.rooms.map((r) => r.id)).toContain('K.3.401');
    expect(feed.tracks.map((t) => t.id)).toContain('Microkernel and Component-based OS devroom');
    expect(feed.revision).toBe('latest');
    expect(codes(warnings)).not.toContain('time-zone-contradiction');
  });

  it('33C3: zone inferred from the offsets, a 00:15 talk belongs to the previous day', () => {
    const { feed, warnings } = load('ccc/33c3/schedule.xml');
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(warnings.list().find((w) => w.code === 'time-zone-inferred')?.message).toMatch(/\+01:00/);
    expect(bySourceId(feed, '8116')).toMatchObject({ start: '2016-12-27T23:15:00Z', day: '2016-12-27', guid: '2689ebfe-0d84-4c88-9ea6-5cadad9d4fa4' });
    expect(feed.sessions.filter((s) => s.recordingOptOut)).toHaveLength(2);
    expect(feed.revision).toBe('BAD NETWORK/FIREWALL');
  });

  it('35C3: frab attachment paths are resolved against the event page', () => {
    const { feed, warnings, xml } = load('ccc/35c3-schedule.xml');
    const paths = xml.match(/href='\/system\/event_attachments\//g) ?? [];
    const resolved = feed.sessions.flatMap((s) => s.links).filter((l) => l.url.startsWith('https://fahrplan.events.ccc.de/system/event_attachments/'));
    expect(paths).toHaveLength(78);
    expect(resolved).toHaveLength(paths.length);
    // …and links typed without https:// ("www.coreboot.org") are kept: nothing left out.
    expect(codes(warnings)).not.toContain('link-invalid');
  });

  it('rC3 declares Europe/Berlin and its offsets agree: no time-zone warning', () => {
    const { feed, warnings } = load('ccc/rc3-2020-schedule.xml');
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(codes(warnings).filter((c) => c.startsWith('time-zone'))).toEqual([]);
  });

  it('36C3 stages: person ids given to different people are told apart by name', () => {
    const { feed, warnings } = load('ccc/36c3/stages.schedule.xml');
    expect(warnings.count('person-id-conflict')).toBe(106);
    const names = new Set(feed.speakers.map((p) => p.name));
    expect(names.has('Äpex') && names.has('Régine Débatty')).toBe(true);
  });

  it('pretalx DemoCon: <date> is authoritative, the enclosing <day> gives the day', () => {
    const { feed } = load('pretalx/democon-export-2022/schedule-export-schedule.xml');
    expect(bySourceId(feed, '1')).toMatchObject({ start: '2022-09-05T23:50:00Z', end: '2022-09-06T01:20:00Z', day: '2022-09-06' });
  });
});

const head = (conference = '<title>Test</title><city>Brussels</city>'): string => `<schedule><conference>${conference}</conference>`;
const event = (id: string, body: string, attrs = ''): string =>
  `<event id="${id}"${attrs}><start>10:00</start><duration>00:30</duration><title>Talk ${id}</title>${body}</event>`;
const day = (events: string, room = 'Main'): string => `<day date="2020-02-01" index="1"><room name="${room}">${events}</room></day>`;

describe('frab XML: small documents', () => {
  it('keeps numeric-looking strings as strings', () => {
    const { feed } = importXml(`${head()}${day('<event id="0042"><start>10:00</start><duration>00:30</duration><title>1984</title><slug>007</slug><room>1e5</room><track>0x10</track><persons><person id="12">42</person></persons></event>', '1e5')}</schedule>`);
    expectValidFeed(feed);
    expect(feed.sessions[0]).toMatchObject({ title: '1984', slug: '007', roomId: '1e5', trackId: '0x10', sourceId: '0042' });
    expect(feed.speakers[0]).toMatchObject({ id: '12', name: '42' });
  });

  it('names a session without a title, and keeps it', () => {
    const { feed, warnings } = importXml(`${head()}${day('<event id="1"><start>10:00</start><duration>00:30</duration><title> </title></event>')}</schedule>`);
    expect(feed.sessions[0]!.title).toBe('Untitled session');
    expect(codes(warnings)).toContain('untitled-session');
  });

  it('a session whose <end> is before its start is left out, named in a warning; the others stay', () => {
    const events = '<event id="1"><start>10:00</start><end>2020-02-01T09:00:00+01:00</end><title>Early</title></event><event id="2"><start>11:00</start><duration>00:30</duration><title>Fine</title></event>';
    const { feed, warnings } = importFeed(`${head()}${day(events)}</schedule>`);
    expect(feed.sessions.map((s) => s.title)).toEqual(['Fine']);
    const dropped = warnings.find((w) => w.code === 'session-dropped');
    expect(dropped?.message).toBe('Session "Early" (id 1) was left out: end "2020-02-01T08:00:00Z" (the session ends before it starts).');
    expect(dropped?.where).toBe('sessions[0]');
  });

  it('a duration that cannot be read gives a zero-length session with a warning', () => {
    const { feed, warnings } = importXml(`${head()}${day(event('1', '').replace('00:30', 'half an hour'))}</schedule>`);
    expect(feed.sessions[0]).toMatchObject({ start: '2020-02-01T09:00:00Z', end: '2020-02-01T09:00:00Z' });
    expect(warnings.list().find((w) => w.code === 'duration-unreadable')).toMatchObject({ where: 'line 1 (event 1)' });
  });

  it('skips an event whose start cannot be read, with a warning naming it', () => {
    const { feed, warnings } = importXml(`${head()}${day(event('1', '') + event('2', '').replace('10:00', 'noon'))}</schedule>`);
    expect(feed.sessions.map((s) => s.sourceId)).toEqual(['1']);
    const w = warnings.list().find((x) => x.code === 'session-unreadable');
    expect(w).toMatchObject({ where: 'line 1 (event 2)' });
    expect(w?.message).toMatch(/"Talk 2".*"noon"/);
  });

  it('refuses a feed none of whose events can be read', () => {
    let error: unknown;
    try {
      importXml(`${head()}${day(event('1', '').replace('10:00', 'noon'))}</schedule>`);
    } catch (e) {
      error = e;
    }
    expect(isFeedError(error) && error.code).toBe('no-sessions-readable');
  });

  it('keeps duplicate ids and duplicate guids, each with a warning', () => {
    const { feed, warnings } = importXml(`${head()}${day(event('7', '') + event('7', '') + event('8', '', ' guid="g-1"') + event('9', '', ' guid="g-1"'))}</schedule>`);
    expect(feed.sessions.map((s) => s.id).sort()).toEqual(['7', '7~2', 'g-1', 'g-1~2']);
    expect(codes(warnings)).toEqual(expect.arrayContaining(['duplicate-id', 'duplicate-guid']));
  });

  it('person id 0 is a placeholder: people are told apart by name', () => {
    const { feed, warnings } = importXml(`${head()}${day(event('1', '<persons><person id="0">Ann</person><person id="0">Bob</person></persons>'))}</schedule>`);
    expect(feed.speakers.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    expect(warnings.count('person-id-zero')).toBe(2);
  });

  it('a person id given to two names becomes two people', () => {
    const { feed, warnings } = importXml(`${head()}${day(event('1', '<persons><person id="5">Ann</person></persons>') + event('2', '<persons><person id="5">Bob</person></persons>'))}</schedule>`);
    expect(feed.speakers.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    expect(codes(warnings)).toContain('person-id-conflict');
  });

  it("uses the event's own room when it differs from the enclosing <room>, and says so", () => {
    const { feed, warnings } = importXml(`${head()}${day(event('1', '<room>Side</room>'))}</schedule>`);
    expect(feed.sessions[0]!.roomId).toBe('Side');
    expect(feed.rooms.map((r) => r.id)).toEqual(['Main', 'Side']);
    expect(warnings.list().find((w) => w.code === 'room-mismatch')?.message).toMatch(/"Main".*"Side"/);
  });

  it('reads events directly under <day> (Pentabarf before 2013)', () => {
    const { feed, warnings } = importXml(`${head()}<day date="2020-02-01">${event('1', '<room>Main</room>')}</day></schedule>`);
    expect(feed.sessions[0]).toMatchObject({ roomId: 'Main', start: '2020-02-01T09:00:00Z' });
    expect(warnings.list().find((w) => w.code === 'event-outside-room')).toMatchObject({ where: 'line 1' });
  });

  it('a start before the day change belongs to the next calendar date but the same conference day', () => {
    const xml = `${head('<title>T</title><day_change>04:00</day_change><time_zone_name>Europe/Berlin</time_zone_name>')}${day(event('1', '').replace('10:00', '01:50'))}</schedule>`;
    const { feed, warnings } = importXml(xml);
    expect(feed.sessions[0]).toMatchObject({ start: '2020-02-02T00:50:00Z', day: '2020-02-01' });
    expect(codes(warnings).filter((c) => c.startsWith('time-zone'))).toEqual([]);
  });

  it('without <day_change>, the <day start> decides what is past midnight', () => {
    const xml = `${head('<title>T</title><time_zone_name>Europe/Berlin</time_zone_name>')}<day date="2020-02-01" start="2020-02-01T10:00:00+01:00"><room name="A">${event('1', '').replace('10:00', '00:15')}</room></day></schedule>`;
    expect(importXml(xml).feed.sessions[0]).toMatchObject({ start: '2020-02-01T23:15:00Z', day: '2020-02-01' });
  });

  it('a declared UTC contradicted by +01:00 dates: the offsets win, with a warning', () => {
    const xml = `${head('<title>T</title><time_zone_name>UTC</time_zone_name>')}${day(event('1', '<date>2020-02-01T10:00:00+01:00</date>'))}</schedule>`;
    const { feed, warnings } = importXml(xml);
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(feed.sessions[0]!.start).toBe('2020-02-01T09:00:00Z');
    expect(codes(warnings)).toContain('time-zone-contradiction');
  });

  it("uses the subscriber's zone when the feed gives none", () => {
    const { feed, warnings } = importXml(`${head('<title>T</title>')}${day(event('1', ''))}</schedule>`, 'America/New_York');
    expect(feed.conference.timeZone).toBe('America/New_York');
    expect(feed.sessions[0]!.start).toBe('2020-02-01T15:00:00Z');
    expect(codes(warnings)).toContain('time-zone-from-subscriber');
  });

  it('classifies links, attachments, video, event page and feedback; reads opt-out and cancellation', () => {
    const body = `<title>CANCELLED Old talk</title><url>https://example.org/events/1</url><feedback_url>https://example.org/f/1</feedback_url>
      <video>https://cdn.example.org/1.webm</video><recording><optout>true</optout></recording>
      <links><link href="www.example.com/project">Project</link><link href="not a url">Broken</link></links>
      <attachments><attachment type="slides" href="/system/a/deck">Deck</attachment></attachments>`;
    const { feed, warnings } = importXml(`${head()}${day(event('1', body).replace('<title>Talk 1</title>', ''))}</schedule>`);
    const session = feed.sessions[0]!;
    expect(session).toMatchObject({ title: 'Old talk', cancelled: true, recordingOptOut: true });
    expect(session.links).toEqual([
      { url: 'https://www.example.com/project', title: 'Project', kind: 'other' },
      { url: 'https://example.org/system/a/deck', title: 'Deck', kind: 'slides' },
      { url: 'https://cdn.example.org/1.webm', kind: 'recording' },
      { url: 'https://example.org/events/1', title: 'Event page', kind: 'other' },
      { url: 'https://example.org/f/1', title: 'Feedback', kind: 'feedback' },
    ]);
    expect(warnings.list().find((w) => w.code === 'link-invalid')).toMatchObject({ where: 'line 1 (event 1)' });
  });

  it('reads the conference block', () => {
    const conf = '<acronym>dc</acronym><title>DemoCon</title><subtitle>Sub</subtitle><venue>Hall</venue><city>Berlin</city><start>2020-02-01</start><end>2020-02-02</end><base_url>https://dc.example/</base_url>';
    const { feed } = importXml(`<schedule><version>v1.2</version><conference>${conf}</conference>${day(event('1', ''))}</schedule>`);
    expect(feed.conference).toMatchObject({ id: 'dc', title: 'DemoCon', subtitle: 'Sub', url: 'https://dc.example/', timeZone: 'Europe/Berlin', days: ['2020-02-01', '2020-02-02'] });
    expect(feed.conference.venue).toEqual({ name: 'Hall', city: 'Berlin' });
    expect(feed.revision).toBe('v1.2');
  });
});
