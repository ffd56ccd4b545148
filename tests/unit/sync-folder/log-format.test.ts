import { describe, expect, it } from 'vitest';
import { readLogName, ownLogName } from '../../../core/sync-folder/file-names';
import { headLine, opLine, type Op } from '../../../core/sync-folder/ops';
import { parseLog, LOG_LIMITS } from '../../../core/sync-folder/parse';

const A = 'device-aaaa';
const identity = { id: 's1', title: 'Talk', speakers: ['Ada'], day: '2023-02-03', start: '2023-02-03T09:00:00Z' };
const star: Op = { hlc: { wall: 10, counter: 0, device: A }, key: ['star', 'conf', 's1'], value: 'going', identity };
const gone: Op = { hlc: { wall: 11, counter: 2, device: A }, key: ['note', 'conf', 's1'], value: undefined };

describe('log lines', () => {
  it('round-trips ops, tombstones and heads', () => {
    const text = [headLine({ hlc: { wall: 12, counter: 0, device: A }, name: 'laptop', seen: { [A]: star.hlc } }), opLine(star), opLine(gone)].join('\n');
    const parsed = parseLog(text, 'f');
    expect(parsed.bad).toBe(0);
    expect(parsed.ops).toEqual([star, gone]);
    expect(parsed.heads[0]).toMatchObject({ name: 'laptop', seen: { [A]: star.hlc } });
  });

  it('skips bad lines with a count and reasons, and keeps every good one around them', () => {
    const good = opLine(star);
    const lines = [
      good,
      '{"v":1,"t":"op","w":1', // cut short
      'not json at all',
      JSON.stringify({ v: 1, t: 'op', w: 1, c: 0, d: A, k: ['star', 'conf', 's2'], x: 'definitely' }), // bad value
      JSON.stringify({ v: 1, t: 'op', w: 1, c: 0, d: '../x', k: ['star', 'conf', 's2'], x: 'going' }), // bad device
      JSON.stringify({ v: 1, t: 'op', w: 1, c: 0, d: A, k: ['teleport', 'conf'], x: 1 }), // unknown kind
      JSON.stringify({ v: 1, t: 'op', w: 1, c: 0, d: A, k: ['note', 'conf', 's2'], x: 'hi', del: true }), // both
      JSON.stringify({ v: 1, t: 'op', w: 1, c: 0, d: A, k: ['prefs', 'conf'], x: { remindersEnabled: true, reminderMinutes: 5 }, id: identity }), // id on prefs
      'x'.repeat(LOG_LIMITS.maxLineChars + 1),
      JSON.stringify({ v: 2, t: 'op', future: true }), // a newer Lanyard
      '',
      opLine(gone),
    ];
    const parsed = parseLog(lines.join('\n'), 'lanyard-x.jsonl');
    expect(parsed.ops).toEqual([star, gone]);
    expect(parsed.bad).toBe(8);
    expect(parsed.newer).toBe(1);
    expect(parsed.problems[0]).toBe('lanyard-x.jsonl, line 2: not complete JSON (cut short or damaged)');
    expect(parsed.problems).toHaveLength(5);
  });

  it('stops after the line cap and says so', () => {
    const text = `${opLine(star)}\n`.repeat(13);
    const parsed = parseLog(text, 'f', { ...LOG_LIMITS, maxLines: 10 });
    expect(parsed.ops).toHaveLength(10);
    expect(parsed.bad).toBe(1);
    expect(parsed.problems[0]).toMatch(/more than 10 lines/);
  });
});

describe('log file names', () => {
  it('names this device’s file and reads it back', () => {
    expect(ownLogName(A)).toBe('lanyard-device-aaaa.jsonl');
    expect(readLogName('lanyard-device-aaaa.jsonl')).toEqual({ deviceId: A, isConflictCopy: false });
  });

  it.each([
    ['Syncthing', 'lanyard-device-aaaa.sync-conflict-20261206-101010-ABCDEF7.jsonl'],
    ['Dropbox', "lanyard-device-aaaa (Ada's conflicted copy 2026-12-06).jsonl"],
    ['Dropbox, numbered', "lanyard-device-aaaa (Ada's conflicted copy 2026-12-06 (1)).jsonl"],
    ['Nextcloud', 'lanyard-device-aaaa (conflicted copy 2026-12-06 101010).jsonl'],
    ['Nextcloud, older clients', 'lanyard-device-aaaa_conflict-20261206-101010.jsonl'],
  ])('recognises a %s conflicted copy', (_tool, name) => {
    expect(readLogName(name)).toEqual({ deviceId: A, isConflictCopy: true });
  });

  it.each(['notes.jsonl', 'lanyard-device-aaaa.json', 'lanyard-UPPER-CASE1.jsonl', 'lanyard-../../x.jsonl', 'lanyard-device-aaaa.jsonl.tmp-1', 'lanyard-device-aaaa (copy).jsonl'])(
    'leaves %s alone',
    (name) => {
      expect(readLogName(name)).toBeUndefined();
    },
  );
});
