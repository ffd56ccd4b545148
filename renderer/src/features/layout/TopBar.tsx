import { memo, useEffect, useRef, useState } from 'react';
import { hrefFor, navigate } from '../../route';
import { MY_ZONE, useUi } from '../../store/ui';
import { NextForMe } from '../agenda/NextForMe';
import { NotificationsMenu } from '../agenda/NotificationsMenu';
import { useAppState } from '../../app/context';
import { useSidebar } from '../../store/layout';
import './top-bar.css';
import './small-window.css';

/**
 * App name, the search box (press "/" to focus it; inside a conference it searches that
 * conference, one click from all of them), and the time-zone toggle every view respects.
 * In a narrow window *Next for me* and the offline badge fold into the "More" menu (top-bar.css
 * decides when), so every control stays on one line and reachable down to 640 px.
 */
function TopBarView({ onSearchPage, conferenceId, conferenceTitle }: { onSearchPage: boolean; conferenceId?: string; conferenceTitle?: string }) {
  const zoneMode = useUi((s) => s.zoneMode);
  const setZoneMode = useUi((s) => s.setZoneMode);
  const online = useAppState((s) => s.online);
  const input = useRef<HTMLInputElement>(null);
  const sidebar = useSidebar();
  const [isMoreOpen, setMoreOpen] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  // The "More" menu closes with Escape (focus back on its button), on navigation and on a click outside it.
  useEffect(() => {
    if (!isMoreOpen) return undefined;
    const close = (): void => setMoreOpen(false);
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      close();
      more.current?.focus();
    };
    const onPointer = (event: PointerEvent): void => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest('.top-more, .top-more-button')) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', close);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', close);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [isMoreOpen]);
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
      <button
        type="button"
        id="sidebar-toggle"
        className="sidebar-toggle"
        aria-expanded={sidebar.isOpen}
        aria-controls="sidebar"
        title={sidebar.isOpen ? 'Hide the navigation' : 'Show the navigation'}
        onClick={sidebar.toggle}
      >
        <span className="sidebar-toggle-icon" aria-hidden="true">☰</span>
        <span className="visually-hidden">Navigation</span>
      </button>
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
      <div id="top-more" className={isMoreOpen ? 'top-more is-open' : 'top-more'}>
        <NextForMe />
        {!online ? <span className="offline-badge" role="status">Offline</span> : null}
      </div>
      <button
        ref={more}
        type="button"
        className="button top-more-button"
        aria-expanded={isMoreOpen}
        aria-controls="top-more"
        title="Next for me"
        onClick={() => setMoreOpen(!isMoreOpen)}
      >
        More{!online ? <span className="top-more-offline"> · offline</span> : null}
      </button>
      <NotificationsMenu />
      <div className="zone-toggle" role="group" aria-label="Show times in">
        <button type="button" aria-pressed={zoneMode === 'conference'} onClick={() => setZoneMode('conference')}>
          Conference<span className="zone-word"> time</span>
        </button>
        <button type="button" aria-pressed={zoneMode === 'mine'} onClick={() => setZoneMode('mine')} title={MY_ZONE}>
          My<span className="zone-word"> time</span>
        </button>
      </div>
    </header>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const TopBar = memo(TopBarView);
