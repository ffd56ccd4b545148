import type { HostApi } from '../../../core/host/contract';

/** What the sync-folder service needs from the host (the real host API, or an in-memory folder in tests). */
export type FolderPort = Pick<
  HostApi,
  'syncFolderStatus' | 'listSyncFolder' | 'readSyncLog' | 'appendSyncLog' | 'replaceSyncLog' | 'removeSyncCopy' | 'onSyncFolderChange'
>;
