/**
 * Full-text search over every stored session: titles (boost 3), speakers (2), rooms, tracks
 * and abstracts, with prefix and typo-tolerant matching, scored the way MiniSearch scores
 * (BM25+, its prefix and fuzzy weights) and looked up through MiniSearch's SearchableMap.
 * MiniSearch's own search() took 15–35 ms for a two-letter prefix over six FOSDEM years
 * (3,600 sessions), so occurrences live in typed arrays with their scores computed at build
 * time: a keystroke costs about a millisecond. Pure TypeScript: no React, no DOM.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { FIELDS, fieldText, type SearchDoc, type SearchField } from './search-docs';
import type { FacetDoc } from './search-facets';
import type { Postings, SearchIndex } from './search-types';
import { WORD_SEPARATOR, fold } from './text-match';

export { highlight, snippet, type HighlightPart } from './text-match';
export { MAX_ABSTRACT_CHARS, docsFromConference, searchDocsFromDb, searchSourcesFromDb, type SearchDoc } from './search-docs';
export { facetDocsFromConference, searchFacets, type FacetDoc } from './search-facets';
export type { SearchHit, SearchIndex } from './search-types';

const BOOST: Record<SearchField, number> = { title: 3, speakers: 2, room: 1, track: 1, abstract: 1 };
/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const ABSTRACT = FIELDS.indexOf('abstract');

/** A term's occurrences while building: (doc, field, tf) triples for short fields, (doc, tf) pairs for the abstract. */
interface RawPostings {
  term: string;
  meta: number[];
  abstract: number[];
  /** Per field, how many documents contain the term there. */
  matching: number[];
}

/** Every this many documents or terms, the builder pauses so the page can respond. */
const STEP = 100;

function* indexSteps(docs: readonly SearchDoc[], facets: readonly FacetDoc[]): Generator<void, SearchIndex> {
  const ids = new Map<string, RawPostings>();
  const lengths = FIELDS.map(() => new Float64Array(docs.length));
  for (let i = 0; i < docs.length; i += 1) {
    if (i % STEP === STEP - 1) yield;
    FIELDS.forEach((field, f) => {
      const counts = new Map<string, number>();
      for (const token of fieldText(docs[i]!, field).split(WORD_SEPARATOR)) {
        const term = fold(token);
        if (term.length > 0) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      lengths[f]![i] = counts.size;
      for (const [term, tf] of counts) {
        let p = ids.get(term);
        if (!p) ids.set(term, (p = { term, meta: [], abstract: [], matching: FIELDS.map(() => 0) }));
        if (f === ABSTRACT) p.abstract.push(i, tf);
        else p.meta.push(i, f, tf);
        p.matching[f]! += 1;
      }
    });
  }
  yield;
  const n = docs.length;
  const avg = lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1);
  const score = (p: RawPostings, doc: number, f: number, tf: number): number => {
    const matching = p.matching[f]!;
    const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
    const norm = 1 - BM25.b + (BM25.b * lengths[f]![doc]!) / avg[f]!;
    return BOOST[FIELDS[f]!] * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
  };
  const raw = [...ids.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const tree = new SearchableMap<number>();
  const postings: Postings[] = [];
  for (const p of raw) {
    if (postings.length % (STEP * 10) === 0) yield;
    tree.set(p.term, postings.length);
    const metaEnd = p.meta.length / 3;
    const size = metaEnd + p.abstract.length / 2;
    const out: Postings = { docs: new Uint32Array(size), fields: new Uint8Array(size), scores: new Float32Array(size), metaEnd };
    for (let k = 0; k < metaEnd; k += 1) {
      const [doc, f, tf] = [p.meta[3 * k]!, p.meta[3 * k + 1]!, p.meta[3 * k + 2]!];
      [out.docs[k], out.fields[k], out.scores[k]] = [doc, f, score(p, doc, f, tf)];
    }
    for (let k = metaEnd; k < size; k += 1) {
      const [doc, tf] = [p.abstract[2 * (k - metaEnd)]!, p.abstract[2 * (k - metaEnd) + 1]!];
      [out.docs[k], out.fields[k], out.scores[k]] = [doc, ABSTRACT, score(p, doc, ABSTRACT, tf)];
    }
    postings.push(out);
  }
  return { docs, terms: raw.map((p) => p.term), tree, postings, facets };
}

/** Builds the index over `docs` (and `facets`); a hit's `doc` is the very object passed in. */
export function buildSearchIndex(docs: readonly SearchDoc[], facets: readonly FacetDoc[] = []): SearchIndex {
  const steps = indexSteps(docs, facets);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, pausing every few hundred documents so the page stays responsive while it builds. */
export async function buildSearchIndexAsync(docs: readonly SearchDoc[], facets: readonly FacetDoc[] = []): Promise<SearchIndex> {
  const steps = indexSteps(docs, facets);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export { searchSessions, termsIn } from './search-query';
