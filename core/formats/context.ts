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
  /**
   * The address the feed was fetched from: the base for relative links and attachments
   * when the feed names no base URL of its own.
   */
  sourceUrl?: string | undefined;
}
