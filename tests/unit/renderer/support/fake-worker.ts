import type { LanyardDb } from '../../../../renderer/src/db/schema';
import { createJobHandlers } from '../../../../renderer/src/engine/handlers';
import type { JobReply, JobRequest } from '../../../../renderer/src/engine/jobs';
import type { WorkerLike } from '../../../../renderer/src/engine/worker-engine';

/**
 * A stand-in for one sync worker: the real job handlers over its own state, answering
 * asynchronously through structuredClone, as across a worker boundary. A job `hangs` picks
 * never answers, like a worker stuck in a loop; only this test helper can do that.
 */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<JobReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  isTerminated = false;
  readonly received: JobRequest[] = [];
  private readonly handlers;

  constructor(db: LanyardDb, private readonly hangs: (request: JobRequest) => boolean) {
    this.handlers = createJobHandlers(db);
  }

  postMessage(request: JobRequest): void {
    this.received.push(request);
    if (this.hangs(request)) return;
    const handler = this.handlers[request.kind] as (args: unknown) => Promise<unknown>;
    handler(structuredClone(request.args)).then(
      (value) => this.answer({ id: request.id, ok: true, value: structuredClone(value) }),
      (error: unknown) => this.answer({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** The worker dies (an uncaught error, out of memory). */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }

  terminate(): void {
    this.isTerminated = true;
  }

  private answer(reply: JobReply): void {
    if (!this.isTerminated) this.onmessage?.({ data: reply } as MessageEvent<JobReply>);
  }
}

/** Timers the test fires by hand (the watchdog's budgets), with a clock that moves with them. */
export class ManualTimers {
  now = 0;
  private timers: Array<{ at: number; run: () => void; isCleared: boolean }> = [];

  set = (run: () => void, ms: number): unknown => {
    const timer = { at: this.now + ms, run, isCleared: false };
    this.timers.push(timer);
    return timer;
  };

  clear = (timer: unknown): void => {
    (timer as { isCleared: boolean }).isCleared = true;
  };

  /** Moves time on, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => !t.isCleared && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.isCleared = true;
      this.now = due.at;
      due.run();
    }
    this.now = end;
  }
}
