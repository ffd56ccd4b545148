import type { LanyardDb } from '../db/schema';
import { host } from '../host';
import { syncNow as fetchSubscription } from '../sync/manager';
import { startSyncFolder, type SyncFolderService } from './service';
import { useSyncFolderStatus } from './status';

let service: SyncFolderService | undefined;

/** Runs a round under a lock shared by every tab of this profile (web mode may have two), so two never write one log. */
function exclusive<T>(job: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('lanyard-sync-folder', job) as Promise<T>) : job();
}

/**
 * Starts the sync folder for the app (a self-contained service: `start` returns what stops
 * it). Subscriptions that arrive from another computer are fetched at once, so a new
 * computer gets the user's conferences without waiting for the next sync tick.
 */
export function startAppSyncFolder(db: LanyardDb): () => void {
  service = startSyncFolder({
    db,
    folder: host(),
    exclusive,
    onStatus: (status) => useSyncFolderStatus.getState().set(status),
    onSubscribed: (ids) => {
      for (const id of ids) {
        void db.subscriptions.get(id).then((sub) => (sub ? fetchSubscription(db, sub) : undefined));
      }
    },
  });
  void service.syncNow();
  return () => {
    service?.stop();
    service = undefined;
  };
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Chooses the sync folder (desktop: the dialog when no path is given; web mode: the typed path). Returns an error sentence, or undefined. */
export async function chooseSyncFolder(path?: string): Promise<string | undefined> {
  const answer = await host().chooseSyncFolder(path === undefined ? {} : { path });
  if (!answer.ok) return answer.error.message;
  if (!answer.value) return undefined;
  service?.reset();
  await service?.syncNow().catch((error: unknown) => text(error));
  return undefined;
}

/** Stops syncing with the folder: this computer's file stays there, nothing is deleted. */
export async function stopSyncFolder(): Promise<string | undefined> {
  const answer = await host().stopSyncFolder();
  if (!answer.ok) return answer.error.message;
  service?.reset();
  await service?.syncNow();
  return undefined;
}

export async function renameThisComputer(name: string): Promise<void> {
  await service?.rename(name);
}

export async function syncFolderNow(): Promise<void> {
  await service?.syncNow();
}
