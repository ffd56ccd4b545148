import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { listRevisions } from '../../db/personal';
import { dateAndClock } from '../../format';
import { hrefFor } from '../../route';

/**
 * A session that is not in the schedule and not in the agenda: when an update removed it,
 * says which session it was and when it went, with the way to the list of changes, rather
 * than a bare "not in the schedule".
 */
export function GoneSession({ conferenceId, sessionId, zone }: { conferenceId: string; sessionId: string; zone: string }) {
  const gone = useLiveQuery(async () => {
    for (const revision of await listRevisions(db, conferenceId)) {
      const change = revision.changes.find((c) => c.sessionId === sessionId && c.tags.includes('removed'));
      if (change) return { title: change.title, at: revision.at };
    }
    return null;
  }, [conferenceId, sessionId]);
  if (gone === undefined) return <p className="muted">Loading…</p>;
  if (gone === null) return <p role="alert">This session is not in the schedule (any more).</p>;
  return (
    <article className="removed-entry" aria-label={`Removed: ${gone.title}`}>
      <h2 className="removed-title">{gone.title}</h2>
      <p>
        <span className="tag tag-removed">Removed by the organizers</span>{' '}
        <span className="muted">in the update of {dateAndClock(gone.at, zone)}</span>
      </p>
      <p>
        <a href={hrefFor({ page: 'changes', conferenceId })}>See what else changed</a> or <a href={hrefFor({ page: 'schedule', conferenceId })}>browse the schedule</a>.
      </p>
    </article>
  );
}
