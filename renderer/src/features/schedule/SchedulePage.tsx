import { useEffect, useMemo, useState } from 'react';
import type { ConferenceData } from '../../db/queries';
import { daySpanIn, shortDate } from '../../format';
import { hrefFor, navigate } from '../../route';
import { useDisplayZone, useFilters, useUi } from '../../store/ui';
import { useRoomPrefsOf, withoutHidden } from '../../store/room-prefs';
import { applyFilters, pickDay } from './filtering';
import { Filters } from './Filters';
import { OtherDaysNote } from './OtherDaysNote';
import { HiddenNote, RoomChoices } from './RoomChoices';
import { programmeToday } from './today';
import { SessionList } from './SessionList';
import { Timeline } from './Timeline';
import { useApp, useNow } from '../../app/context';
import { beginInteraction, endInteractionAfterPaint } from '../../perf';
import { MINUTE_MS } from '../../app/clock';

const NOT_ON = 'The conference is not on today';

export function SchedulePage({ data, day: askedDay }: { data: ConferenceData; day: string | undefined }) {
  const { conference } = data.record;
  const zone = useDisplayZone(conference.timeZone);
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const filters = useFilters(data.record.id);
  const roomPrefs = useRoomPrefsOf(data.record.id);
  const now = useNow(MINUTE_MS);
  const { clock } = useApp();
  const days = useMemo(() => [...new Set(data.sessions.map((s) => s.day))].sort(), [data.sessions]);
  // The conference day whose programme it is now: at 01:30 during a congress still the evening's
  // day; at 08:00 on FOSDEM's Sunday (days change at 09:00) Sunday, as Saturday's ended at 19:00.
  const today = useMemo(() => programmeToday(data, now), [data, now]);
  const day = pickDay(days, askedDay, today);
  // Each press is a new jump (a token), so pressing again after scrolling away jumps again; it
  // is for today's tab at the time it was pressed (from another day's tab it opens today's
  // first). A schedule opened on today's tab starts with one: at what is on now.
  const [press, setPress] = useState<{ token: number; day: string; at: number } | undefined>(() => (day === today ? { token: 1, day, at: now } : undefined));
  const shown = useMemo(() => applyFilters(withoutHidden(data.sessions.filter((s) => s.day === day), roomPrefs), filters), [data.sessions, day, filters, roomPrefs]);
  const isOn = days.includes(today);
  const isToday = day === today;
  // Day tabs are the conference's days (the programme is organised by them); when the zone
  // shown puts this day's sessions on other dates, say so, and each time carries its date.
  const span = useMemo(() => (day ? daySpanIn(shown, zone, day) : undefined), [shown, zone, day]);
  // Day tab, view switch and filter, each timed from its input event to the painted result (read by `npm run bench`).
  useEffect(() => endInteractionAfterPaint('day', { day: day ?? '' }), [day]);
  useEffect(() => endInteractionAfterPaint('view', { view, sessions: shown.length }), [view, shown.length]);
  useEffect(() => endInteractionAfterPaint('filter', { sessions: shown.length }), [filters, shown.length]);
  const jump = press && press.day === day ? press : undefined;
  const jumpToNow = (): void => {
    if (!isOn) return;
    setPress((previous) => ({ token: (previous?.token ?? 0) + 1, day: today, at: clock.now() }));
    if (!isToday) navigate({ page: 'schedule', conferenceId: data.record.id, day: today });
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
        {/* Greyed but focusable, with its reason on screen and read with it (a disabled button would hide both from the keyboard). */}
        <span className="jump-now">
          <button type="button" className="button" onClick={jumpToNow} aria-disabled={!isOn} aria-describedby={isOn ? undefined : 'jump-now-reason'} title={isOn ? undefined : NOT_ON}>
            Jump to now
          </button>
          {isOn ? null : (
            <span id="jump-now-reason" className="muted jump-now-reason">
              {NOT_ON}
            </span>
          )}
        </span>
      </div>
      <div className="schedule-tools">
        <Filters data={data} />
        <RoomChoices data={data} />
      </div>
      <p className="muted schedule-count">
        {shown.length} session{shown.length === 1 ? '' : 's'} · times in {zone}
        {span ? <span data-testid="day-span">: this conference day runs {span} there</span> : null}
        <HiddenNote data={data} />
      </p>
      <OtherDaysNote data={data} day={day} filters={filters} shownCount={shown.length} />
      {view === 'timeline' ? <p className="muted keys-hint">On a talk, ↑ and ↓ move along its room, ← and → to what is on in the next room.</p> : null}
      {view === 'timeline' ? <Timeline sessions={shown} data={data} zone={zone} now={now} pinned={roomPrefs.pinnedRooms} jumpToken={jump?.token} /> : <SessionList sessions={shown} data={data} zone={zone} jump={jump} now={now} showNow={isToday} />}
    </section>
  );
}
