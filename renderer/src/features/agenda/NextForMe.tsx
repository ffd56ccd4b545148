import { useLiveQuery } from 'dexie-react-hooks';
import { wallTimeOf } from '../../../../core/time/zone';
import { db } from '../../db';
import { goingState, upcomingGoing } from '../../db/personal';
import { useScheduleModels } from '../../app/use-schedule';
import { useMemo } from 'react';
import { clock, shortDate } from '../../format';
import { hrefFor } from '../../route';
import { MY_ZONE, useUi } from '../../store/ui';
import { useNow } from '../../app/context';
import { MINUTE_MS } from '../../app/clock';

/** Always in the top bar: the "going" session on now, or the next one, across every conference. */
export function NextForMe() {
  const now = useNow(MINUTE_MS);
  const zoneMode = useUi((s) => s.zoneMode);
  // Re-query when a minute passes (a session ends) as well as when the agenda changes.
  const minute = Math.floor(now / 60_000);
  // The user's going entries (a small live query, re-run by a star) and the schedules in memory.
  const state = useLiveQuery(() => goingState(db, minute * 60_000), [minute]);
  const refs = useMemo(() => (state?.conferences ?? []).map((c) => [c.id, c.storedAt] as const), [state]);
  const schedules = useScheduleModels(refs);
  const first = useMemo(() => (state ? upcomingGoing(state, schedules, minute * 60_000, 1)[0] : undefined), [state, schedules, minute]);
  if (!first) {
    return (
      <section className="next-for-me is-empty" aria-label="Next for me">
        <span className="next-label">Next for me</span> <span className="muted">nothing starred as going</span>
      </section>
    );
  }
  const zone = zoneMode === 'mine' ? MY_ZONE : first.zone;
  const start = Date.parse(first.session.start);
  const isNow = start <= now;
  const today = wallTimeOf(now, zone).date;
  const day = wallTimeOf(start, zone).date;
  const when = isNow ? `now, until ${clock(first.session.end, zone)}` : `${day === today ? '' : `${shortDate(day)} `}${clock(start, zone)}–${clock(first.session.end, zone)}`;
  return (
    <section className="next-for-me" aria-label="Next for me">
      <span className="next-label">{isNow ? 'Now for me' : 'Next for me'}</span>{' '}
      <a href={hrefFor({ page: 'session', conferenceId: first.conferenceId, sessionId: first.session.id })}>{first.session.title}</a>{' '}
      <span className="muted">
        {when}
        {first.roomName ? ` · ${first.roomName}` : ''}
      </span>
    </section>
  );
}
