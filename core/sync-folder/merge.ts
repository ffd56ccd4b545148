import { compareHlc, maxHlc, type Hlc } from './hlc';
import { compareOps, keyId, type Head, type Op } from './ops';

/** The merged state: per item (by keyId), the op that wins. */
export type Merged = Map<string, Op>;

/**
 * Folds ops into the merged state: a last-writer-wins register per item, ordered by hybrid
 * logical clock (device id, then value, breaking ties). This is a state-based CRDT: the result
 * is the same whatever order files and lines come in, however often an op is repeated (a
 * conflicted copy, a file read twice) and however late a device's ops arrive. A deletion is an
 * op like any other (a tombstone), so it wins over older values and loses to newer ones.
 * Returns the keys whose winner changed.
 */
export function mergeOps(into: Merged, ops: Iterable<Op>): Set<string> {
  const changed = new Set<string>();
  for (const op of ops) {
    const id = keyId(op.key);
    const current = into.get(id);
    if (!current || compareOps(op, current) > 0) {
      into.set(id, op);
      changed.add(id);
    }
  }
  return changed;
}

/**
 * Per device, the newest timestamp of its ops read so far: what this device has "seen".
 * Heads do not count: a head sits on top of older ops, so a file cut short after its head
 * would claim ops that were never read. A device appends its tombstones in clock order, so
 * having read one of its ops means having read every tombstone before it.
 */
export function seenVector(into: Map<string, Hlc>, ops: Iterable<Op>): void {
  for (const op of ops) {
    const current = into.get(op.hlc.device);
    if (!current || compareHlc(op.hlc, current) > 0) into.set(op.hlc.device, op.hlc);
  }
}

/** The newest head of each device (its latest acknowledgement of what it has read). */
export function latestHeads(heads: Iterable<Head>): Map<string, Head> {
  const out = new Map<string, Head>();
  for (const head of heads) {
    const current = out.get(head.hlc.device);
    if (!current || compareHlc(head.hlc, current.hlc) > 0) out.set(head.hlc.device, head);
  }
  return out;
}

/** The newest timestamp in a set of ops and heads (the clock must move past it). */
export function newestOf(ops: Iterable<Op>, heads: Iterable<Head> = []): Hlc | undefined {
  let newest: Hlc | undefined;
  for (const op of ops) newest = maxHlc(newest, op.hlc);
  for (const head of heads) newest = maxHlc(newest, head.hlc);
  return newest;
}
