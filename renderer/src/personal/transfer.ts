import { agendaToICal } from '../../../core/export/agenda-ical';
import { mergePersonalData, parsePersonalData, serializePersonalData, type MergeReport } from '../../../core/personal/io';
import { matchICalAgenda, type IcsImport } from '../../../core/personal/ical-import';
import { agendaCalendarParts, sessionCalendarPart, starMatches, storedConferences } from '../db/agenda-calendar';
import { collectPersonalData, writePersonalRows, type WriteSummary } from '../db/personal-data';
import type { LanyardDb } from '../db/schema';

/** Offers text as a file download (the browser's, or Electron's save dialog). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const day = (now: number): string => new Date(now).toISOString().slice(0, 10);
const safeName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'agenda';

/** "Export my data": everything personal as one JSON file. */
export async function exportPersonalFile(db: LanyardDb, now: number): Promise<{ fileName: string; text: string; skipped: number }> {
  const { data, skipped } = await collectPersonalData(db, now);
  return { fileName: `lanyard-my-data-${day(now)}.json`, text: serializePersonalData(data, { pretty: true }), skipped };
}

export interface ImportOutcome {
  report: MergeReport;
  summary: WriteSummary;
}

/** "Import": reads the file (throws PersonalDataError saying what and where), merges it into what is stored. */
export async function importPersonalFile(db: LanyardDb, text: string, now: number): Promise<ImportOutcome> {
  const incoming = parsePersonalData(text);
  const { data: existing } = await collectPersonalData(db, now);
  const { data, report } = mergePersonalData(existing, incoming, now);
  const summary = await writePersonalRows(db, data);
  return { report, summary };
}

/** The agenda (all conferences, or one) as an .ics file; undefined when nothing is starred. */
export async function exportAgendaCalendar(db: LanyardDb, now: number, conferenceId?: string): Promise<{ fileName: string; text: string; sessions: number } | undefined> {
  const parts = await agendaCalendarParts(db, conferenceId);
  if (parts.length === 0) return undefined;
  const only = parts.length === 1 ? parts[0] : undefined;
  const fileName = only ? `${safeName(only.conference.title)}-my-agenda.ics` : `lanyard-my-agenda-${day(now)}.ics`;
  return { fileName, text: agendaToICal(parts, { now }), sessions: parts.reduce((n, p) => n + p.sessions.length, 0) };
}

/** One session as an .ics file. */
export async function exportSessionCalendar(db: LanyardDb, conferenceId: string, sessionId: string, now: number): Promise<{ fileName: string; text: string } | undefined> {
  const part = await sessionCalendarPart(db, conferenceId, sessionId);
  const session = part?.sessions[0];
  if (!part || !session) return undefined;
  return { fileName: `${safeName(session.title)}.ics`, text: agendaToICal([part], { now, name: `${part.conference.title}: ${session.title}` }) };
}

/** "Import agenda from .ics": matches events to stored sessions and stars the matched ones. */
export async function importAgendaCalendar(db: LanyardDb, text: string, now: number): Promise<IcsImport & { starred: number; already: number }> {
  const result = matchICalAgenda(text, await storedConferences(db));
  const { starred, already } = await starMatches(db, result.matches, now);
  return { ...result, starred, already };
}
