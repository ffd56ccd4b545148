import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { beginInteraction, endInteractionAfterPaint, measureSince } from '../../perf';
import { navigate, parseRoute, type Route } from '../../route';
import { searchSessions } from './search-index';
import { SearchResultList } from './SearchResults';
import { useSearchIndex } from './useSearchIndex';

/** Results built per keystroke; beyond these the count still says how many matched. */
const RESULT_LIMIT = 500;

function searchRoute(query: string, conferenceId: string | undefined): Route {
  return conferenceId ? { page: 'search', query, conferenceId } : { page: 'search', query };
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
function useQueryText(query: string): [string, (text: string, conferenceId: string | undefined, now?: boolean) => void] {
  const [text, setText] = useState(query);
  const sent = useRef(query);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (query === sent.current) return;
    sent.current = query;
    setText(query);
  }, [query]);
  const update = useCallback((next: string, conferenceId: string | undefined, now = false) => {
    setText(next);
    window.clearTimeout(timer.current);
    const apply = (): void => {
      if (parseRoute(window.location.hash).page !== 'search') return;
      sent.current = next;
      navigate(searchRoute(next, conferenceId));
    };
    if (now) apply();
    else timer.current = window.setTimeout(apply, ROUTE_DELAY_MS);
  }, []);
  return [text, update];
}

function hint(scopeTitle: string | undefined, conferenceCount: number): string {
  if (conferenceCount === 0) return 'Add a conference to search its sessions.';
  const where = scopeTitle ? `of ${scopeTitle}` : conferenceCount === 1 ? 'of your conference' : `across all ${conferenceCount} conferences`;
  return `Type to search titles, abstracts, speakers, rooms and tracks ${where}.`;
}

function countLabel(total: number, shown: number): string {
  const sessions = `${total.toLocaleString('en')} ${total === 1 ? 'session' : 'sessions'}`;
  return shown < total ? `${sessions} (showing the best ${shown.toLocaleString('en')})` : sessions;
}

/** Search across every stored conference, or one: ranked results while typing, matches marked. */
export function SearchPage({ query, conferenceId }: { query: string; conferenceId?: string }) {
  const [text, updateText] = useQueryText(query);
  const { index, building, conferences, error } = useSearchIndex();
  // A search takes about a millisecond over thousands of sessions: results render with the keystroke, not deferred.
  const results = useMemo(
    () => (index ? searchSessions(index, text, { conferenceId, limit: RESULT_LIMIT }) : undefined),
    [index, text, conferenceId],
  );
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
  const scopeId = useId();
  const scope = conferences.find((c) => c.id === conferenceId);
  const isEmpty = text.trim().length === 0;

  let body;
  if (error) body = <p role="alert" className="error">The search index could not be built: {error}</p>;
  else if (isEmpty) body = <p className="search-hint muted">{hint(scope?.title, conferences.length)}</p>;
  else if (!results) body = <p className="muted" role="status">Indexing sessions…</p>;
  else if (results.total === 0) body = <p className="empty">No sessions match “{text.trim()}”.</p>;
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
            updateText(e.target.value, conferenceId);
          }}
        />
        <div className="search-scope">
          <label htmlFor={scopeId}>Search in</label>
          <select id={scopeId} value={conferenceId ?? ''} onChange={(e) => updateText(text, e.target.value || undefined, true)}>
            <option value="">All conferences</option>
            {conferences.map((c) => (
              <option key={c.id} value={c.id}>{c.title}</option>
            ))}
            {conferenceId && !scope ? <option value={conferenceId}>{conferenceId}</option> : null}
          </select>
        </div>
      </div>
      <p className="search-count" role="status" aria-live="polite">
        {!isEmpty && results && results.total > 0 ? countLabel(results.total, results.hits.length) : ''}
        {building && index ? <span className="muted">{!isEmpty && results && results.total > 0 ? ' · ' : ''}Updating the index with new conferences…</span> : null}
      </p>
      {body}
    </section>
  );
}
