import 'fake-indexeddb/auto';
import { describe, it } from 'vitest';
import { MemoryFolder } from '../support/memory-sync-folder';
import { checkRun, runTwoComputers } from '../support/sync-random-run';

const OPS = Number(process.env.SYNC_OPS ?? 10_000);
const SEED = Number(process.env.SYNC_SEED ?? 20261206);

describe('two computers, one sync folder, random edits (set SYNC_SEED / SYNC_OPS to replay)', () => {
  it(`ends identical and equal to the reference after ${OPS} random operations (in-memory folders)`, async () => {
    const result = await runTwoComputers({ ops: OPS, seed: SEED, folderFor: (id, name) => Promise.resolve(new MemoryFolder(id, name)) });
    checkRun('in-memory folders', SEED, result);
  }, 900_000);
});
