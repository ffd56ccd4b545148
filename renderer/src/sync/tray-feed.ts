import { useEffect } from 'react';
import { readSchedules } from '../db/schedules';
import type { LanyardDb } from '../db/schema';
import { clock } from '../format';
import { host } from '../host';

/** The next sessions across all active conferences, soonest first. */
export async function upcomingSessions(db: LanyardDb, now: number, limit = 5): Promise<Array<{ title: string; when: string; sessionRef: string }>> {
  const active = await db.conferences.filter((c) => c.lastEnd >= now && c.firstStart <= now + 7 * 86_400_000).toArray();
  const zones = new Map(active.map((c) => [c.id, c.conference.timeZone]));
  const [from, to] = [new Date(now).toISOString(), new Date(now + 7 * 86_400_000).toISOString()];
  const schedules = await readSchedules(db, active.map((c) => c.id));
  const soon = [...schedules.values()]
    .flatMap((schedule) => schedule.sessions.filter((s) => s.start >= from && s.start < to && !s.cancelled && s.type !== 'break').slice(0, limit))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .slice(0, limit);
  return soon.map((s) => ({ title: s.title.slice(0, 300), when: clock(s.start, zones.get(s.conferenceId)!), sessionRef: `${s.conferenceId}\n${s.id}` }));
}

/** Keeps the desktop tray's "What's next" menu current (web mode has no tray). */
export function useTrayFeed(db: LanyardDb): void {
  useEffect(() => {
    if (!window.lanyard) return;
    const update = (): void => {
      void upcomingSessions(db, Date.now()).then((next) => host().updateTray({ next }));
    };
    update();
    const timer = window.setInterval(update, 60_000);
    return () => window.clearInterval(timer);
  }, [db]);
}
