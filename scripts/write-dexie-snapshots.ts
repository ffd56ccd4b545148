// Pins a Dexie version once it ships: writes tests/fixtures/dexie-schemas/v<n>.json for every
// version LanyardDb declares that has no snapshot yet. Existing snapshots are never rewritten:
// editing a shipped version must fail tests/unit/renderer/dexie-schema-snapshots.test.ts.
// Run: npx tsx scripts/write-dexie-snapshots.ts
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredVersions } from '../tests/unit/support/dexie-versions';

const dir = join(import.meta.dirname, '../tests/fixtures/dexie-schemas');
mkdirSync(dir, { recursive: true });
for (const snapshot of declaredVersions()) {
  const file = join(dir, `v${snapshot.version}.json`);
  if (existsSync(file)) continue;
  writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
