import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFolder } from '../support/memory-sync-folder';
import { RealFolder } from '../support/real-sync-folder';
import { runTwoComputers, type RunResult } from '../support/sync-random-run';

const OPS = Number(process.env.SYNC_OPS ?? 10_000);
const REAL_OPS = Number(process.env.SYNC_REAL_OPS ?? 600);
const SEED = Number(process.env.SYNC_SEED ?? 20261206);

function check(label: string, seed: number, result: RunResult): void {
  console.log(
    `sync folder, two computers (${label}): seed ${seed}, ${JSON.stringify(result.counts)}, ${result.items} items at the end, lost ${result.lost.length}, resurrected ${result.resurrected.length}, ${result.seconds} s`,
  );
  expect({ lost: result.lost.slice(0, 5), resurrected: result.resurrected.slice(0, 5), identical: result.identical }).toEqual({ lost: [], resurrected: [], identical: true });
  // The run did play the faults it is about.
  expect(result.counts.offline).toBeGreaterThan(0);
  expect((result.counts.copies ?? 0) + (result.counts.stale ?? 0)).toBeGreaterThan(0);
}

describe('two computers, one sync folder, random edits (set SYNC_SEED / SYNC_OPS to replay)', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it(`ends identical and equal to the reference after ${OPS} random operations (in-memory folders)`, async () => {
    const result = await runTwoComputers({ ops: OPS, seed: SEED, folderFor: (id, name) => Promise.resolve(new MemoryFolder(id, name)) });
    check('in-memory folders', SEED, result);
  }, 900_000);

  it(`does the same through the real host service on real folders (${REAL_OPS} operations)`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'lanyard-sync-real-'));
    roots.push(root);
    const seed = SEED + 1;
    const result = await runTwoComputers({
      ops: REAL_OPS,
      seed,
      folderFor: (id, name) => {
        const dir = join(root, name, 'Sync');
        mkdirSync(dir, { recursive: true });
        return RealFolder.open(dir, join(root, name, 'data'), name);
      },
    });
    check('real folders', seed, result);
  }, 900_000);
});
