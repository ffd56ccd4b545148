import type { Hlc } from '../../../core/sync-folder/hlc';
import type { LanyardDb } from './schema';

/** The sync folder's bookkeeping in this profile (table syncMeta). */
export interface SyncMeta {
  deviceId: string | undefined;
  /** The name the user gave this computer (else the host name is used). */
  deviceName: string | undefined;
  clock: Hlc | undefined;
  /** The folder the base (syncBase) was agreed with; another folder starts from a first sync. */
  baseFolder: string | undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function hlcOf(value: unknown): Hlc | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { wall, counter, device } = value as Partial<Hlc>;
  return typeof wall === 'number' && typeof counter === 'number' && typeof device === 'string' ? { wall, counter, device } : undefined;
}

export async function readSyncMeta(db: LanyardDb): Promise<SyncMeta> {
  const rows = new Map((await db.syncMeta.toArray()).map((r) => [r.key, r.value]));
  return { deviceId: str(rows.get('deviceId')), deviceName: str(rows.get('deviceName')), clock: hlcOf(rows.get('clock')), baseFolder: str(rows.get('baseFolder')) };
}

/** Writes the given fields (undefined: removed). Inside or outside a transaction over syncMeta. */
export async function writeSyncMeta(db: LanyardDb, fields: Partial<SyncMeta>): Promise<void> {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) await db.syncMeta.delete(key);
    else await db.syncMeta.put({ key, value });
  }
}

/** The agreed value per item (keyId → valueText). */
export async function readSyncBase(db: LanyardDb): Promise<Map<string, string>> {
  return new Map((await db.syncBase.toArray()).map((r) => [r.key, r.value]));
}
