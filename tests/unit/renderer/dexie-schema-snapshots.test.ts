import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredVersions, type VersionSnapshot } from '../support/dexie-versions';

/*
 * Shipped Dexie versions are pinned as JSON (tests/fixtures/dexie-schemas/v<n>.json, written
 * once by scripts/write-dexie-snapshots.ts when the version shipped, then never rewritten).
 * A browser that opened version n keeps its tables as version n declared them: editing a
 * shipped version instead of adding version n + 1 would leave such stores out of step, so it
 * must fail here.
 */

const DIR = new URL('../../fixtures/dexie-schemas/', import.meta.url);

function snapshots(): VersionSnapshot[] {
  return readdirSync(DIR)
    .filter((name) => /^v\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as VersionSnapshot)
    .sort((a, b) => a.version - b.version);
}

describe('shipped Dexie schemas', () => {
  const declared = declaredVersions();
  const pinned = snapshots();

  it('pins every version from 1 on', () => {
    expect(pinned.map((s) => s.version)).toEqual(pinned.map((_s, k) => k + 1));
    expect(pinned.length).toBeGreaterThanOrEqual(5);
  });

  it.each(pinned.map((s) => [s.version, s] as const))('version %i is declared exactly as it shipped', (version, snapshot) => {
    const now = declared.find((d) => d.version === version);
    expect(now, `version ${version} shipped and must stay declared`).toBeDefined();
    expect(now).toEqual(snapshot);
  });

  it('has a snapshot for every declared version (pin a new one with `npx tsx scripts/write-dexie-snapshots.ts` when it ships)', () => {
    const missing = declared.filter((d) => !pinned.some((s) => s.version === d.version)).map((d) => d.version);
    expect(missing).toEqual([]);
  });
});
