import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { listConferences } from '../../db/queries';
import { dateRange } from '../../format';
import { MINUTE_MS } from '../../app/clock';
import { useNow } from '../../app/context';
import { hrefFor } from '../../route';

/** Subscribed conferences, current and upcoming first; past ones move to the archive, never deleted. */
export function ConferenceList({ activeId }: { activeId: string | undefined }) {
  const conferences = useLiveQuery(() => listConferences(db), []) ?? [];
  const now = useNow(MINUTE_MS);
  const isPast = (lastEnd: number | undefined): boolean => lastEnd !== undefined && lastEnd < now - 14 * 86_400_000;
  // The built-in sample is neither current nor past: it has a group of its own, with the way to a real conference.
  const isSample = (c: (typeof conferences)[number]): boolean => c.subscription.source === 'sample' && !c.subscription.archived;
  const samples = conferences.filter(isSample);
  const active = conferences.filter((c) => !isSample(c) && !c.subscription.archived && !isPast(c.conference?.lastEnd));
  const archive = conferences.filter((c) => !isSample(c) && (c.subscription.archived || isPast(c.conference?.lastEnd)));
  const item = (c: (typeof conferences)[number]) => (
    <li key={c.subscription.id}>
      <a
        href={hrefFor({ page: 'schedule', conferenceId: c.subscription.id })}
        aria-current={c.subscription.id === activeId ? 'page' : undefined}
        className="conference-link"
      >
        <span className="conference-link-title">{c.conference?.conference.title ?? c.subscription.id}</span>
        {c.conference ? <span className="conference-link-dates">{dateRange(c.conference.conference.start, c.conference.conference.end)}</span> : null}
        {c.subscription.lastError || c.isHeld ? <span className="badge-warning" title={c.subscription.lastError?.message ?? 'A new revision was held back for your review'}>!</span> : null}
      </a>
      {c.subscription.id === activeId ? (
        <ul className="conference-sublinks">
          <li><a href={hrefFor({ page: 'agenda', conferenceId: c.subscription.id })}>My agenda</a></li>
          <li><a href={hrefFor({ page: 'changes', conferenceId: c.subscription.id })}>Changes</a></li>
        </ul>
      ) : null}
    </li>
  );
  return (
    <>
      {active.length > 0 ? (
        <>
          <h2 className="sidebar-heading">Current and upcoming</h2>
          <ul className="conference-list">{active.map(item)}</ul>
        </>
      ) : null}
      {samples.length > 0 ? (
        <>
          <h2 className="sidebar-heading">Sample conference</h2>
          <ul className="conference-list">{samples.map(item)}</ul>
        </>
      ) : null}
      {archive.length > 0 ? (
        <details className="archive" open={active.length === 0}>
          <summary>Past conferences ({archive.length})</summary>
          <ul className="conference-list">{archive.map(item)}</ul>
        </details>
      ) : null}
      {conferences.length === 0 ? <p className="muted">No conferences yet.</p> : null}
    </>
  );
}
