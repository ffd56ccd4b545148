import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { RealFolder } from '../support/real-sync-folder';
import { checkRun, runTwoComputers } from '../support/sync-random-run';

const OPS = Number(process.env.SYNC_REAL_OPS ?? 600);
const SEED = Number(process.env.SYNC_SEED ?? 20261206) + 1;

describe('two computers, each with a real copy of the sync folder (set SYNC_SEED / SYNC_REAL_OPS to replay)', () => {
  const root = mkdtempSync(join(tmpdir(), 'lanyard-sync-real-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`ends identical and equal to the reference after ${OPS} random operations through the real host service`, async () => {
    const result = await runTwoComputers({
      ops: OPS,
      seed: SEED,
      folderFor: (id, name) => {
        const dir = join(root, name, 'Sync');
        mkdirSync(dir, { recursive: true });
        return RealFolder.open(dir, join(root, name, 'data'), name);
      },
    });
    checkRun('real folders', SEED, result);
  }, 900_000);
});
