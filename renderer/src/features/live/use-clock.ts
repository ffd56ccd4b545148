import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` and whenever the window becomes visible again (after sleep). */
export function useClock(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = (): void => setNow(Date.now());
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
  }, [intervalMs]);
  return now;
}
