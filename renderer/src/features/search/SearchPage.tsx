import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MINUTE_MS } from '../../app/clock';
import { useNow } from '../../app/context';
import { beginInteraction, endInteractionAfterPaint, measureSince } from '../../perf';
import { navigate, parseRoute, type Route } from '../../route';
import { FacetResults } from './FacetResults';
import { searchFacets, searchSessions } from './search-index';
import { searchScope, type SearchScope } from './search-scope';
import { SearchResultList } from './SearchResults';
import { SearchScopeBar, type ScopeChoice } from './SearchScopeBar';
import { tokenize } from './text-match';
import { useSearchIndex } from './useSearchIndex';
import './search.css';

/** Results built per keystroke; beyond these the count still says how many matched. */
const RESULT_LIMIT = 500;
/** Speakers, rooms and tracks listed before the sessions; the rest are counted. */
const FACET_LIMIT = 6;

function searchRoute(query: string, scope: ScopeChoice): Route {
  return { page: 'search', query, ...(scope.conferenceId ? { conferenceId: scope.conferenceId } : {}), ...(scope.all ? { all: true } : {}) };
}

/** The typed query reaches the route (and history) once typing pauses. */
const ROUTE_DELAY_MS = 300;

/**
 * Keeps the typed query and the route in step. Typing reaches the route after a pause: one
 * history entry per search rather than per letter, and the rest of the app does not
 * re-render on every keystroke. A pending update is dropped when the page goes away (a
 * result was opened) or the route left the search page. A route changed from elsewhere
 * (back button, top bar) replaces the typed text.
 */
function useQueryText(query: string): [string, (text: string, scope: ScopeChoice, now?: boolean) => void] {
  const [text, setText] = useState(query);
  const sent = useRef(query);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (query === sent.current) return;
    sent.current = query;
    setText(query);
  }, [query]);
  const update = useCallback((next: string, scope: ScopeChoice, now = false) => {
    setText(next);
    window.clearTimeout(timer.current);
    const apply = (): void => {
      if (parseRoute(window.location.hash).page !== 'search') return;
      sent.current = next;
      navigate(searchRoute(next, scope));
    };
    if (now) apply();
    else timer.current = window.setTimeout(apply, ROUTE_DELAY_MS);
  }, []);
  return [text, update];
}

function hint(scope: SearchScope, conferenceCount: number): string {
  if (conferenceCount === 0) return 'Add a conference to search its sessions.';
  const where = scope.kind === 'conference' ? `of ${scope.here?.title ?? 'this conference'}` : scope.ids.length === 1 ? 'of one conference' : `across ${scope.ids.length} conferences`;
  return `Type to search titles, abstracts, speakers, rooms and tracks ${where}.`;
}

function countLabel(total: number, shown: number): string {
  const sessions = `${total.toLocaleString('en')} ${total === 1 ? 'session' : 'sessions'}`;
  return shown < total ? `${sessions} (showing the best ${shown.toLocaleString('en')})` : sessions;
}

/**
 * Search in the conference it was opened from, or in the current ones (one click widens it to
 * all): speakers, rooms and tracks first, then ranked sessions, while typing, matches marked.
 */
export function SearchPage({ query, conferenceId, all }: { query: string; conferenceId?: string; all?: boolean }) {
  const [text, updateText] = useQueryText(query);
  const { index, building, conferences, loaded, error } = useSearchIndex();
  const now = useNow(MINUTE_MS);
  const scope = useMemo(() => searchScope({ conferenceId, all }, conferences, now), [conferenceId, all, conferences, now]);
  const inScope = useMemo(() => new Set(scope.ids), [scope]);
  // A search takes about a millisecond over thousands of sessions: results render with the keystroke, not deferred.
  const results = useMemo(
    () => (index && loaded ? searchSessions(index, text, { conferenceIds: scope.ids, limit: RESULT_LIMIT }) : undefined),
    [index, loaded, text, scope],
  );
  const facets = useMemo(() => (index && loaded ? searchFacets(index.facets, text, { scope: inScope, limit: FACET_LIMIT }) : undefined), [index, loaded, text, inScope]);
  // Keystroke (the input event's own time stamp) → these results committed to the page.
  const typedAt = useRef<{ text: string; at: number } | undefined>(undefined);
  useEffect(() => {
    const typed = typedAt.current;
    if (!results || !typed || typed.text !== text) return;
    typedAt.current = undefined;
    measureSince('lanyard:search-keystroke', typed.at, { query: text, total: results.total });
    // And to the frame that shows them.
    beginInteraction('search', 'search-painted', { timeStamp: typed.at });
    endInteractionAfterPaint('search', { query: text });
  }, [results, text]);
  const isEmpty = text.trim().length === 0;
  const facetCount = facets?.total ?? 0;

  let body;
  if (error) body = <p role="alert" className="error">The search index could not be built: {error}</p>;
  else if (isEmpty) body = <p className="search-hint muted">{hint(scope, conferences.length)}</p>;
  else if (!results) body = <p className="muted" role="status">Indexing sessions…</p>;
  else if (results.total === 0) body = <p className="empty">No sessions match “{text.trim()}”{scope.kind === 'all' ? '' : ' here'}.</p>;
  else body = <SearchResultList hits={results.hits} />;

  return (
    // data-query: the query whose results are on screen, for tests and benchmarks.
    <section className="search-page" aria-label="Search" data-query={results ? text : undefined}>
      <div className="search-controls">
        <input
          className="text-input search-input"
          type="search"
          aria-label="Search sessions"
          placeholder="Titles, abstracts, speakers, rooms, tracks…"
          // The page is opened to type into (from the top bar, with the first letter typed): its box has the focus, as a browser's find bar does.
          // eslint-disable-next-line jsx-a11y/no-autofocus -- see above
          autoFocus
          // The top bar opens this page with the first letter typed: keep typing after it.
          onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
          value={text}
          onChange={(e) => {
            typedAt.current = { text: e.target.value, at: e.nativeEvent.timeStamp };
            updateText(e.target.value, { conferenceId, all });
          }}
        />
      </div>
      <SearchScopeBar scope={scope} total={conferences.length} choose={(next) => updateText(text, next, true)} />
      <p className="search-count" role="status" aria-live="polite">
        {!isEmpty && facetCount > 0 ? `${facetCount} ${facetCount === 1 ? 'speaker, room or track' : 'speakers, rooms and tracks'} · ` : ''}
        {!isEmpty && results && results.total > 0 ? countLabel(results.total, results.hits.length) : ''}
        {building && index ? <span className="muted">{!isEmpty && results && results.total > 0 ? ' · ' : ''}Updating the index with new conferences…</span> : null}
      </p>
      {facets && !isEmpty ? <FacetResults hits={facets.hits} total={facets.total} terms={tokenize(text)} showConference={scope.ids.length > 1} /> : null}
      {body}
    </section>
  );
}
