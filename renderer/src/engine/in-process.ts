// The testing variant of the engine (as Actual Budget's index.testing.ts): the same handlers
// the worker runs, in this process. Only unit tests and tools import it; the app never does.
import type { LanyardDb } from '../db/schema';
import { createJobHandlers } from './handlers';
import { ENGINE_STOPPED, type Engine, type JobAnswer, type JobArgs, type JobKind } from './jobs';

/**
 * Runs every job in this process, with the handlers the workers run. Arguments and answers
 * go through structuredClone, as they would across the worker boundary, so a test cannot pass
 * something the real engine could not. (No watchdog here: a job cannot be stopped in-process;
 * the watchdog is tested on the worker engine with a stand-in worker.)
 */
export function createInProcessEngine(db: LanyardDb): Engine {
  const handlers = createJobHandlers(db);
  let isDisposed = false;
  return {
    async run<K extends JobKind>(kind: K, args: JobArgs<K>): Promise<JobAnswer<K>> {
      if (isDisposed) return { ok: false, message: ENGINE_STOPPED, reason: 'gone' };
      const handler = handlers[kind] as (a: JobArgs<K>) => Promise<JobAnswer<K> extends { value: infer V } ? V : never>;
      try {
        const value = await handler(structuredClone(args));
        return { ok: true, value: structuredClone(value) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error), reason: 'failed' };
      }
    },
    dispose: () => {
      isDisposed = true;
    },
  };
}
