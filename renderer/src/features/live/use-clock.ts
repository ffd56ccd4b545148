import { useNow } from '../../app/context';

/** The current time for the live views: the kernel's one clock (app/clock.ts), which also ticks when the window becomes visible again (after sleep). */
export function useClock(): number {
  return useNow();
}
