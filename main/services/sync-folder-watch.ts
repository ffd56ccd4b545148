import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Watches the sync folder and counts changes (a version number), so the page hears that a
 * log arrived: `fs.watch` where the file system reports changes, and a poll of the `.jsonl`
 * files' sizes and times as the fallback (network shares and some sync tools report nothing).
 * Desktop pushes each new version to the window; web mode's page waits for one (`wait`).
 */
export interface FolderWatch {
  version(): number;
  /** Resolves with the version once it is above `since`, or after `timeoutMs` with the current one. */
  wait(since: number, timeoutMs: number): Promise<number>;
  onChange(listener: (version: number) => void): () => void;
  /** Follows another folder (or none). */
  follow(path: string | null): void;
  stop(): void;
}

export interface FolderWatchOptions {
  pollMs?: number;
  debounceMs?: number;
  /** False: rely on the poll alone, as on a file system that reports nothing (tests check the fallback with it). */
  useFsWatch?: boolean;
}

async function signature(path: string): Promise<string> {
  const names = (await readdir(path).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
  const parts = await Promise.all(names.slice(0, 2_000).map(async (n) => {
    const info = await stat(join(path, n)).catch(() => undefined);
    return info ? `${n}:${info.size}:${info.mtimeMs}:${info.ino}` : n;
  }));
  return parts.join('|');
}

export function createFolderWatch(options: FolderWatchOptions = {}): FolderWatch {
  const pollMs = options.pollMs ?? 2_000;
  const debounceMs = options.debounceMs ?? 50;
  let version = 0;
  let watcher: FSWatcher | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let followed: string | null = null;
  const listeners = new Set<(version: number) => void>();
  const waiters = new Set<() => void>();

  const bump = (): void => {
    version += 1;
    for (const listener of listeners) listener(version);
    for (const wake of [...waiters]) wake();
  };
  const check = async (path: string): Promise<void> => {
    const now = await signature(path);
    if (path !== followed) return;
    if (now !== last) {
      last = now;
      bump();
    }
  };
  const soon = (path: string): void => {
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = setTimeout(() => void check(path), debounceMs);
  };
  const stopWatching = (): void => {
    watcher?.close();
    watcher = undefined;
    if (poll !== undefined) clearInterval(poll);
    if (debounce !== undefined) clearTimeout(debounce);
    poll = undefined;
    debounce = undefined;
  };

  return {
    version: () => version,
    wait(since, timeoutMs) {
      if (version > since) return Promise.resolve(version);
      return new Promise((resolveWait) => {
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(done);
          resolveWait(version);
        };
        const timer = setTimeout(done, Math.max(0, timeoutMs));
        waiters.add(done);
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    follow(path) {
      stopWatching();
      followed = path;
      last = '';
      bump();
      if (!path) return;
      void signature(path).then((s) => {
        if (followed === path) last = s;
      });
      try {
        if (options.useFsWatch === false) throw new Error('fs.watch not used');
        watcher = watch(path, { persistent: false }, () => soon(path));
        watcher.on('error', () => {
          watcher?.close();
          watcher = undefined;
        });
      } catch {
        watcher = undefined; // the poll below still notices changes
      }
      poll = setInterval(() => void check(path), pollMs);
      poll.unref?.();
    },
    stop() {
      stopWatching();
      followed = null;
      for (const wake of [...waiters]) wake();
      listeners.clear();
    },
  };
}
