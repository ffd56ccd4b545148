import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useApp } from '../../app/context';
import type { SearchIndex } from './search-index';
import type { ScopeConference } from './search-scope';
import { signatureOf } from './search-service';

type ConferenceOption = ScopeConference & { firstStart: number };

export interface SearchIndexState {
  /** The newest index ready; while a newer one builds, the previous one keeps answering. */
  index: SearchIndex | undefined;
  /** True while the index for the stored data is being built. */
  building: boolean;
  /** Every stored conference, newest first, for the search's scope. */
  conferences: ConferenceOption[];
  /** True once the stored conferences have been read (until then the scope is not known). */
  loaded: boolean;
  error: string | undefined;
}

/** The search index over every stored conference, rebuilt in the background when stored data changes. */
export function useSearchIndex(): SearchIndexState {
  const { db, search } = useApp();
  const stored = useLiveQuery(async () => {
    const [records, subscriptions] = await Promise.all([db.conferences.toArray(), db.subscriptions.toArray()]);
    const archived = new Set(subscriptions.filter((s) => s.archived).map((s) => s.id));
    return {
      signature: signatureOf(records),
      conferences: records
        .map((r) => ({ id: r.id, title: r.conference.title, firstStart: r.firstStart, lastEnd: r.lastEnd, isArchived: archived.has(r.id) }))
        .sort((a, b) => b.firstStart - a.firstStart),
    };
  }, [db]);
  const signature = stored?.signature;
  const built = search.latest();
  const [ready, setReady] = useState(built);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    search.indexFor(signature).then(
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
  }, [search, signature]);
  const current = built?.signature === signature ? built : (ready ?? built);
  return {
    index: current?.index,
    building: signature === undefined || current?.signature !== signature,
    conferences: stored?.conferences ?? [],
    loaded: stored !== undefined,
    error,
  };
}
