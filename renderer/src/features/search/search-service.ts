import type { LanyardDb } from '../../db/schema';
import { buildSearchIndexAsync, searchSourcesFromDb, type SearchIndex } from './search-index';

interface Built {
  signature: string;
  index: SearchIndex;
}

/** The search index the app kernel keeps: the last one built, and the one being built, shared by every view and kept across page visits. */
export interface SearchService {
  /** The index for `signature`: the cached one, the one being built, or a new build (off the keystroke path). */
  indexFor: (signature: string) => Promise<SearchIndex>;
  /** Builds the index ahead of the first search (once the first screen has painted). */
  warm: () => Promise<void>;
  /** The last index built, if any. */
  latest: () => Built | undefined;
}

/** Which conferences are stored, and when each was last stored: the index is stale when this changes. */
export function signatureOf(conferences: ReadonlyArray<{ id: string; storedAt: number }>): string {
  return conferences.map((c) => `${c.id}@${c.storedAt}`).sort().join('\n');
}

/** Builds the search service over one database connection. */
export function createSearchService(db: LanyardDb): SearchService {
  let built: Built | undefined;
  let pending: { signature: string; promise: Promise<SearchIndex> } | undefined;
  const indexFor = (signature: string): Promise<SearchIndex> => {
    if (built?.signature === signature) return Promise.resolve(built.index);
    if (pending?.signature === signature) return pending.promise;
    const promise = searchSourcesFromDb(db)
      .then(({ docs, facets }) => buildSearchIndexAsync(docs, facets))
      .then(
        (index) => {
          if (pending?.signature === signature) [built, pending] = [{ signature, index }, undefined];
          return index;
        },
        (error: unknown) => {
          if (pending?.signature === signature) pending = undefined;
          throw error;
        },
      );
    pending = { signature, promise };
    return promise;
  };
  return {
    indexFor,
    warm: async () => {
      await indexFor(signatureOf(await db.conferences.toArray()));
    },
    latest: () => built,
  };
}
