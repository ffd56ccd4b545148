import { liveQuery } from 'dexie';
import type { HostApi } from '../../../core/host/contract';
import { isEffectivelyEmpty, stableJson } from '../../../core/personal/io';
import type { PersonalData } from '../../../core/personal/model';
import { collectPersonalData, isPersonalStoreEmpty, writePersonalRows, type WriteSummary } from '../db/personal-data';
import type { LanyardDb } from '../db/schema';

export type MirrorHost = Pick<HostApi, 'readMirror' | 'writeMirror'>;

/** Two datasets with the same signature hold the same personal data (the save time aside). */
function signatureOf(data: PersonalData): string {
  return stableJson({ ...data, savedAt: 0 });
}

export interface RestoreOutcome {
  /** Set when rows were put back from the mirror. */
  restored?: { summary: WriteSummary; data: PersonalData; writtenAt: number | undefined; fromPrevious: boolean };
  /** A problem with the mirror files worth telling the user (damaged copy kept aside, host unreachable). */
  problem?: string;
  /** Set (to the same words) when the store is empty and backup files existed but nothing could be restored from them. */
  unrestorable?: string;
  /** The signature of what the mirror holds now, so an unchanged dataset is not written again. */
  mirrorSignature?: string;
}

/**
 * At start, before anything else writes to the database (the built-in sample included): when
 * the browser store holds nothing personal but the mirror file does, the store was wiped
 * (disk full, profile reset), so everything is put back from the mirror.
 */
export async function restoreFromMirror(db: LanyardDb, mirror: MirrorHost): Promise<RestoreOutcome> {
  const answer = await mirror.readMirror();
  if (!answer.ok) return { problem: `The backup copy of your data could not be read: ${answer.error.message}` };
  const { data, source, problem, writtenAt } = answer.value;
  const outcome: RestoreOutcome = {};
  if (problem && source !== 'current') outcome.problem = problem;
  // A damaged current file is moved aside by the host: write a fresh one even if nothing changes.
  if (data && source === 'current') outcome.mirrorSignature = signatureOf(data);
  const isStoreEmpty = await isPersonalStoreEmpty(db);
  // Backup files existed but none could be read, and the store has nothing either: say what was lost.
  if (problem && source === 'none' && isStoreEmpty) outcome.unrestorable = problem;
  if (!data || isEffectivelyEmpty(data) || !isStoreEmpty) return outcome;
  const summary = await writePersonalRows(db, data);
  outcome.restored = { summary, data, writtenAt, fromPrevious: source === 'previous' };
  return outcome;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The sentence shown after a restore. */
export function restoreMessage(restored: NonNullable<RestoreOutcome['restored']>, formatTime: (ms: number) => string): string {
  const { data, summary } = restored;
  const starred = data.agenda.filter((e) => e.star).length;
  const notes = data.agenda.filter((e) => e.note).length;
  const parts = [plural(starred, 'starred session'), ...(notes ? [plural(notes, 'note')] : []), plural(data.subscriptions.length, 'conference')];
  if (data.watchLater.length) parts.push(plural(data.watchLater.length, 'recording', 'recordings') + ' to watch');
  let text = `Your agenda was restored from the backup copy${restored.writtenAt ? ` saved ${formatTime(restored.writtenAt)}` : ''}: ${parts.join(', ')}.`;
  if (restored.fromPrevious) text += ' The latest backup was damaged, so the copy before it was used.';
  if (summary.subscriptionsAdded.length) text += ' Conferences are downloaded again from their feeds.';
  if (summary.needFile.length) {
    text += ` Conferences you added from a file need that file again (+ Add conference): ${summary.needFile.map((s) => s.fileName ?? s.id).join(', ')}.`;
  }
  return text;
}

/** The first wait before a failed write is tried again; it doubles after each failure… */
export const RETRY_FIRST_MS = 1_000;
/** …up to this (5 minutes), and is tried at once when the network or the page comes back. */
export const RETRY_MAX_MS = 5 * 60_000;

export interface WriteFailure {
  /** The host's error code (`ENOSPC`, `EACCES`, `UNREACHABLE`…), when it gave one. */
  code?: string;
  /** When the same data is tried again; undefined when it is not (an empty set refused). */
  retryInMs?: number;
}

interface WriterEvents {
  onWritten(result: { path: string; writtenAt: number }): void;
  onFailed(message: string, failure: WriteFailure): void;
  /** After failures: the file holds the newest data again without a write (the changes were undone). */
  onCaughtUp?(): void;
}

/** Timers the writer uses; injected by tests (fake timers stall IndexedDB). */
export interface WriterTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: WriterTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `retry` when the network comes back or the page becomes visible again. */
function browserWakeups(retry: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
  const visible = (): void => {
    if (document.visibilityState === 'visible') retry();
  };
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('online', retry);
    document.removeEventListener('visibilitychange', visible);
  };
}

export interface MirrorWriterOptions {
  debounceMs?: number;
  initialSignature?: string;
  events: WriterEvents;
  timers?: WriterTimers;
  /** Registers the "try again now" triggers; by default the browser's `online` and visibility events. */
  wakeups?: (retry: () => void) => () => void;
}

export interface MirrorWriter {
  /** Writes now if a change is waiting (page hide), also one waiting for its retry. */
  flush(): void;
  /**
   * Writes the current data now, allowing an empty set over a non-empty mirror: only for
   * when the user deliberately cleared their data. Throws when this first attempt fails;
   * the cleared data is then retried like any other write.
   */
  writeCleared(): Promise<void>;
  stop(): void;
}

interface Job {
  data: PersonalData;
  allowEmpty: boolean;
}

/** A failed host write, with the host's error code. */
class WriteFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const asFailure = (error: unknown): WriteFailed =>
  error instanceof WriteFailed ? error : new WriteFailed(error instanceof Error ? error.message : String(error), undefined);

/**
 * Mirrors personal data to the host whenever it changes: the four personal tables are
 * watched with a live query, writes are debounced (a burst of stars is one write) and
 * skipped when nothing personal changed (sync touching a subscription's validators is not a
 * change). An empty dataset is never forced over a non-empty mirror: the host refuses it.
 *
 * A write that fails (host unreachable, disk full, folder not writable) is never dropped: the
 * data stays pending and is tried again after 1 s, 2 s, 4 s… up to every 5 minutes, and at
 * once when the network or the page comes back, until it is written. Changes made meanwhile
 * replace the pending data (it is always the whole dataset), so the newest is what lands.
 */
export function startMirrorWriter(db: LanyardDb, mirror: MirrorHost, options: MirrorWriterOptions): MirrorWriter {
  const debounceMs = options.debounceMs ?? 1_000;
  const timers = options.timers ?? REAL_TIMERS;
  const events = options.events;
  let written = options.initialSignature;
  /** The newest dataset the live query delivered; a retry always writes this, never an older one. */
  let latest: PersonalData | undefined;
  /** `latest` differs from what the file holds. */
  let dirty = false;
  /** The user cleared their data: the next write may empty the file (kept until one succeeds). */
  let allowEmpty = false;
  let timer: unknown;
  let failures = 0;
  let writing = Promise.resolve();
  let stopped = false;

  const schedule = (ms: number): void => {
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(write, ms);
  };
  const cancelTimer = (): void => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };

  /** The file holds the newest data again (written, or the data went back to what it holds). */
  const caughtUp = (): void => {
    if (failures === 0) return;
    failures = 0;
    events.onCaughtUp?.();
  };

  const failed = (error: WriteFailed): void => {
    if (error.code === 'EMPTY_REFUSED') {
      events.onFailed(error.message, { code: error.code });
      return;
    }
    dirty = true;
    failures += 1;
    const retryInMs = Math.min(RETRY_FIRST_MS * 2 ** Math.min(failures - 1, 20), RETRY_MAX_MS);
    if (!stopped) schedule(retryInMs);
    events.onFailed(error.message, { ...(error.code ? { code: error.code } : {}), retryInMs });
  };

  const attempt = async (job: Job): Promise<void> => {
    const signature = signatureOf(job.data);
    if (signature === written && !job.allowEmpty) {
      caughtUp();
      return;
    }
    const answer = await mirror.writeMirror(job.data, job.allowEmpty ? { allowEmpty: true } : {});
    if (!answer.ok) throw new WriteFailed(answer.error.message, answer.error.code);
    written = signature;
    if (job.allowEmpty) allowEmpty = false;
    failures = 0;
    events.onWritten(answer.value);
  };

  function write(): void {
    cancelTimer();
    if (!dirty || !latest || stopped) return;
    dirty = false;
    const job: Job = { data: latest, allowEmpty };
    writing = writing.then(async () => {
      try {
        await attempt(job);
        // Changes that arrived while this write was under way go out after the usual pause.
        if (dirty && timer === undefined && !stopped) schedule(debounceMs);
      } catch (error) {
        failed(asFailure(error));
      }
    });
  }

  const retryNow = (): void => {
    if (failures > 0 && dirty && !stopped) write();
  };
  const stopWakeups = (options.wakeups ?? browserWakeups)(retryNow);

  const subscription = liveQuery(() => collectPersonalData(db, Date.now())).subscribe({
    next: ({ data }) => {
      if (stopped) return;
      latest = data;
      if (signatureOf(data) === written && !allowEmpty) {
        dirty = false;
        cancelTimer();
        caughtUp();
        return;
      }
      dirty = true;
      // While failing, the retry timer stands; it writes the newest data.
      if (failures === 0 || timer === undefined) schedule(debounceMs);
    },
    error: (error: unknown) => events.onFailed(`Your data could not be read for the backup copy: ${error instanceof Error ? error.message : String(error)}`, {}),
  });

  return {
    flush: write,
    writeCleared: async () => {
      cancelTimer();
      dirty = false;
      await writing;
      const { data } = await collectPersonalData(db, Date.now());
      latest = data;
      allowEmpty = true;
      try {
        await attempt({ data, allowEmpty: true });
      } catch (error) {
        const failure = asFailure(error);
        failed(failure);
        throw failure;
      }
    },
    stop: () => {
      stopped = true;
      cancelTimer();
      stopWakeups();
      subscription.unsubscribe();
    },
  };
}
