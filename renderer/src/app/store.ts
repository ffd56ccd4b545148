import { createStore, type StoreApi } from 'zustand/vanilla';

/** How far the kernel got: React shows "Loading…", the app, or why storage could not open. */
interface BootSlice {
  phase: 'starting' | 'ready' | 'failed';
  error: string | undefined;
  /** The services started so far, in order (the start-up order tests read this). */
  started: string[];
  /** A service the kernel started, by name. */
  markStarted: (name: string) => void;
  setReady: () => void;
  setFailed: (error: string) => void;
}

/** Whether the machine is online (the sync service's view of it). */
interface NetworkSlice {
  online: boolean;
  setOnline: (online: boolean) => void;
}

/** The kernel's state, one zustand store built from slices; React reads it through useAppState. */
export type AppState = BootSlice & NetworkSlice;

/** The kernel's one store (vanilla zustand: services write it outside React). */
export type AppStore = StoreApi<AppState>;

const bootSlice = (set: StoreApi<AppState>['setState']): BootSlice => ({
  phase: 'starting',
  error: undefined,
  started: [],
  markStarted: (name) => set((state) => ({ started: [...state.started, name] })),
  setReady: () => set({ phase: 'ready' }),
  setFailed: (error) => set({ phase: 'failed', error }),
});

const networkSlice = (set: StoreApi<AppState>['setState']): NetworkSlice => ({
  online: true,
  setOnline: (online) => set({ online }),
});

/** A fresh store per kernel, so tests never share state. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((set) => ({ ...bootSlice(set), ...networkSlice(set) }));
}
