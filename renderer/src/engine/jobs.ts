import type { FeedWarning } from '../../../core/errors';
import type { FormatId } from '../../../core/formats/sniff';
import type { Conference } from '../../../core/model/schema';
import type { IcsImport } from '../../../core/personal/ical-import';
import type { ApplyOptions, SyncOutcome, Validators } from '../sync/attempts';
import type { ConferenceSettings, SettingsOutcome } from '../sync/conference-settings';
import type { Candidate } from '../sync/subscribe';

/** Where a previewed feed came from (everything of a Candidate but the parsed feed). */
export type CandidateBase = Omit<Candidate, 'result' | 'text'>;

/** What the subscribe preview shows: small, so it crosses from the worker cheaply. */
export interface FeedSummary {
  conference: Pick<Conference, 'id' | 'title' | 'start' | 'end' | 'timeZone'>;
  sessions: number;
  speakers: number;
  rooms: number;
  format: FormatId;
  formatLabel: string;
  warnings: FeedWarning[];
}

/** The result of storing a previewed feed: the new conference's id, or why nothing was stored. */
export type StoreOutcome = { ok: true; id: string } | { ok: false; message: string };

/** A calendar file made for download. */
export interface CalendarFile {
  fileName: string;
  text: string;
  sessions: number;
}

/** What the agenda's .ics import found and starred. */
export type AgendaIcsOutcome = IcsImport & { starred: number; already: number };

/**
 * Every job the engine runs, with its arguments and its answer. Parsed feeds stay inside the
 * engine: only summaries and outcomes come back. A new kind of background parsing or writing
 * is one more entry here and one more handler in engine/handlers.ts.
 */
export interface EngineJobs {
  /** Parse, diff and store a fetched revision of one subscription (sync/apply.ts). */
  apply: { args: { subscriptionId: string; text: string; validators: Validators; now: number; options: ApplyOptions }; result: SyncOutcome };
  /** Read a feed for the subscribe preview; the parsed feed is kept under `key` for `subscribe`. */
  /** Decode a chosen or dropped file's bytes as feeds are (BOM, XML declaration, else UTF-8), so the decoder stays out of the UI. */
  decode: { args: { bytes: Uint8Array }; result: string };
  preview: { args: { key: string; text: string; base: CandidateBase }; result: { ok: true; summary: FeedSummary } | { ok: false; message: string } };
  /** Store the previewed feed kept under `key`. */
  subscribe: { args: { key: string; now: number }; result: StoreOutcome };
  /** Rename a conference and/or change its zone, reading its stored feed text again (`text`: downloaded by the page when none is stored). */
  settings: { args: { id: string; settings: ConferenceSettings; now: number; text?: string | undefined }; result: SettingsOutcome };
  /** Read a stored conference again with the name and zone its subscription now has (changed on another computer). */
  resettle: { args: { id: string; now: number }; result: SettingsOutcome };
  /** Add the built-in sample conference when it is missing. */
  sample: { args: { now: number }; result: null };
  /** Read an .ics agenda and star the sessions it matches. Throws FeedError for an unreadable file. */
  agendaIcs: { args: { text: string; now: number }; result: AgendaIcsOutcome };
  /** The agenda (all conferences, or one) as an .ics file; null when nothing is starred. */
  agendaIcsExport: { args: { now: number; conferenceId?: string | undefined }; result: CalendarFile | null };
  /** The whole agenda as the live calendar's text (webcal and CalDAV; personal/live-agenda.ts). */
  agendaLive: { args: { now: number }; result: string };
  /** One session as an .ics file; null when it is not stored. */
  sessionIcsExport: { args: { now: number; conferenceId: string; sessionId: string }; result: CalendarFile | null };
}

/** The name of a job, and its arguments and result by name. */
export type JobKind = keyof EngineJobs;
export type JobArgs<K extends JobKind> = EngineJobs[K]['args'];
export type JobResult<K extends JobKind> = EngineJobs[K]['result'];

/** A job's answer: its result, or why there is none (the handler threw, the worker crashed or ran past its budget). */
export type JobAnswer<K extends JobKind> = { ok: true; value: JobResult<K> } | { ok: false; message: string; reason: 'failed' | 'crashed' | 'timeout' | 'gone' };

/** How a job is placed: `holds` keeps state for a later job; `needs` must run where that state is. */
export interface JobPlacement {
  holds?: string | undefined;
  needs?: string | undefined;
}

/**
 * The one interface to the parsing engine. In the app it is the sync worker (engine/worker-engine.ts,
 * with its watchdog); in unit tests the same handlers run in this process (engine/in-process.ts).
 * The UI never imports a parser: the importers, ical.js and the sanitiser are in the worker bundle.
 */
export interface Engine {
  run<K extends JobKind>(kind: K, args: JobArgs<K>, placement?: JobPlacement): Promise<JobAnswer<K>>;
  dispose(): void;
}

/** The answer to a job after the engine was stopped (the app closing, or its storage cleared under it). */
export const ENGINE_STOPPED = 'Lanyard’s background work was stopped; reload the page';

/** A message to a worker: one job. */
export interface JobRequest {
  id: number;
  kind: JobKind;
  args: unknown;
}

/** A worker's answer to one job. */
export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** A job's result, or an Error saying why there is none (for callers that report errors by catching). */
export function resultOf<K extends JobKind>(answer: JobAnswer<K>): JobResult<K> {
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}
