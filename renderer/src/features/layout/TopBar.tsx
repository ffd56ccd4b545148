import { memo, useEffect, useRef } from 'react';
import { hrefFor, navigate } from '../../route';
import { MY_ZONE, useUi } from '../../store/ui';
import { NextForMe } from '../agenda/NextForMe';
import { NotificationsMenu } from '../agenda/NotificationsMenu';
import { useAppState } from '../../app/context';

/**
 * App name, the search box (press "/" to focus it; inside a conference it searches that
 * conference, one click from all of them), and the time-zone toggle every view respects.
 */
function TopBarView({ onSearchPage, conferenceId, conferenceTitle }: { onSearchPage: boolean; conferenceId?: string; conferenceTitle?: string }) {
  const zoneMode = useUi((s) => s.zoneMode);
  const setZoneMode = useUi((s) => s.setZoneMode);
  const online = useAppState((s) => s.online);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.key === '/' && !(target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <header className="top-bar">
      {/* The hash is the app's router: move focus instead of letting "#content" become a route. */}
      <a
        className="skip-link"
        href="#content"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('content')?.focus();
        }}
      >
        Skip to content
      </a>
      <a className="brand" href={hrefFor({ page: 'home' })}>Lanyard</a>
      {onSearchPage ? <span className="top-search-placeholder" /> : (
        <input
          ref={input}
          className="text-input top-search"
          type="search"
          aria-label={conferenceId ? 'Search this conference' : 'Search conferences'}
          placeholder={conferenceId ? `Search ${conferenceTitle ?? 'this conference'}…  ( / )` : 'Search sessions, speakers, rooms…  ( / )'}
          onChange={(e) => navigate(conferenceId ? { page: 'search', query: e.target.value, conferenceId } : { page: 'search', query: e.target.value })}
        />
      )}
      <NextForMe />
      {!online ? <span className="offline-badge" role="status">Offline</span> : null}
      <NotificationsMenu />
      <div className="zone-toggle" role="group" aria-label="Show times in">
        <button type="button" aria-pressed={zoneMode === 'conference'} onClick={() => setZoneMode('conference')}>Conference time</button>
        <button type="button" aria-pressed={zoneMode === 'mine'} onClick={() => setZoneMode('mine')} title={MY_ZONE}>My time</button>
      </div>
    </header>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const TopBar = memo(TopBarView);
