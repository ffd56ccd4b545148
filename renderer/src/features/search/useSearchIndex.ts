import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db';
import type { LanyardDb } from '../../db/schema';
import { buildSearchIndexAsync, searchDocsFromDb, type SearchIndex } from './search-index';

export interface ConferenceOption {
  id: string;
  title: string;
  firstStart: number;
}

interface Built {
  signature: string;
  index: SearchIndex;
}

/** The last index built, and the one being built: shared by every component, kept across page visits. */
let built: Built | undefined;
let pending: { signature: string; promise: Promise<SearchIndex> } | undefined;

/** Which conferences are stored, and when each was last stored: the index is stale when this changes. */
function signatureOf(conferences: ReadonlyArray<{ id: string; storedAt: number }>): string {
  return conferences.map((c) => `${c.id}@${c.storedAt}`).sort().join('\n');
}

/** The index for `signature`: the cached one, the one being built, or a new build (off the keystroke path). */
function indexFor(database: LanyardDb, signature: string): Promise<SearchIndex> {
  if (built?.signature === signature) return Promise.resolve(built.index);
  if (pending?.signature === signature) return pending.promise;
  const promise = searchDocsFromDb(database)
    .then((docs) => buildSearchIndexAsync(docs))
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
}

/** Builds the index ahead of the first search (e.g. when the app is idle). */
export async function warmSearchIndex(database: LanyardDb = db): Promise<void> {
  await indexFor(database, signatureOf(await database.conferences.toArray()));
}

export interface SearchIndexState {
  /** The newest index ready; while a newer one builds, the previous one keeps answering. */
  index: SearchIndex | undefined;
  /** True while the index for the stored data is being built. */
  building: boolean;
  /** Every stored conference, newest first, for the scope selector. */
  conferences: ConferenceOption[];
  error: string | undefined;
}

/** The search index over every stored conference, rebuilt in the background when stored data changes. */
export function useSearchIndex(): SearchIndexState {
  const stored = useLiveQuery(async () => {
    const records = await db.conferences.toArray();
    return {
      signature: signatureOf(records),
      conferences: records.map((r) => ({ id: r.id, title: r.conference.title, firstStart: r.firstStart })).sort((a, b) => b.firstStart - a.firstStart),
    };
  }, []);
  const signature = stored?.signature;
  const [ready, setReady] = useState<Built | undefined>(built);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    indexFor(db, signature).then(
      (index) => {
        if (!live) return;
        setReady({ signature, index });
        setError(undefined);
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [signature]);
  const current = built?.signature === signature ? built : (ready ?? built);
  return {
    index: current?.index,
    building: signature === undefined || current?.signature !== signature,
    conferences: stored?.conferences ?? [],
    error,
  };
}
