import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { LanyardApp } from './create-app';
import type { AppState } from './store';

const AppContext = createContext<LanyardApp | undefined>(undefined);

/** Provides the kernel (main.tsx) to every component: the one context of the app. */
export const AppProvider = AppContext.Provider;

/** The kernel's services, for components that dispatch (star, refresh, subscribe …). */
export function useApp(): LanyardApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppProvider>: main.tsx provides the app kernel');
  return app;
}

/** A narrow selector over the kernel's state (boot, network …). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}

/**
 * The time to render with: the kernel's clock, which ticks for every subscriber at once, so
 * "today", "live now" and "starts in" never go stale and tests can move time by hand. With
 * `stepMs` (a minute for views that show minutes) the time is rounded down to it, and the
 * component re-renders only when that rounded time changes, not at every tick.
 */
export function useNow(stepMs?: number): number {
  const { clock } = useApp();
  return useSyncExternalStore(clock.subscribe, stepMs ? () => Math.floor(clock.ticked() / stepMs) * stepMs : clock.ticked);
}
