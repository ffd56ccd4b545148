import type { Engine } from './jobs';
import { createWorkerEngine } from './worker-engine';

/** The app's engine: sync workers built from engine/worker.ts, under the watchdog. */
export function createAppEngine(): Engine {
  return createWorkerEngine({ spawn: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) });
}
