import type { WarningLog } from '../errors';

/** What every importer gets besides the document itself. */
export interface ImportContext {
  warnings: WarningLog;
  /** The subscriber's choice of zone, used when the feed gives none. */
  timeZone?: string | undefined;
  /**
   * Extra documents that complete the main one, already parsed as JSON
   * (Sessionize GridSmart + Speakers, frab events.json + speakers.json).
   */
  companions: unknown[];
}
