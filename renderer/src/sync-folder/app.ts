import type { HostApi } from '../../../core/host/contract';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';
import { startSyncFolder, type SyncFolderService } from './service';
import { useSyncFolderStatus } from './status';

/** Runs a round under a lock shared by every tab of this profile (web mode may have two), so two never write one log. */
function exclusive<T>(job: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('lanyard-sync-folder', job) as Promise<T>) : job();
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface AppSyncFolderDeps {
  db: LanyardDb;
  host: HostApi;
  now: () => number;
  /** Fetches a subscription's feed now (the sync service's syncNow). */
  fetchSubscription: (sub: SubscriptionRecord) => Promise<unknown>;
  /** Reads a stored conference again with the name and zone it now has (the engine's `resettle` job). */
  resettle: (id: string) => Promise<unknown>;
}

/** The sync folder as the app kernel holds it: started with the other services, driven by *Your data*. */
export interface AppSyncFolder {
  /** Starts the folder service; returns its stop function. */
  start: () => () => void;
  /** Chooses the folder (desktop: the dialog when no path is given; web mode: the typed path). Returns an error sentence, or undefined. */
  choose: (path?: string) => Promise<string | undefined>;
  /** Stops syncing with the folder: this computer's file stays there, nothing is deleted. */
  stop: () => Promise<string | undefined>;
  rename: (name: string) => Promise<void>;
  syncNow: () => Promise<void>;
}

/**
 * The sync folder service for the app. Subscriptions that arrive from another computer are
 * fetched at once, so a new computer gets the user's conferences without waiting for the next
 * sync tick; a conference renamed or given another zone elsewhere is read again with it.
 */
export function createAppSyncFolder(deps: AppSyncFolderDeps): AppSyncFolder {
  const { db, host } = deps;
  let service: SyncFolderService | undefined;
  return {
    start: () => {
      service = startSyncFolder({
        db,
        folder: host,
        now: deps.now,
        exclusive,
        onStatus: (status) => useSyncFolderStatus.getState().set(status),
        onSubscribed: (ids) => {
          for (const id of ids) {
            void db.subscriptions.get(id).then((sub) => (sub ? deps.fetchSubscription(sub) : undefined));
          }
        },
        onResettled: (ids) => {
          for (const id of ids) void deps.resettle(id).catch(() => undefined);
        },
      });
      void service.syncNow();
      return () => {
        service?.stop();
        service = undefined;
      };
    },
    choose: async (path) => {
      const answer = await host.chooseSyncFolder(path === undefined ? {} : { path });
      if (!answer.ok) return answer.error.message;
      if (!answer.value) return undefined;
      service?.reset();
      return service?.syncNow().then(
        () => undefined,
        (error: unknown) => text(error),
      );
    },
    stop: async () => {
      const answer = await host.stopSyncFolder();
      if (!answer.ok) return answer.error.message;
      service?.reset();
      await service?.syncNow();
      return undefined;
    },
    rename: async (name) => {
      await service?.rename(name);
    },
    syncNow: async () => {
      await service?.syncNow();
    },
  };
}
