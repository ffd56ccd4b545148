import type { HlcClock } from '../../../core/sync-folder/hlc';
import type { Merged } from '../../../core/sync-folder/merge';
import { compareOps, valueText, type ItemValue, type Op } from '../../../core/sync-folder/ops';
import type { LocalItem } from '../db/sync-items';

/**
 * Agreed before: every difference between the rows and the values agreed with the folder is
 * an edit made here (a deletion included), stamped now.
 */
export function changesSinceAgreed(local: ReadonlyMap<string, LocalItem>, base: ReadonlyMap<string, string>, hlc: HlcClock): Op[] {
  const ops: Op[] = [];
  for (const id of new Set([...local.keys(), ...base.keys()])) {
    const item = local.get(id);
    if (valueText(item?.value) === (base.get(id) ?? '-')) continue;
    const key = item?.key ?? (JSON.parse(id) as Op['key']);
    const op: Op = { hlc: hlc.tick(), key, value: item?.value };
    if (item?.identity) op.identity = item.identity;
    ops.push(op);
  }
  return ops;
}

/**
 * Nothing agreed yet (a first sync with this folder, or a wiped store): offers what differs
 * from the folder, stamped with the row's own time so an older copy never beats a newer edit,
 * and only what would win. Never a deletion: absence here means "not known here".
 */
export function firstSyncOffers(local: ReadonlyMap<string, LocalItem>, merged: Merged, self: string, now: number): Op[] {
  const ops: Op[] = [];
  for (const [id, item] of local) {
    const winner = merged.get(id);
    if (winner && valueText(winner.value) === valueText(item.value)) continue;
    const op: Op = { hlc: { wall: Math.max(0, Math.min(item.ts, now)), counter: 0, device: self }, key: item.key, value: item.value };
    if (item.identity) op.identity = item.identity;
    if (!winner || compareOps(op, winner) > 0) ops.push(op);
  }
  return ops;
}

/** This device's own file may be rewritten (compacted) only when everything in it was read. */
export function isSafeToRewrite(file: { error?: string; newer: number }): boolean {
  return file.error === undefined && file.newer === 0;
}

/** A conference added from a file (or the built-in sample) elsewhere cannot be created here from the log: not worth a write each round. */
export function isUncreatable(op: Op | undefined, local: LocalItem | undefined): boolean {
  return !local && op?.key[0] === 'sub' && op.value !== undefined && (op.value as ItemValue<'sub'>).source !== 'url';
}

/** A new device id: 16 random hex digits after a letter (it names this computer's file). */
export function randomDeviceId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `d${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
