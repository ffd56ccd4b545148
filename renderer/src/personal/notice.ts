import { create } from 'zustand';

/** What the Your data page and the restore banner show about the backup copy. */
interface MirrorState {
  state: 'unknown' | 'saved' | 'failed' | 'stopped' | 'unavailable';
  path?: string;
  writtenAt?: number;
  message?: string;
}

export interface PersonalNotices {
  /** "Your agenda was restored from the backup copy …", until dismissed. */
  restored: string | undefined;
  /** A problem with the backup file found at start (damaged, kept aside). */
  mirrorProblem: string | undefined;
  /** The browser store was cleared while the app was open. */
  storageLost: boolean;
  mirror: MirrorState;
  setRestored: (message: string | undefined) => void;
  setMirrorProblem: (message: string | undefined) => void;
  setStorageLost: (lost: boolean) => void;
  setMirror: (mirror: MirrorState) => void;
}

export const usePersonalNotices = create<PersonalNotices>()((set) => ({
  restored: undefined,
  mirrorProblem: undefined,
  storageLost: false,
  mirror: { state: 'unknown' },
  setRestored: (restored) => set({ restored }),
  setMirrorProblem: (mirrorProblem) => set({ mirrorProblem }),
  setStorageLost: (storageLost) => set({ storageLost }),
  setMirror: (mirror) => set({ mirror }),
}));
