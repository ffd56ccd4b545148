import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, memo, useEffect, useRef } from 'react';
import { wallTimeOf } from '../../../../core/time/zone';
import { clock, shortDate } from '../../format';
import { hrefFor } from '../../route';
import { useDisplayZone, useUi } from '../../store/ui';
import { highlight, snippet, termsIn, type HighlightPart, type SearchHit } from './search-index';

/** Up to this many results render as a plain list; more are virtualised. */
const PLAIN_LIST_MAX = 50;
const SNIPPET_CHARS = 160;

/** `Sun 4 Feb` per date: formatting dates is slow, and results share a few dozen days. */
const dateLabels = new Map<string, string>();
function dateLabel(date: string): string {
  let label = dateLabels.get(date);
  if (label === undefined) dateLabels.set(date, (label = shortDate(date)));
  return label;
}

/** Text with its matching parts in <mark>: React text nodes only, never HTML. */
function Marked({ parts }: { parts: HighlightPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

/**
 * The zone each result's times are shown in: useDisplayZone's rule (the conference's zone,
 * or the user's own), applied once per list rather than once per row, since asking for the
 * user's zone builds an Intl formatter (about a millisecond) and results span conferences.
 */
function useZoneFor(): (conferenceZone: string) => string {
  const mode = useUi((s) => s.zoneMode);
  const mine = useDisplayZone(undefined);
  return (conferenceZone) => (mode === 'mine' ? mine : conferenceZone);
}

/** The abstract around its first exact or prefix match (a typo-tolerant match only when there is none). */
function abstractSnippet(hit: SearchHit): HighlightPart[] {
  const terms = termsIn(hit, 'abstract');
  const anchors = terms.filter((t) => hit.queryTerms.some((q) => t.startsWith(q)));
  return snippet(hit.doc.abstract, terms, SNIPPET_CHARS, anchors);
}

function ResultRow({ hit, zone }: { hit: SearchHit; zone: string }) {
  const { doc } = hit;
  // The calendar date in the zone shown, not the feed's conference day: a 01:00 talk filed under the day before is on the next date.
  const date = wallTimeOf(Date.parse(doc.start), zone).date;
  const classes = ['search-result', doc.cancelled ? 'is-cancelled' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="listitem">
      <a className="search-result-title" href={hrefFor({ page: 'session', conferenceId: doc.conferenceId, sessionId: doc.sessionId })}>
        <Marked parts={highlight(doc.title, termsIn(hit, 'title'))} />
      </a>
      {doc.cancelled ? <span className="tag tag-cancelled">Cancelled</span> : null}
      <div className="search-result-meta">
        {/* Spaces between the parts: read apart by screen readers, and legible unstyled. */}
        <span className="search-result-conference">{doc.conferenceTitle}</span>{' '}
        <time className="search-result-time" dateTime={doc.start}>
          {dateLabel(date)}, {clock(doc.start, zone)}–{clock(doc.end, zone)}
        </time>{' '}
        {doc.roomName ? (
          <span className="search-result-room">
            <Marked parts={highlight(doc.roomName, termsIn(hit, 'room'))} />
          </span>
        ) : null}{' '}
        {doc.trackName ? (
          <span className="search-result-track">
            <Marked parts={highlight(doc.trackName, termsIn(hit, 'track'))} />
          </span>
        ) : null}
      </div>
      {doc.speakerNames.length > 0 ? (
        <p className="search-result-speakers">
          <Marked parts={highlight(doc.speakerNames.join(', '), termsIn(hit, 'speakers'))} />
        </p>
      ) : null}
      {doc.abstract ? (
        <p className="search-snippet">
          <Marked parts={abstractSnippet(hit)} />
        </p>
      ) : null}
    </div>
  );
}

/** What a row shows of a hit's matches: same session and same key, same row. */
const matchKey = (hit: SearchHit): string => `${hit.queryTerms.join(' ')}|${Object.entries(hit.match).map(([t, f]) => `${t}:${f.join()}`).join(' ')}`;

/** One result; while typing, rows whose session and matches did not change are not rendered again. */
const SearchResultRow = memo(ResultRow, (a, b) => a.zone === b.zone && a.hit.doc === b.hit.doc && matchKey(a.hit) === matchKey(b.hit));

const keyOf = (hit: SearchHit): string => `${hit.doc.conferenceId}\n${hit.doc.sessionId}`;

/**
 * Ranked results: a plain list up to PLAIN_LIST_MAX, beyond that virtualised (only the rows
 * on screen are rendered). Virtual rows are keyed by position, so the next keystroke updates
 * the rows on screen in place; rows whose session and matches stay are not rendered again.
 */
export function SearchResultList({ hits }: { hits: SearchHit[] }) {
  const zoneFor = useZoneFor();
  const parent = useRef<HTMLDivElement>(null);
  const isVirtual = hits.length > PLAIN_LIST_MAX;
  // TanStack Virtual returns functions React Compiler cannot memoize: this component is left uncompiled, on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: isVirtual ? hits.length : 0,
    getScrollElement: () => parent.current,
    estimateSize: () => 120,
    overscan: 4,
  });
  // New results (the query changed) start from the best one.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [hits, virtualizer]);
  const items = isVirtual ? virtualizer.getVirtualItems().map((item) => ({ hit: hits[item.index]!, item })) : hits.map((hit) => ({ hit, item: undefined }));
  return (
    // .search-scroller must have a bounded height and scroll (styles.css): unbounded, every row would render.
    <div ref={parent} className="search-scroller" data-testid="search-results">
      <div className="search-results" role="list" aria-label="Search results" style={isVirtual ? { height: virtualizer.getTotalSize(), position: 'relative' } : undefined}>
        {items.map(({ hit, item }) => (
          <div
            key={item ? item.key : keyOf(hit)}
            data-index={item?.index}
            ref={item ? virtualizer.measureElement : undefined}
            className={item ? 'virtual-row' : undefined}
            style={item ? { transform: `translateY(${item.start}px)` } : undefined}
          >
            <SearchResultRow hit={hit} zone={zoneFor(hit.doc.timeZone)} />
          </div>
        ))}
      </div>
    </div>
  );
}
