import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { importFrabJson } from '../../../core/formats/frab-json';
import { importFeed } from '../../../core/formats/index';
import { isObject, parseJson, type JsonObject } from '../../../core/formats/json';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';
import { thrown } from '../support/errors';

function run(doc: unknown, timeZone?: string) {
  const warnings = new WarningLog();
  if (!isObject(doc)) throw new Error('test document must be an object');
  const feed = importFrabJson(doc, { warnings, timeZone, companions: [] });
  expectValidFeed(feed);
  return { feed, warnings, codes: warnings.list().map((x) => x.code) };
}

/** Corpus files go through the app's entry point, which must recognise them as frab/c3voc JSON. */
function importCorpus(file: string) {
  const result = importFeed(readCorpus(file));
  expect(result.format).toBe('frab-json');
  expectValidFeed(result.feed);
  return { feed: result.feed, codes: result.warnings.map((x) => x.code) };
}

const DAY = { index: 1, date: '2023-03-01', day_start: '2023-03-01T10:00:00+01:00', day_end: '2023-03-02T04:00:00+01:00' };
const event = (over: JsonObject = {}): JsonObject => ({
  id: 1, guid: 'g-1', date: '2023-03-01T11:00:00+01:00', start: '11:00', duration: '00:30', room: 'Hall 1',
  slug: 'talk', title: 'A talk', track: 'Main', type: 'lecture', language: 'en', persons: [], links: [], attachments: [], ...over,
});
const schedule = (rooms: Record<string, unknown>, conf: JsonObject = {}, extra: JsonObject = {}): JsonObject => ({
  schedule: {
    version: '1.0', base_url: 'https://frab.example.org/en/test/public/',
    conference: { acronym: 'test', title: 'Test Con', start: '2023-03-01', end: '2023-03-01', time_zone_name: 'Europe/Berlin', days: [{ ...DAY, rooms }], ...conf },
    ...extra,
  },
});

type Counts = { sessions: number; rooms: number; tracks: number; days: number; speakers: number };
/** Expected counts: facts.json unless a deliberate difference is written (with its reason) beside it. */
const CORPUS: Array<[string, Partial<Counts>]> = [
  // facts count 4 rooms (those with events); the JSON also lists the empty room "dradio",
  // which is kept, as the XML of the same snapshot keeps it (facts: 5 rooms there).
  ['ccc/33c3/schedule.json', { rooms: 5 }],
  ['ccc/35c3-schedule.json', {}],
  ['ccc/rc3-2020-schedule.json', {}],
  // 550 = people told apart by pretalx code, else frab id: the stages aggregate reuses
  // frab ids across its sources (id 2 is both "bleeptrack" and a flute duo).
  ['ccc/36c3/stages.schedule.json', {}],
  ['c3voc-examples/json-frab-camp2019.json', {}],
  // facts count events under days[].rooms only; schema 2 puts events in schedule.events
  // (2 of them, 4 participants, 2 tracks used). Rooms are the 5 declared ones.
  ['c3voc-examples/json-hub-schedule2.json', { sessions: 2, rooms: 5, tracks: 2, speakers: 4 }],
  ['c3voc-examples/json-pretalx-democon.json', {}],
  ['c3voc-examples/json-pretalx-rc3.json', {}],
  ['pretalx/democon-export-2022/schedule-export-schedule.json', {}],
];

describeCorpus('frab/c3voc schedule.json: the corpus', () => {
  it.each(CORPUS)('%s imports with the counts of facts.json', (file, differences) => {
    const { feed } = importCorpus(file);
    const f = facts()[file]!;
    const expected: Counts = {
      sessions: f.events as number,
      rooms: f.rooms as number,
      tracks: f.tracks as number,
      days: f.days as number,
      speakers: f.persons_unique_ids as number,
      ...differences,
    };
    expect({
      sessions: feed.sessions.length,
      rooms: feed.rooms.length,
      tracks: feed.tracks.length,
      days: feed.conference.days.length,
      speakers: feed.speakers.length,
    }).toEqual(expected);
    expect(new Set(feed.sessions.map((s) => s.id)).size).toBe(feed.sessions.length);
  });

  it('refuses the deliberately invalid c3voc example, naming the field', () => {
    // What the c3voc schema finds wrong with it: (1) a "rooms" list directly under
    // "schedule", which schema.json forbids outright ("rooms": false: rooms belong in
    // schedule.conference.rooms); (2) the event id is the string "2814", not an integer;
    // (3) the person id "dsadf" is not an integer and its code "MÄaN0" breaks ^[A-Z0-9]+$;
    // (4) "answers" on the event. (2)–(4) are harmless and common in real exports (pretalx
    // writes "answers"), so the importer tolerates them; (1) is the structural error it
    // refuses, with a message that says where the rooms belong.
    const error = thrown(() => importCorpus('c3voc-examples/json-invalid-example.json'));
    expect(error.code).toBe('invalid-field');
    expect(error.where).toBe('schedule.rooms');
    expect(error.message).toContain('schedule.conference.rooms');
  });

  it('reads instants from the offsets and keeps past-midnight talks on their conference day', () => {
    const { feed, codes } = importCorpus('ccc/35c3-schedule.json');
    const opening = feed.sessions.find((s) => s.sourceId === '9985')!;
    expect(opening).toMatchObject({
      id: '15f4e5c5-40e1-4c73-8da0-4cc2a773ab13', start: '2018-12-27T10:00:00Z', end: '2018-12-27T10:30:00Z',
      day: '2018-12-27', roomId: 'Adams', trackId: 'CCC', type: 'lecture', language: 'de', slug: '35c3-9985-opening_event',
    });
    expect(opening.speakerIds).toEqual(['8759', '5638']);
    const late = feed.sessions.find((s) => s.sourceId === '9506')!;
    expect(late).toMatchObject({ title: 'Freude ist nur ein Mangel an Information', start: '2018-12-27T23:40:00Z', day: '2018-12-27' });
    // 35C3 names no zone: Europe/Berlin is inferred from the +01:00 offsets, with a warning.
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(codes).toContain('time-zone-inferred');
  });

  it('follows the offsets when the declared zone contradicts them (DemoCon: UTC with +01:00)', () => {
    const { feed, codes } = importCorpus('c3voc-examples/json-pretalx-democon.json');
    expect(codes).toContain('time-zone-contradiction');
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    expect(feed.sessions.find((s) => s.sourceId === '25')!.start).toBe('2020-12-14T08:00:00Z');
  });

  it('uses the days list for the dates (Camp 2019 says end 2019-08-26: its last day ends at 04:00 that morning)', () => {
    const { feed } = importCorpus('c3voc-examples/json-frab-camp2019.json');
    expect([feed.conference.start, feed.conference.end]).toEqual(['2019-08-21', '2019-08-25']);
  });

  it('reads a schema 2 file: declared rooms, events in schedule.events, participants from schedule.persons', () => {
    const { feed, codes } = importCorpus('c3voc-examples/json-hub-schedule2.json');
    expect(codes).toEqual([]);
    expect(feed.rooms.map((r) => r.name)).toEqual(['Saal 1', 'Saal GLITCH', 'Saal ZIGZAG', 'Stage HUFF', 'Stage YELL']);
    const late = feed.sessions.find((s) => s.sourceId === 'TPGRNN')!;
    // 00:15 on the 28th falls in day 1, which runs until 06:00.
    expect(late).toMatchObject({ start: '2024-12-27T23:15:00Z', day: '2024-12-27', roomId: 'Saal ZIGZAG', trackId: 'Hardware & Making', type: 'talk' });
    expect(feed.tracks.find((t) => t.id === 'CCC')!.color).toBe('#F2F006');
    const bogk = feed.speakers.find((s) => s.name === 'Gabriela Bogk')!;
    expect(bogk.photoUrl).toMatch(/^https:\/\/fahrplan\.events\.ccc\.de\/.*\.jpg$/);
    expect(bogk.bio).toContain('hacker formerly known as Andreas');
  });
});

describe('frab/c3voc schedule.json: small documents', () => {
  it('keeps numeric-looking strings as they are written', () => {
    const { feed } = run(schedule({ '1e5': [event({ guid: undefined, id: '0042', title: '1984', slug: '007', room: '1e5' })] }));
    expect(feed.sessions[0]).toMatchObject({ id: '0042', sourceId: '0042', title: '1984', slug: '007', roomId: '1e5' });
    expect(feed.rooms.map((r) => r.name)).toEqual(['1e5']);
  });

  it('turns JSON numbers into their text, and a numeric room into its grid name', () => {
    const text = JSON.stringify(schedule({ '1e5': [event({ guid: undefined, id: 42, title: 1984, slug: 7, persons: [{ id: 5, public_name: 1984 }] })] }))
      .replace('"room":"Hall 1"', '"room":1e5');
    const { feed } = run(parseJson(text));
    // JSON cannot keep the spelling of a number: slug 007 is not valid JSON and 1e5 parses
    // to 100000. The room's name is the grid key, which is a string and stays "1e5".
    expect(feed.sessions[0]).toMatchObject({ id: '42', title: '1984', slug: '7', roomId: '1e5' });
    expect(feed.speakers).toEqual([{ id: '5', name: '1984', links: [] }]);
  });

  it('keeps sessions that share an id or a guid, each with a warning', () => {
    const { feed, codes } = run(schedule({
      'Hall 1': [event(), event({ date: '2023-03-01T12:00:00+01:00' })],
      'Hall 2': [event({ guid: undefined, id: 7 }), event({ guid: undefined, id: 7, date: '2023-03-01T13:00:00+01:00' })],
    }));
    expect(feed.sessions.map((s) => s.id).sort()).toEqual(['7', '7~2', 'g-1', 'g-1~2']);
    expect(codes).toEqual(expect.arrayContaining(['duplicate-guid', 'duplicate-id']));
  });

  it('names the path of a missing structural field', () => {
    expect(thrown(() => run({ schedule: { version: '1' } })).where).toBe('schedule.conference');
    expect(thrown(() => run({ schedule: { conference: { title: 'x' } } })).where).toBe('schedule.conference.days');
    const noDate = schedule({}, { days: [{ index: 1, rooms: {} }] });
    const error = thrown(() => run(noDate));
    expect([error.code, error.where]).toEqual(['invalid-field', 'schedule.conference.days[0].date']);
    expect(error.message).toMatch(/no "date".*\(at schedule\.conference\.days\[0\]\.date\)/);
    expect(thrown(() => run(schedule({ 'Hall 1': { title: 'x' } }))).where).toBe('schedule.conference.days[0].rooms["Hall 1"]');
  });

  it('skips one unreadable event with a warning naming it, and keeps the rest', () => {
    const { feed, warnings } = run(schedule({ 'Hall 1': [event(), event({ guid: 'g-2', date: undefined, start: 'soon' }), 'not an event'] }));
    expect(feed.sessions.map((s) => s.id)).toEqual(['g-1']);
    const skipped = warnings.list().filter((x) => x.code === 'session-unreadable').map((x) => x.where);
    expect(skipped).toEqual(['schedule.conference.days[0].rooms["Hall 1"][1].date', 'schedule.conference.days[0].rooms["Hall 1"][2]']);
  });

  it('refuses a feed none of whose events can be read', () => {
    expect(thrown(() => run(schedule({ 'Hall 1': [event({ date: 'tomorrow', start: undefined })] }))).code).toBe('no-sessions-readable');
  });

  it('falls back to the day and its start clock, putting early clocks after midnight', () => {
    const { feed, codes } = run(schedule({ 'Hall 1': [event({ date: undefined, start: '01:30' }), event({ guid: 'g-2', date: 'bogus', start: '12:00' })] }));
    expect(feed.sessions.map((s) => [s.start, s.day])).toEqual([['2023-03-01T11:00:00Z', '2023-03-01'], ['2023-03-02T00:30:00Z', '2023-03-01']]);
    expect(codes.filter((c) => c === 'session-date-invalid')).toHaveLength(1);
  });

  it('reads a date without offset in the conference zone, and warns about a missing duration', () => {
    const { feed, codes } = run(schedule({ 'Hall 1': [event({ date: '2023-03-01T11:00:00', duration: undefined })] }));
    expect(feed.sessions[0]).toMatchObject({ start: '2023-03-01T10:00:00Z', end: '2023-03-01T10:00:00Z' });
    expect(codes).toContain('duration-missing');
  });

  it('takes the subscriber\'s zone when the feed names none and it fits the offsets', () => {
    const doc = schedule({ 'Hall 1': [event()] }, { time_zone_name: undefined });
    const { feed, codes } = run(doc, 'Europe/Paris');
    expect(feed.conference.timeZone).toBe('Europe/Paris');
    expect(codes).toContain('time-zone-from-subscriber');
  });

  it('tells people apart by guid or pretalx code before frab id, and merges repeats', () => {
    const ada = { id: 2, code: 'ADA01', public_name: 'Ada', biography: 'Pioneer.' };
    const { feed } = run(schedule({
      'Hall 1': [event({ persons: [ada, { id: 2, public_name: 'Bob' }] }), event({ guid: 'g-2', persons: [{ ...ada, biography: undefined }] })],
    }));
    expect(feed.speakers.map((s) => [s.id, s.name])).toEqual([['ADA01', 'Ada'], ['2', 'Bob']]);
    expect(feed.speakers[0]!.bio).toBe('<p>Pioneer.</p>');
    expect(feed.sessions.find((s) => s.id === 'g-2')!.speakerIds).toEqual(['ADA01']);
  });

  it('gives declared rooms their stream links and resolves relative attachments', () => {
    const rooms = [{ name: 'Hall 1', guid: 'r-1', stream: 'https://streaming.media.ccc.de/test/hall1', url: 'https://test.example.org/rooms/hall-1' }];
    const attachments = [{ url: '/system/attachments/1/slides.pdf', title: 'Slides' }, { url: '/attachments/original/missing.png', title: 'file' }];
    const { feed } = run(schedule({ 'Hall 1': [event({ attachments, do_not_record: true })] }, { rooms }));
    expect(feed.rooms[0]!.links).toEqual([
      { url: 'https://test.example.org/rooms/hall-1', kind: 'other' },
      { url: 'https://streaming.media.ccc.de/test/hall1', kind: 'stream' },
    ]);
    expect(feed.sessions[0]!.links).toEqual([{ url: 'https://frab.example.org/system/attachments/1/slides.pdf', title: 'Slides', kind: 'slides' }]);
    expect(feed.sessions[0]!.recordingOptOut).toBe(true);
  });

  it('reads schema 2 events with localised text, a cancelled state and day ranges', () => {
    const conf = {
      days: [{ index: 1, date: '2023-03-01', start: '2023-03-01T10:00:00+01:00', end: '2023-03-02T06:00:00+01:00' }],
      rooms: [{ name: 'Hall 1', guid: 'r-1' }], tracks: [{ name: 'Science', slug: 'science', color: '#00A356' }],
    };
    const ev = {
      guid: 'e-1', code: 'ABC12', start: '2023-03-02T02:00:00+01:00', end: '2023-03-02T02:30:00+01:00', title: { de: 'Titel', en: 'Title' },
      room: { guid: 'r-1' }, track: { slug: 'science' }, type: 'LIGHTNING_TALK', state: 'CANCELED', participants: [{ guid: 'p-1', name: 'Ada' }],
    };
    const { feed } = run(schedule({}, conf, { events: [ev] }));
    expect(feed.sessions[0]).toMatchObject({ id: 'e-1', title: 'Title', day: '2023-03-01', roomId: 'Hall 1', trackId: 'Science', type: 'lightning_talk', cancelled: true, speakerIds: ['p-1'] });
    expect(feed.tracks).toEqual([{ id: 'Science', name: 'Science', color: '#00A356' }]);
  });
});
