import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ownLogName, readLogName } from '../../core/sync-folder/file-names';
import { LOG_LIMITS } from '../../core/sync-folder/parse';

/**
 * The host side of the sync folder: a folder the user already syncs between computers
 * (Syncthing, Nextcloud, Dropbox, a network share). Each device appends to its own file,
 * `lanyard-<deviceId>.jsonl`, and only reads the others'. The chosen path is remembered in
 * `sync-folder.json` in the data folder. Everything that touches the folder checks names
 * (only Lanyard logs are listed or read), sizes (LOG_LIMITS) and that a path is a folder.
 */
const SYNC_CONFIG_FILE = 'sync-folder.json';
const TEMP_MARK = '.tmp-';

interface LogFileInfo {
  name: string;
  deviceId: string;
  isConflictCopy: boolean;
  size: number;
  mtimeMs: number;
  /** Changes when the file is replaced (compaction renames a new file over it). */
  ino: number;
}

interface LogChunk {
  name: string;
  /** Complete lines from byte `from` on (a last line still being written is left for later). */
  text: string;
  from: number;
  /** Byte offset after the last complete line: where the next read starts. */
  next: number;
  size: number;
  ino: number;
}

export interface SyncFolder {
  /** The chosen folder, or null. */
  path(): Promise<string | null>;
  /** Checks and remembers a folder; returns its absolute path. */
  choose(path: string): Promise<string>;
  stop(): Promise<void>;
  list(): Promise<{ path: string; files: LogFileInfo[] }>;
  /** Reads a log from `from` (bytes) when the file is still the one with inode `ino`, else from the start. */
  read(name: string, from: number, ino: number | undefined): Promise<LogChunk>;
  /** Appends complete lines to this device's own file, fsync'ed. */
  append(deviceId: string, text: string): Promise<{ size: number }>;
  /** Replaces this device's own file atomically (temp file, fsync, rename, folder fsync): compaction. */
  replace(deviceId: string, text: string): Promise<{ size: number }>;
  /** Deletes a conflicted copy of this device's own file, once its ops are back in the file. */
  removeCopy(deviceId: string, name: string): Promise<void>;
}

/** Why a path cannot be the sync folder, or undefined when it can. */
async function folderProblem(path: string): Promise<string | undefined> {
  if (!path.trim()) return 'Type the path of the folder.';
  if (path.length > 4096) return 'That path is too long.';
  if (!isAbsolute(path)) return `"${path}" is not a full path: start it with / (or a drive letter on Windows).`;
  const info = await stat(path).catch(() => undefined);
  if (!info) return `There is no folder at ${path}.`;
  if (!info.isDirectory()) return `${path} is a file, not a folder.`;
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch {
    return `Lanyard may not read and write in ${path}.`;
  }
  return undefined;
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

function checkText(text: string): void {
  if (text.length > LOG_LIMITS.maxFileBytes) throw new Error('That is more than a sync log may hold.');
  if (text && !text.endsWith('\n')) throw new Error('Log text must end with a line break.');
}

/** The sync-folder service for one data folder (where the choice is remembered). */
export function createSyncFolder(dataDir: string): SyncFolder {
  const configPath = join(dataDir, SYNC_CONFIG_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  let tempCounter = 0;
  /** Writes to the folder one at a time, so an append never lands between a compaction's read and rename. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  async function current(): Promise<string | null> {
    const text = await readFile(configPath, 'utf8').catch(() => undefined);
    if (!text) return null;
    try {
      const parsed = JSON.parse(text) as { path?: unknown };
      return typeof parsed.path === 'string' && isAbsolute(parsed.path) ? parsed.path : null;
    } catch {
      return null;
    }
  }

  async function folder(): Promise<string> {
    const path = await current();
    if (!path) throw new Error('No sync folder is chosen.');
    const problem = await folderProblem(path);
    if (problem) throw new Error(`The sync folder cannot be used: ${problem}`);
    return path;
  }

  async function ownPath(deviceId: string): Promise<string> {
    return join(await folder(), ownLogName(deviceId));
  }

  return {
    path: current,
    async choose(path) {
      const trimmed = path.trim();
      const problem = await folderProblem(trimmed);
      const absolute = resolve(trimmed);
      if (problem !== undefined) throw new Error(problem);
      await mkdir(dataDir, { recursive: true });
      await writeFile(configPath, `${JSON.stringify({ path: absolute })}\n`, { mode: 0o600 });
      return absolute;
    },
    async stop() {
      await unlink(configPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
    async list() {
      const path = await folder();
      const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
      const files: LogFileInfo[] = [];
      for (const name of names) {
        if (files.length >= LOG_LIMITS.maxFiles) break;
        const parsed = readLogName(name);
        if (!parsed) continue;
        const info = await stat(join(path, name)).catch(() => undefined);
        if (!info?.isFile()) continue;
        files.push({ name, ...parsed, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
      }
      return { path, files };
    },
    async read(name, from, ino) {
      if (!readLogName(name)) throw new Error(`${name.slice(0, 100)} is not a Lanyard sync log.`);
      const full = join(await folder(), name);
      const handle = await open(full, 'r');
      try {
        const info = await handle.stat();
        if (!info.isFile()) throw new Error(`${name} is not a file.`);
        if (info.size > LOG_LIMITS.maxFileBytes) throw new Error(`${name} is larger than ${LOG_LIMITS.maxFileBytes / 1024 / 1024} MB, far more than a sync log holds; it was not read.`);
        const start = ino === info.ino && from <= info.size ? from : 0;
        const length = info.size - start;
        const bytes = Buffer.alloc(length);
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(bytes, got, length - got, start + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        const lastBreak = bytes.subarray(0, got).lastIndexOf(0x0a);
        const complete = lastBreak < 0 ? 0 : lastBreak + 1;
        return { name, text: bytes.subarray(0, complete).toString('utf8'), from: start, next: start + complete, size: info.size, ino: info.ino };
      } finally {
        await handle.close();
      }
    },
    append(deviceId, text) {
      return serial(async () => {
        checkText(text);
        const path = await ownPath(deviceId);
        const handle = await open(path, 'a+', 0o600);
        try {
          const info = await handle.stat();
          let prefix = '';
          if (info.size > 0) {
            // A previous append cut short (a crash) left a line without its end: never glue onto it.
            const last = Buffer.alloc(1);
            await handle.read(last, 0, 1, info.size - 1);
            if (last[0] !== 0x0a) prefix = '\n';
          }
          await handle.appendFile(prefix + text, 'utf8');
          await handle.sync();
          return { size: (await handle.stat()).size };
        } finally {
          await handle.close();
        }
      });
    },
    replace(deviceId, text) {
      return serial(async () => {
        checkText(text);
        const path = await ownPath(deviceId);
        tempCounter += 1;
        const temp = `${path}${TEMP_MARK}${process.pid}-${tempCounter}`;
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        try {
          await rename(temp, path);
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          throw error;
        }
        await fsyncDir(resolve(path, '..'));
        return { size: Buffer.byteLength(text) };
      });
    },
    removeCopy(deviceId, name) {
      return serial(async () => {
        const parsed = readLogName(name);
        if (!parsed?.isConflictCopy || parsed.deviceId !== deviceId) throw new Error(`${name.slice(0, 100)} is not a conflicted copy of this computer's log.`);
        await unlink(join(await folder(), name)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      });
    },
  };
}
