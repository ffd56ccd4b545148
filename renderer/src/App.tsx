import { useMemo } from 'react';
import { ConferenceHeader } from './features/conference/ConferenceHeader';
import { ScheduleList } from './features/schedule/ScheduleList';
import { SessionPage, SpeakerPage } from './features/session/SessionPage';
import { useRoute } from './route';
import { loadSample } from './sample';

export function App() {
  const { feed } = useMemo(loadSample, []);
  const route = useRoute();
  return (
    <div className="app">
      <ConferenceHeader feed={feed} />
      {route.page === 'session' ? <SessionPage feed={feed} id={route.id} /> : null}
      {route.page === 'speaker' ? <SpeakerPage feed={feed} id={route.id} /> : null}
      {route.page === 'schedule' ? <ScheduleList feed={feed} /> : null}
    </div>
  );
}
