/**
 * The app's one clock. Everything that asks "what time is it?" (the views' "today" and "live
 * now", the reminder and sync ticks, the stamps written with a change) reads it, so a view
 * never keeps a stale time and tests can move time by hand.
 */
export interface Clock {
  /** The time now, for stamps and decisions. */
  now: () => number;
  /** The time of the last tick: what views show. It stays the same between ticks, so every component rendered in one pass agrees on it. */
  ticked: () => number;
  /** Called at every tick (and after a jump: wake, focus); returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/** For views that show times to the minute: `useNow(MINUTE_MS)` re-renders them once a minute, not at every tick. */
export const MINUTE_MS = 60_000;

/** The time views show moves in steps of this (a minute-precision UI needs no more). */
const TICK_MS = 15_000;

/** A clock for tests and tools: it moves only when told to, and tells its listeners. */
export interface ManualClock extends Clock {
  set: (ms: number) => void;
  advance: (ms: number) => void;
}

/** Builds a clock that stands still until the test moves it. */
export function createManualClock(start: number): ManualClock {
  let current = start;
  const listeners = new Set<() => void>();
  const tell = (): void => {
    for (const listener of [...listeners]) listener();
  };
  return {
    now: () => current,
    ticked: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (ms) => {
      current = ms;
      tell();
    },
    advance: (ms) => {
      current += ms;
      tell();
    },
  };
}

/**
 * The app's clock: the system time, ticking every TICK_MS while anything listens, and at once
 * when the window becomes visible or regains focus (after sleep the interval may have slept too).
 */
export function createSystemClock(intervalMs = TICK_MS): Clock {
  let current = Date.now();
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  const tick = (): void => {
    const next = Date.now();
    if (next === current) return;
    current = next;
    for (const listener of [...listeners]) listener();
  };
  const begin = (): (() => void) => {
    // Time passed while nothing listened: the first listener gets the time now.
    queueMicrotask(tick);
    const timer = window.setInterval(tick, intervalMs);
    const visible = (): void => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', visible);
    window.addEventListener('focus', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', visible);
      window.removeEventListener('focus', tick);
    };
  };
  return {
    now: () => Date.now(),
    ticked: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      stop ??= begin();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
  };
}
