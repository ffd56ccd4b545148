import { expect } from 'vitest';
import { readLogName } from '../../../core/sync-folder/file-names';
import { keyId, valueText, type AnyItemValue, type ItemKey } from '../../../core/sync-folder/ops';
import { removeConference, setArchived } from '../../../renderer/src/db/conference-admin';
import { setWatched, setWatchLater } from '../../../renderer/src/db/live';
import { savePrefs, setStar, updateEntry } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import type { FolderPort } from '../../../renderer/src/sync-folder/port';
import { CONFERENCES, Device, itemsOf, prng, SESSION_IDS, urlOf, valueNow } from './sync-devices';

/** One computer's copy of the sync folder, as the sync tool between the computers sees it. */
export interface FolderSide {
  port(): FolderPort;
  names(): string[];
  read(name: string): string | undefined;
  /** The sync tool delivers a file (whole, as tools do: temp file + rename). */
  put(name: string, text: string): void;
  remove(name: string): void;
}

interface Net {
  folder: FolderSide;
  device: Device;
  online: boolean;
  /** Every version of this device's own file, oldest first (conflicted copies are made of old ones). */
  history: string[];
}

export interface RunOptions {
  ops: number;
  seed: number;
  folderFor(deviceId: string, hostName: string): Promise<FolderSide>;
}

export interface RunResult {
  counts: Record<string, number>;
  items: number;
  lost: string[];
  resurrected: string[];
  identical: boolean;
  seconds: string;
}

/**
 * Two Lanyard instances (two profiles: two IndexedDB databases, each with its own sync-folder
 * service), each with its own copy of the sync folder, and a sync tool between the copies that
 * delivers whole files late, skips versions, sometimes delivers an older version after a newer
 * one, leaves conflicted copies (in either folder), and stops while a computer is offline.
 * Every user action is recorded in a reference model as what it changed on the computer it was
 * made on, in the order they happened; at the end both profiles must hold exactly the reference.
 */
export async function runTwoComputers(options: RunOptions): Promise<RunResult> {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let clock = 1_700_000_000_000;
  const now = (): number => clock;
  const nets: Net[] = await Promise.all(['laptop', 'desktop'].map(async (name, i) => {
    const id = `device-${name}-${i}`;
    const folder = await options.folderFor(id, name);
    return { folder, device: new Device(id, folder.port(), now), online: true, history: [] };
  }));
  const reference = new Map<string, string>();
  const counts = { ops: 0, star: 0, unstar: 0, level: 0, note: 0, remind: 0, prefs: 0, watch: 0, subscribe: 0, remove: 0, archive: 0, deliveries: 0, stale: 0, cut: 0, copies: 0, offline: 0 };
  const started = Date.now();

  const ownName = (net: Net): string => `lanyard-${net.device.id}.jsonl`;
  /** A conflicted copy its owner deleted (after folding it in) is deleted on the other computer too, as a sync tool does. */
  const dropRemovedCopies = (from: Net, to: Net): void => {
    const present = new Set(from.folder.names());
    for (const name of to.folder.names()) {
      const parsed = readLogName(name);
      if (parsed?.isConflictCopy && parsed.deviceId === from.device.id && !present.has(name)) to.folder.remove(name);
    }
  };
  const remember = (net: Net): void => {
    const text = net.folder.read(ownName(net));
    if (text !== undefined && text !== net.history.at(-1)) net.history.push(text);
    if (net.history.length > 40) net.history.shift();
  };
  /** The sync tool: copies a file from one computer's folder to the other's (a new inode, as tools write a temp file and rename it). */
  const deliver = (from: Net, to: Net, text: string | undefined, name = ownName(from)): void => {
    if (text === undefined) return;
    to.folder.put(name, text);
    counts.deliveries += 1;
  };
  const network = (): void => {
    const [a, b] = nets as [Net, Net];
    for (const [from, to] of [[a, b], [b, a]] as Array<[Net, Net]>) {
      remember(from);
      if (!from.online || !to.online) continue;
      const r = random();
      if (r < 0.15) deliver(from, to, from.folder.read(ownName(from)));
      else if (r < 0.17 && from.history.length > 1) {
        deliver(from, to, pick(from.history.slice(0, -1))); // an older version after a newer one
        counts.stale += 1;
      } else if (r < 0.18) {
        const text = from.folder.read(ownName(from)) ?? '';
        deliver(from, to, text.slice(0, Math.floor(random() * text.length))); // caught mid-transfer: cut anywhere, even mid-line
        counts.cut += 1;
      }
      // Conflicted copies (and their deletion by their owner) travel like any file.
      const there = new Set(to.folder.names());
      for (const name of from.folder.names()) if (readLogName(name)?.isConflictCopy && !there.has(name) && random() < 0.3) to.folder.put(name, from.folder.read(name) ?? '');
      dropRemovedCopies(from, to);
    }
    if (random() < 0.004) {
      const owner = pick(nets);
      const old = owner.history.length ? pick(owner.history) : undefined;
      if (old !== undefined) {
        const name = `lanyard-${owner.device.id}.sync-conflict-20261206-${String(100_000 + counts.copies).slice(-6)}-XYZ.jsonl`;
        pick(nets).folder.put(name, old);
        counts.copies += 1;
      }
    }
    for (const net of nets) {
      if (random() < 0.004) {
        net.online = !net.online;
        if (!net.online) counts.offline += 1;
      }
    }
  };

  type Effect = Array<[ItemKey, AnyItemValue | undefined]>;
  /** One item written through the app; an action that leaves it as it was on that computer is no edit (unstarring what is not starred). */
  const one = async (db: LanyardDb, key: ItemKey, value: AnyItemValue | undefined, write: () => Promise<unknown>): Promise<Effect> => {
    const was = await valueNow(db, key);
    await write();
    return was === valueText(value) ? [] : [[key, value]];
  };
  /** Does one thing a person does, through the app's own functions, and says what it changes (independently of the sync code). */
  const act = async (net: Net): Promise<Effect> => {
    const { device } = net;
    const db = device.db;
    const stored = await device.stored();
    const t = clock;
    const r = random();
    if (!stored.length || r < 0.04) {
      const subscribed = new Set(await db.subscriptions.toCollection().primaryKeys());
      const candidates = CONFERENCES.filter((c) => !subscribed.has(c));
      if (candidates.length) {
        const conf = pick(candidates);
        await device.subscribe(conf);
        counts.subscribe += 1;
        return [[['sub', conf], { source: 'url', url: urlOf(conf), addedAt: t, archived: 0 }]];
      }
      if (!stored.length) return [];
    }
    const conf = pick(stored);
    const session = pick(SESSION_IDS);
    if (r >= 0.04 && r < 0.055) {
      // Removing a conference removes everything of it this person sees on this computer.
      const items = [...(await itemsOf(db)).keys()].map((id) => JSON.parse(id) as ItemKey).filter((key) => key[1] === conf);
      await removeConference(db, conf);
      counts.remove += 1;
      return [...items.map((key): [ItemKey, undefined] => [key, undefined]), [['sub', conf], undefined]];
    }
    if (r >= 0.04 && r < 0.075) {
      const sub = await db.subscriptions.get(conf);
      if (!sub) return [];
      counts.archive += 1;
      const value: AnyItemValue = { source: sub.source, ...(sub.url ? { url: sub.url } : {}), addedAt: sub.addedAt, archived: sub.archived === 0 ? 1 : 0 };
      return one(db, ['sub', conf], value, () => setArchived(db, conf, sub.archived === 0, t));
    }
    if (r < 0.45) {
      const entry = await db.agenda.get([conf, session]);
      const star = entry?.star === 'going' ? 'maybe' : 'going';
      if (entry?.star) counts.level += 1;
      else counts.star += 1;
      return one(db, ['star', conf, session], star, () => setStar(db, conf, session, star, t));
    }
    if (r < 0.57) {
      counts.unstar += 1;
      return one(db, ['star', conf, session], undefined, () => setStar(db, conf, session, undefined, t));
    }
    if (r < 0.72) {
      const note = random() < 0.25 ? '' : `note ${counts.ops} from ${device.id}`;
      counts.note += 1;
      return one(db, ['note', conf, session], note || undefined, () => updateEntry(db, conf, session, { note }, t));
    }
    if (r < 0.82) {
      const choice = random();
      const minutes = choice < 0.3 ? undefined : choice < 0.45 ? null : pick([0, 5, 15, 30]);
      counts.remind += 1;
      return one(db, ['remind', conf, session], minutes, () => updateEntry(db, conf, session, { reminderMinutes: minutes }, t));
    }
    if (r < 0.89) {
      const prefs = { remindersEnabled: random() < 0.7, reminderMinutes: pick([5, 10, 20]) };
      counts.prefs += 1;
      return one(db, ['prefs', conf], prefs, () => savePrefs(db, { conferenceId: conf, ...prefs }, t));
    }
    const watching = await db.watchLater.get([conf, session]);
    counts.watch += 1;
    if (watching && random() < 0.5) {
      const isWatched = watching.watchedAt === undefined;
      return one(db, ['watch', conf, session], isWatched ? { addedAt: watching.addedAt, watchedAt: t } : { addedAt: watching.addedAt }, () => setWatched(db, conf, session, isWatched, t));
    }
    return one(db, ['watch', conf, session], watching ? undefined : { addedAt: t }, () => setWatchLater(db, conf, session, !watching, t));
  };

  for (let step = 0; step < options.ops; step += 1) {
    clock += 1 + Math.floor(random() * 1_000);
    const net = pick(nets);
    const effect = await act(net);
    counts.ops += 1;
    for (const [key, value] of effect) {
      const id = keyId(key);
      if (process.env.SYNC_TRACE && id.includes(process.env.SYNC_TRACE)) console.log(`step ${step} t=${clock} ${net.device.id}: ${id} -> ${value === undefined ? 'deleted' : valueText(value)}`);
      if (value === undefined) reference.delete(id);
      else reference.set(id, valueText(value));
    }
    await net.device.sync();
    network();
    // The other computer notices a delivery (or just looks) from time to time.
    for (const other of nets) if (other !== net && random() < 0.3) await other.device.sync();
  }

  // Everyone back online; the sync tool catches up; each computer syncs until nothing moves.
  for (const net of nets) net.online = true;
  for (let pass = 0; pass < 4; pass += 1) {
    for (const net of nets) await net.device.sync();
    const [a, b] = nets as [Net, Net];
    deliver(a, b, a.folder.read(ownName(a)));
    deliver(b, a, b.folder.read(ownName(b)));
    dropRemovedCopies(a, b);
    dropRemovedCopies(b, a);
  }
  const [finalA, finalB] = await Promise.all(nets.map((n) => itemsOf(n.device.db)));
  const lost = [...reference].filter(([id, value]) => finalA!.get(id) !== value || finalB!.get(id) !== value).map(([id]) => id);
  const resurrected = [...new Set([...finalA!.keys(), ...finalB!.keys()])].filter((id) => !reference.has(id));
  for (const id of resurrected.slice(0, 5)) console.log(`resurrected ${id}: A ${finalA!.get(id)}, B ${finalB!.get(id)}`);
  for (const id of lost.slice(0, 5)) console.log(`lost ${id}: reference ${reference.get(id)}, A ${finalA!.get(id)}, B ${finalB!.get(id)}`);
  const identical = JSON.stringify([...finalA!].sort()) === JSON.stringify([...finalB!].sort()) && finalA!.size === reference.size;
  for (const net of nets) await net.device.close();
  return { counts, items: reference.size, lost, resurrected, identical, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** Prints the seed and the counts, and requires 0 lost, 0 resurrected, both computers identical. */
export function checkRun(label: string, seed: number, result: RunResult): void {
  console.log(
    `sync folder, two computers (${label}): seed ${seed}, ${JSON.stringify(result.counts)}, ${result.items} items at the end, lost ${result.lost.length}, resurrected ${result.resurrected.length}, ${result.seconds} s`,
  );
  expect({ lost: result.lost.slice(0, 5), resurrected: result.resurrected.slice(0, 5), identical: result.identical }).toEqual({ lost: [], resurrected: [], identical: true });
  // The run did play the faults it is about (a run shortened by hand may be too short to).
  if ((result.counts.ops ?? 0) < 500) return;
  expect(result.counts.offline).toBeGreaterThan(0);
  expect((result.counts.copies ?? 0) + (result.counts.stale ?? 0)).toBeGreaterThan(0);
}
