import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useAppState } from './app/context';
import { db } from './db';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { NoticeFailure, ToastsFailure, TopBarFailure } from './errors/ShellFailures';
import { ViewBoundary } from './errors/ViewBoundary';
import { conferenceData, listConferences, loadAgendaState, loadSubscription } from './db/queries';
import { useScheduleModel } from './app/use-schedule';
import { ConferenceHeader } from './features/conference/ConferenceHeader';
import { AgendaPage } from './features/agenda/AgendaPage';
import { ChangesPage } from './features/changes/ChangesPage';
import { RestoreNotice } from './features/data/RestoreNotice';
import { Sidebar } from './features/layout/Sidebar';
import { TopBar } from './features/layout/TopBar';
import { RoomsPage, TracksPage } from './features/rooms/RoomsPage';
import { RoomPage, TrackPage } from './features/rooms/FacetSessionsPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { SearchPage } from './features/search/SearchPage';
import { LivePage } from './features/live/LivePage';
import { RecordingsPage } from './features/live/RecordingsPage';
import { ReminderToasts } from './features/reminders/ReminderToasts';
import { SessionPage } from './features/session/SessionPage';
import { LinkDialog } from './links/LinkDialog';
import { useRoomsWithStreams } from './live/streams';
import { SpeakerPage, SpeakersPage } from './features/speakers/SpeakersPage';
import { navigate, parseRoute, useRoute, type Route } from './route';

// Pages opened now and then load when first opened, which keeps the start-up bundle small.
const DataPage = lazy(() => import('./features/data/DataPage').then((m) => ({ default: m.DataPage })));
const SubscribePage = lazy(() => import('./features/conference/SubscribePage').then((m) => ({ default: m.SubscribePage })));
const PicksPage = lazy(() => import('./features/picks/PicksPage').then((m) => ({ default: m.PicksPage })));

function ConferenceView({ route }: { route: Extract<Route, { conferenceId: string }> }) {
  const id = route.conferenceId;
  // Four narrow reads: the conference record (its storedAt names the stored revision), the
  // schedule read model (read once per revision, held in memory), the user's own state (a
  // small live query that a star re-runs) and the sync state (which changes on every attempt).
  const record = useLiveQuery(() => db.conferences.get(id), [id]);
  const schedule = useScheduleModel(id, record?.storedAt);
  const own = useLiveQuery(() => loadAgendaState(db, id), [id]);
  const subscription = useLiveQuery(() => loadSubscription(db, id), [id]);
  const base = useMemo(() => (record && schedule?.conferenceId === id && own ? conferenceData(record, schedule, own, subscription) : undefined), [id, record, schedule, own, subscription]);
  // Rooms the feed gives no stream get one by rule (FOSDEM, c3voc, the organizer's pattern).
  const rooms = useRoomsWithStreams(id, base?.record.conference, base?.rooms, subscription?.url);
  const data = useMemo(() => (base && rooms ? { ...base, rooms } : base), [base, rooms]);
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
        {route.page === 'room' ? <RoomPage data={data} roomId={route.roomId} /> : null}
        {route.page === 'track' ? <TrackPage data={data} trackId={route.trackId} /> : null}
        {route.page === 'agenda' ? <AgendaPage data={data} day={route.day} /> : null}
        {route.page === 'changes' ? <ChangesPage data={data} /> : null}
      </ViewBoundary>
    </>
  );
}

export function App() {
  const route = useRoute();
  const phase = useAppState((s) => s.phase);
  const startError = useAppState((s) => s.error);
  const ready = phase === 'ready';
  const conferences = useLiveQuery(() => listConferences(db), []);
  const conferenceId = 'conferenceId' in route ? route.conferenceId : undefined;
  useEffect(() => {
    const first = conferences?.find((c) => !c.subscription.archived) ?? conferences?.[0];
    // Only while the window is still at home: a link followed while the list was loading (the
    // address has changed, its hashchange not handled yet) is not overwritten.
    if (route.page === 'home' && first && parseRoute(window.location.hash).page === 'home') navigate({ page: 'schedule', conferenceId: first.subscription.id });
  }, [route.page, conferences]);
  let content;
  if (phase === 'failed') content = <p role="alert" className="error">Lanyard could not open its storage: {startError}</p>;
  else if (route.page === 'subscribe') content = <SubscribePage initialUrl={route.url} initialLive={route.live && route.topic ? { mqtt: route.live, topic: route.topic } : undefined} />;
  else if (route.page === 'data') content = <DataPage />;
  else if (route.page === 'picks') content = <PicksPage query={route.query} />;
  else if (route.page === 'search') content = <SearchPage query={route.query} conferenceId={route.conferenceId} all={route.all} />;
  else if (route.page === 'live') content = <LivePage />;
  else if (route.page === 'recordings') content = <RecordingsPage />;
  else if (route.page === 'home') content = <p className="muted">{ready && conferences?.length === 0 ? 'No conferences yet: add one.' : 'Loading…'}</p>;
  else content = <ConferenceView route={route} />;
  return (
    <div className="app">
      <ErrorBoundary what="the top bar" fallback={(failure) => <TopBarFailure failure={failure} />}>
        <TopBar onSearchPage={route.page === 'search'} conferenceId={conferenceId} conferenceTitle={conferences?.find((c) => c.subscription.id === conferenceId)?.conference?.conference.title} />
      </ErrorBoundary>
      <div className="app-body">
        <Sidebar activeId={conferenceId} page={route.page} />
        <main id="content" className="content" tabIndex={-1}>
          <ErrorBoundary what="the notice about your data" fallback={(failure) => <NoticeFailure failure={failure} />}>
            <RestoreNotice />
          </ErrorBoundary>
          <ViewBoundary route={route}>
            <Suspense fallback={<p className="muted">Loading…</p>}>{content}</Suspense>
          </ViewBoundary>
        </main>
      </div>
      <LinkDialog />
      <ErrorBoundary what="the reminders shown in Lanyard" fallback={(failure) => <ToastsFailure failure={failure} />}>
        <ReminderToasts />
      </ErrorBoundary>
    </div>
  );
}
