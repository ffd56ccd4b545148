import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { LanyardDb } from '../../../renderer/src/db/schema';
import {
  MAX_ABSTRACT_CHARS, buildSearchIndex, docsFromConference, highlight, searchDocsFromDb, searchSessions, snippet, termsIn, type SearchDoc, type SearchIndex,
} from '../../../renderer/src/features/search/search-index';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { corpusPath, describeCorpus } from '../support/corpus';
import { makeFeed } from '../support/feeds';

const feedA = makeFeed(
  [
    { id: 'k8s', title: 'Kubernetes operators in practice', abstract: '<p>Writing controllers.</p>', speakerIds: ['p1'], trackId: 'cloud' },
    { id: 'rust', title: 'Fearless concurrency', abstract: '<p>Rust on <em>Kubernetes</em> clusters.</p>', speakerIds: ['mu'], roomId: 'Janson' },
    { id: 'db', title: 'Postgres internals', abstract: '<p>Storage &amp; WAL.</p>', speakerIds: ['p2'], trackId: 'data' },
  ],
  {
    speakers: [
      { id: 'p1', name: 'Peter Georg', links: [] },
      { id: 'p2', name: 'Eric Curtin', links: [] },
      { id: 'mu', name: 'Jürgen Müller', links: [] },
    ],
    tracks: [{ id: 'cloud', name: 'Cloud Native' }, { id: 'data', name: 'Databases' }],
  },
);
const feedB = makeFeed([{ id: 'b1', title: 'Kubernetes at scale', speakerIds: ['ml'] }], {
  conference: { ...feedA.conference, id: 'other', title: 'Other Conf' },
  speakers: [{ id: 'ml', name: 'Anna Muller', links: [] }],
});
const small = buildSearchIndex([...docsFromConference('a', feedA), ...docsFromConference('b', feedB)]);
const ids = (query: string, conferenceId?: string): string[] =>
  searchSessions(small, query, { conferenceId, limit: 20 }).hits.map((h) => `${h.doc.conferenceId}/${h.doc.sessionId}`);
const marked = (parts: Array<{ text: string; isMatch: boolean }>): string[] => parts.filter((p) => p.isMatch).map((p) => p.text);

describe('search index', () => {
  it('builds documents with plain-text abstracts, speaker names, room and track', () => {
    const [doc] = docsFromConference('a', feedA);
    expect(doc).toMatchObject({ conferenceId: 'a', conferenceTitle: 'Test Conference', timeZone: 'Europe/Brussels', sessionId: 'k8s', roomName: 'Pagoda', trackName: 'Cloud Native', speakerNames: ['Peter Georg'], abstract: 'Writing controllers.' });
    const long = makeFeed([{ id: 'x', title: 'Long', abstract: `<p>${'word '.repeat(1000)}</p>` }]);
    expect(docsFromConference('l', long)[0]!.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_CHARS);
  });

  it('ranks a title match above an abstract match, and reports what matched where', () => {
    const { hits, total } = searchSessions(small, 'kubernetes', { conferenceId: 'a', limit: 10 });
    expect(hits.map((h) => h.doc.sessionId)).toEqual(['k8s', 'rust']);
    expect(total).toBe(2);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.match).toEqual({ kubernetes: ['title'] });
    expect(termsIn(hits[1]!, 'abstract')).toEqual(['kubernetes']);
    expect(hits[1]!.queryTerms).toEqual(['kubernetes']);
  });

  it('finds speakers, rooms and tracks', () => {
    expect(ids('curtin')).toEqual(['a/db']);
    expect(ids('janson')).toEqual(['a/rust']);
    expect(ids('pagoda')).toHaveLength(3);
    expect(ids('databases')).toEqual(['a/db']);
    expect(ids('cloud native')).toEqual(['a/k8s']);
  });

  it('completes the word being typed, requires every word, forgives small typos', () => {
    expect(ids('kube')).toEqual(expect.arrayContaining(['a/k8s', 'b/b1', 'a/rust']));
    expect(ids('kubernetes rust')).toEqual(['a/rust']);
    expect(ids('kubernets')).toHaveLength(3);
    expect(ids('post inter')).toEqual(['a/db']);
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzz')).toEqual([]);
  });

  it('ignores case and accents both ways', () => {
    expect(ids('muller')).toEqual(expect.arrayContaining(['a/rust', 'b/b1']));
    expect(ids('MÜLLER')).toEqual(expect.arrayContaining(['a/rust', 'b/b1']));
    expect(ids('jurgen')).toEqual(['a/rust']);
  });

  it('gives the same answer while typing as for the whole query at once', () => {
    const fresh = buildSearchIndex([...docsFromConference('a', feedA), ...docsFromConference('b', feedB)]);
    const summary = (r: ReturnType<typeof searchSessions>): string[] => r.hits.map((h) => `${h.doc.sessionId} ${h.score.toFixed(6)} ${h.terms.join(',')}`);
    for (const typed of ['k', 'ku', 'kubernetes', 'kubernetes r', 'kubernetes ru', 'kubernetes rust']) searchSessions(small, typed, { limit: 5 });
    searchSessions(small, 'kubernetes r', { conferenceId: 'b', limit: 5 });
    expect(summary(searchSessions(small, 'kubernetes ru', { limit: 5 }))).toEqual(summary(searchSessions(fresh, 'kubernetes ru', { limit: 5 })));
    expect(summary(searchSessions(small, 'kubernetes ru', { conferenceId: 'b', limit: 5 }))).toEqual([]);
  });

  it('matches one letter in short fields only, and handles terms named like object properties', () => {
    expect(ids('j')).toEqual(['a/rust']); // Jürgen, Janson
    expect(ids('w')).toEqual([]); // "Writing" is only in an abstract
    const odd = buildSearchIndex(docsFromConference('o', makeFeed([{ id: 'x', title: 'toString and the constructor', abstract: '<p>hasOwnProperty</p>' }])));
    const [hit] = searchSessions(odd, 'constructor tostring hasownproperty', { limit: 1 }).hits;
    expect(hit?.match).toEqual({ constructor: ['title'], tostring: ['title'], hasownproperty: ['abstract'] });
  });

  it('scopes to one conference, and limits the hits built but not the count', () => {
    expect(ids('kubernetes', 'b')).toEqual(['b/b1']);
    expect(ids('kubernetes', 'nope')).toEqual([]);
    const limited = searchSessions(small, 'pagoda', { limit: 1 });
    expect([limited.hits.length, limited.total]).toEqual([1, 3]);
  });
});

describe('highlight', () => {
  it('splits text into plain and matching parts that join back to the text', () => {
    const parts = highlight('Kubernetes operators in practice', ['kubernetes']);
    expect(parts).toEqual([{ text: 'Kubernetes', isMatch: true }, { text: ' operators in practice', isMatch: false }]);
  });

  it('marks several terms, prefixes, and the longest of overlapping terms', () => {
    const text = 'Kube-proxy, kubelet and Kubernetes';
    expect(marked(highlight(text, ['kube']))).toEqual(['Kube', 'kube', 'Kube']);
    expect(marked(highlight(text, ['kube', 'kubernetes', 'and']))).toEqual(['Kube', 'kube', 'and', 'Kubernetes']);
    expect(highlight(text, ['kube', 'kubernetes']).map((p) => p.text).join('')).toBe(text);
  });

  it('ignores case and accents, keeping the original characters', () => {
    expect(marked(highlight('Jürgen Müller', ['muller', 'jur']))).toEqual(['Jür', 'Müller']);
    expect(marked(highlight('Łukasz and Straße', ['luk', 'strasse']))).toEqual(['Łuk', 'Straße']);
    expect(marked(highlight('Marcus Muller', ['Müller']))).toEqual(['Muller']);
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('Postgres internals', ['rust'])).toEqual([{ text: 'Postgres internals', isMatch: false }]);
    expect(highlight('Postgres internals', [])).toEqual([{ text: 'Postgres internals', isMatch: false }]);
    expect(highlight('', ['rust'])).toEqual([]);
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'lorem ipsum '.repeat(40)}the scheduler is fast ${'dolor sit '.repeat(40)}`;
    const parts = snippet(text, ['scheduler'], 160);
    expect(parts[0]).toEqual({ text: '…', isMatch: false });
    expect(parts.at(-1)).toEqual({ text: '…', isMatch: false });
    expect(marked(parts)).toEqual(['scheduler']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(164);
    expect(snippet(text, ['nothing'], 160)[0]!.text.startsWith('lorem ipsum')).toBe(true);
    const anchored = snippet(`I just think ${'x '.repeat(200)}Rust is fine`, ['just', 'rust'], 60, ['rust']);
    expect(marked(anchored)).toEqual(['Rust']);
  });
});

describe('search documents from the database', () => {
  it('reads every stored conference', async () => {
    const db = new LanyardDb('search-docs-test');
    await db.open();
    try {
      const sample = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
      const id = await subscribe(db, readCandidate(sample, { source: 'file', fileName: 'sample.json' }), Date.now());
      const docs = await searchDocsFromDb(db);
      expect(docs).toHaveLength(18);
      expect(docs.every((d) => d.conferenceId === id && d.conferenceTitle === 'CentOS Connect at FOSDEM')).toBe(true);
      const index = buildSearchIndex(docs);
      expect(searchSessions(index, 'pagoda', { limit: 50 }).total).toBe(18);
      expect(searchSessions(index, 'almal', { limit: 5 }).hits[0]!.doc.title).toBe('AlmaLinux Build System and Project Updates');
    } finally {
      db.close();
      await db.delete();
    }
  });
});

describeCorpus('search over real FOSDEM schedules', () => {
  // Built on first use: the suite's body runs even when the corpus is absent and the tests skip.
  let built: { docs: SearchDoc[]; index: SearchIndex } | undefined;
  const corpus = (): { docs: SearchDoc[]; index: SearchIndex } => {
    if (!built) {
      const docs = ['2020', '2023', '2024'].flatMap((y) => docsFromConference(`fosdem-${y}`, importFeed(readFileSync(corpusPath(`fosdem/fosdem-${y}.xml`))).feed));
      built = { docs, index: buildSearchIndex(docs) };
    }
    return built;
  };
  const search = (query: string, conferenceId?: string) => searchSessions(corpus().index, query, { conferenceId, limit: 50 });

  it('finds Kubernetes talks while "kube" is typed, titles first', () => {
    const { hits } = search('kube');
    expect(hits.length).toBeGreaterThan(20);
    expect(hits.slice(0, 5).every((h) => /kube/i.test(h.doc.title))).toBe(true);
    expect(marked(highlight(hits[0]!.doc.title, termsIn(hits[0]!, 'title')))[0]).toMatch(/^kube/i);
  });

  it('finds a speaker without typing the umlaut, in every year', () => {
    const { hits } = search('muller');
    const withMuller = hits.filter((h) => h.doc.speakerNames.some((n) => n.includes('Müller')));
    expect(new Set(withMuller.map((h) => h.doc.conferenceId))).toEqual(new Set(['fosdem-2020', 'fosdem-2023', 'fosdem-2024']));
    expect(marked(highlight(withMuller[0]!.doc.speakerNames.join(', '), termsIn(withMuller[0]!, 'speakers')))).toContain('Müller');
  });

  it('finds rooms and tracks, and scopes to one year', () => {
    expect(search('ferrer').hits.slice(0, 10).every((h) => h.doc.roomName === 'H.2215 (Ferrer)')).toBe(true);
    expect(search('railways').hits.slice(0, 5).every((h) => h.doc.trackName?.startsWith('Railways and Open Transport'))).toBe(true);
    const scoped = search('rust', 'fosdem-2023');
    expect(scoped.total).toBeGreaterThan(10);
    expect(scoped.hits.every((h) => h.doc.conferenceId === 'fosdem-2023')).toBe(true);
    expect(scoped.total).toBeLessThan(search('rust').total);
  });

  it('answers each keystroke quickly', () => {
    const typed = ['kubernetes', 'rust compiler', 'postgres replication', 'open source security', 'linux kernel debugging', 'muller'];
    const keystrokes = typed.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
    const { docs, index } = corpus();
    const times: number[] = [];
    for (const scope of [undefined, 'fosdem-2023']) {
      for (const q of keystrokes) {
        const start = performance.now();
        search(q, scope);
        const elapsed = performance.now() - start;
        times.push(elapsed);
        expect(elapsed).toBeLessThan(500);
      }
    }
    times.sort((a, b) => a - b);
    const at = (p: number): string => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(2);
    console.info(`[search] ${docs.length} sessions, ${index.terms.length} terms, ${times.length} keystrokes: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  });
});
