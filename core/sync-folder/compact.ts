import { compareHlc, type Hlc } from './hlc';
import { headLine, opLine, type Head, type Op } from './ops';
import type { Merged } from './merge';

/** Tombstones older than this are dropped even if some device never acknowledged them (see README). */
const TOMBSTONE_HORIZON_MS = 400 * 86_400_000;

export interface CompactInput {
  /** This device: the only one whose file is rewritten. */
  self: string;
  /** This device's name, for the head line. */
  name: string;
  /** The merged state over every file read (this device's included). */
  merged: Merged;
  /** What this device has read, per device: it becomes the new head's `seen`. */
  seen: ReadonlyMap<string, Hlc>;
  /** The newest head of every other device. */
  heads: ReadonlyMap<string, Head>;
  /** Every device with a file (or a conflicted copy) in the folder. */
  devices: ReadonlySet<string>;
  /** A conflicted copy anywhere in the folder may hold old ops: while one does, no tombstone is dropped. */
  hasConflictCopies: boolean;
  /** A fresh timestamp for the head. */
  hlc: Hlc;
  /** The wall clock, for the horizon. */
  now: number;
  horizonMs?: number;
}

export interface Compacted {
  /** The new file, head first, one line each, ending with a newline. */
  text: string;
  kept: number;
  tombstonesDropped: number;
}

/**
 * Rewrites this device's own log as small as it can be without losing history another
 * device may need. Kept: every op of this device that is the current winner of its item
 * (values and tombstones). Dropped: this device's ops that a newer op (of any device) beats;
 * the new head's `seen` tells the others so, in the same atomic write. A winning tombstone is
 * dropped only once every other device's head says it has read it (so each of them has also
 * dropped its own older ops on that item, which could otherwise come back) and no conflicted
 * copy lies in the folder, or when it is older than the horizon.
 */
export function compactOwnLog(input: CompactInput): Compacted {
  const horizon = input.now - (input.horizonMs ?? TOMBSTONE_HORIZON_MS);
  const others = [...input.devices].filter((d) => d !== input.self);
  const acknowledgedByAll = (hlc: Hlc): boolean =>
    !input.hasConflictCopies &&
    others.every((device) => {
      const seen = input.heads.get(device)?.seen[input.self];
      return seen !== undefined && compareHlc(seen, hlc) >= 0;
    });
  const keep: Op[] = [];
  let tombstonesDropped = 0;
  for (const op of input.merged.values()) {
    if (op.hlc.device !== input.self) continue;
    if (op.value === undefined && (op.hlc.wall < horizon || acknowledgedByAll(op.hlc))) {
      tombstonesDropped += 1;
      continue;
    }
    keep.push(op);
  }
  keep.sort((a, b) => compareHlc(a.hlc, b.hlc));
  const seen: Record<string, Hlc> = {};
  for (const [device, hlc] of input.seen) seen[device] = hlc;
  const head: Head = { hlc: input.hlc, name: input.name, seen };
  const lines = [headLine(head), ...keep.map(opLine)];
  return { text: `${lines.join('\n')}\n`, kept: keep.length, tombstonesDropped };
}
