import type { HostResult } from '../../../core/host/contract';
import { HOST_CONTRACT } from '../../../core/host/contract';
import { ownLogName, readLogName } from '../../../core/sync-folder/file-names';
import type { FolderPort } from '../../../renderer/src/sync-folder/port';
import type { FolderSide } from './sync-random-run';

interface MemFile {
  text: string;
  ino: number;
  mtime: number;
}

let inodes = 0;
const ok = <T>(value: T): Promise<HostResult<T>> => Promise.resolve({ ok: true, value });
const fail = <T>(message: string): Promise<HostResult<T>> => Promise.resolve({ ok: false, error: { message } });

/**
 * One computer's copy of the sync folder, in memory: what a sync tool has delivered so far
 * plus this device's own file, with the host's rules (only Lanyard logs listed, reads from an
 * offset while the inode stays, complete lines only, whole-line appends, rename-style
 * replaces, only own conflicted copies deletable). Arguments are checked with the host
 * contract's own schemas, as the real dispatcher does.
 */
export class MemoryFolder implements FolderSide {
  readonly files = new Map<string, MemFile>();
  private clock = 0;
  constructor(readonly deviceId: string, readonly hostName: string) {}

  put(name: string, text: string): void {
    inodes += 1;
    this.clock += 1;
    this.files.set(name, { text, ino: inodes, mtime: this.clock });
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  read(name: string): string | undefined {
    return this.files.get(name)?.text;
  }

  remove(name: string): void {
    this.files.delete(name);
  }

  port(): FolderPort {
    const check = (channel: keyof typeof HOST_CONTRACT, args: unknown[]): string | undefined => {
      const parsed = HOST_CONTRACT[channel].args.safeParse(args);
      return parsed.success ? undefined : `Invalid arguments for ${channel}`;
    };
    return {
      syncFolderStatus: () => ok({ path: `/memory/${this.deviceId}`, hostName: this.hostName, canChoose: false }),
      listSyncFolder: () =>
        ok({
          path: `/memory/${this.deviceId}`,
          files: [...this.files].flatMap(([name, f]) => {
            const parsed = readLogName(name);
            return parsed ? [{ name, ...parsed, size: f.text.length, mtimeMs: f.mtime, ino: f.ino }] : [];
          }),
        }),
      readSyncLog: (request) => {
        const bad = check('syncfolder:read', [request]);
        if (bad) return fail(bad);
        const file = this.files.get(request.name);
        if (!file) return fail(`${request.name} is gone`);
        const from = request.ino === file.ino && request.from <= file.text.length ? request.from : 0;
        const end = file.text.lastIndexOf('\n') + 1;
        const text = end > from ? file.text.slice(from, end) : '';
        return ok({ name: request.name, text, from, next: from + text.length, size: file.text.length, ino: file.ino });
      },
      appendSyncLog: (request) => {
        const bad = check('syncfolder:append', [request]);
        if (bad) return fail(bad);
        const name = ownLogName(request.deviceId);
        const file = this.files.get(name);
        this.clock += 1;
        if (!file) this.put(name, request.text);
        else {
          file.text += (file.text && !file.text.endsWith('\n') ? '\n' : '') + request.text;
          file.mtime = this.clock;
        }
        return ok({ size: this.files.get(name)!.text.length });
      },
      replaceSyncLog: (request) => {
        const bad = check('syncfolder:replace', [request]);
        if (bad) return fail(bad);
        this.put(ownLogName(request.deviceId), request.text);
        return ok({ size: request.text.length });
      },
      removeSyncCopy: (request) => {
        const parsed = readLogName(request.name);
        if (!parsed?.isConflictCopy || parsed.deviceId !== request.deviceId) return fail('not an own conflicted copy');
        this.files.delete(request.name);
        return ok(null);
      },
      onSyncFolderChange: () => () => undefined,
    };
  }
}
