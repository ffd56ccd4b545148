import { useEffect, useMemo, useState } from 'react';
import { conferenceDayChange } from '../../../../core/time/days';
import { conferenceDayOf } from '../../../../core/time/zone';
import type { ConferenceData } from '../../db/queries';
import { daySpanIn, shortDate } from '../../format';
import { type JumpRequest } from '../../lists/VirtualList';
import { hrefFor } from '../../route';
import { useDisplayZone, useFilters, useUi } from '../../store/ui';
import { applyFilters, pickDay } from './filtering';
import { Filters } from './Filters';
import { SessionList } from './SessionList';
import { Timeline } from './Timeline';
import { useApp, useNow } from '../../app/context';
import { beginInteraction, endInteractionAfterPaint } from '../../perf';
import { MINUTE_MS } from '../../app/clock';

export function SchedulePage({ data, day: askedDay }: { data: ConferenceData; day: string | undefined }) {
  const { conference } = data.record;
  const zone = useDisplayZone(conference.timeZone);
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const filters = useFilters(data.record.id);
  // Each press is a new jump (a token), so pressing again after scrolling away jumps again.
  const [jump, setJump] = useState<JumpRequest | undefined>(undefined);
  const now = useNow(MINUTE_MS);
  const { clock } = useApp();
  const days = useMemo(() => [...new Set(data.sessions.map((s) => s.day))].sort(), [data.sessions]);
  // The conference day it is now, with the day change: at 01:30 during a congress, still yesterday's programme.
  const dayChange = useMemo(() => conferenceDayChange(conference, data.sessions), [conference, data.sessions]);
  const today = conferenceDayOf(now, conference.timeZone, dayChange);
  const day = pickDay(days, askedDay, today);
  const shown = useMemo(() => applyFilters(data.sessions.filter((s) => s.day === day), filters), [data.sessions, day, filters]);
  const isToday = day === today;
  // Day tabs are the conference's days (the programme is organised by them); when the zone
  // shown puts this day's sessions on other dates, say so, and each time carries its date.
  const span = useMemo(() => (day ? daySpanIn(shown, zone, day) : undefined), [shown, zone, day]);
  // Day tab, view switch and filter, each timed from its input event to the painted result (read by `npm run bench`).
  useEffect(() => endInteractionAfterPaint('day', { day: day ?? '' }), [day]);
  useEffect(() => endInteractionAfterPaint('view', { view, sessions: shown.length }), [view, shown.length]);
  useEffect(() => endInteractionAfterPaint('filter', { sessions: shown.length }), [filters, shown.length]);
  const jumpToNow = (): void => {
    const index = shown.findIndex((s) => Date.parse(s.end) > clock.now());
    setJump((previous) => ({ index: index < 0 ? shown.length - 1 : index, token: (previous?.token ?? 0) + 1 }));
  };
  return (
    <section className="schedule" aria-label="Schedule">
      <div className="schedule-controls">
        <nav className="day-tabs" aria-label="Days">
          {days.map((d) => (
            <a key={d} href={hrefFor({ page: 'schedule', conferenceId: data.record.id, day: d })} aria-current={d === day ? 'page' : undefined} title={`Conference day (${conference.timeZone})`} onClick={(event) => beginInteraction('day', 'day', event)}>
              {shortDate(d)}
            </a>
          ))}
        </nav>
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={(event) => {
              beginInteraction('view', 'view-list', event);
              setView('list');
            }}>
            List
          </button>
          <button type="button" aria-pressed={view === 'timeline'} onClick={(event) => {
              beginInteraction('view', 'view-timeline', event);
              setView('timeline');
            }}>
            Timeline
          </button>
        </div>
        <button type="button" className="button" onClick={jumpToNow} disabled={!isToday} title={isToday ? undefined : 'The conference is not on now'} aria-describedby={isToday ? undefined : 'jump-why'}>
          Jump to now
        </button>
        {isToday ? null : <span id="jump-why" className="muted jump-why">the conference is not on now</span>}
      </div>
      <Filters data={data} />
      <p className="muted schedule-count">
        {shown.length} session{shown.length === 1 ? '' : 's'} · times in {zone}
        {span ? <span data-testid="day-span">: this conference day runs {span} there</span> : null}
      </p>
      {view === 'timeline' ? <p className="muted keys-hint">On a talk, ↑ and ↓ move along its room, ← and → to what is on in the next room.</p> : null}
      {view === 'timeline' ? <Timeline sessions={shown} data={data} zone={zone} now={now} jumpToken={jump?.token} /> : <SessionList sessions={shown} data={data} zone={zone} jump={jump} />}
    </section>
  );
}
