import { DEVICE_ID } from './hlc';

/** The one file a device writes: `lanyard-<deviceId>.jsonl`. */
export function ownLogName(deviceId: string): string {
  if (!DEVICE_ID.test(deviceId)) throw new Error(`"${deviceId}" is not a device id`);
  return `lanyard-${deviceId}.jsonl`;
}

export interface LogName {
  /** The device whose file this is (or was a copy of). */
  deviceId: string;
  /** A copy a sync tool made when it saw two versions of the file ("conflicted copy"). */
  isConflictCopy: boolean;
}

const PLAIN = /^lanyard-([a-z0-9][a-z0-9-]{7,63})\.jsonl$/;
/** Syncthing: `name.sync-conflict-20261206-101010-ABCDEFG.ext`. */
const SYNCTHING = /^lanyard-([a-z0-9][a-z0-9-]{7,63})\.sync-conflict-[0-9]{8}-[0-9]{6}(?:-[A-Z0-9]{1,16})?\.jsonl$/;
/**
 * Dropbox: `name (Ada's conflicted copy 2026-12-06).ext`, also `(conflicted copy …)` and numbered
 * `(… conflicted copy … (1))`; Nextcloud: `name (conflicted copy 2026-12-06 101010).ext` (older
 * clients: `name_conflict-20261206-101010.ext`); ownCloud: `name (conflicted copy …)`.
 */
const PARENTHESISED = /^lanyard-([a-z0-9][a-z0-9-]{7,63}) \([^()/\\]{0,200}conflicted copy[^()/\\]{0,200}(?:\([0-9]{1,4}\))?\)\.jsonl$/i;
const NEXTCLOUD_OLD = /^lanyard-([a-z0-9][a-z0-9-]{7,63})_conflict-[0-9]{8}-[0-9]{6}\.jsonl$/;

/**
 * Which device a `.jsonl` file in the sync folder belongs to, and whether it is a sync tool's
 * conflicted copy, or undefined when it is not a Lanyard log at all (left alone). Copies are
 * read like the file itself; their ops are usually duplicates, which the merge ignores.
 */
export function readLogName(name: string): LogName | undefined {
  const plain = PLAIN.exec(name);
  if (plain?.[1]) return { deviceId: plain[1], isConflictCopy: false };
  for (const pattern of [SYNCTHING, PARENTHESISED, NEXTCLOUD_OLD]) {
    const match = pattern.exec(name);
    if (match?.[1] && DEVICE_ID.test(match[1])) return { deviceId: match[1], isConflictCopy: true };
  }
  return undefined;
}
