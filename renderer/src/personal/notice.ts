import { create } from 'zustand';

/** What the Your data page and the restore banner show about the backup copy. */
interface MirrorState {
  /** `retrying`: a write failed and the same data will be tried again (the shell shows a banner). */
  state: 'unknown' | 'saved' | 'failed' | 'retrying' | 'stopped' | 'unavailable';
  path?: string;
  writtenAt?: number;
  message?: string;
  /** The host's error code of the last failure (`ENOSPC`, `EACCES`, `UNREACHABLE`…). */
  code?: string;
}

export interface PersonalNotices {
  /** "Your agenda was restored from the backup copy …", until dismissed. */
  restored: string | undefined;
  /** A problem with the backup file found at start (damaged, kept aside). */
  mirrorProblem: string | undefined;
  /** At start: backup files existed but nothing could be restored (both damaged); shown in the shell until dismissed. */
  unrestorable: string | undefined;
  /** The browser store was cleared while the app was open. */
  storageLost: boolean;
  mirror: MirrorState;
  setRestored: (message: string | undefined) => void;
  setMirrorProblem: (message: string | undefined) => void;
  setUnrestorable: (message: string | undefined) => void;
  setStorageLost: (lost: boolean) => void;
  setMirror: (mirror: MirrorState) => void;
}

export const usePersonalNotices = create<PersonalNotices>()((set) => ({
  restored: undefined,
  mirrorProblem: undefined,
  unrestorable: undefined,
  storageLost: false,
  mirror: { state: 'unknown' },
  setRestored: (restored) => set({ restored }),
  setMirrorProblem: (mirrorProblem) => set({ mirrorProblem }),
  setUnrestorable: (unrestorable) => set({ unrestorable }),
  setStorageLost: (storageLost) => set({ storageLost }),
  setMirror: (mirror) => set({ mirror }),
}));
