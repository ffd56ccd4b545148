import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Below this width the sidebar is a drawer over the content, closed until asked for. */
const DRAWER_QUERY = '(max-width: 959.98px)';

interface LayoutState {
  /** In a wide window: the user folded the sidebar away (remembered). */
  isCollapsed: boolean;
  /** In a narrow window: the drawer is open (never remembered: it opens on demand). */
  isDrawerOpen: boolean;
  setCollapsed: (isCollapsed: boolean) => void;
  setDrawerOpen: (isOpen: boolean) => void;
}

/** The shell's layout: whether the sidebar shows. Only the wide window's choice survives a restart. */
export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      isCollapsed: false,
      isDrawerOpen: false,
      setCollapsed: (isCollapsed) => set({ isCollapsed }),
      setDrawerOpen: (isDrawerOpen) => set({ isDrawerOpen }),
    }),
    { name: 'lanyard-layout', partialize: (state) => ({ isCollapsed: state.isCollapsed }) },
  ),
);

const subscribeToWidth = (listener: () => void): (() => void) => {
  const query = window.matchMedia(DRAWER_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};

/** Whether the window is narrow enough for the sidebar to be a drawer (follows resizing). */
export function useIsNarrow(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(DRAWER_QUERY).matches);
}

/** Whether the sidebar shows now, and the one action of its toggle button. */
export function useSidebar(): { isNarrow: boolean; isOpen: boolean; toggle: () => void; close: () => void } {
  const isNarrow = useIsNarrow();
  const { isCollapsed, isDrawerOpen, setCollapsed, setDrawerOpen } = useLayout();
  const isOpen = isNarrow ? isDrawerOpen : !isCollapsed;
  return {
    isNarrow,
    isOpen,
    toggle: () => (isNarrow ? setDrawerOpen(!isDrawerOpen) : setCollapsed(!isCollapsed)),
    close: () => (isNarrow ? setDrawerOpen(false) : setCollapsed(true)),
  };
}
