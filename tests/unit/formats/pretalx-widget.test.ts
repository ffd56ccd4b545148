import { describe, expect, it } from 'vitest';
import { FeedError, WarningLog } from '../../../core/errors';
import { importFeed } from '../../../core/formats/index';
import { isObject, parseJson, type JsonObject } from '../../../core/formats/json';
import { importPretalxWidget } from '../../../core/formats/pretalx-widget';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';

function run(doc: unknown, timeZone?: string) {
  const warnings = new WarningLog();
  if (!isObject(doc)) throw new Error('test document must be an object');
  const feed = importPretalxWidget(doc, { warnings, timeZone, companions: [] });
  expectValidFeed(feed);
  return { feed, warnings, codes: warnings.list().map((x) => x.code) };
}

const WIDGET = 'pretalx/democon-export-2022/schedule-widget-v2.json';
const EXPORT = 'pretalx/democon-export-2022/schedule-export-schedule.json';

describeCorpus('pretalx widget v2: the DemoCon corpus file', () => {
  const load = () => {
    const result = importFeed(readCorpus(WIDGET));
    expect(result.format).toBe('pretalx-widget');
    expectValidFeed(result.feed);
    return { feed: result.feed, codes: result.warnings.map((x) => x.code) };
  };

  it('imports with the counts of facts.json', () => {
    const { feed } = load();
    const f = facts()[WIDGET]!;
    expect({
      sessions: feed.sessions.length,
      rooms: feed.rooms.length,
      tracks: feed.tracks.length,
      speakers: feed.speakers.length,
      days: new Set(feed.sessions.map((s) => s.day)).size,
    }).toEqual({ sessions: f.talks, rooms: f.rooms, tracks: f.tracks, speakers: f.speakers, days: f.days });
    expect(feed.revision).toBe(f.version);
  });

  it('keeps the out-of-range talk that pretalx\'s own JSON and XML drop (36 talks against 35 events)', () => {
    const { feed, codes } = load();
    const exported = importFeed(readCorpus(EXPORT)).feed;
    const exportedCodes = new Set(exported.sessions.map((s) => /\/talk\/([A-Z0-9]+)\/$/.exec(s.links[0]!.url)![1]));
    const onlyInWidget = feed.sessions.filter((s) => !exportedCodes.has(s.sourceId ?? ''));
    expect(onlyInWidget.map((s) => [s.id, s.day])).toEqual([['HEMUKA', '2022-09-24']]);
    // The widget (this pretalx version) gives no event dates, so the conference spans its
    // sessions: 2022-09-06 to 2022-09-24, 19 days of which 4 have talks (facts: days 4).
    expect([feed.conference.start, feed.conference.end, feed.conference.days.length]).toEqual(['2022-09-06', '2022-09-24', 19]);
    // …and no title: the builder names it "Untitled conference", with a warning.
    expect(feed.conference.title).toBe('Untitled conference');
    expect(codes).toEqual(['untitled-conference']);
    // The same people get the same ids (pretalx codes) in both formats.
    expect(feed.speakers.map((s) => s.id).sort()).toEqual(exported.speakers.map((s) => s.id).sort());
  });

  it('reads exact instants, days, rooms and tracks', () => {
    const { feed } = load();
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
    // 01:50 local on 6 September: pretalx's JSON export puts it on the 6th too.
    expect(feed.sessions.find((s) => s.id === 'XFUR3C')).toMatchObject({
      title: 'Persevering cohesive concept', start: '2022-09-05T23:50:00Z', end: '2022-09-06T01:20:00Z', day: '2022-09-06',
      roomId: 'Dark Red Room', trackId: 'Organic', speakerIds: ['YY3RMW'], abstract: '<p>Reinvent one-to-one info-mediaries!</p>',
    });
    expect(feed.tracks.find((t) => t.id === 'Mandatory')!.color).toBe('#4a66d3');
    expect(feed.speakers.find((s) => s.id === 'YY3RMW')!.name).toBe('Susan Martinez');
  });
});

const widget = (over: JsonObject = {}): JsonObject => ({
  version: 'v1', timezone: 'Europe/Berlin',
  rooms: [{ id: 1, name: { en: 'Main Hall', de: 'Großer Saal' }, video_url: 'https://stream.example.org/main.m3u8' }],
  tracks: [{ id: 3, name: 'Science', color: '#00ff00' }],
  speakers: [{ code: 'ADA01', name: 'Ada', biography: 'Pioneer.', avatar: 'https://pretalx.example.org/media/ada.png' }],
  talks: [{ code: 'T1', id: 10, title: 'First', speakers: ['ADA01'], track: 3, room: 1, start: '2023-06-01T10:00:00+02:00', end: '2023-06-01T10:30:00+02:00' }],
  ...over,
});
const talk = (over: JsonObject = {}): JsonObject => ({ code: 'T2', title: 'Second', speakers: [], room: 1, start: '2023-06-01T11:00:00+02:00', end: '2023-06-01T11:45:00+02:00', ...over });

describe('pretalx widget v2: small documents', () => {
  it('resolves rooms, tracks and speakers by id and code, and gives rooms their stream', () => {
    const { feed, codes } = run(widget({ title: 'Widget Con' }));
    expect(codes).toEqual([]);
    expect(feed.sessions[0]).toMatchObject({ id: 'T1', start: '2023-06-01T08:00:00Z', day: '2023-06-01', roomId: 'Main Hall', trackId: 'Science', speakerIds: ['ADA01'] });
    expect(feed.rooms[0]!.links).toEqual([{ url: 'https://stream.example.org/main.m3u8', kind: 'stream' }]);
    expect(feed.speakers[0]).toMatchObject({ id: 'ADA01', name: 'Ada', bio: '<p>Pioneer.</p>', photoUrl: 'https://pretalx.example.org/media/ada.png' });
    expect(feed.tracks[0]!.color).toBe('#00ff00');
  });

  it('picks the content locale of a multilingual title, then English', () => {
    const titled = (locales: string[]) => run(widget({ content_locales: locales, talks: [talk({ title: { de: 'Vortrag', en: 'Talk' } })] })).feed.sessions[0]!.title;
    expect(titled(['de', 'en'])).toBe('Vortrag');
    expect(titled(['fr'])).toBe('Talk');
  });

  it('keeps numeric-looking values as strings', () => {
    const text = '{"timezone":"Europe/Berlin","rooms":[{"id":7,"name":"1e5"}],"speakers":[{"code":"007","name":"1984"}],'
      + '"talks":[{"code":"0042","title":1984,"speakers":["007"],"room":7,"start":"2023-06-01T10:00:00+02:00","duration":30}]}';
    const { feed } = run(parseJson(text));
    expect(feed.sessions[0]).toMatchObject({ id: '0042', title: '1984', roomId: '1e5', speakerIds: ['007'], end: '2023-06-01T08:30:00Z' });
    expect(feed.speakers[0]).toMatchObject({ id: '007', name: '1984' });
  });

  it('keeps breaks as sessions of type "break", without reading their UTC times as the zone', () => {
    const pause = { id: 99, title: { en: 'Coffee' }, room: 1, start: '2023-06-01T08:30:00Z', end: '2023-06-01T09:00:00Z' };
    const { feed, codes } = run(widget({ talks: [...(widget().talks as unknown[]), pause] }));
    expect(feed.sessions.find((s) => s.type === 'break')).toMatchObject({ id: 'break-99', title: 'Coffee', roomId: 'Main Hall', start: '2023-06-01T08:30:00Z' });
    expect(codes).not.toContain('time-zone-contradiction');
  });

  it('warns about a talk it cannot read, an unknown room and an unknown speaker, and keeps the rest', () => {
    const { feed, warnings } = run(widget({
      talks: [talk(), talk({ code: 'T3', start: 'later' }), talk({ code: 'T4', room: 5, speakers: ['NOBODY'] }), 'junk'],
    }));
    expect(feed.sessions.map((s) => s.id)).toEqual(['T2', 'T4']);
    expect(warnings.list().map((x) => [x.code, x.where])).toEqual([
      ['session-unreadable', 'talks[1].start'],
      ['session-unreadable', 'talks[3]'],
      ['unknown-room', 'talks[2].room'],
      ['unknown-speaker', 'talks[2].speakers[0]'],
      ['untitled-conference', 'conference.title'],
    ]);
  });

  it('follows the offsets when the declared zone contradicts them', () => {
    const { feed, codes } = run(widget({ timezone: 'UTC' }));
    expect(codes).toContain('time-zone-contradiction');
    expect(feed.conference.timeZone).toBe('Europe/Berlin');
  });

  it('takes the event dates when given and widens them, with a warning, for a talk outside', () => {
    const late = talk({ start: '2023-06-09T10:00:00+02:00', end: '2023-06-09T11:00:00+02:00' });
    const { feed, codes } = run(widget({ event_start: '2023-06-01', event_end: '2023-06-02', talks: [talk(), late] }));
    expect([feed.conference.start, feed.conference.end]).toEqual(['2023-06-01', '2023-06-09']);
    expect(codes).toContain('sessions-outside-dates');
  });

  it('refuses a document whose talks cannot be read at all', () => {
    expect(() => run(widget({ talks: [talk({ start: undefined })] }))).toThrow(FeedError);
    expect(() => run({ talks: 'none' })).toThrow(/no "talks" list/);
  });
});
