import type { MatchInfo } from 'minisearch';
import { FIELDS, type SearchDoc, type SearchField } from './search-docs';
import type { SearchHit, SearchIndex, SearchResults } from './search-types';
import { fold, tokenize } from './text-match';

/** MiniSearch's weights for prefix and fuzzy matches, and fuzziness 0.2 from five letters on ("rust" must not match "just"). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 5;
/** A one-letter word matches titles, speakers, rooms and tracks only: in abstracts it would match nearly everything. */
const MIN_ABSTRACT_LENGTH = 2;
/** Query words beyond this are ignored (the packing below has 4 bits for the word). */
const MAX_QUERY_TERMS = 16;

/** First term id at or after `term` in the sorted vocabulary. */
function lowerBound(terms: readonly string[], term: string): number {
  let [lo, hi] = [0, terms.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary terms a query term stands for, with MiniSearch's weights: exact 1, then prefix, then fuzzy. */
function expand(index: SearchIndex, term: string): Map<number, number> {
  const out = new Map<number, number>();
  const terms = index.terms;
  for (let id = lowerBound(terms, term); id < terms.length && terms[id]!.startsWith(term); id += 1) {
    const len = terms[id]!.length;
    out.set(id, len === term.length ? 1 : (PREFIX_WEIGHT * len) / (len + 0.3 * (len - term.length)));
  }
  const maxDistance = term.length >= MIN_FUZZY_LENGTH ? Math.round(term.length * FUZZY) : 0;
  if (maxDistance > 0) {
    for (const [t, [id, distance]] of index.tree.fuzzyGet(term, maxDistance)) {
      if (distance > 0 && !out.has(id)) out.set(id, (FUZZY_WEIGHT * t.length) / (t.length + distance));
    }
  }
  return out;
}

/** A query after some of its words: each document's score and how many words it matched, and what matched where. */
interface QueryState {
  total: Float64Array;
  count: Uint8Array;
  /** Documents matching every word so far. */
  matched: number[];
  /** Occurrences counted, two ints each: the document, then term id × 128 + field × 16 + word. */
  seen: Int32Array;
  seenLength: number;
}

const cloneState = (s: QueryState): QueryState => ({ ...s, total: s.total.slice(), count: s.count.slice(), matched: [...s.matched], seen: s.seen.slice(0, Math.max(1024, s.seenLength * 2)) });

/** Per index: term expansions, conference masks, and the state before the last word of the previous query. */
interface QueryCache {
  expansions: Map<string, Map<number, number>>;
  scopes: Map<string, Uint8Array>;
  before?: { key: string; state: QueryState };
}
const caches = new WeakMap<SearchIndex, QueryCache>();
const MAX_CACHED_EXPANSIONS = 256;

function cacheOf(index: SearchIndex): QueryCache {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { expansions: new Map(), scopes: new Map() }));
  return cache;
}

function expandTerm(index: SearchIndex, term: string): Map<number, number> {
  const { expansions } = cacheOf(index);
  let out = expansions.get(term);
  if (!out) {
    if (expansions.size >= MAX_CACHED_EXPANSIONS) expansions.clear();
    expansions.set(term, (out = expand(index, term)));
  }
  return out;
}

const MAX_CACHED_SCOPES = 16;

/** 1 for the documents of the conferences in scope (`key`: their ids, one a line). */
function scopeMask(index: SearchIndex, key: string, ids: readonly string[]): Uint8Array {
  const { scopes } = cacheOf(index);
  let mask = scopes.get(key);
  if (!mask) {
    if (scopes.size >= MAX_CACHED_SCOPES) scopes.clear();
    const wanted = new Set(ids);
    scopes.set(key, (mask = Uint8Array.from(index.docs, (d) => (wanted.has(d.conferenceId) ? 1 : 0))));
  }
  return mask;
}

/** Adds word number `w` to the query: only documents that matched every earlier word (and are in scope) count. */
function addWord(index: SearchIndex, state: QueryState, word: string, w: number, scope: Uint8Array | undefined): void {
  const { total, count } = state;
  const matched: number[] = [];
  for (const [termId, weight] of expandTerm(index, word)) {
    const { docs, fields, scores, metaEnd } = index.postings[termId]!;
    const end = word.length < MIN_ABSTRACT_LENGTH ? metaEnd : docs.length;
    if (state.seenLength + 2 * end > state.seen.length) {
      const bigger = new Int32Array(Math.max(state.seen.length * 2, state.seenLength + 2 * end));
      bigger.set(state.seen.subarray(0, state.seenLength));
      state.seen = bigger;
    }
    const seen = state.seen;
    let at = state.seenLength;
    for (let k = 0; k < end; k += 1) {
      const d = docs[k]!;
      const c = count[d]!;
      if ((c !== w && c !== w + 1) || (scope !== undefined && scope[d] === 0)) continue;
      if (c === w) {
        count[d] = w + 1;
        matched.push(d);
      }
      total[d] = total[d]! + weight * scores[k]!;
      seen[at++] = d;
      seen[at++] = termId * 128 + fields[k]! * 16 + w;
    }
    state.seenLength = at;
  }
  state.matched = matched;
}

/**
 * Ranked sessions matching every word of `query` (each word also as a prefix, so the word
 * being typed completes, and with small typos forgiven from four letters on), scored like
 * MiniSearch: BM25+ per field, title boosted 3, speakers 2, prefix and fuzzy matches weighed
 * down. Only the first `limit` hits are built; `total` counts them all. While typing, the
 * words before the last are not searched again.
 */
export function searchSessions(index: SearchIndex, query: string, options: { conferenceId?: string; conferenceIds?: readonly string[]; limit: number }): SearchResults {
  const words = [...new Set(tokenize(fold(query)))].slice(0, MAX_QUERY_TERMS);
  if (words.length === 0) return { hits: [], total: 0 };
  const n = index.docs.length;
  const cache = cacheOf(index);
  // The conferences searched: one, several, or (neither given) every one.
  const ids = options.conferenceIds ?? (options.conferenceId === undefined ? undefined : [options.conferenceId]);
  const scopeKey = ids === undefined ? '*' : [...ids].sort().join('\n');
  const scope = ids === undefined ? undefined : scopeMask(index, scopeKey, ids);
  const key = `${scopeKey}\t${words.slice(0, -1).join(' ')}`;
  const last = words.length - 1;
  let state: QueryState;
  if (last > 0 && cache.before?.key === key) state = cloneState(cache.before.state);
  else {
    state = { total: new Float64Array(n), count: new Uint8Array(n), matched: [], seen: new Int32Array(1 << 14), seenLength: 0 };
    for (let w = 0; w < last && (w === 0 || state.matched.length > 0); w += 1) addWord(index, state, words[w]!, w, scope);
    if (last > 0) cache.before = { key, state: cloneState(state) };
  }
  if (last === 0 || state.matched.length > 0) addWord(index, state, words[last]!, last, scope);
  const { total, matched } = state;
  const top = bestOf(matched, total, options.limit, index.docs);
  const source = { index, words, seen: state.seen, seenLength: state.seenLength };
  return { hits: top.map((d) => new Hit(index.docs[d]!, total[d]!, d, source)), total: matched.length };
}

/** The `limit` best of `matched`, best first (ties: the later session first). */
function bestOf(matched: number[], total: Float64Array, limit: number, docs: readonly SearchDoc[]): number[] {
  const byScore = (a: number, b: number): number => {
    const [sa, sb] = [docs[a]!.start, docs[b]!.start];
    return total[b]! - total[a]! || (sa > sb ? -1 : sa < sb ? 1 : a - b);
  };
  if (limit <= 0) return [];
  if (matched.length <= limit) return matched.sort(byScore);
  // Find the limit-th best score with a native numeric sort, then sort only what reaches it.
  const scores = Float64Array.from(matched, (d) => -total[d]!).sort();
  const threshold = -scores[limit - 1]!;
  return matched.filter((d) => total[d]! >= threshold).sort(byScore).slice(0, limit);
}

interface MatchSource {
  index: SearchIndex;
  words: string[];
  seen: Int32Array;
  seenLength: number;
}

/** A result; what matched where is worked out when first asked for (only for the rows shown). */
class Hit implements SearchHit {
  private info: Pick<SearchHit, 'terms' | 'queryTerms' | 'match'> | undefined;

  constructor(readonly doc: SearchDoc, readonly score: number, private readonly at: number, private readonly source: MatchSource) {}

  get terms(): string[] {
    return this.describe().terms;
  }
  get queryTerms(): string[] {
    return this.describe().queryTerms;
  }
  get match(): MatchInfo {
    return this.describe().match;
  }

  private describe(): Pick<SearchHit, 'terms' | 'queryTerms' | 'match'> {
    if (this.info) return this.info;
    const { index, words, seen, seenLength } = this.source;
    const match: MatchInfo = {};
    const queryTerms: string[] = [];
    for (let k = 0; k < seenLength; k += 2) {
      if (seen[k] !== this.at) continue;
      const packed = seen[k + 1]!;
      const [term, field, word] = [index.terms[Math.floor(packed / 128)]!, FIELDS[(packed >> 4) & 7]!, words[packed & 15]!];
      // Own properties only: a term may well be `constructor` or `tostring`.
      const fields = Object.hasOwn(match, term) ? match[term]! : (match[term] = []);
      if (!fields.includes(field)) fields.push(field);
      if (!queryTerms.includes(word)) queryTerms.push(word);
    }
    return (this.info = { terms: Object.keys(match), queryTerms, match });
  }
}

/** The matched document terms found in one field of a hit (e.g. to highlight the abstract). */
export function termsIn(hit: SearchHit, field: SearchField): string[] {
  return hit.terms.filter((t) => hit.match[t]?.includes(field));
}
