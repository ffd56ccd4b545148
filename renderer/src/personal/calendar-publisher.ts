import { liveQuery } from 'dexie';
import { create } from 'zustand';
import type { HostApi } from '../../../core/host/contract';
import type { LanyardDb } from '../db/schema';

/** The publisher's last problem, for *Your data › Live calendar* (undefined once a publish succeeds). */
export const useCalendarPublishProblem = create<{ problem: string | undefined }>(() => ({ problem: undefined }));

interface PublisherClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: PublisherClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CalendarPublisherDeps {
  db: LanyardDb;
  host: Pick<HostApi, 'publishAgenda'>;
  /**
   * The whole agenda as the live calendar's text (personal/live-agenda.ts). In the app the
   * engine runs it (it reads every starred conference's schedule and writes iCalendar with
   * ical.js: neither belongs on the UI thread); tests call it directly.
   */
  render: (now: number) => Promise<string>;
  clock?: PublisherClock;
  /** A burst of stars is one publish. */
  debounceMs?: number;
}

export interface CalendarPublisher {
  /** Publishes now if something is waiting; resolves when the host has it (tests, page hide). */
  flush(): Promise<void>;
  /** The last failure, in words, until a publish succeeds. */
  problem(): string | undefined;
  stop(): void;
}

const RETRY_FIRST_MS = 2_000;
const RETRY_LAST_MS = 5 * 60_000;

/**
 * Keeps the host's live calendar (webcal subscription and CalDAV) equal to the agenda: it
 * watches what the calendar is made of (stars, reminder settings, stored revisions), and after
 * each change, debounced, has the agenda written (`render`, in the engine) and hands
 * the text to the host when it differs from what the host has. The host has no IndexedDB, so
 * the page is where the agenda is computed; the host validates and splits it. A failed
 * publish is retried (2 s doubling to 5 min) and the next change publishes at once.
 */
export function startCalendarPublisher(deps: CalendarPublisherDeps): CalendarPublisher {
  const clock = deps.clock ?? browserClock;
  const debounceMs = deps.debounceMs ?? 800;
  let published: string | undefined;
  let timer: unknown;
  let failures = 0;
  let lastProblem: string | undefined;
  const report = (problem: string | undefined): void => {
    lastProblem = problem;
    useCalendarPublishProblem.setState({ problem });
  };
  let isStopped = false;
  let running: Promise<void> = Promise.resolve();

  const publish = async (): Promise<void> => {
    const ics = await deps.render(clock.now());
    if (ics === published || isStopped) return;
    const answer = await deps.host.publishAgenda({ ics });
    if (answer.ok) {
      published = ics;
      failures = 0;
      report(undefined);
      return;
    }
    failures += 1;
    report(`Your calendar subscription could not be updated: ${answer.error.message}`);
    schedule(Math.min(RETRY_LAST_MS, RETRY_FIRST_MS * 2 ** (failures - 1)));
  };

  const run = (): Promise<void> => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    running = running.then(publish).catch((error: unknown) => {
      report(`Your agenda could not be written as a calendar: ${error instanceof Error ? error.message : String(error)}`);
    });
    return running;
  };

  function schedule(ms: number): void {
    if (isStopped) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => void run(), ms);
  }

  // What the calendar is made of, read cheaply: the full agenda is only computed after the debounce.
  const subscription = liveQuery(async () => {
    const [agenda, prefs, conferences] = await Promise.all([deps.db.agenda.toArray(), deps.db.prefs.toArray(), deps.db.conferences.toArray()]);
    return JSON.stringify([agenda.filter((e) => e.star), prefs, conferences.map((c) => [c.id, c.storedAt, c.revision])]);
  }).subscribe({
    next: () => schedule(debounceMs),
    error: (error: unknown) => report(`Your agenda could not be read for the calendar: ${error instanceof Error ? error.message : String(error)}`),
  });

  return {
    flush: run,
    problem: () => lastProblem,
    stop: () => {
      isStopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      subscription.unsubscribe();
    },
  };
}
