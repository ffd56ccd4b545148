// The app's variant of the engine (as Actual Budget's index.web.ts): jobs run in sync workers,
// watched by a watchdog. Every job gets a worker that is doing nothing else; a job past its
// budget has its worker terminated and is answered "took too long", for that job alone.
import { JOB_BUDGET_MS, STALL_MS } from './budgets';
import { ENGINE_STOPPED, type Engine, type JobAnswer, type JobArgs, type JobKind, type JobPlacement, type JobReply, type JobRequest } from './jobs';

/** The parts of a Worker the engine uses (a real Worker, or a test's stand-in). */
export interface WorkerLike {
  postMessage(message: JobRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<JobReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** How the worker engine starts workers and keeps time (tests pass a stand-in worker and manual timers). */
export interface WorkerEngineOptions {
  spawn: () => WorkerLike;
  /** Budget per job kind (engine/budgets.ts). */
  budgets?: Readonly<Record<JobKind, number>>;
  /** Workers that may be busy at once before a new job waits (a stalled job does not count). */
  poolSize?: number;
  /** Never more workers than this, stalled or not. */
  maxWorkers?: number;
  stallMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Job {
  id: number;
  kind: JobKind;
  args: unknown;
  placement: JobPlacement;
  settle: (answer: JobAnswer<JobKind>) => void;
  startedAt?: number;
  timer?: unknown;
}

interface Slot {
  worker: WorkerLike;
  job: Job | undefined;
  /** Keys of state this worker holds for later jobs (previews waiting for Subscribe). */
  keys: Set<string>;
}

const HELD_KEYS = 3;

/** What a job was doing, for the words when it is stopped. */
const DOING: Readonly<Record<JobKind, string>> = {
  apply: 'Reading this feed',
  decode: 'Reading this file',
  preview: 'Reading this feed',
  subscribe: 'Storing this conference',
  settings: 'Reading this feed in its new time zone',
  resettle: 'Reading this feed with the name and time zone set on another computer',
  sample: 'Adding the built-in sample',
  agendaIcs: 'Reading this calendar',
  agendaIcsExport: 'Making the calendar file',
  sessionIcsExport: 'Making the calendar file',
  agendaLive: 'Writing your agenda for your calendar',
};

/** Starts workers as jobs need them, up to the pool size; see WorkerEngineOptions. */
export function createWorkerEngine(options: WorkerEngineOptions): Engine {
  const budgets = options.budgets ?? JOB_BUDGET_MS;
  const poolSize = options.poolSize ?? 2;
  const maxWorkers = options.maxWorkers ?? 4;
  const stallMs = options.stallMs ?? STALL_MS;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const slots: Slot[] = [];
  const queue: Job[] = [];
  /** Which worker holds each key, oldest first. */
  const holders = new Map<string, Slot>();
  let nextId = 1;
  let isDisposed = false;
  let stallTimer: unknown;

  const isStalled = (slot: Slot): boolean => slot.job?.startedAt !== undefined && now() - slot.job.startedAt >= stallMs;

  function finish(slot: Slot, answer: JobAnswer<JobKind>): void {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    if (job.timer !== undefined) clearTimer(job.timer);
    if (answer.ok && job.placement.holds) hold(slot, job.placement.holds);
    job.settle(answer);
    dispatch();
  }

  function hold(slot: Slot, key: string): void {
    holders.delete(key);
    holders.set(key, slot);
    slot.keys.add(key);
    for (const [old, holder] of holders) {
      if (holders.size <= HELD_KEYS) break;
      holders.delete(old);
      holder.keys.delete(old);
    }
  }

  /** Ends a worker (crashed, stuck or no longer needed): its job gets `answer`, what it held is gone. */
  function drop(slot: Slot, answer?: JobAnswer<JobKind>): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.onmessageerror = null;
    slot.worker.terminate();
    for (const key of slot.keys) holders.delete(key);
    slot.keys.clear();
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      if (job.timer !== undefined) clearTimer(job.timer);
      job.settle(answer ?? { ok: false, message: 'The sync worker stopped', reason: 'crashed' });
    }
    dispatch();
  }

  function start(): Slot {
    const slot: Slot = { worker: options.spawn(), job: undefined, keys: new Set() };
    slot.worker.onmessage = (event) => {
      const reply = event.data;
      if (reply.id !== slot.job?.id) return;
      finish(slot, reply.ok ? { ok: true, value: reply.value as never } : { ok: false, message: reply.message, reason: 'failed' });
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      drop(slot, { ok: false, message: `The sync worker stopped (${event.message || 'it could not be started'})`, reason: 'crashed' });
    };
    slot.worker.onmessageerror = () => drop(slot, { ok: false, message: 'The sync worker sent an unreadable answer', reason: 'crashed' });
    slots.push(slot);
    return slot;
  }

  function send(slot: Slot, job: Job): void {
    slot.job = job;
    job.startedAt = now();
    const budget = budgets[job.kind];
    job.timer = setTimer(() => {
      if (slot.job !== job) return;
      const seconds = Math.round(budget / 1000);
      drop(slot, { ok: false, message: `${DOING[job.kind]} took too long (over ${seconds} s) and was stopped`, reason: 'timeout' });
    }, budget);
    slot.worker.postMessage({ id: job.id, kind: job.kind, args: job.args });
  }

  /** Gives waiting jobs to idle workers, starting workers while the pool has room. */
  function dispatch(): void {
    if (stallTimer !== undefined) clearTimer(stallTimer);
    stallTimer = undefined;
    for (let i = 0; i < queue.length; ) {
      const job = queue[i]!;
      const slot = placeFor(job);
      if (slot === 'wait') {
        i += 1;
        continue;
      }
      queue.splice(i, 1);
      if (slot === 'gone') job.settle({ ok: false, message: 'the preview is gone; read the feed again', reason: 'gone' });
      else send(slot, job);
    }
    // A job waiting for room: look again when the oldest running job counts as stalled.
    if (queue.length > 0) {
      const running = slots.flatMap((s) => (s.job?.startedAt !== undefined && !isStalled(s) ? [s.job.startedAt] : []));
      if (running.length > 0) stallTimer = setTimer(dispatch, Math.max(0, Math.min(...running) + stallMs - now()));
    }
  }

  function placeFor(job: Job): Slot | 'wait' | 'gone' {
    const { needs } = job.placement;
    if (needs !== undefined) {
      const holder = holders.get(needs);
      if (!holder) return 'gone';
      return holder.job ? 'wait' : holder;
    }
    // Prefer a worker holding nothing, so a waiting preview's worker stays free for its Subscribe.
    const idle = slots.filter((s) => !s.job);
    const free = idle.find((s) => s.keys.size === 0) ?? idle[0];
    if (free) return free;
    const counted = slots.filter((s) => !isStalled(s)).length;
    return counted < poolSize && slots.length < maxWorkers ? start() : 'wait';
  }

  /** Idle workers beyond the first that hold nothing are ended, so memory goes back after a burst. */
  function trim(): void {
    for (const slot of [...slots]) {
      if (slots.length <= 1) break;
      if (!slot.job && slot.keys.size === 0) drop(slot);
    }
  }

  return {
    run<K extends JobKind>(kind: K, args: JobArgs<K>, placement: JobPlacement = {}): Promise<JobAnswer<K>> {
      if (isDisposed) return Promise.resolve({ ok: false, message: ENGINE_STOPPED, reason: 'gone' });
      return new Promise<JobAnswer<K>>((resolve) => {
        const job: Job = {
          id: nextId++,
          kind,
          args,
          placement,
          settle: (answer) => {
            resolve(answer);
            queueMicrotask(trim);
          },
        };
        queue.push(job);
        dispatch();
      });
    },
    dispose: () => {
      isDisposed = true;
      for (const job of queue.splice(0)) job.settle({ ok: false, message: ENGINE_STOPPED, reason: 'gone' });
      for (const slot of [...slots]) drop(slot, { ok: false, message: ENGINE_STOPPED, reason: 'gone' });
      if (stallTimer !== undefined) clearTimer(stallTimer);
    },
  };
}
