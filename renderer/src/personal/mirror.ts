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
  if (!data || isEffectivelyEmpty(data) || !(await isPersonalStoreEmpty(db))) return outcome;
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

export interface WriterEvents {
  onWritten(result: { path: string; writtenAt: number }): void;
  onFailed(message: string): void;
}

export interface MirrorWriter {
  /** Writes now if a change is waiting (page hide). */
  flush(): void;
  /**
   * Writes the current data now, allowing an empty set over a non-empty mirror: only for
   * when the user deliberately cleared their data.
   */
  writeCleared(): Promise<void>;
  stop(): void;
}

/**
 * Mirrors personal data to the host whenever it changes: the four personal tables are
 * watched with a live query, writes are debounced (a burst of stars is one write) and
 * skipped when nothing personal changed (sync touching a subscription's validators is not a
 * change). An empty dataset is never forced over a non-empty mirror: the host refuses it.
 */
export function startMirrorWriter(db: LanyardDb, mirror: MirrorHost, options: { debounceMs?: number; initialSignature?: string; events: WriterEvents }): MirrorWriter {
  const debounceMs = options.debounceMs ?? 1_000;
  let written = options.initialSignature;
  let pending: PersonalData | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = Promise.resolve();
  let stopped = false;

  const write = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const data = pending;
    pending = undefined;
    if (!data || stopped) return;
    const signature = signatureOf(data);
    writing = writing.then(async () => {
      if (signature === written) return;
      const answer = await mirror.writeMirror(data, {});
      if (answer.ok) {
        written = signature;
        options.events.onWritten(answer.value);
      } else options.events.onFailed(answer.error.message);
    });
  };

  const subscription = liveQuery(() => collectPersonalData(db, Date.now())).subscribe({
    next: ({ data }) => {
      if (stopped || signatureOf(data) === written) return;
      pending = data;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(write, debounceMs);
    },
    error: (error: unknown) => options.events.onFailed(`Your data could not be read for the backup copy: ${error instanceof Error ? error.message : String(error)}`),
  });

  return {
    flush: write,
    writeCleared: async () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      await writing;
      const { data } = await collectPersonalData(db, Date.now());
      const answer = await mirror.writeMirror(data, { allowEmpty: true });
      if (!answer.ok) throw new Error(answer.error.message);
      written = signatureOf(data);
      options.events.onWritten(answer.value);
    },
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      subscription.unsubscribe();
    },
  };
}
