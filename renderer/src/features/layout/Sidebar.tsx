import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { CopyReport } from '../../errors/CopyReport';
import { ErrorBoundary } from '../../errors/ErrorBoundary';
import { describeFailure } from '../../errors/failure-report';
import { hrefFor } from '../../route';
import { ConferenceList } from './ConferenceList';
import '../../errors/errors.css';

/** Plain links to every subscription by its key, for when the list itself cannot be shown. */
function SubscriptionKeys() {
  const ids = useLiveQuery(() => db.subscriptions.toCollection().primaryKeys(), []) ?? [];
  return (
    <ul className="conference-list">
      {ids.map((id) => (
        <li key={id}>
          <a href={hrefFor({ page: 'schedule', conferenceId: id })}>{id}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The app's navigation: add a conference, the live views, the conference list and Your data.
 * The list is the only part that shows stored feed data, so it has its own error boundary:
 * whatever is stored, adding a conference and Your data stay reachable.
 */
function SidebarView({ activeId, page }: { activeId: string | undefined; page?: string }) {
  return (
    <nav className="sidebar" aria-label="Conferences">
      <a className="button primary add-conference" href={hrefFor({ page: 'subscribe' })}>
        + Add conference
      </a>
      <ul className="sidebar-views">
        <li><a href={hrefFor({ page: 'live' })} aria-current={page === 'live' ? 'page' : undefined}>● Live now</a></li>
        <li><a href={hrefFor({ page: 'recordings' })} aria-current={page === 'recordings' ? 'page' : undefined}>▶ Recordings</a></li>
      </ul>
      <ErrorBoundary
        what="the list of conferences"
        resetKey={activeId}
        fallback={(failure) => (
          <div className="list-failure" role="alert">
            <p>
              The list of conferences could not be shown: {describeFailure(failure.error)}. Open one by its key, or remove the broken one from its
              page:
            </p>
            <SubscriptionKeys />
            <button type="button" className="button" onClick={failure.retry}>
              Try again
            </button>{' '}
            <CopyReport report={failure.report} />
          </div>
        )}
      >
        <ConferenceList activeId={activeId} />
      </ErrorBoundary>
      <a className="sidebar-data-link" href={hrefFor({ page: 'data' })}>
        Your data: backup, export, calendar
      </a>
    </nav>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const Sidebar = memo(SidebarView);
