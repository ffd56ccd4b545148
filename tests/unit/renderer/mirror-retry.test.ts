import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostError, HostResult } from '../../../core/host/contract';
import { backupBannerText, backupProblemOf } from '../../../core/personal/backup-words';
import { createMirrorFile, type MirrorFile } from '../../../main/services/mirror-file';
import { clearPersonalRows } from '../../../renderer/src/db/personal-data';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { RETRY_FIRST_MS, RETRY_MAX_MS, startMirrorWriter, type MirrorHost, type MirrorWriter, type WriteFailure, type WriterTimers } from '../../../renderer/src/personal/mirror';
import { agendaEntry } from '../support/personal';

/** Timers the test fires by hand: the writer's debounce and retry waits, with their delays. */
class ManualTimers implements WriterTimers {
  private next = 0;
  private readonly waiting = new Map<number, { run: () => void; ms: number }>();
  set(run: () => void, ms: number): unknown {
    this.next += 1;
    this.waiting.set(this.next, { run, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.waiting.delete(handle as number);
  }
  /** The delays of the timers now waiting. */
  delays(): number[] {
    return [...this.waiting.values()].map((t) => t.ms);
  }
  /** Fires the one waiting timer (the writer never has more than one). */
  fire(): number {
    const entries = [...this.waiting.entries()];
    expect(entries).toHaveLength(1);
    const [id, timer] = entries[0]!;
    this.waiting.delete(id);
    timer.run();
    return timer.ms;
  }
}

let db: LanyardDb;
let dir: string;
let file: MirrorFile;
let n = 0;
let writer: MirrorWriter | undefined;

beforeEach(async () => {
  n += 1;
  db = new LanyardDb(`mirror-retry-${n}`);
  await db.open();
  dir = mkdtempSync(join(tmpdir(), 'lanyard-mirror-retry-'));
  file = createMirrorFile(dir);
});
afterEach(async () => {
  writer?.stop();
  writer = undefined;
  db.close();
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

/** The real mirror file behind a host that fails with `fault` while it is set. */
function faultyHost(): { host: MirrorHost; calls: () => number; fault: HostError | undefined; setFault: (f: HostError | undefined) => void } {
  let calls = 0;
  const state: { fault: HostError | undefined } = { fault: undefined };
  const host: MirrorHost = {
    readMirror: async () => ({ ok: true, value: await file.read() }),
    writeMirror: async (data, options): Promise<HostResult<{ path: string; writtenAt: number; bytes: number }>> => {
      calls += 1;
      if (state.fault) return { ok: false, error: state.fault };
      try {
        return { ok: true, value: await file.write(data, options) };
      } catch (error) {
        return { ok: false, error: { message: (error as Error).message, code: (error as { code?: string }).code } };
      }
    },
  };
  return {
    host,
    calls: () => calls,
    get fault() {
      return state.fault;
    },
    setFault: (f) => {
      state.fault = f;
    },
  };
}

const DISK_FULL: HostError = { message: 'ENOSPC: no space left on device, write', code: 'ENOSPC' };

function start(host: MirrorHost, timers: ManualTimers, wakeups?: (retry: () => void) => () => void) {
  const failures: Array<{ message: string } & WriteFailure> = [];
  const written: number[] = [];
  const caughtUp: number[] = [];
  writer = startMirrorWriter(db, host, {
    debounceMs: 25,
    timers,
    wakeups: wakeups ?? (() => () => undefined),
    events: {
      onWritten: ({ writtenAt }) => written.push(writtenAt),
      onFailed: (message, failure) => failures.push({ message, ...failure }),
      onCaughtUp: () => caughtUp.push(failures.length),
    },
  });
  return { failures, written, caughtUp };
}

const starred = async (): Promise<string[]> => ((await file.read()).data?.agenda ?? []).map((e) => e.sessionId).sort();

describe('the backup writer retries failed writes', () => {
  it('keeps the data through a full disk, backing off from 1 s to 5 min, and writes every star made meanwhile once the fault clears', async () => {
    const timers = new ManualTimers();
    const host = faultyHost();
    const { failures, written } = start(host.host, timers);
    host.setFault(DISK_FULL);
    await db.agenda.put(agendaEntry('c', 's1'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]).toEqual({ message: DISK_FULL.message, code: 'ENOSPC', retryInMs: RETRY_FIRST_MS });

    // Each failure doubles the wait, up to five minutes.
    const waits: number[] = [];
    for (let k = 1; k <= 11; k += 1) {
      waits.push(timers.fire());
      await expect.poll(() => failures.length).toBe(k + 1);
      if (k === 3) await db.agenda.put(agendaEntry('c', 's2'));
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, RETRY_MAX_MS, RETRY_MAX_MS]);
    // A change made while failing did not start a write of its own: the retry timer stands.
    expect(timers.delays()).toEqual([RETRY_MAX_MS]);
    expect(await starred()).toEqual([]);

    host.setFault(undefined);
    timers.fire();
    await expect.poll(() => written.length).toBe(1);
    expect(await starred()).toEqual(['s1', 's2']);
    // Back to normal: the next change is debounced again, with no retry waiting.
    expect(timers.delays()).toEqual([]);
    await db.agenda.put(agendaEntry('c', 's3'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => written.length).toBe(2);
    expect(await starred()).toEqual(['s1', 's2', 's3']);
  });

  it('tries again at once when the network or the page comes back', async () => {
    const timers = new ManualTimers();
    const host = faultyHost();
    let wake: (() => void) | undefined;
    const { failures, written } = start(host.host, timers, (retry) => {
      wake = retry;
      return () => undefined;
    });
    host.setFault({ message: 'Lanyard’s background service is not reachable', code: 'UNREACHABLE' });
    await db.agenda.put(agendaEntry('c', 's1'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => failures.length).toBe(1);
    expect(timers.delays()).toEqual([RETRY_FIRST_MS]);
    host.setFault(undefined);
    wake!();
    await expect.poll(() => written.length).toBe(1);
    expect(timers.delays()).toEqual([]);
    expect(await starred()).toEqual(['s1']);
  });

  it('stops retrying, and says the backup is up to date, when the change that failed is undone', async () => {
    const timers = new ManualTimers();
    const host = faultyHost();
    const { failures, written, caughtUp } = start(host.host, timers);
    await db.agenda.put(agendaEntry('c', 's1'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => written.length).toBe(1);
    host.setFault(DISK_FULL);
    await db.agenda.put(agendaEntry('c', 's2'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => failures.length).toBe(1);
    expect(timers.delays()).toEqual([RETRY_FIRST_MS]);
    // The star that could not be saved is taken back: the file already holds exactly this.
    await db.agenda.delete(['c', 's2']);
    await expect.poll(() => caughtUp).toEqual([1]);
    expect(timers.delays()).toEqual([]);
    expect(host.calls()).toBe(2);
    expect(await starred()).toEqual(['s1']);
  });

  it('does not retry a refusal to empty the backup (a decision, not a fault)', async () => {
    const timers = new ManualTimers();
    const host = faultyHost();
    const { failures, written } = start(host.host, timers);
    await db.agenda.put(agendaEntry('c', 's1'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => written.length).toBe(1);
    await db.agenda.clear();
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]).toMatchObject({ code: 'EMPTY_REFUSED' });
    expect(failures[0]!.retryInMs).toBeUndefined();
    expect(timers.delays()).toEqual([]);
    expect(await starred()).toEqual(['s1']);
  });

  it('retries a deliberate clear until it is written, still allowed to empty the backup', async () => {
    const timers = new ManualTimers();
    const host = faultyHost();
    const { failures, written } = start(host.host, timers);
    await db.agenda.put(agendaEntry('c', 's1'));
    await expect.poll(() => timers.delays()).toEqual([25]);
    timers.fire();
    await expect.poll(() => written.length).toBe(1);
    host.setFault({ message: 'EACCES: permission denied', code: 'EACCES' });
    await clearPersonalRows(db);
    await expect(writer!.writeCleared()).rejects.toThrow('EACCES');
    expect(failures.at(-1)).toMatchObject({ code: 'EACCES', retryInMs: RETRY_FIRST_MS });
    host.setFault(undefined);
    timers.fire();
    await expect.poll(() => written.length).toBe(2);
    expect(await starred()).toEqual([]);
  });
});

describe('what the shell says while the backup is not written', () => {
  it('names the cause in plain words', () => {
    expect(backupBannerText(backupProblemOf('ENOSPC'))).toBe('Your stars and notes are not backed up yet: the disk is full. Lanyard keeps trying.');
    expect(backupBannerText(backupProblemOf('EACCES'))).toBe('Your stars and notes are not backed up yet: Lanyard is not allowed to write to its data folder. Lanyard keeps trying.');
    expect(backupBannerText(backupProblemOf('UNREACHABLE'))).toBe('Your stars and notes are not backed up yet: Lanyard’s background service is not answering. Lanyard keeps trying.');
    expect(backupBannerText(backupProblemOf('EIO'))).toBe('Your stars and notes are not backed up yet: the backup file could not be written. Lanyard keeps trying.');
  });
});
