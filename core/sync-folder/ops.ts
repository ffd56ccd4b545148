import { z } from 'zod';
import { LiveChannelSchema } from '../model/schema';
import { SessionIdentitySchema, StarSchema, type SessionIdentity } from '../personal/model';
import { stableJson } from '../personal/io';
import { compareHlc, DEVICE_ID, MAX_COUNTER, MAX_WALL, type Hlc } from './hlc';

/**
 * The sync-folder log format, version 1: one JSON object per line (`.jsonl`), one file per
 * device. Two kinds of line:
 * - `op`: one edit of one item: `{"v":1,"t":"op","w":…,"c":…,"d":"<device>","k":["star","<conf>","<session>"],"x":"going"}`;
 *   a deletion carries `"del":true` instead of `x`; agenda and watch items also carry the
 *   session's identity (`"id"`), so a computer that lacks the row can create it.
 * - `head`: the first line of a file a device (re)wrote: its name and, per device, the newest
 *   timestamp it had read when it wrote the file (`seen`), which lets others drop tombstones.
 * `w`/`c`/`d` are the hybrid logical clock (wall ms, counter, device).
 */
export const LOG_VERSION = 1;

const conf = z.string().min(1).max(200);
const session = z.string().min(1).max(500);
const epochMs = z.number().int().nonnegative().max(MAX_WALL);
const minutes = z.number().int().min(0).max(24 * 60);

/** Each item kind: the shape of its key (after the kind) and of its value. */
const ITEM_KINDS = {
  /** A star on a session: going or maybe. */
  star: { key: z.tuple([conf, session]), value: StarSchema },
  /** A note on a session. */
  note: { key: z.tuple([conf, session]), value: z.string().min(1).max(20_000) },
  /** A session's own reminder: minutes before, or null for "no reminder for this one". */
  remind: { key: z.tuple([conf, session]), value: minutes.nullable() },
  /** A conference's reminder settings. */
  prefs: { key: z.tuple([conf]), value: z.object({ remindersEnabled: z.boolean(), reminderMinutes: minutes }).strict() },
  /** A recording on the watch-later list, and whether it was watched. */
  watch: { key: z.tuple([conf, session]), value: z.object({ addedAt: epochMs, watchedAt: epochMs.optional() }).strict() },
  /**
   * A subscription: how to get the conference again, the name and zone the user gave it, the
   * live channel its link carried, and whether it is archived. `title` and `live` came after the
   * first files were written: a line without them reads as before (no rename, no link channel).
   */
  sub: {
    key: z.tuple([conf]),
    value: z
      .object({
        source: z.enum(['sample', 'url', 'file']),
        url: z.string().max(2048).optional(),
        fileName: z.string().max(500).optional(),
        timeZone: z.string().max(100).optional(),
        title: z.string().max(300).optional(),
        live: LiveChannelSchema.strict().optional(),
        addedAt: epochMs,
        archived: z.union([z.literal(0), z.literal(1)]),
      })
      .strict(),
  },
} as const;

type ItemKind = keyof typeof ITEM_KINDS;
export type ItemValue<K extends ItemKind> = z.infer<(typeof ITEM_KINDS)[K]['value']>;
export type AnyItemValue = { [K in ItemKind]: ItemValue<K> }[ItemKind];
/** `[kind, conferenceId]` or `[kind, conferenceId, sessionId]`. */
export type ItemKey = readonly [ItemKind, string] | readonly [ItemKind, string, string];

/** Kinds whose item lives on a session (and so carries the session's identity). */
const SESSION_KINDS: ReadonlySet<ItemKind> = new Set(['star', 'note', 'remind', 'watch']);

export interface Op {
  hlc: Hlc;
  key: ItemKey;
  /** The new value, or undefined for a deletion (a tombstone). */
  value: AnyItemValue | undefined;
  identity?: SessionIdentity;
}

export interface Head {
  hlc: Hlc;
  name: string;
  /** Per device, the newest timestamp of that device this device had read when it wrote its file. */
  seen: Record<string, Hlc>;
}

/** The string a key is stored under in maps (JSON of the key tuple: no separator can be forged). */
export function keyId(key: ItemKey): string {
  return JSON.stringify(key);
}

/** Stable text of a value (for comparing values and breaking exact ties). */
export function valueText(value: AnyItemValue | undefined): string {
  return value === undefined ? '-' : stableJson(value);
}

/**
 * The order of two ops on one item: by timestamp; two different ops with the very same
 * timestamp (only possible from a damaged or hand-made file) are ordered by their value, so
 * every device still picks the same one.
 */
export function compareOps(a: Op, b: Op): number {
  const byTime = compareHlc(a.hlc, b.hlc);
  if (byTime !== 0) return byTime;
  const [x, y] = [valueText(a.value), valueText(b.value)];
  return x < y ? -1 : x > y ? 1 : 0;
}

const device = z.string().regex(DEVICE_ID);
const wall = z.number().int().nonnegative().max(MAX_WALL);
const counter = z.number().int().nonnegative().max(MAX_COUNTER);
const hlcFields = { v: z.literal(LOG_VERSION), w: wall, c: counter, d: device };

const OpLine = z
  .object({
    ...hlcFields,
    t: z.literal('op'),
    k: z.array(z.string().max(500)).min(2).max(3),
    x: z.unknown().optional(),
    del: z.literal(true).optional(),
    id: SessionIdentitySchema.optional(),
  })
  .strict();

const HeadLine = z
  .object({
    ...hlcFields,
    t: z.literal('head'),
    name: z.string().max(200),
    seen: z.record(device, z.tuple([wall, counter])).refine((r) => Object.keys(r).length <= 1000, 'too many devices'),
  })
  .strict();

const LogLine = z.discriminatedUnion('t', [OpLine, HeadLine]);

function isKind(kind: string): kind is ItemKind {
  return Object.prototype.hasOwnProperty.call(ITEM_KINDS, kind);
}

/** Checks one parsed line; returns the op or head, or a reason it was refused. */
export function readLine(raw: unknown): { op: Op } | { head: Head } | { error: string } {
  const parsed = LogLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'not a log line'}` };
  }
  const line = parsed.data;
  const hlc: Hlc = { wall: line.w, counter: line.c, device: line.d };
  if (line.t === 'head') {
    const seen: Record<string, Hlc> = {};
    for (const [id, [w, c]] of Object.entries(line.seen)) seen[id] = { wall: w, counter: c, device: id };
    return { head: { hlc, name: line.name, seen } };
  }
  const [kind, ...parts] = line.k;
  if (kind === undefined || !isKind(kind)) return { error: `k: unknown item kind "${String(kind).slice(0, 40)}"` };
  const spec = ITEM_KINDS[kind];
  const key = spec.key.safeParse(parts);
  if (!key.success) return { error: `k: not a ${kind} key` };
  if (line.del === true && line.x !== undefined) return { error: 'an op is either a value or a deletion' };
  let value: AnyItemValue | undefined;
  if (line.del !== true) {
    const checked = spec.value.safeParse(line.x);
    if (!checked.success) return { error: `x: not a ${kind} value (${checked.error.issues[0]?.message ?? 'rejected'})` };
    value = checked.data;
  }
  if (line.id && !SESSION_KINDS.has(kind)) return { error: `id: a ${kind} item has no session` };
  const op: Op = { hlc, key: [kind, ...key.data] as unknown as ItemKey, value };
  if (line.id) op.identity = line.id;
  return { op };
}

/** One op as its log line (no newline). */
export function opLine(op: Op): string {
  const { hlc } = op;
  const out: Record<string, unknown> = { v: LOG_VERSION, t: 'op', w: hlc.wall, c: hlc.counter, d: hlc.device, k: op.key };
  if (op.value === undefined) out.del = true;
  else out.x = op.value;
  if (op.identity) out.id = op.identity;
  return JSON.stringify(out);
}

/** A head as its log line (no newline). */
export function headLine(head: Head): string {
  const seen: Record<string, [number, number]> = {};
  for (const id of Object.keys(head.seen).sort()) {
    const at = head.seen[id];
    if (at) seen[id] = [at.wall, at.counter];
  }
  return JSON.stringify({ v: LOG_VERSION, t: 'head', w: head.hlc.wall, c: head.hlc.counter, d: head.hlc.device, name: head.name.slice(0, 200), seen });
}
