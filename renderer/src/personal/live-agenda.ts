// Runs in the engine (engine/handlers.ts): it reads schedules and writes iCalendar with ical.js.
import { agendaToICal } from '../../../core/export/agenda-ical';
import { agendaCalendarParts } from '../db/agenda-calendar';
import type { LanyardDb } from '../db/schema';

/** The name calendar apps show for the subscription (X-WR-CALNAME); CalDAV's calendar has the same. */
const LIVE_CALENDAR_NAME = 'Lanyard agenda';

/** The whole agenda as the live calendar serves it: starred sessions, cancelled ones left out, stable stamps. */
export async function liveAgendaText(db: LanyardDb, now: number): Promise<string> {
  return agendaToICal(await agendaCalendarParts(db), { now, live: true, name: LIVE_CALENDAR_NAME });
}
