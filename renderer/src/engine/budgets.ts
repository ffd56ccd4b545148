import type { JobKind } from './jobs';

/**
 * How long one job may run in the sync worker before the watchdog stops it (milliseconds).
 *
 * The largest feed Lanyard accepts is 32 MB. FOSDEM 2020 (2.1 MB, 1,000 sessions), the
 * largest real feed in the test corpus, is read, diffed and stored in the worker in about
 * 0.2 s on the 2-core development machine (`npm run bench`), so a 32 MB feed takes about
 * 3 s there; a machine five times slower and three times as busy needs about 45 s. A job
 * still running after 60 s is therefore not slow but stuck (a feed that makes a loop never
 * end), and the user is better served by "reading this feed took too long" than by a
 * preview that says "Reading…" forever. Storing a previewed feed and the built-in sample
 * only write; the .ics agenda files are a few hundred kilobytes.
 */
export const JOB_BUDGET_MS: Readonly<Record<JobKind, number>> = {
  apply: 60_000,
  decode: 30_000,
  preview: 60_000,
  subscribe: 60_000,
  settings: 60_000,
  resettle: 60_000,
  sample: 30_000,
  agendaIcs: 60_000,
  agendaIcsExport: 60_000,
  agendaLive: 60_000,
  sessionIcsExport: 30_000,
};

/**
 * A job running longer than this no longer holds its worker's place in the pool: the next
 * job gets a worker of its own, so one stuck feed never makes another conference wait for
 * the watchdog.
 */
export const STALL_MS = 3_000;
