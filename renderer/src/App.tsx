import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from './db';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { NoticeFailure, TopBarFailure } from './errors/ShellFailures';
import { ViewBoundary } from './errors/ViewBoundary';
import { afterFirstPaint } from './first-paint';
import { listConferences, loadConference, loadSubscription } from './db/queries';
import { ConferenceHeader } from './features/conference/ConferenceHeader';
import { SubscribePage } from './features/conference/SubscribePage';
import { AgendaPage } from './features/agenda/AgendaPage';
import { ChangesPage } from './features/changes/ChangesPage';
import { replanAll } from './db/personal';
import { startAlerts } from './personal/alerts';
import { startCalendarPublisher } from './personal/calendar-publisher';
import { DataPage } from './features/data/DataPage';
import { PicksPage } from './features/picks/PicksPage';
import { RestoreNotice } from './features/data/RestoreNotice';
import { Sidebar } from './features/layout/Sidebar';
import { TopBar } from './features/layout/TopBar';
import { RoomsPage, TracksPage } from './features/rooms/RoomsPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { SearchPage } from './features/search/SearchPage';
import { warmSearchIndex } from './features/search/useSearchIndex';
import { useAnnouncementNotices } from './features/announcements/notices';
import { LivePage } from './features/live/LivePage';
import { RecordingsPage } from './features/live/RecordingsPage';
import { SessionPage } from './features/session/SessionPage';
import { LinkDialog } from './links/LinkDialog';
import { startLiveChannels, startRecordingsWatcher, startRoomStatus } from './live/start';
import { useRoomsWithStreams } from './live/streams';
import { SpeakerPage, SpeakersPage } from './features/speakers/SpeakersPage';
import { host } from './host';
import { notify, onNotificationOpen } from './notify';
import { prepareStorage } from './personal/startup';
import { startAppSyncFolder } from './sync-folder/app';
import { navigate, routeOfRef, useRoute, type Route } from './route';
import { useUi } from './store/ui';
import { startSync } from './sync/manager';
import { cacheAllPhotos } from './sync/photos';
import { useTrayFeed } from './sync/tray-feed';

function ConferenceView({ route }: { route: Extract<Route, { conferenceId: string }> }) {
  const loaded = useLiveQuery(() => loadConference(db, route.conferenceId), [route.conferenceId]);
  // Sync state changes on every attempt; it is read on its own so the sessions are not re-read.
  const subscription = useLiveQuery(() => loadSubscription(db, route.conferenceId), [route.conferenceId]);
  // Rooms the feed gives no stream get one by rule (FOSDEM, c3voc, the organizer's pattern).
  const rooms = useRoomsWithStreams(route.conferenceId, loaded?.record.conference, loaded?.rooms, subscription?.url);
  const data = useMemo(() => (loaded ? { ...loaded, subscription, rooms: rooms ?? loaded.rooms } : loaded), [loaded, subscription, rooms]);
  if (data === undefined) return <p className="muted">Loading…</p>;
  return (
    <>
      <ConferenceHeader data={data} current={route.page} />
      <ViewBoundary route={route}>
        {route.page === 'schedule' ? <SchedulePage data={data} day={route.day} /> : null}
        {route.page === 'session' ? <SessionPage data={data} sessionId={route.sessionId} /> : null}
        {route.page === 'speakers' ? <SpeakersPage data={data} /> : null}
        {route.page === 'speaker' ? <SpeakerPage data={data} speakerId={route.speakerId} /> : null}
        {route.page === 'rooms' ? <RoomsPage data={data} /> : null}
        {route.page === 'tracks' ? <TracksPage data={data} /> : null}
        {route.page === 'agenda' ? <AgendaPage data={data} day={route.day} /> : null}
        {route.page === 'changes' ? <ChangesPage data={data} /> : null}
      </ViewBoundary>
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
    let cancelled = false;
    // Restore from the backup copy (if the store was wiped) before the sample or sync write anything.
    prepareStorage(db, Date.now()).then(
      (stopMirror) => {
        if (cancelled) stopMirror();
        else stopPersonal = stopMirror;
        setReady(true);
        // The first screen comes first; then reminders (re-planned once at start: the clock or
        // the data may have changed while closed, then a short tick), sync, the search index
        // (so the first search answers at once) and the photo cache (which retries failures).
        afterFirstPaint(() => {
          if (cancelled) return;
          const alerts = startAlerts(db, notify);
          void replanAll(db, Date.now()).then(alerts.kick);
          const stopSync = startSync(db, setOnline);
          const calendar = startCalendarPublisher({ db, host: host() });
          const stopSyncFolder = startAppSyncFolder(db);
          const stopRoomStatus = startRoomStatus(db);
          const stopLiveChannels = startLiveChannels(db);
          const stopRecordings = startRecordingsWatcher(db);
          stop = () => {
            stopSyncFolder();
            stopSync();
            alerts.stop();
            calendar.stop();
            stopRoomStatus();
            stopLiveChannels();
            stopRecordings();
          };
          void warmSearchIndex(db).catch(() => undefined).then(() => cacheAllPhotos(db));
        });
      },
      (error: unknown) => setStartError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
      stop?.();
      stopPersonal?.();
    };
  }, [setOnline]);
  useTrayFeed(db);
  useEffect(() => host().onSubscribeLink((url, live) => navigate(live ? { page: 'subscribe', url, live: live.mqtt, topic: live.topic } : { page: 'subscribe', url })), []);
  useEffect(() => host().onOpenLive(() => navigate({ page: 'live' })), []);
  useEffect(() => host().onPicksLink((query) => navigate({ page: 'picks', query })), []);
  useAnnouncementNotices(db);
  useEffect(() => {
    const open = (ref: string): void => {
      const route = routeOfRef(ref);
      if (route) navigate(route);
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
  else if (route.page === 'subscribe') content = <SubscribePage initialUrl={route.url} initialLive={route.live && route.topic ? { mqtt: route.live, topic: route.topic } : undefined} />;
  else if (route.page === 'data') content = <DataPage />;
  else if (route.page === 'picks') content = <PicksPage query={route.query} />;
  else if (route.page === 'search') content = <SearchPage query={route.query} conferenceId={route.conferenceId} />;
  else if (route.page === 'live') content = <LivePage />;
  else if (route.page === 'recordings') content = <RecordingsPage />;
  else if (route.page === 'home') content = <p className="muted">{ready && conferences?.length === 0 ? 'No conferences yet: add one.' : 'Loading…'}</p>;
  else content = <ConferenceView route={route} />;
  return (
    <div className="app">
      <ErrorBoundary what="the top bar" fallback={(failure) => <TopBarFailure failure={failure} />}>
        <TopBar onSearchPage={route.page === 'search'} />
      </ErrorBoundary>
      <div className="app-body">
        <Sidebar activeId={conferenceId} page={route.page} />
        <main id="content" className="content" tabIndex={-1}>
          <ErrorBoundary what="the notice about your data" fallback={(failure) => <NoticeFailure failure={failure} />}>
            <RestoreNotice />
          </ErrorBoundary>
          <ViewBoundary route={route}>{content}</ViewBoundary>
        </main>
      </div>
      <LinkDialog />
    </div>
  );
}
