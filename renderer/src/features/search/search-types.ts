/** The search index's shapes, shared by its builder (search-index.ts) and its query (search-query.ts). */
import type { MatchInfo } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import type { SearchDoc } from './search-docs';
import type { FacetDoc } from './search-facets';

/** One term's occurrences: parallel arrays, one entry per (session, field) it occurs in. */
export interface Postings {
  docs: Uint32Array;
  fields: Uint8Array;
  /** Boosted BM25+ score of the occurrence, computed once at build time. */
  scores: Float32Array;
  /** Occurrences before this index are in short fields (title, speakers, room, track); the rest in the abstract. */
  metaEnd: number;
}

/**
 * The search index: the folded vocabulary sorted (so a prefix is a contiguous range of
 * term ids), MiniSearch's radix tree over it for typo-tolerant lookup, and typed-array
 * postings that a query adds up without allocating per occurrence.
 */
export interface SearchIndex {
  docs: readonly SearchDoc[];
  terms: readonly string[];
  tree: SearchableMap<number>;
  postings: readonly Postings[];
  /** Speakers, rooms and tracks, searched on their own (search-facets.ts). */
  facets: readonly FacetDoc[];
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** The document's terms that matched (folded: lower case, no accents). */
  terms: string[];
  /** The query's terms that matched. */
  queryTerms: string[];
  /** For each matching document term, the fields it was found in. */
  match: MatchInfo;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Every match, including those beyond `limit`. */
  total: number;
}
