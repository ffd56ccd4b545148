import { hostname } from 'node:os';
import { createSyncFolder, type SyncFolder } from './sync-folder';
import { createFolderWatch, type FolderWatch, type FolderWatchOptions } from './sync-folder-watch';

export interface SyncFolderHost {
  folder: SyncFolder;
  watch: FolderWatch;
  hostName: string;
}

/** The sync folder remembered in `dataDir`, watched from the start (desktop and web mode alike). */
export function startSyncFolderHost(dataDir: string, options: FolderWatchOptions & { hostName?: string } = {}): SyncFolderHost {
  const folder = createSyncFolder(dataDir);
  const watch = createFolderWatch(options);
  void folder.path().then((path) => watch.follow(path), () => undefined);
  return { folder, watch, hostName: options.hostName ?? hostname() };
}
