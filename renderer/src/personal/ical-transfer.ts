// Runs in the engine (engine/handlers.ts): ical.js reads and writes these files, and it stays
// out of the UI bundle.
import { agendaToICal } from '../../../core/export/agenda-ical';
import { matchICalAgenda } from '../../../core/personal/ical-import';
import { agendaCalendarParts, sessionCalendarPart, starMatches, storedConferences } from '../db/agenda-calendar';
import type { LanyardDb } from '../db/schema';
import type { AgendaIcsOutcome, CalendarFile } from '../engine/jobs';

const day = (now: number): string => new Date(now).toISOString().slice(0, 10);
const safeName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'agenda';

/** The agenda (all conferences, or one) as an .ics file; null when nothing is starred. */
export async function exportAgendaCalendar(db: LanyardDb, now: number, conferenceId?: string): Promise<CalendarFile | null> {
  const parts = await agendaCalendarParts(db, conferenceId);
  if (parts.length === 0) return null;
  const only = parts.length === 1 ? parts[0] : undefined;
  const fileName = only ? `${safeName(only.conference.title)}-my-agenda.ics` : `lanyard-my-agenda-${day(now)}.ics`;
  return { fileName, text: agendaToICal(parts, { now }), sessions: parts.reduce((n, p) => n + p.sessions.length, 0) };
}

/** One session as an .ics file. */
export async function exportSessionCalendar(db: LanyardDb, conferenceId: string, sessionId: string, now: number): Promise<CalendarFile | null> {
  const part = await sessionCalendarPart(db, conferenceId, sessionId);
  const session = part?.sessions[0];
  if (!part || !session) return null;
  return { fileName: `${safeName(session.title)}.ics`, text: agendaToICal([part], { now, name: `${part.conference.title}: ${session.title}` }), sessions: 1 };
}

/** "Import agenda from .ics": matches events to stored sessions and stars the matched ones. */
export async function importAgendaCalendar(db: LanyardDb, text: string, now: number): Promise<AgendaIcsOutcome> {
  const result = matchICalAgenda(text, await storedConferences(db));
  const { starred, already } = await starMatches(db, result.matches, now);
  return { ...result, starred, already };
}
