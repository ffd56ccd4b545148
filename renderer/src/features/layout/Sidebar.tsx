import { memo, useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { CopyReport } from '../../errors/CopyReport';
import { ErrorBoundary } from '../../errors/ErrorBoundary';
import { describeFailure } from '../../errors/failure-report';
import { hrefFor } from '../../route';
import { useIsNarrow, useLayout } from '../../store/layout';
import { ConferenceList } from './ConferenceList';
import '../../errors/errors.css';
import './sidebar.css';

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
  const isNarrow = useIsNarrow();
  const isCollapsed = useLayout((s) => s.isCollapsed);
  const isDrawerOpen = useLayout((s) => s.isDrawerOpen);
  const setDrawerOpen = useLayout((s) => s.setDrawerOpen);
  const nav = useRef<HTMLElement>(null);
  const isDrawer = isNarrow && isDrawerOpen;
  const isShown = isNarrow ? isDrawerOpen : !isCollapsed;
  // The drawer: focus moves into it when it opens; navigating (any link, or Back) and Escape
  // close it, Escape giving the focus back to the button that opened it.
  useEffect(() => {
    if (!isDrawer) return undefined;
    nav.current?.querySelector<HTMLElement>('a[href], button')?.focus();
    const close = (): void => setDrawerOpen(false);
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      close();
      document.getElementById('sidebar-toggle')?.focus();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', close);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', close);
    };
  }, [isDrawer, setDrawerOpen]);
  const closeDrawer = (): void => {
    setDrawerOpen(false);
    document.getElementById('sidebar-toggle')?.focus();
  };
  return (
    <>
      {/* A click beside the drawer closes it, as Escape and its Close button do for the keyboard. */}
      {isDrawer ? <div className="sidebar-backdrop" aria-hidden="true" onClick={() => setDrawerOpen(false)} /> : null}
      <nav ref={nav} id="sidebar" className={isDrawer ? 'sidebar is-drawer' : 'sidebar'} aria-label="Conferences" hidden={!isShown}>
        {isDrawer ? (
          <button type="button" className="button small drawer-close" onClick={closeDrawer}>
            Close ✕
          </button>
        ) : null}
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
    </>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const Sidebar = memo(SidebarView);
