import { mergePersonalData, parsePersonalData, serializePersonalData, type MergeReport } from '../../../core/personal/io';
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
