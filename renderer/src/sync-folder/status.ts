import { create } from 'zustand';

interface DeviceStatus {
  id: string;
  name: string;
  isThis: boolean;
  /** When it was last seen: its newest edit or head (its own clock). */
  lastSeen: number | undefined;
  conflictCopies: number;
}

/** What *Your data › Sync with other computers* shows. */
export interface SyncFolderStatus {
  state: 'off' | 'starting' | 'ok' | 'error';
  folder: string | undefined;
  hostName: string | undefined;
  canChoose: boolean;
  deviceId: string | undefined;
  deviceName: string | undefined;
  devices: DeviceStatus[];
  lastSyncAt: number | undefined;
  /** Problems in plain words (the folder, a file that could not be read, damaged lines skipped). */
  problems: string[];
  /** Conferences other computers follow that cannot be added here (from a file). */
  notCreated: string[];
}

export const initialSyncStatus: SyncFolderStatus = {
  state: 'off', folder: undefined, hostName: undefined, canChoose: false, deviceId: undefined, deviceName: undefined, devices: [], lastSyncAt: undefined, problems: [], notCreated: [],
};

export const useSyncFolderStatus = create<{ status: SyncFolderStatus; set(status: SyncFolderStatus): void }>((set) => ({
  status: initialSyncStatus,
  set: (status) => set({ status }),
}));
