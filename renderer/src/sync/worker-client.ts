import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Omits `id` from each member of a union. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (reply: WorkerReply) => void>();

/**
 * A worker that fails to load or crashes must not leave anything waiting forever: every
 * request in flight is answered `crashed`, and the next request starts a fresh worker.
 */
function failAll(message: string): void {
  worker?.terminate();
  worker = undefined;
  const waiting = [...pending];
  pending.clear();
  for (const [id, settle] of waiting) settle({ id, crashed: message });
}

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      failAll(`The sync worker stopped (${event.message || 'it could not be started'})`);
    };
    worker.onmessageerror = () => failAll('The sync worker sent an unreadable answer');
  }
  return worker;
}

/** Sends one request to the sync worker; undefined where there are no workers (run it inline then). */
export function askWorker(request: WithoutId<WorkerRequest>): Promise<WorkerReply> | undefined {
  const w = getWorker();
  if (!w) return undefined;
  const id = nextId++;
  return new Promise<WorkerReply>((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ ...request, id });
  });
}
