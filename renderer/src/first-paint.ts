import { markOnce } from './perf';

const PAINTED = 'lanyard:schedule-painted';
let painted = false;
const waiting: Array<() => void> = [];

/** Called once the schedule's first rows are on screen (SessionList, Timeline). */
export function schedulePainted(): void {
  if (painted) return;
  painted = true;
  markOnce(PAINTED);
  for (const run of waiting.splice(0)) run();
}

/**
 * Runs start-up work that is not needed for the first screen (search index, sync check,
 * photo cache) once the schedule has painted, or after `maxWaitMs` when the first screen is
 * something else: reading every conference for the index must not delay the first rows.
 */
export function afterFirstPaint(work: () => void, maxWaitMs = 1500): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    window.clearTimeout(timer);
    // Let the painted frame go out before the heavy reads start.
    window.setTimeout(work, 0);
  };
  const timer = window.setTimeout(run, maxWaitMs);
  if (painted) run();
  else waiting.push(run);
}
