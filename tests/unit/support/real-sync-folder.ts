import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostChannel, HostResult } from '../../../core/host/contract';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { createSyncFolder } from '../../../main/services/sync-folder';
import { createFolderWatch } from '../../../main/services/sync-folder-watch';
import type { FolderPort } from '../../../renderer/src/sync-folder/port';
import type { FolderSide } from './sync-random-run';

let deliveries = 0;

/**
 * One computer's real sync folder on disk, reached through the real host handlers and
 * dispatcher (argument validation included), as web mode and the desktop app reach it.
 */
export class RealFolder implements FolderSide {
  private constructor(private readonly dir: string, private readonly handlers: ReturnType<typeof createHostHandlers>) {}

  static async open(dir: string, dataDir: string, hostName: string): Promise<RealFolder> {
    const folder = createSyncFolder(dataDir);
    await folder.choose(dir);
    const handlers = createHostHandlers({ mode: 'web', version: 'test', platform: 'test', syncFolder: { folder, watch: createFolderWatch(), hostName } });
    return new RealFolder(dir, handlers);
  }

  port(): FolderPort {
    const call = <T>(channel: HostChannel, ...args: unknown[]): Promise<HostResult<T>> => dispatch(this.handlers, channel, args) as Promise<HostResult<T>>;
    return {
      syncFolderStatus: () => call('syncfolder:status'),
      listSyncFolder: () => call('syncfolder:list'),
      readSyncLog: (request) => call('syncfolder:read', request),
      appendSyncLog: (request) => call('syncfolder:append', request),
      replaceSyncLog: (request) => call('syncfolder:replace', request),
      removeSyncCopy: (request) => call('syncfolder:remove-copy', request),
      onSyncFolderChange: () => () => undefined,
    };
  }

  names(): string[] {
    return readdirSync(this.dir).filter((n) => n.endsWith('.jsonl'));
  }

  read(name: string): string | undefined {
    try {
      return readFileSync(join(this.dir, name), 'utf8');
    } catch {
      return undefined;
    }
  }

  put(name: string, text: string): void {
    deliveries += 1;
    const temp = join(this.dir, `.${name}.syncing-${deliveries}`);
    writeFileSync(temp, text);
    renameSync(temp, join(this.dir, name));
  }

  remove(name: string): void {
    try {
      unlinkSync(join(this.dir, name));
    } catch {
      // already gone
    }
  }
}
