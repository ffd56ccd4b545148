import { Fragment } from 'react';
import { hrefFor, type Route } from '../../route';
import type { FacetHit, FacetKind } from './search-facets';
import { highlight } from './text-match';

const KIND_LABELS: Record<FacetKind, string> = { speaker: 'Speaker', room: 'Room', track: 'Track' };

function pageOf(hit: FacetHit): Route {
  const { kind, conferenceId, id } = hit.doc;
  if (kind === 'speaker') return { page: 'speaker', conferenceId, speakerId: id };
  if (kind === 'room') return { page: 'room', conferenceId, roomId: id };
  return { page: 'track', conferenceId, trackId: id };
}

/**
 * Speakers, rooms and tracks matching the query, before the sessions: each opens its page
 * (every one of its sessions, on every day). The conference is named when several are searched.
 */
export function FacetResults({ hits, total, terms, showConference }: { hits: FacetHit[]; total: number; terms: readonly string[]; showConference: boolean }) {
  if (hits.length === 0) return null;
  return (
    <section className="facet-results" aria-label="Speakers, rooms and tracks">
      <ul className="facet-result-list" aria-label="Speakers, rooms and tracks">
        {hits.map((hit) => (
          <li key={`${hit.doc.conferenceId}\n${hit.doc.kind}\n${hit.doc.id}`} className="facet-result">
            <span className={`facet-kind facet-kind-${hit.doc.kind}`}>{KIND_LABELS[hit.doc.kind]}</span>{' '}
            <a href={hrefFor(pageOf(hit))} className="facet-result-name">
              {highlight(hit.doc.name, terms).map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
            </a>{' '}
            <span className="muted">
              {showConference ? `${hit.doc.conferenceTitle} · ` : ''}
              {hit.doc.sessionCount} session{hit.doc.sessionCount === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
      {total > hits.length ? <p className="muted facet-more">and {total - hits.length} more: type more of the name</p> : null}
    </section>
  );
}
