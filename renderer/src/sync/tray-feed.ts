import { readSchedules } from '../db/schedules';
import type { LanyardDb } from '../db/schema';
import { upcomingClock } from '../format';
import type { HostApi } from '../../../core/host/contract';
import { chosenZone, useUi } from '../store/ui';

/**
 * The next sessions across all active conferences, soonest first. `when` is in the zone the
 * user chose (`zoneFor`), with the weekday when the session is not today there: a tray that
 * said "01:00" for a talk on Saturday night would send a Tokyo attendee to bed early.
 */
export async function upcomingSessions(
  db: LanyardDb,
  now: number,
  limit = 5,
  zoneFor: (conferenceZone: string) => string = chosenZone,
): Promise<Array<{ title: string; when: string; sessionRef: string }>> {
  const active = await db.conferences.filter((c) => c.lastEnd >= now && c.firstStart <= now + 7 * 86_400_000).toArray();
  const zones = new Map(active.map((c) => [c.id, c.conference.timeZone]));
  const [from, to] = [new Date(now).toISOString(), new Date(now + 7 * 86_400_000).toISOString()];
  const schedules = await readSchedules(db, active.map((c) => c.id));
  const soon = [...schedules.values()]
    .flatMap((schedule) => schedule.sessions.filter((s) => s.start >= from && s.start < to && !s.cancelled && s.type !== 'break').slice(0, limit))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .slice(0, limit);
  return soon.map((s) => ({ title: s.title.slice(0, 300), when: upcomingClock(s.start, zoneFor(zones.get(s.conferenceId)!), now), sessionRef: `${s.conferenceId}\n${s.id}` }));
}

/**
 * Keeps the desktop tray's "What's next" menu current: every minute, and at once when the user
 * toggles Conference time / My time (not a minute later). Returns the stop function.
 */
export function startTrayFeed(db: LanyardDb, host: Pick<HostApi, 'updateTray'>, now: () => number): () => void {
  const update = (): void => {
    void upcomingSessions(db, now()).then((next) => host.updateTray({ next }));
  };
  update();
  const timer = setInterval(update, 60_000);
  const stopZone = useUi.subscribe((state, previous) => {
    if (state.zoneMode !== previous.zoneMode) update();
  });
  return () => {
    clearInterval(timer);
    stopZone();
  };
}
