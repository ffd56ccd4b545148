import type { ReactNode } from 'react';
import type { Route } from '../route';
import { ErrorBoundary } from './ErrorBoundary';
import { ViewFailure } from './ViewFailure';

const VIEW_NAMES: Record<Route['page'], string> = {
  home: 'the start page',
  schedule: 'the schedule',
  session: 'this session',
  speakers: 'the speakers',
  speaker: "this speaker's page",
  rooms: 'the rooms',
  tracks: 'the tracks',
  room: "this room's sessions",
  track: "this track's sessions",
  search: 'search',
  subscribe: 'adding a conference',
  agenda: 'my agenda',
  changes: 'the changes',
  live: 'Live now',
  recordings: 'Recordings',
  data: 'Your data',
  picks: 'the shared picks',
};

/** An error boundary around the view of `route`: a failure there shows ViewFailure, and leaving the route clears it. */
export function ViewBoundary({ route, children }: { route: Route; children: ReactNode }) {
  const conferenceId = 'conferenceId' in route && route.page !== 'search' ? route.conferenceId : undefined;
  const view = VIEW_NAMES[route.page];
  return (
    <ErrorBoundary what={`${view} view`} resetKey={JSON.stringify(route)} fallback={(failure) => <ViewFailure failure={failure} view={view} conferenceId={conferenceId} />}>
      {children}
    </ErrorBoundary>
  );
}
