import { LanyardDb } from '../../../renderer/src/db/schema';

/** One `db.version(n)` declaration as pinned in tests/fixtures/dexie-schemas/v<n>.json. */
export interface VersionSnapshot {
  version: number;
  /** The argument of `.stores()`, exactly as declared (null deletes a table). */
  stores: Record<string, string | null>;
  /** Whether the version has an `.upgrade()` function. */
  hasUpgrade: boolean;
}

interface DexieVersion {
  _cfg: { version: number; storesSource: Record<string, string | null> | null; contentUpgrade: unknown };
}

function isDexieVersion(value: unknown): value is DexieVersion {
  const cfg = (value as { _cfg?: { version?: unknown } } | null)?._cfg;
  return typeof cfg === 'object' && cfg !== null && typeof cfg.version === 'number';
}

/**
 * Every version LanyardDb declares, read from Dexie's own record of the `version().stores()`
 * calls (the schema definitions themselves, not a copy of them).
 */
export function declaredVersions(): VersionSnapshot[] {
  const db = new LanyardDb('schema-snapshot-reader');
  const versions: unknown = Reflect.get(db, '_versions');
  if (!Array.isArray(versions) || !versions.every(isDexieVersion)) throw new Error('Dexie internals changed: cannot read the declared versions');
  return versions
    .map((v) => ({ version: v._cfg.version, stores: { ...(v._cfg.storesSource ?? {}) }, hasUpgrade: typeof v._cfg.contentUpgrade === 'function' }))
    .sort((a, b) => a.version - b.version);
}
