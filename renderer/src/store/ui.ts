import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ZoneMode = 'conference' | 'mine';
export type ScheduleView = 'timeline' | 'list';

export interface Filters {
  tracks: string[];
  rooms: string[];
  types: string[];
  languages: string[];
}
export const NO_FILTERS: Filters = { tracks: [], rooms: [], types: [], languages: [] };

interface UiState {
  zoneMode: ZoneMode;
  view: ScheduleView;
  /** Each conference keeps its own filters: a FOSDEM room means nothing at another conference. */
  filters: Record<string, Filters>;
  online: boolean;
  setZoneMode: (mode: ZoneMode) => void;
  setView: (view: ScheduleView) => void;
  toggleFilter: (conferenceId: string, kind: keyof Filters, value: string) => void;
  clearFilters: (conferenceId: string) => void;
  setOnline: (online: boolean) => void;
}

/** What is on screen: view choices and filters. Stored records live in Dexie, not here. */
export const useUi = create<UiState>()(
  persist(
    (set) => ({
      zoneMode: 'conference',
      view: 'list',
      filters: {},
      online: true,
      setZoneMode: (zoneMode) => set({ zoneMode }),
      setView: (view) => set({ view }),
      toggleFilter: (conferenceId, kind, value) =>
        set((state) => {
          const own = state.filters[conferenceId] ?? NO_FILTERS;
          const current = own[kind];
          const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
          return { filters: { ...state.filters, [conferenceId]: { ...own, [kind]: next } } };
        }),
      clearFilters: (conferenceId) =>
        set((state) => {
          const { [conferenceId]: _cleared, ...rest } = state.filters;
          return { filters: rest };
        }),
      setOnline: (online) => set({ online }),
    }),
    { name: 'lanyard-ui', partialize: (state) => ({ zoneMode: state.zoneMode, view: state.view }) },
  ),
);

/** One conference's schedule filters (none chosen: NO_FILTERS). */
export function useFilters(conferenceId: string): Filters {
  return useUi((s) => s.filters[conferenceId] ?? NO_FILTERS);
}

/** The user's own zone (read once: building an Intl.DateTimeFormat per call is slow). */
export const MY_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone chosen with the time-zone toggle, for code outside React (notifications, the tray). */
export function chosenZone(conferenceZone: string): string {
  return useUi.getState().zoneMode === 'mine' ? MY_ZONE : conferenceZone;
}

/** The zone times are shown in: the conference's, or the user's own. */
export function useDisplayZone(conferenceZone: string | undefined): string {
  const mode = useUi((s) => s.zoneMode);
  return mode === 'mine' || !conferenceZone ? MY_ZONE : conferenceZone;
}
