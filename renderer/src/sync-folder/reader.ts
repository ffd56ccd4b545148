import type { Hlc } from '../../../core/sync-folder/hlc';
import { latestHeads, mergeOps, newestOf, seenVector, type Merged } from '../../../core/sync-folder/merge';
import type { Head } from '../../../core/sync-folder/ops';
import { parseLog } from '../../../core/sync-folder/parse';
import type { FolderPort } from './port';

interface FileState {
  name: string;
  deviceId: string;
  isConflictCopy: boolean;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Where the next read starts (bytes of complete lines read so far). */
  next: number;
  ops: number;
  bad: number;
  newer: number;
  problems: string[];
  hasHead: boolean;
  error?: string;
}

export interface DeviceSeen {
  id: string;
  name: string | undefined;
  /** The newest wall time in its ops and heads. */
  lastWall: number;
  conflictCopies: number;
}

/**
 * Everything read from the folder so far: each log file's read position, the merged state,
 * what was seen of each device, and each device's newest head. Files are read from where the
 * last read stopped while they only grow (appends), and from the start when one was replaced
 * (a compaction) or shrank. Ops never leave the merged state (a replaced file keeps its
 * winners), so reading again is only ever more.
 */
export function createFolderReader() {
  const files = new Map<string, FileState>();
  const merged: Merged = new Map();
  const seen = new Map<string, Hlc>();
  let heads: Head[] = [];
  const lastWall = new Map<string, number>();
  let newest: Hlc | undefined;

  async function refresh(port: FolderPort): Promise<{ changed: Set<string> }> {
    const listing = await port.listSyncFolder();
    if (!listing.ok) throw new Error(listing.error.message);
    const changed = new Set<string>();
    const present = new Set<string>();
    for (const file of listing.value.files) {
      present.add(file.name);
      const known = files.get(file.name);
      if (known && known.ino === file.ino && known.size === file.size && known.mtimeMs === file.mtimeMs && !known.error) continue;
      const sameFile = known !== undefined && known.ino === file.ino && known.next <= file.size;
      const answer = await port.readSyncLog({ name: file.name, from: sameFile ? known.next : 0, ...(known ? { ino: known.ino } : {}) });
      if (!answer.ok) {
        files.set(file.name, { ...(known ?? emptyState(file)), error: answer.error.message, ino: file.ino, size: file.size, mtimeMs: file.mtimeMs });
        continue;
      }
      const chunk = answer.value;
      const fresh = chunk.from === 0;
      const state: FileState = fresh ? emptyState(file) : { ...known!, error: undefined };
      delete state.error;
      const parsed = parseLog(chunk.text, file.name);
      for (const id of mergeOps(merged, parsed.ops)) changed.add(id);
      seenVector(seen, parsed.ops);
      if (parsed.heads.length) heads = [...latestHeads([...heads, ...parsed.heads]).values()];
      for (const item of [...parsed.ops, ...parsed.heads]) lastWall.set(item.hlc.device, Math.max(lastWall.get(item.hlc.device) ?? 0, item.hlc.wall));
      const top = newestOf(parsed.ops, parsed.heads);
      if (top && (!newest || top.wall > newest.wall || (top.wall === newest.wall && top.counter > newest.counter))) newest = top;
      state.ops += parsed.ops.length;
      state.bad += parsed.bad;
      state.newer += parsed.newer;
      state.hasHead ||= parsed.heads.length > 0;
      state.problems = [...state.problems, ...parsed.problems].slice(0, 5);
      Object.assign(state, { ino: chunk.ino, size: file.size, mtimeMs: file.mtimeMs, next: chunk.next });
      files.set(file.name, state);
    }
    for (const name of [...files.keys()]) if (!present.has(name)) files.delete(name);
    return { changed };
  }

  return {
    refresh,
    merged,
    seen,
    newest: () => newest,
    heads: () => latestHeads(heads),
    files: () => [...files.values()],
    devices(): DeviceSeen[] {
      const ids = new Set([...[...files.values()].map((f) => f.deviceId), ...lastWall.keys()]);
      const named = latestHeads(heads);
      return [...ids].sort().map((id) => ({
        id,
        name: named.get(id)?.name,
        lastWall: lastWall.get(id) ?? 0,
        conflictCopies: [...files.values()].filter((f) => f.deviceId === id && f.isConflictCopy).length,
      }));
    },
  };
}

export type FolderReader = ReturnType<typeof createFolderReader>;

function emptyState(file: { name: string; deviceId: string; isConflictCopy: boolean; ino: number; size: number; mtimeMs: number }): FileState {
  return { name: file.name, deviceId: file.deviceId, isConflictCopy: file.isConflictCopy, ino: file.ino, size: file.size, mtimeMs: file.mtimeMs, next: 0, ops: 0, bad: 0, newer: 0, problems: [], hasHead: false };
}
