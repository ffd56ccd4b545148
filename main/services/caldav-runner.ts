import type { CalendarObject } from '../../core/export/ical-split';
import type { CaldavStatus } from '../../core/host/calendar-contract';
import type { CaldavState, SyncOutcome } from './caldav-sync';

/** Time for the runner: injectable, so tests drive retries without waiting. */
export interface RunnerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: RunnerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CaldavRunnerDeps {
  clock: RunnerClock;
  /** One round against the server (bound to the account). */
  sync(objects: readonly CalendarObject[], state: CaldavState): Promise<SyncOutcome>;
  /** Turns a failure into a sentence for the user. */
  describe(error: unknown): string;
  /** Keeps the state between rounds and runs (caldav.json). */
  save(state: CaldavState, status: CaldavStatus): Promise<void>;
  state: CaldavState;
  /** The status shown until the first round ends (the last one saved). */
  status: CaldavStatus;
  /** The agenda known at start (the last published one), if any. */
  objects?: readonly CalendarObject[];
  /** The server already holds `objects` (a round just ran): wait for the next change. */
  isInStep?: boolean;
}

export interface CaldavRunner {
  /** A new agenda: kept in step at once (after a running round). */
  push(objects: readonly CalendarObject[]): void;
  /** Runs a round now (also before the retry time) and resolves when it ended. */
  syncNow(): Promise<CaldavStatus>;
  status(): CaldavStatus;
  stop(): void;
}

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 15 * 60_000;

/** The wait before retry `failures` (1, 2, …): 5 s doubling to 15 min. */
export function retryDelay(failures: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Keeps one CalDAV calendar in step with the agenda, in the background: one round at a
 * time, a new agenda during a round starts another after it, and a failed round is retried
 * after 5 s, 10 s, 20 s … up to 15 minutes (a new agenda or "Sync now" tries at once). Until
 * an agenda is known it does nothing, so an empty start never deletes what the server holds.
 */
export function startCaldavRunner(deps: CaldavRunnerDeps): CaldavRunner {
  let objects = deps.objects;
  let state = deps.state;
  let status: CaldavStatus = { ...deps.status, state: deps.status.state === 'syncing' ? 'ok' : deps.status.state };
  let failures = 0;
  let retry: unknown;
  let running: Promise<void> | undefined;
  let isDirty = false;
  let isStopped = false;
  const waiters: Array<(s: CaldavStatus) => void> = [];

  const round = async (): Promise<void> => {
    const current = objects;
    if (!current) return;
    status = { ...status, state: 'syncing' };
    try {
      const outcome = await deps.sync(current, state);
      state = outcome.state;
      failures = 0;
      const { message: _m, nextRetryAt: _n, ...rest } = status;
      status = { ...rest, state: 'ok', lastSyncAt: deps.clock.now(), events: outcome.events, calendarUrl: outcome.state.calendarUrl };
    } catch (error) {
      failures += 1;
      const nextRetryAt = deps.clock.now() + retryDelay(failures);
      status = { ...status, state: 'error', message: deps.describe(error), nextRetryAt };
      if (!isStopped) retry = deps.clock.setTimeout(kick, retryDelay(failures));
    }
    await deps.save(state, status).catch(() => undefined);
  };

  function kick(): void {
    if (isStopped) return;
    if (retry !== undefined) deps.clock.clearTimeout(retry);
    retry = undefined;
    if (running) {
      isDirty = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      if (isDirty && !isStopped) {
        isDirty = false;
        kick();
        return;
      }
      for (const resolve of waiters.splice(0)) resolve(status);
    });
  }

  if (objects && !deps.isInStep) kick();
  return {
    push: (next) => {
      objects = next;
      kick();
    },
    syncNow: () =>
      new Promise((resolve) => {
        if (!objects || isStopped) {
          resolve(status);
          return;
        }
        waiters.push(resolve);
        kick();
      }),
    status: () => status,
    stop: () => {
      isStopped = true;
      if (retry !== undefined) deps.clock.clearTimeout(retry);
      for (const resolve of waiters.splice(0)) resolve(status);
    },
  };
}
