import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactOwnLog } from '../../../core/sync-folder/compact';
import type { Hlc } from '../../../core/sync-folder/hlc';
import { latestHeads, mergeOps, seenVector, type Merged } from '../../../core/sync-folder/merge';
import { keyId, valueText, type Op } from '../../../core/sync-folder/ops';
import { parseLog } from '../../../core/sync-folder/parse';

const A = 'device-aaaa';
const B = 'device-bbbb';
const C = 'device-cccc';
const at = (wall: number, device = A, counter = 0): Hlc => ({ wall, counter, device });
const star = (hlc: Hlc, session: string, value: 'going' | 'maybe' | undefined): Op => ({ hlc, key: ['star', 'conf', session], value });

function merged(ops: readonly Op[]): Merged {
  const into: Merged = new Map();
  mergeOps(into, ops);
  return into;
}
const view = (m: Merged): string[] => [...m].map(([k, op]) => `${k}=${valueText(op.value)}`).sort();

describe('merge', () => {
  it('keeps the newest edit per item; a newer deletion wins over an older value and loses to a newer one', () => {
    const m = merged([star(at(1), 's1', 'going'), star(at(3, B), 's1', undefined), star(at(2), 's1', 'maybe'), star(at(5), 's2', undefined), star(at(6, B), 's2', 'maybe')]);
    expect(m.get(keyId(['star', 'conf', 's1']))?.value).toBeUndefined();
    expect(m.get(keyId(['star', 'conf', 's2']))?.value).toBe('maybe');
  });

  it('breaks an exact tie by device id, then by value, the same way everywhere', () => {
    const ops = [star(at(1, B), 's1', 'going'), star(at(1, A), 's1', 'maybe')];
    expect(merged(ops).get(keyId(['star', 'conf', 's1']))?.hlc.device).toBe(B);
    expect(merged([...ops].reverse()).get(keyId(['star', 'conf', 's1']))?.hlc.device).toBe(B);
    const forged = [star(at(1), 's1', 'going'), star(at(1), 's1', 'maybe')];
    expect(view(merged(forged))).toEqual(view(merged([...forged].reverse())));
  });

  it('is a CRDT: any order, any grouping, any duplicates give the same state', () => {
    const op = fc.record({
      wall: fc.integer({ min: 0, max: 20 }),
      counter: fc.integer({ min: 0, max: 2 }),
      device: fc.constantFrom(A, B, C),
      session: fc.constantFrom('s1', 's2', 's3'),
      value: fc.constantFrom('going' as const, 'maybe' as const, undefined),
    }).map((r) => star(at(r.wall, r.device, r.counter), r.session, r.value));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.infiniteStream(fc.nat()), fc.nat({ max: 40 }), (ops, random, split) => {
        const reference = view(merged(ops));
        const shuffled = [...ops, ...ops.slice(0, split)].map((o) => ({ o, r: random.next().value as number })).sort((x, y) => x.r - y.r).map((x) => x.o);
        const left = merged(shuffled.slice(0, split));
        const right = merged(shuffled.slice(split));
        mergeOps(left, right.values()); // merging two merged states is merging their ops
        expect(view(left)).toEqual(reference);
        expect(view(merged(shuffled))).toEqual(reference);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('reports which items changed winner', () => {
    const m = merged([star(at(5), 's1', 'going')]);
    expect([...mergeOps(m, [star(at(4, B), 's1', 'maybe'), star(at(6, B), 's2', 'maybe')])]).toEqual([keyId(['star', 'conf', 's2'])]);
  });
});

describe('compaction of this device’s own log', () => {
  const base = { name: 'laptop', hasConflictCopies: false, now: 1_000, hlc: at(900) };

  it('keeps the newest op per item (values and tombstones) and drops its own superseded ops', () => {
    const ops = [star(at(1), 's1', 'going'), star(at(2), 's1', 'maybe'), star(at(3), 's2', undefined), star(at(4, B), 's3', 'going'), star(at(5), 's3', undefined), star(at(6, B), 's4', 'going'), star(at(2), 's4', 'maybe')];
    const m = merged(ops);
    const seen = new Map<string, Hlc>();
    seenVector(seen, ops);
    const out = compactOwnLog({ ...base, self: A, merged: m, seen, heads: new Map(), devices: new Set([A, B]) });
    const reread = parseLog(out.text, 'own');
    expect(reread.bad).toBe(0);
    expect(reread.ops.map((o) => [o.key[2], o.value ?? 'deleted'])).toEqual([['s1', 'maybe'], ['s2', 'deleted'], ['s3', 'deleted']]);
    expect(reread.heads[0]?.seen).toEqual({ [A]: at(5), [B]: at(6, B) });
    // Merging the compacted file with B's file gives what the full history gave.
    const again = merged([...reread.ops, ...ops.filter((o) => o.hlc.device === B)]);
    expect(view(again)).toEqual(view(m));
  });

  it('keeps a tombstone until every other device has acknowledged reading it, and while a conflicted copy lies around', () => {
    const tomb = star(at(10), 's1', undefined);
    const m = merged([star(at(5, B), 's1', 'going'), tomb]);
    const heads = latestHeads([
      { hlc: at(20, B), name: 'b', seen: { [A]: at(9) } },
      { hlc: at(21, C), name: 'c', seen: { [A]: at(10) } },
    ]);
    const input = { ...base, self: A, merged: m, seen: new Map(), heads, devices: new Set([A, B, C]) };
    expect(compactOwnLog(input).tombstonesDropped).toBe(0); // B has not read it yet
    const later = latestHeads([...heads.values(), { hlc: at(22, B), name: 'b', seen: { [A]: at(10) } }]);
    expect(compactOwnLog({ ...input, heads: later, hasConflictCopies: true }).tombstonesDropped).toBe(0);
    const done = compactOwnLog({ ...input, heads: later });
    expect(done.tombstonesDropped).toBe(1);
    expect(parseLog(done.text, 'own').ops).toEqual([]);
  });

  it('drops a tombstone nobody acknowledged once it is older than the horizon', () => {
    const m = merged([star(at(10), 's1', undefined)]);
    const input = { ...base, self: A, merged: m, seen: new Map(), heads: new Map(), devices: new Set([A, B]) };
    expect(compactOwnLog({ ...input, now: 10 + 999, horizonMs: 1_000 }).tombstonesDropped).toBe(0);
    expect(compactOwnLog({ ...input, now: 10 + 1_001, horizonMs: 1_000 }).tombstonesDropped).toBe(1);
  });
});
