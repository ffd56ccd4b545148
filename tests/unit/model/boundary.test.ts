import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError, WarningLog } from '../../../core/errors';
import { importFeed } from '../../../core/formats/index';
import { enforceModel } from '../../../core/model/boundary';
import { FeedSchema, type Feed } from '../../../core/model/schema';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');

type Doc = Record<string, unknown> & { conference: Record<string, unknown>; sessions: Array<Record<string, unknown>> };

/** The sample as a plain document, changed by `change`. */
function doc(change: (feed: Doc) => void = () => undefined): Doc {
  const feed = JSON.parse(SAMPLE) as Doc;
  change(feed);
  return feed;
}

function check(input: unknown): { feed: Feed; warnings: ReturnType<WarningLog['list']> } {
  const log = new WarningLog(1_000);
  const feed = enforceModel(input, log);
  return { feed, warnings: log.list() };
}

const IMPOSSIBLE_INSTANTS = ['0000-01-01T10:00:00Z', '9999-02-03T10:00:00Z', '20008-02-24T10:00:00Z', '2023-02-30T10:00:00Z', '2023-02-03T25:00:00Z', 'soon', ''];
const IMPOSSIBLE_DATES = ['0000-00-00', '9999-02-03', '20008-02-24', '2023-02-30', '1969-12-31', '2023-2-3'];

describe('the model boundary', () => {
  it('lets the built-in sample through unchanged and silent', () => {
    const { feed, warnings } = check(doc());
    expect(warnings).toEqual([]);
    const { $schema: _schema, ...expected } = FeedSchema.parse(doc());
    expect(feed).toEqual(expected);
  });

  it.each(IMPOSSIBLE_INSTANTS)('leaves out a session starting at %j, naming it and the field; the others stay', (value) => {
    const { feed, warnings } = check(doc((f) => {
      f.sessions[2]!.start = value;
    }));
    const original = doc().sessions as Array<{ id: string; title: string }>;
    expect(feed.sessions.map((s) => s.id)).toEqual(original.filter((_, i) => i !== 2).map((s) => s.id));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'session-dropped', where: 'sessions[2]' });
    expect(warnings[0]!.message).toContain(`Session "${original[2]!.title}" (id ${original[2]!.id}) was left out: start`);
  });

  it.each(IMPOSSIBLE_DATES)('leaves out a session whose day is %j', (value) => {
    const { feed, warnings } = check(doc((f) => {
      f.sessions[0]!.day = value;
    }));
    expect(feed.sessions).toHaveLength(doc().sessions.length - 1);
    expect(warnings[0]!.message).toMatch(/was left out: day /);
  });

  it('leaves out a session that ends before it starts, or whose day is not its date', () => {
    const { feed, warnings } = check(doc((f) => {
      f.sessions[0]!.end = '2023-02-03T06:00:00Z';
      f.sessions[1]!.day = '2023-03-03';
    }));
    expect(feed.sessions).toHaveLength(doc().sessions.length - 2);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/was left out: end "2023-02-03T06:00:00Z" \(the session ends before it starts\)\.$/),
      expect.stringMatching(/was left out: day "2023-03-03" \(the day is not the date the session starts on\)\.$/),
    ]);
  });

  it('drops a bad optional field (one link, a subtitle) and keeps the session', () => {
    const { feed, warnings } = check(doc((f) => {
      f.sessions[0]!.links = [{ url: 'https://example.org/a', kind: 'stream' }, { url: 'https://example.org/b', kind: 'telepathy' }];
      f.sessions[0]!.subtitle = 42;
      f.generatedAt = '0000-00-00T00:00:00Z';
    }));
    expect(feed.sessions).toHaveLength(doc().sessions.length);
    expect(feed.sessions[0]!.links).toEqual([{ url: 'https://example.org/a', kind: 'stream' }]);
    expect(feed.sessions[0]!.subtitle).toBeUndefined();
    expect(feed.generatedAt).toBeUndefined();
    expect(warnings.map((w) => w.where).sort()).toEqual(['generatedAt', 'sessions[0].links[1].kind', 'sessions[0].subtitle']);
    expect(warnings.every((w) => w.code === 'value-dropped')).toBe(true);
  });

  it('takes impossible conference dates from the sessions, with a warning', () => {
    const { feed, warnings } = check(doc((f) => {
      f.conference.start = '0000-00-00';
      f.conference.days = ['0000-00-00', '2023-02-03'];
    }));
    expect(feed.conference).toMatchObject({ start: '2023-02-03', end: '2023-02-03', days: ['2023-02-03'] });
    expect(warnings.map((w) => w.code)).toEqual(['conference-dates-derived', 'value-dropped']);
    expect(warnings[0]!.message).toBe('The conference dates were taken from its sessions (2023-02-03 – 2023-02-03): its start "0000-00-00" is not a possible date.');
  });

  it('takes the dates from the sessions when the conference ends before it starts', () => {
    const { feed, warnings } = check(doc((f) => {
      f.conference.start = '2023-02-05';
      f.conference.end = '2023-02-01';
    }));
    expect(feed.conference).toMatchObject({ start: '2023-02-03', end: '2023-02-03' });
    expect(warnings[0]!.code).toBe('conference-dates-derived');
  });

  it('refuses a revision with impossible conference dates and no valid session, with the reason', () => {
    const refused = (): unknown => check(doc((f) => {
      f.conference.start = '0000-00-00';
      f.conference.end = '0000-00-00';
      for (const s of f.sessions) s.start = '0000-01-01T10:00:00Z';
    }));
    expect(refused).toThrow(FeedError);
    expect(refused).toThrow('The conference dates are impossible: its start "0000-00-00" and end "0000-00-00" are not possible dates, and no session has a valid date to take them from (at conference)');
  });

  it('refuses an unknown zone and a missing conference', () => {
    expect(() => check(doc((f) => (f.conference.timeZone = 'Mars/Olympus')))).toThrow('"Mars/Olympus" is not a known IANA time zone');
    expect(() => check(doc((f) => (f.conference = undefined as unknown as Doc['conference'])))).toThrow(/The feed has no conference/);
    expect(() => check([])).toThrow(FeedError);
  });

  it('reads instants written to the minute, as format version 1 allowed', () => {
    const { feed, warnings } = check(doc((f) => (f.sessions[0]!.start = '2023-02-03T07:30Z')));
    expect(warnings).toEqual([]);
    expect(feed.sessions[0]!.start).toBe('2023-02-03T07:30:00Z');
  });

  it('is the gate of importFeed for every format: a frab XML event in year 9999 is left out, named', () => {
    const xml = '<schedule><conference><title>T</title><start>2024-02-03</start><end>2024-02-03</end><time_zone_name>Europe/Brussels</time_zone_name></conference>'
      + '<day date="9999-01-01" index="1"><room name="A"><event id="7"><start>10:00</start><duration>00:30</duration><room>A</room><title>Far</title></event></room></day>'
      + '<day date="2024-02-03" index="2"><room name="A"><event id="8"><start>11:00</start><duration>00:30</duration><room>A</room><title>Near</title></event></room></day></schedule>';
    const result = importFeed(xml);
    expect(result.feed.sessions.map((s) => s.title)).toEqual(['Near']);
    expect(result.warnings.find((w) => w.code === 'session-dropped')?.message).toBe(
      'Session "Far" (id 7) was left out: start "9999-01-01T09:00:00Z" (a year from 1970 to 2200); end "9999-01-01T09:30:00Z" (a year from 1970 to 2200); day "9999-01-01" (a year from 1970 to 2200).',
    );
    expect(result.feed.conference.start).toBe('2024-02-03');
  });

  it('keeps rooms and tracks whose long names are their ids (importers name them, up to 500 characters)', () => {
    const room = `Hall ${'R'.repeat(440)}`;
    const xml = `<schedule><conference><title>T</title><start>2024-02-03</start><end>2024-02-03</end><time_zone_name>Europe/Brussels</time_zone_name></conference><day date="2024-02-03" index="1"><room name="${room}"><event id="8"><start>11:00</start><duration>00:30</duration><room>${room}</room><track>${room}</track><title>Near</title></event></room></day></schedule>`;
    const result = importFeed(xml);
    expect(result.feed.rooms.map((r) => r.id)).toEqual([room]);
    expect(result.feed.tracks.map((t) => t.id)).toEqual([room]);
    expect(result.feed.sessions[0]).toMatchObject({ roomId: room, trackId: room });
    expect(result.warnings.filter((w) => /dropped/.test(w.code))).toEqual([]);
  });

  it('a Sessionize document: year 0, year 9999 and an end before the start are left out one by one, named', () => {
    const good = { id: 42, title: 'Good', startsAt: '2024-04-20T10:00:00', endsAt: '2024-04-20T10:30:00', speakers: [], roomId: 1 };
    const sessions = [
      good,
      { ...good, id: 43, title: 'Year zero', startsAt: '0000-04-20T10:00:00', endsAt: '0000-04-20T10:30:00' },
      { ...good, id: 44, title: 'Far', startsAt: '9999-04-20T10:00:00', endsAt: '9999-04-20T10:30:00' },
      { ...good, id: 45, title: 'Backwards', endsAt: '2024-04-20T09:00:00' },
    ];
    const result = importFeed(JSON.stringify({ sessions, speakers: [], questions: [], categories: [], rooms: [{ id: 1, name: 'Aula', sort: 0 }] }), { timeZone: 'Europe/Vienna' });
    expect(result.feed.sessions.map((s) => s.title)).toEqual(['Good']);
    expect(result.feed.conference).toMatchObject({ start: '2024-04-20', end: '2024-04-20' });
    const dropped = result.warnings.filter((w) => w.code === 'session-dropped').map((w) => w.message);
    expect(dropped).toHaveLength(3);
    expect(dropped).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Session "Year zero" \(id 43\) was left out: start /),
      expect.stringMatching(/^Session "Far" \(id 44\) was left out: start "9999-04-20T08:00:00Z" \(a year from 1970 to 2200\)/),
      'Session "Backwards" (id 45) was left out: end "2024-04-20T07:00:00Z" (the session ends before it starts).',
    ]));
  });

  it('a Lanyard document with a session id used twice keeps the first and names the other', () => {
    const result = importFeed(JSON.stringify(doc((f) => (f.sessions[5]!.id = f.sessions[1]!.id as string))));
    expect(result.feed.sessions).toHaveLength(17);
    expect(result.warnings.find((w) => w.code === 'session-dropped')).toMatchObject({
      message: expect.stringMatching(/was left out: an earlier session has the same id, and ids must be unique in a Lanyard feed\.$/) as unknown,
      where: 'sessions[5].id',
    });
  });

  it('a Lanyard document with conference.start "0000-00-00" imports with its dates taken from the sessions', () => {
    const result = importFeed(JSON.stringify(doc((f) => (f.conference.start = '0000-00-00'))));
    expect(result.feed.conference.start).toBe('2023-02-03');
    expect(result.warnings.map((w) => w.code)).toContain('conference-dates-derived');
  });

  it('removes bidirectional controls from titles and names, with one warning; ids stay as they are', () => {
    const { feed, warnings } = check(doc((f) => {
      f.sessions[0]!.title = 'Talk \u202Eevil\u202C and more';
      (f.speakers as Array<Record<string, unknown>>)[0]!.name = '\u2067Name\u2069';
      (f.rooms as Array<Record<string, unknown>>)[0]!.name = '\u202E';
    }));
    expect(feed.sessions[0]!.title).toBe('Talk evil and more');
    expect(feed.speakers[0]!.name).toBe('Name');
    expect(feed.rooms[0]!.name).toBe('?');
    expect(feed.rooms[0]!.id).toBe((doc().rooms as Array<{ id: string }>)[0]!.id);
    expect(warnings).toEqual([{ code: 'bidi-controls-removed', message: '5 bidirectional control characters were removed from titles and names: they could reverse the text shown around them.', where: 'sessions[0].title' }]);
    expect(JSON.stringify(feed)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('whatever it is given, returns a feed that passes the schema, or refuses with a FeedError', () => {
    const hostile = fc.oneof(
      fc.constantFrom(...IMPOSSIBLE_INSTANTS, ...IMPOSSIBLE_DATES, null, 0, -1, 1e21, {}, [], '2023-02-03', '2023-02-03T08:00:00Z'),
      fc.string({ maxLength: 30 }),
    );
    const fields = ['start', 'end', 'day', 'id', 'title', 'links', 'speakerIds', 'subtitle', 'cancelled'] as const;
    const conferenceFields = ['start', 'end', 'days', 'title', 'url', 'venue'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ i: fc.nat(17), field: fc.constantFrom(...fields), value: hostile }), { maxLength: 12 }),
        fc.array(fc.record({ field: fc.constantFrom(...conferenceFields), value: hostile }), { maxLength: 3 }),
        (sessionChanges, conferenceChanges) => {
          const input = doc((f) => {
            for (const { i, field, value } of sessionChanges) f.sessions[i % f.sessions.length]![field] = value;
            for (const { field, value } of conferenceChanges) f.conference[field] = value;
          });
          let feed: Feed;
          try {
            feed = check(input).feed;
          } catch (error) {
            expect(error).toBeInstanceOf(FeedError);
            return;
          }
          expect(FeedSchema.safeParse(feed).success).toBe(true);
          // The gate is idempotent: what passed once passes again unchanged and silent.
          expect(check(feed)).toEqual({ feed, warnings: [] });
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });
});
