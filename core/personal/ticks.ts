import { SLEEP_GAP_MS } from './reminders';

/**
 * Runs alert ticks one at a time: a tick asked for while one runs waits, and runs once when it
 * ends, at the then current time. Every request shows the machine was awake at that moment, so
 * a tick that only waited for a slow one is never taken for a wake from sleep: `lastAwake` is
 * the previous request, or the start of a sleep-length gap between requests not yet handed to
 * a tick. `run` reports its own errors; a failed run does not stop later ones. Returns the
 * function that asks for a tick.
 */
export function serialTicks(run: (now: number, lastAwake: number | undefined) => Promise<void>, nowFn: () => number): () => void {
  let lastRequest: number | undefined;
  let gapFrom: number | undefined;
  let running = false;
  let again = false;
  const request = (): void => {
    const now = nowFn();
    if (lastRequest !== undefined && now - lastRequest > SLEEP_GAP_MS) gapFrom ??= lastRequest;
    const previous = lastRequest;
    lastRequest = now;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const lastAwake = gapFrom ?? previous;
    gapFrom = undefined;
    void run(now, lastAwake).catch(() => undefined).finally(() => {
      running = false;
      if (again) {
        again = false;
        request();
      }
    });
  };
  return request;
}
