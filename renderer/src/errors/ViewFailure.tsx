import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../db';
import { setArchived } from '../db/conference-admin';
import { useApp } from '../app/context';
import { hrefFor, navigate } from '../route';
import { CopyReport } from './CopyReport';
import type { Failure } from './ErrorBoundary';
import { describeFailure } from './failure-report';
import './errors.css';

/** The other conferences to open instead, by title when the stored title is text. */
function useOtherConferences(exceptId: string | undefined): Array<{ id: string; title: string }> {
  return useLiveQuery(async () => {
    const [subs, records] = await Promise.all([db.subscriptions.toArray(), db.conferences.toArray()]);
    const titles = new Map(records.map((r) => [r.id, typeof r.conference?.title === 'string' ? r.conference.title : r.id]));
    return subs.filter((s) => s.id !== exceptId).map((s) => ({ id: s.id, title: titles.get(s.id) ?? s.id }));
  }, [exceptId]) ?? [];
}

/** The stored title of a conference when it is text, else its key. */
function useConferenceName(id: string | undefined): string | undefined {
  return useLiveQuery(async () => {
    if (id === undefined) return undefined;
    const title = (await db.conferences.get(id))?.conference?.title;
    return typeof title === 'string' ? title : id;
  }, [id]);
}

function ConferenceWaysOut({ conferenceId, name }: { conferenceId: string; name: string }) {
  const { storage, clock } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const archive = (): void => {
    setArchived(db, conferenceId, true, clock.now()).then(
      () => navigate({ page: 'home' }),
      (e: unknown) => setProblem(`Could not move ${name} to the archive: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const remove = (): void => {
    storage.removeConference(conferenceId).then(
      () => navigate({ page: 'home' }),
      (e: unknown) => setProblem(`Could not remove ${name}: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={archive}>
        Move this conference to the archive
      </button>
      {confirming ? (
        <span className="failure-confirm" role="group" aria-label={`Remove ${name}?`}>
          Its schedule and your stars and notes for it will be deleted from this computer.{' '}
          <button type="button" className="button danger" onClick={remove}>
            Remove
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Remove this conference…
        </button>
      )}
      {problem ? <p className="error">{problem}</p> : null}
    </>
  );
}

/**
 * What a person sees instead of a view that failed to render: what failed, in words, and the
 * ways out (another conference, archive or remove this one, export their data, copy the error
 * for a bug report, try again). The rest of the window keeps working around it.
 */
export function ViewFailure({ failure, view, conferenceId }: { failure: Failure; view: string; conferenceId?: string | undefined }) {
  const name = useConferenceName(conferenceId);
  const others = useOtherConferences(conferenceId);
  const what = conferenceId ? `${view} of ${name ?? conferenceId}` : view;
  return (
    <section className="view-failure" role="alert" aria-labelledby="view-failure-title">
      <h2 id="view-failure-title">{`${what.charAt(0).toUpperCase()}${what.slice(1)} could not be shown`}</h2>
      <p>
        Something in the stored data could not be displayed: {describeFailure(failure.error)}. Nothing was deleted: your stars, notes and
        reminders are kept, and the other views and conferences still work.
      </p>
      <div className="failure-actions">
        <button type="button" className="button" onClick={failure.retry}>
          Try again
        </button>
        {conferenceId ? <ConferenceWaysOut conferenceId={conferenceId} name={name ?? conferenceId} /> : null}
        <a className="button" href={hrefFor({ page: 'data' })}>
          Export my data
        </a>
        <CopyReport report={failure.report} />
      </div>
      {others.length > 0 ? (
        <nav aria-label="Open another conference" className="failure-others">
          Open another conference:{' '}
          {others.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : null}
              <a href={hrefFor({ page: 'schedule', conferenceId: c.id })}>{c.title}</a>
            </span>
          ))}
        </nav>
      ) : null}
    </section>
  );
}
