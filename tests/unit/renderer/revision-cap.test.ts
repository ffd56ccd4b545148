import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REVISIONS_PER_CONFERENCE } from '../../../renderer/src/db/feeds';
import { listRevisions } from '../../../renderer/src/db/personal';
import { type LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';

const T0 = Date.parse('2023-01-20T10:00:00Z');
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('revision-cap');
});
afterEach(() => dropDb(db));

describe('the revision log', () => {
  it(`keeps the newest ${MAX_REVISIONS_PER_CONFERENCE} revisions of a conference whose feed changes at every poll, and leaves other conferences alone`, async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://example.org/centos.json' }), T0);
    const other = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://example.org/other.json' }), T0);
    await applyFeedText(db, other, sampleRevision((f) => { f.sessions[0]!.title = 'Other, changed once'; }), {}, T0 + 1);
    const total = MAX_REVISIONS_PER_CONFERENCE + 7;
    for (let k = 1; k <= total; k += 1) {
      const outcome = await applyFeedText(db, id, sampleRevision((f) => { f.sessions[0]!.title = `Title, version ${k}`; }), {}, T0 + k * 60_000);
      expect(outcome.kind).toBe('updated');
    }
    const kept = await listRevisions(db, id);
    expect(kept).toHaveLength(MAX_REVISIONS_PER_CONFERENCE);
    // Newest first: the last one applied, back to the 100th newest; the seven oldest are gone.
    expect(kept[0]!.at).toBe(T0 + total * 60_000);
    expect(kept.at(-1)!.at).toBe(T0 + (total - MAX_REVISIONS_PER_CONFERENCE + 1) * 60_000);
    expect(await listRevisions(db, other)).toHaveLength(1);
  });
});
