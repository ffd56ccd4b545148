import { markOnce } from './perf';

const PAINTED = 'lanyard:schedule-painted';

/** The first screen's gate: background work waits for the schedule's first painted rows. */
export interface FirstPaint {
  /** Called once the schedule's first rows are on screen (SessionList, Timeline). */
  painted: () => void;
  /**
   * Runs start-up work that is not needed for the first screen (search index, sync check,
   * photo cache) once the schedule has painted, or after `maxWaitMs` when the first screen is
   * something else: reading every conference for the index must not delay the first rows.
   */
  after: (work: () => void, maxWaitMs?: number) => void;
}

/** Builds the gate; the kernel owns one, so nothing about it is global. */
export function createFirstPaint(): FirstPaint {
  let isPainted = false;
  const waiting: Array<() => void> = [];
  return {
    painted: () => {
      if (isPainted) return;
      isPainted = true;
      markOnce(PAINTED);
      for (const run of waiting.splice(0)) run();
    },
    after: (work, maxWaitMs = 1500) => {
      let done = false;
      const run = (): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        // Let the painted frame go out before the heavy reads start.
        setTimeout(work, 0);
      };
      const timer = setTimeout(run, maxWaitMs);
      if (isPainted) run();
      else waiting.push(run);
    },
  };
}
