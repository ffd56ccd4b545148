import { beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../../core/errors';
import { importFeed, type ImportOptions } from '../../../core/formats/index';
import type { Feed, Session } from '../../../core/model/schema';
import { describeCorpus, expectValidFeed, facts, readCorpus } from '../support/corpus';
import { readFixture } from '../support/fixtures';

const CORPUS_FILE = 'sessionize/global-azure-austria-2024-all.json';

function load(text: string, options: ImportOptions = {}): ReturnType<typeof importFeed> {
  const result = importFeed(text, options);
  expect(result.format).toBe('sessionize');
  expectValidFeed(result.feed);
  return result;
}

function codes(result: { warnings: Array<{ code: string }> }): string[] {
  return result.warnings.map((w) => w.code);
}

function session(feed: Feed, sourceId: string): Session {
  const found = feed.sessions.find((s) => s.sourceId === sourceId);
  if (!found) throw new Error(`no session ${sourceId}`);
  return found;
}

/** A minimal view/All document around the given sessions. */
function allView(sessions: unknown[], rooms: unknown[] = [{ id: 1, name: 'Aula', sort: 0 }]): string {
  const speakers = [{ id: 'p1', firstName: 'Pat', lastName: 'Doe', fullName: 'Pat Doe', bio: null, tagLine: null, links: [] }];
  return JSON.stringify({ sessions, speakers, questions: [], categories: [], rooms });
}

const GOOD = { id: 42, title: 'Good', startsAt: '2024-04-20T10:00:00', endsAt: '2024-04-20T10:30:00', speakers: ['p1'], roomId: 1 };

describeCorpus('Sessionize view/All (Global Azure Austria 2024)', () => {
  // Read in a hook, not while tests are collected: without the corpus this block is skipped.
  let text = '';
  let expected: Record<string, unknown> = {};
  beforeAll(() => {
    text = readCorpus(CORPUS_FILE);
    expected = facts()[CORPUS_FILE]!;
  });

  it('imports every session, speaker, room and day the facts list', () => {
    const { feed } = load(text);
    expect(feed.sessions).toHaveLength(expected.sessions as number);
    expect(feed.speakers).toHaveLength(expected.speakers as number);
    expect(feed.rooms).toHaveLength(expected.rooms as number);
    expect(feed.conference.days).toHaveLength(expected.days as number);
    expect(feed.sessions.filter((s) => s.type === 'break')).toHaveLength(expected.service_sessions as number);
    expect(new Set(feed.sessions.map((s) => s.id)).size).toBe(feed.sessions.length);
  });

  it('reads wall times in the subscriber zone when one is given', () => {
    const result = load(text, { timeZone: 'Europe/Vienna' });
    expect(result.feed.conference.timeZone).toBe('Europe/Vienna');
    expect(codes(result)).toContain('time-zone-from-subscriber');
    expect(codes(result)).not.toContain('time-zone-missing');
    const keynote = session(result.feed, '658419');
    expect(keynote.start).toBe('2024-04-20T07:00:00Z');
    expect(keynote.end).toBe('2024-04-20T07:45:00Z');
    expect(keynote.day).toBe('2024-04-20');
    expect(result.feed.conference.days).toEqual(['2024-04-20']);
  });

  it('falls back to UTC with a warning when no zone is known', () => {
    const result = load(text);
    expect(result.feed.conference.timeZone).toBe('UTC');
    expect(codes(result)).toContain('time-zone-missing');
    expect(session(result.feed, '658419').start).toBe('2024-04-20T09:00:00Z');
  });

  it('links sessions to rooms, people and their YouTube answers', () => {
    const { feed } = load(text, { timeZone: 'Europe/Vienna' });
    const keynote = session(feed, '658419');
    expect(keynote.roomId).toBe('Aula');
    const names = keynote.speakerIds.map((id) => feed.speakers.find((p) => p.id === id)?.name);
    expect(names).toEqual(['Ed Burns', 'Sandra Ahlgrimm']);
    expect(keynote.links).toContainEqual({ url: 'https://youtube.com/live/mIguuYMFbh0', title: 'YouTube Video', kind: 'stream' });
    expect(keynote.abstract).toMatch(/^<p>Disruptive changes/);
    const alex = feed.speakers.find((p) => p.id === '09ddaf8b-3529-46c5-b7dd-cb3ffd339edc')!;
    expect(alex.bio).toContain('Lehrer für Mathematik');
    expect(alex.bio).toContain('HTBLA Leonding');
    expect(alex.photoUrl).toMatch(/^https:\/\/sessionize\.com\/image\//);
  });

  it('names the untitled conference honestly and says so', () => {
    const result = load(text);
    expect(result.feed.conference.title).toBe('Sessionize event 2024-04-20');
    expect(codes(result)).toContain('untitled-conference');
  });
});

describe('Sessionize view/GridSmart + view/Speakers', () => {
  const grid = readFixture('sessionize-gridsmart.json');
  const speakers = readFixture('sessionize-speakers.json');

  it('reads each session once though GridSmart lists it under its room and its time slot', () => {
    const { feed } = load(grid, { timeZone: 'Europe/Berlin', companions: [speakers] });
    expect(feed.sessions.map((s) => s.sourceId)).toEqual(['sv-welcome', '710001', '710002', 'sv-lunch']);
    expect(feed.rooms.map((r) => r.name)).toEqual(['Hall A', 'Room 2.14']);
  });

  it('turns service sessions into breaks and categories into track, type and language', () => {
    const { feed } = load(grid, { timeZone: 'Europe/Berlin', companions: [speakers] });
    expect(session(feed, 'sv-welcome').type).toBe('break');
    expect(session(feed, 'sv-lunch').type).toBe('break');
    const keynote = session(feed, '710001');
    expect(keynote).toMatchObject({ title: 'Keynote: Shipping & sleeping', trackId: 'Keynotes', type: 'Keynote', language: 'English', roomId: 'Hall A' });
    expect(keynote.start).toBe('2024-10-10T07:00:00Z');
    expect(keynote.end).toBe('2024-10-10T07:45:00Z');
    expect(keynote.abstract).toBe('<p>Why boring releases are good releases.</p><p>A tour of ten years of release trains.</p>');
    expect(keynote.links.map((l) => [l.kind, l.url])).toEqual([
      ['stream', 'https://stream.example.org/hall-a'],
      ['recording', 'https://www.youtube.com/watch?v=abcdefghijk'],
      ['slides', 'https://example.org/slides/keynote.pdf'],
    ]);
    expect(session(feed, '710002')).toMatchObject({ trackId: 'Testing', type: 'Workshop', language: 'German' });
    expect(feed.tracks.map((t) => t.name)).toEqual(['Keynotes', 'Testing']);
  });

  it('merges bios, photos and links from the Speakers document by id', () => {
    const result = load(grid, { timeZone: 'Europe/Berlin', companions: [speakers] });
    const { feed } = result;
    const ada = feed.speakers.find((p) => p.id === 'aaaaaaaa-0000-4000-8000-000000000001')!;
    expect(ada.name).toBe('Ada Example');
    expect(ada.bio).toBe('<p>Release manager, Example Corp</p><p>Ada has shipped software on trains, planes and release trains.</p>');
    expect(ada.photoUrl).toBe('https://sessionize.com/image/aaaa-400o400o1-example.jpg');
    expect(ada.links.map((l) => l.url)).toEqual(['https://twitter.com/ada_example', 'https://ada.example.org/']);
    expect(codes(result)).toContain('link-invalid');
    const bo = feed.speakers.find((p) => p.name === 'Bo Sample')!;
    expect(bo.bio).toBe('<p>Bo writes tests.</p><p>And then more tests.</p>');
    expect(bo.photoUrl).toBeUndefined();
    const cy = feed.speakers.find((p) => p.name === 'Cy Fixture')!;
    expect(cy.id).toBe('aaaaaaaa-0000-4000-8000-000000000003');
    expect(cy.bio).toBeUndefined();
    expect(session(feed, '710002').speakerIds).toEqual(['aaaaaaaa-0000-4000-8000-000000000002', cy.id]);
    expect(feed.speakers).toHaveLength(3);
  });

  it('still imports without the Speakers document, with names only', () => {
    const { feed } = load(grid, { timeZone: 'Europe/Berlin' });
    expect(feed.speakers.map((p) => p.name).sort()).toEqual(['Ada Example', 'Bo Sample', 'Cy Fixture']);
    expect(feed.speakers.every((p) => p.bio === undefined)).toBe(true);
  });

  it('warns about a companion that is not a speakers list', () => {
    const result = load(grid, { timeZone: 'Europe/Berlin', companions: ['{"hello": 1}'] });
    expect(codes(result)).toContain('companion-ignored');
  });
});

describe('Sessionize view/Sessions', () => {
  const text = readFixture('sessionize-sessions.json');

  it('turns numeric ids into strings and reads each session once across groups', () => {
    const result = load(text, { timeZone: 'Europe/Amsterdam' });
    const { feed } = result;
    expect(feed.sessions.map((s) => s.id)).toEqual(['820001', '820002']);
    expect(session(feed, '820001')).toMatchObject({ start: '2024-03-05T08:00:00Z', roomId: 'Auditorium', trackId: 'Main', cancelled: false });
    expect(session(feed, '820002').cancelled).toBe(true);
    expect(codes(result)).toContain('session-unscheduled');
  });
});

describe('Sessionize robustness', () => {
  it('skips a broken session with a warning instead of failing', () => {
    const text = allView([17, { id: 'x', title: 'Bad time', startsAt: 'yesterday', endsAt: 'today' }, GOOD]);
    const result = load(text, { timeZone: 'Europe/Vienna' });
    expect(result.feed.sessions).toHaveLength(1);
    expect(result.feed.sessions[0]).toMatchObject({ id: '42', title: 'Good', speakerIds: ['p1'], roomId: 'Aula', start: '2024-04-20T08:00:00Z' });
    expect(result.warnings.filter((w) => w.code === 'session-unreadable')).toHaveLength(2);
  });

  it('warns about speaker ids the document does not list', () => {
    const result = load(allView([{ ...GOOD, speakers: ['p1', 'ghost'] }]));
    expect(result.feed.sessions[0]!.speakerIds).toEqual(['p1']);
    expect(codes(result)).toContain('unknown-speaker');
  });

  it('keeps a session without an end, with no length and a warning', () => {
    const result = load(allView([{ ...GOOD, endsAt: null }]));
    expect(result.feed.sessions[0]!.end).toBe(result.feed.sessions[0]!.start);
    expect(codes(result)).toContain('session-end-missing');
  });

  it('infers the zone from a room named after a city', () => {
    const result = load(allView([GOOD], [{ id: 1, name: 'Aula, Linz', sort: 0 }]));
    expect(result.feed.conference.timeZone).toBe('Europe/Vienna');
    expect(codes(result)).toContain('time-zone-inferred');
    expect(result.feed.sessions[0]!.start).toBe('2024-04-20T08:00:00Z');
  });

  it('refuses a document with no readable session', () => {
    expect(() => importFeed(allView([{ id: 1, title: 'Nope', startsAt: 'never' }]))).toThrow(FeedError);
    try {
      importFeed(allView([]));
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).code).toBe('no-sessions-readable');
    }
  });
});
