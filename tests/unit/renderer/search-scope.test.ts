import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { buildSearchIndex, docsFromConference, facetDocsFromConference, searchFacets, searchSessions } from '../../../renderer/src/features/search/search-index';
import { PAST_AFTER_MS, searchScope, type ScopeConference } from '../../../renderer/src/features/search/search-scope';
import { corpusPath, describeCorpus } from '../support/corpus';
import { makeFeed } from '../support/feeds';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const conf = (id: string, lastEnd: number, isArchived = false): ScopeConference => ({ id, title: id.toUpperCase(), lastEnd, isArchived });
const fosdem26 = conf('fosdem-2026', NOW + 86_400_000);
const cfgmgmt = conf('cfgmgmt-2026', NOW + 5 * 86_400_000);
const fosdem24 = conf('fosdem-2024', NOW - 700 * 86_400_000);
const filed = conf('devconf-2026', NOW + 30 * 86_400_000, true);
const stored = [fosdem26, cfgmgmt, fosdem24, filed];

describe('search scope', () => {
  it('from inside a conference: that conference, widened to every one (past included) on request', () => {
    expect(searchScope({ conferenceId: 'fosdem-2026' }, stored, NOW)).toEqual({ kind: 'conference', ids: ['fosdem-2026'], here: { id: 'fosdem-2026', title: 'FOSDEM-2026' }, pastCount: 2 });
    expect(searchScope({ conferenceId: 'fosdem-2026', all: true }, stored, NOW)).toEqual({ kind: 'all', ids: stored.map((c) => c.id), here: { id: 'fosdem-2026', title: 'FOSDEM-2026' }, pastCount: 2 });
    // A conference that is no longer stored is still the scope (it finds nothing), named by its id.
    expect(searchScope({ conferenceId: 'gone' }, stored, NOW)).toMatchObject({ kind: 'conference', ids: ['gone'], here: { title: 'gone' } });
  });

  it('from outside: the current conferences, past and archived ones left out until asked for', () => {
    expect(searchScope({}, stored, NOW)).toEqual({ kind: 'current', ids: ['fosdem-2026', 'cfgmgmt-2026'], pastCount: 2 });
    expect(searchScope({ all: true }, stored, NOW)).toEqual({ kind: 'all', ids: stored.map((c) => c.id), pastCount: 2 });
  });

  it('a conference is past two weeks after its end, as in the sidebar', () => {
    const justOver = conf('old', NOW - PAST_AFTER_MS - 1);
    const justUnder = conf('recent', NOW - PAST_AFTER_MS + 1);
    expect(searchScope({}, [justOver, justUnder], NOW)).toEqual({ kind: 'current', ids: ['recent'], pastCount: 1 });
  });

  it('with no current conference, a search from outside looks in all of them rather than in none', () => {
    expect(searchScope({}, [fosdem24, filed], NOW)).toEqual({ kind: 'all', ids: ['fosdem-2024', 'devconf-2026'], pastCount: 2 });
    expect(searchScope({}, [], NOW)).toEqual({ kind: 'all', ids: [], pastCount: 0 });
  });
});

const feedA = makeFeed(
  [
    { id: 'homed', title: 'Reinventing home directories', speakerIds: ['lp'], trackId: 'distros', roomId: 'Janson' },
    { id: 'boot', title: 'Booting with systemd', speakerIds: ['lp', 'p1'], trackId: 'distros', roomId: 'Janson' },
    { id: 'pg', title: 'Postgres on the desktop', abstract: 'Thanks to Lennart Poettering for the idea.', speakerIds: ['p2'], roomId: 'Pagoda' },
  ],
  {
    speakers: [
      { id: 'lp', name: 'Lennart Poettering', links: [] },
      { id: 'p1', name: 'Peter Georg', links: [] },
      { id: 'p2', name: 'Eric Curtin', links: [] },
      { id: 'idle', name: 'Pat Nosessions', links: [] },
    ],
    tracks: [{ id: 'distros', name: 'Distributions' }, { id: 'empty', name: 'Poets corner' }],
  },
);
const feedB = makeFeed([{ id: 'b1', title: 'systemd at scale', speakerIds: ['lp2'], roomId: 'Pagoda' }], {
  conference: { ...feedA.conference, id: 'other', title: 'Other Conf' },
  speakers: [{ id: 'lp2', name: 'Lennart Poettering', links: [] }],
});
const facets = [...facetDocsFromConference('a', feedA), ...facetDocsFromConference('b', feedB)];
const found = (query: string, scope?: string[]): string[] => searchFacets(facets, query, { scope: scope && new Set(scope), limit: 10 }).hits.map((h) => `${h.doc.conferenceId}/${h.doc.kind}/${h.doc.id}`);

describe('speakers, rooms and tracks as results', () => {
  it('lists a speaker by any word of the name, whole or begun, with their session count', () => {
    expect(found('poettering')).toEqual(['a/speaker/lp', 'b/speaker/lp2']);
    expect(found('poet', ['a'])).toEqual(['a/speaker/lp']);
    expect(found('Pöttering')).toEqual([]);
    expect(found('lennart poe', ['b'])).toEqual(['b/speaker/lp2']);
    expect(searchFacets(facets, 'poettering', { scope: new Set(['a']), limit: 5 }).hits[0]!.doc.sessionCount).toBe(2);
  });

  it('leaves out speakers, rooms and tracks without sessions, and one-letter queries', () => {
    expect(found('nosessions')).toEqual([]);
    expect(found('poets')).toEqual([]);
    expect(found('p')).toEqual([]);
  });

  it('finds rooms and tracks; speakers first when the match is as good, then more sessions first', () => {
    expect(found('distrib')).toEqual(['a/track/distros']);
    expect(found('janson')).toEqual(['a/room/Janson']);
    expect(found('pagoda')).toEqual(['a/room/Pagoda', 'b/room/Pagoda']);
    // "pe" begins Peter (a speaker) and no room or track; "p" alone is too short.
    expect(found('pe', ['a'])).toEqual(['a/speaker/p1']);
  });

  it('ranks a name typed in full above one only begun, and counts what it does not list', () => {
    const feed = makeFeed([{ id: 's', title: 'x', speakerIds: ['ann', 'anna'] }], { speakers: [{ id: 'ann', name: 'Ann', links: [] }, { id: 'anna', name: 'Anna', links: [] }] });
    const docs = facetDocsFromConference('c', feed);
    expect(searchFacets(docs, 'anna', { limit: 5 }).hits.map((h) => h.doc.id)).toEqual(['anna']);
    expect(searchFacets(docs, 'ann', { limit: 5 }).hits.map((h) => h.doc.id)).toEqual(['ann', 'anna']);
    expect(searchFacets(docs, 'ann', { limit: 1 })).toMatchObject({ total: 2, hits: [{ doc: { id: 'ann' } }] });
    // "peter": Peter (the whole name) before Peter Georg, though Peter Georg has more sessions.
    const two = makeFeed([{ id: 's1', title: 'x', speakerIds: ['pg'] }, { id: 's2', title: 'y', speakerIds: ['pg', 'pe'] }], { speakers: [{ id: 'pg', name: 'Peter Georg', links: [] }, { id: 'pe', name: 'Peter', links: [] }] });
    expect(searchFacets(facetDocsFromConference('c', two), 'peter', { limit: 5 }).hits.map((h) => h.doc.id)).toEqual(['pe', 'pg']);
  });

  it('searches sessions of several conferences at once, and of none', () => {
    const index = buildSearchIndex([...docsFromConference('a', feedA), ...docsFromConference('b', feedB), ...docsFromConference('c', { ...feedB, conference: { ...feedB.conference, title: 'C' } })]);
    const ids = (conferenceIds: string[]): string[] => searchSessions(index, 'systemd', { conferenceIds, limit: 10 }).hits.map((h) => `${h.doc.conferenceId}/${h.doc.sessionId}`).sort();
    expect(ids(['a', 'b'])).toEqual(['a/boot', 'b/b1']);
    expect(ids(['c'])).toEqual(['c/b1']);
    expect(ids([])).toEqual([]);
    expect(searchSessions(index, 'systemd', { limit: 10 }).total).toBe(3);
  });
});

describeCorpus('"Poettering" in three FOSDEM years', () => {
  it('lists his speaker page in each year (with his talks counted as the XML has them), and his sessions', () => {
    // Counted independently (Python over the XML): 1 talk in 2020, 1 in 2023, 2 in 2024.
    const years = ['2020', '2023', '2024'];
    const feeds = years.map((y) => [`fosdem-${y}`, importFeed(readFileSync(corpusPath(`fosdem/fosdem-${y}.xml`))).feed] as const);
    const all = feeds.flatMap(([id, feed]) => facetDocsFromConference(id, feed));
    const hits = searchFacets(all, 'Poettering', { limit: 10 }).hits;
    expect(hits.map((h) => [h.doc.kind, h.doc.name, h.doc.conferenceId, h.doc.sessionCount]).sort()).toEqual([
      ['speaker', 'Lennart Poettering', 'fosdem-2020', 1],
      ['speaker', 'Lennart Poettering', 'fosdem-2023', 1],
      ['speaker', 'Lennart Poettering', 'fosdem-2024', 2],
    ]);
    const index = buildSearchIndex(feeds.flatMap(([id, feed]) => docsFromConference(id, feed)), all);
    expect(searchSessions(index, 'Poettering', { conferenceIds: ['fosdem-2024'], limit: 10 }).total).toBe(2);
    expect(searchFacets(index.facets, 'poettering', { scope: new Set(['fosdem-2024']), limit: 10 }).hits.map((h) => h.doc.conferenceId)).toEqual(['fosdem-2024']);
  });
});

describe('speakers, rooms and tracks from a hostile feed', () => {
  it('lists an id given twice once (the last one, as the schedule reads it)', () => {
    const feed = makeFeed([{ id: 's', title: 'x', speakerIds: ['dup'] }], { speakers: [{ id: 'dup', name: 'First Twin', links: [] }, { id: 'dup', name: 'Second Twin', links: [] }] });
    expect(searchFacets(facetDocsFromConference('c', feed), 'twin', { limit: 5 }).hits.map((h) => h.doc.name)).toEqual(['Second Twin']);
  });
});
