import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from './db';
import { listConferences, loadConference } from './db/queries';
import { ConferenceHeader } from './features/conference/ConferenceHeader';
import { SubscribePage } from './features/conference/SubscribePage';
import { DataPage } from './features/data/DataPage';
import { RestoreNotice } from './features/data/RestoreNotice';
import { Sidebar } from './features/layout/Sidebar';
import { TopBar } from './features/layout/TopBar';
import { RoomsPage, TracksPage } from './features/rooms/RoomsPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { SearchPage } from './features/search/SearchPage';
import { warmSearchIndex } from './features/search/useSearchIndex';
import { SessionPage } from './features/session/SessionPage';
import { SpeakerPage, SpeakersPage } from './features/speakers/SpeakersPage';
import { host } from './host';
import { onNotificationOpen } from './notify';
import { prepareStorage } from './personal/startup';
import { navigate, useRoute, type Route } from './route';
import { useUi } from './store/ui';
import { startSync } from './sync/manager';
import { useTrayFeed } from './sync/tray-feed';

function ConferenceView({ route }: { route: Extract<Route, { conferenceId: string }> }) {
  const data = useLiveQuery(() => loadConference(db, route.conferenceId), [route.conferenceId]);
  if (data === undefined) return <p className="muted">Loading…</p>;
  return (
    <>
      <ConferenceHeader data={data} current={route.page} />
      {route.page === 'schedule' ? <SchedulePage data={data} day={route.day} /> : null}
      {route.page === 'session' ? <SessionPage data={data} sessionId={route.sessionId} /> : null}
      {route.page === 'speakers' ? <SpeakersPage data={data} /> : null}
      {route.page === 'speaker' ? <SpeakerPage data={data} speakerId={route.speakerId} /> : null}
      {route.page === 'rooms' ? <RoomsPage data={data} /> : null}
      {route.page === 'tracks' ? <TracksPage data={data} /> : null}
    </>
  );
}

export function App() {
  const route = useRoute();
  const setOnline = useUi((s) => s.setOnline);
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopPersonal: (() => void) | undefined;
    let isCancelled = false;
    // Restore from the backup copy (if the store was wiped) before the sample or sync write anything.
    prepareStorage(db, Date.now()).then(
      (stopMirror) => {
        if (isCancelled) stopMirror();
        else stopPersonal = stopMirror;
        setReady(true);
        stop = startSync(db, setOnline);
        // Build the search index in the background so the first search answers at once.
        void warmSearchIndex(db);
      },
      (error: unknown) => setStartError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      isCancelled = true;
      stop?.();
      stopPersonal?.();
    };
  }, [setOnline]);
  useTrayFeed(db);
  useEffect(() => host().onSubscribeLink((url) => navigate({ page: 'subscribe', url })), []);
  useEffect(() => {
    const open = (ref: string): void => {
      const [conferenceId, sessionId] = ref.split('\n');
      if (conferenceId && sessionId) navigate({ page: 'session', conferenceId, sessionId });
    };
    const stopHost = host().onOpenSession(open);
    const stopWeb = onNotificationOpen(open);
    return () => {
      stopHost();
      stopWeb();
    };
  }, []);
  const conferences = useLiveQuery(() => listConferences(db), []);
  const conferenceId = 'conferenceId' in route ? route.conferenceId : undefined;
  useEffect(() => {
    const first = conferences?.find((c) => !c.subscription.archived) ?? conferences?.[0];
    if (route.page === 'home' && first) navigate({ page: 'schedule', conferenceId: first.subscription.id });
  }, [route.page, conferences]);
  let content;
  if (startError) content = <p role="alert" className="error">Lanyard could not open its storage: {startError}</p>;
  else if (route.page === 'subscribe') content = <SubscribePage initialUrl={route.url} />;
  else if (route.page === 'data') content = <DataPage />;
  else if (route.page === 'search') content = <SearchPage query={route.query} conferenceId={route.conferenceId} />;
  else if (route.page === 'home') content = <p className="muted">{ready && conferences?.length === 0 ? 'No conferences yet: add one.' : 'Loading…'}</p>;
  else content = <ConferenceView route={route} />;
  return (
    <div className="app">
      <TopBar onSearchPage={route.page === 'search'} />
      <div className="app-body">
        <Sidebar activeId={conferenceId} />
        <main id="content" className="content" tabIndex={-1}>
          <RestoreNotice />
          {content}
        </main>
      </div>
    </div>
  );
}
