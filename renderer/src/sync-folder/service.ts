import Dexie, { type ObservabilitySet } from 'dexie';
import { compactOwnLog } from '../../../core/sync-folder/compact';
import { ownLogName } from '../../../core/sync-folder/file-names';
import { createHlcClock, type HlcClock } from '../../../core/sync-folder/hlc';
import { mergeOps, seenVector } from '../../../core/sync-folder/merge';
import { opLine, valueText, type ItemValue } from '../../../core/sync-folder/ops';
import type { LanyardDb } from '../db/schema';
import { readSyncBase, readSyncMeta, writeSyncMeta } from '../db/sync-meta';
import { readLocalItems, SYNC_APPLY_TABLES, writeItems, type ApplyOutcome, type ItemWrite, type LocalItem } from '../db/sync-items';
import type { FolderPort } from './port';
import { createFolderReader, type FolderReader } from './reader';
import { changesSinceAgreed, firstSyncOffers, isSafeToRewrite, isUncreatable, randomDeviceId } from './record';
import { initialSyncStatus, type SyncFolderStatus } from './status';

export interface SyncFolderDeps {
  db: LanyardDb;
  folder: FolderPort;
  /** The wall clock (injected for tests). */
  now?: () => number;
  /** Subscriptions that arrived from the folder: fetch their feeds now (a new computer gets the user's conferences). */
  onSubscribed?: (ids: string[]) => void;
  /** Stored conferences renamed or given another time zone on another computer: read their stored copy again with it. */
  onResettled?: (ids: string[]) => void;
  onStatus?: (status: SyncFolderStatus) => void;
  /** Tests drive rounds themselves: no live query, no folder events, no timers. */
  manual?: boolean;
  /** Runs a round holding a lock shared by every window of this profile (Web Locks), so two never write one file. */
  exclusive?: <T>(job: () => Promise<T>) => Promise<T>;
  newDeviceId?: () => string;
  /** How often to look even when nothing said so (network shares report no changes). */
  pollMs?: number;
}

export interface SyncFolderService {
  /** One full round now (read the folder, record local changes, apply, compact when due). */
  syncNow(): Promise<void>;
  status(): SyncFolderStatus;
  /** Forgets the folder state read so far (another folder was chosen, or none). */
  reset(): void;
  /** Names this computer for the others (empty: its host name); written with the next compaction. */
  rename(name: string): Promise<void>;
  stop(): void;
}

interface Agreed {
  path: string;
  /** False until the first round with this folder committed (a first sync offers, never deletes). */
  isAgreed: boolean;
  /** keyId → valueText agreed with the folder. */
  base: Map<string, string>;
}

/** Own ops in the file beyond this many times the ones still winning (plus a margin) make it due for compaction. */
const GROWTH = 2;
const GROWTH_MARGIN = 64;
/** A head older than this is rewritten (with what this device has seen since) so others can drop tombstones. */
const ACK_EVERY_MS = 10 * 60_000;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The sync folder, renderer side. Each round: read what changed in the folder and merge it;
 * compare this profile's personal rows with the values last agreed with the folder (table
 * syncBase) and append every difference as an op with a fresh clock reading (so every edit,
 * deletions included, is recorded wherever it was made: a star, an import, a restore, a
 * removed conference); then, in one transaction, put the merged winners into the rows and
 * record them as agreed (so applying never echoes back as a local edit). On a first sync
 * with a folder (or after a wiped store) there is nothing agreed yet: rows that differ from
 * the folder are offered with their own timestamps, so older local copies do not beat newer
 * edits, and nothing is deleted.
 */
export function startSyncFolder(deps: SyncFolderDeps): SyncFolderService {
  const { db, folder } = deps;
  const now = deps.now ?? Date.now;
  const exclusive = deps.exclusive ?? (<T>(job: () => Promise<T>) => job());
  let status: SyncFolderStatus = { ...initialSyncStatus, state: 'starting' };
  let reader: FolderReader = createFolderReader();
  let readerFolder: string | undefined;
  let clock: HlcClock | undefined;
  let deviceId: string | undefined;
  let lastCompaction = 0;
  let agreedCache: Agreed | undefined;
  let deviceName: string | undefined;
  /** Set whenever a personal row is written (here or in another context): the next round reads the rows. */
  let isDirty = true;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;

  const report = (next: Partial<SyncFolderStatus>): void => {
    status = { ...status, ...next };
    deps.onStatus?.(status);
  };

  async function identity(): Promise<{ id: string; clock: HlcClock; name: string | undefined }> {
    if (!deviceId || !clock) {
      const meta = await readSyncMeta(db);
      deviceId = meta.deviceId ?? (deps.newDeviceId ?? randomDeviceId)();
      if (!meta.deviceId) await writeSyncMeta(db, { deviceId });
      clock = createHlcClock(deviceId, now, meta.clock?.device === deviceId ? meta.clock : undefined);
      deviceName = meta.deviceName;
    }
    return { id: deviceId, clock, name: deviceName };
  }

  async function round(): Promise<void> {
    const answer = await folder.syncFolderStatus();
    if (!answer.ok) {
      report({ state: 'error', problems: [answer.error.message] });
      return;
    }
    const { path, hostName, canChoose } = answer.value;
    if (!path) {
      report({ ...initialSyncStatus, hostName, canChoose });
      return;
    }
    if (readerFolder !== path) {
      reader = createFolderReader();
      readerFolder = path;
    }
    const me = await identity();
    const name = me.name ?? hostName;
    const problems: string[] = [];
    let changed: Set<string>;
    try {
      ({ changed } = await reader.refresh(folder));
    } catch (error) {
      report({ state: 'error', folder: path, hostName, canChoose, deviceId: me.id, deviceName: name, problems: [`The sync folder could not be read: ${errorText(error)}`] });
      return;
    }
    const newest = reader.newest();
    if (newest) me.clock.receive(newest);

    const agreed = await agreedState(path);
    const ownName = ownLogName(me.id);
    const ownFile = reader.files().find((f) => f.name === ownName);
    // Never rewrite a file that could not be read, or that holds lines of a newer Lanyard: they would be lost.
    if (ownFile && !isSafeToRewrite(ownFile)) {
      report({ state: 'error', folder: path, problems: [`This computer’s file in the sync folder could not be read, so nothing is written to it: ${ownFile.error ?? 'it holds lines from a newer version of Lanyard'}`] });
      return;
    }
    if (!ownFile || !ownFile.hasHead) {
      const written = await compact(me.id, name);
      if (!written.ok) {
        report({ state: 'error', folder: path, problems: [`This computer’s file could not be written to the sync folder: ${written.error.message}`] });
        return;
      }
    }
    // Nothing written here since the last round and nothing new in the folder: nothing to do.
    if (isDirty || changed.size > 0 || !agreed.isAgreed) {
      isDirty = false;
      const local = await readLocalItems(db);
      // The base lives in the same database as the rows: a wiped store loses both, so a missing
      // base can never be mistaken for "everything was deleted here".
      const ops = agreed.isAgreed ? changesSinceAgreed(local, agreed.base, me.clock) : firstSyncOffers(local, reader.merged, me.id, now());
      if (ops.length) {
        const written = await folder.appendSyncLog({ deviceId: me.id, text: ops.map((op) => `${opLine(op)}\n`).join('') });
        if (!written.ok) {
          // Not agreed: the same differences are found (and written) again next round.
          isDirty = true;
          report({ state: 'error', folder: path, problems: [`Your changes could not be written to the sync folder: ${written.error.message}`] });
          return;
        }
        mergeOps(reader.merged, ops);
        seenVector(reader.seen, ops);
      }
      const outcome = await applyMerged(local, agreed, path, me.clock, ops.length > 0);
      if (outcome.subscribed.length) deps.onSubscribed?.(outcome.subscribed);
      if (outcome.resettled.length) deps.onResettled?.(outcome.resettled);
    }
    await compactWhenDue(me.id, name);

    for (const file of reader.files()) {
      if (file.error) problems.push(`${file.name} could not be read: ${file.error}`);
      if (file.bad) problems.push(`${file.bad} damaged line${file.bad === 1 ? ' was' : 's were'} skipped in ${file.name} (${file.problems[0] ?? ''}).`);
      if (file.newer) problems.push(`${file.newer} line${file.newer === 1 ? '' : 's'} in ${file.name} came from a newer version of Lanyard and ${file.newer === 1 ? 'was' : 'were'} skipped.`);
    }
    report({
      state: problems.length ? 'error' : 'ok',
      folder: path,
      hostName,
      canChoose,
      deviceId: me.id,
      deviceName: name,
      lastSyncAt: now(),
      problems,
      notCreated: await fromFilesElsewhere(),
      devices: reader.devices().map((d) => ({
        id: d.id,
        name: d.id === me.id ? name : (d.name ?? d.id),
        isThis: d.id === me.id,
        lastSeen: d.lastWall || undefined,
        conflictCopies: d.conflictCopies,
      })),
    });
  }

  /** Conferences other computers added from a file, which this one does not have. */
  async function fromFilesElsewhere(): Promise<string[]> {
    const ids = [...reader.merged.values()].filter((op) => op.key[0] === 'sub' && (op.value as ItemValue<'sub'> | undefined)?.source === 'file').map((op) => op.key[1]);
    if (!ids.length) return [];
    const here = new Set(await db.subscriptions.toCollection().primaryKeys());
    return ids.filter((id) => !here.has(id)).sort();
  }

  /** The agreed values (syncBase) for this folder, read once and then kept in step with every commit. */
  async function agreedState(path: string): Promise<Agreed> {
    if (agreedCache?.path === path) return agreedCache;
    const meta = await readSyncMeta(db);
    const isAgreed = meta.baseFolder === path;
    agreedCache = { path, isAgreed, base: isAgreed ? await readSyncBase(db) : new Map<string, string>() };
    return agreedCache;
  }

  /**
   * Puts the merged winners into the rows and records what is now agreed. Planned from the
   * rows read at the start of the round; when something must be written, it is done in one
   * transaction that reads the rows again and leaves alone any item the person changed
   * meanwhile (the next round records that as an edit made here).
   */
  async function applyMerged(before: Map<string, LocalItem>, agreed: Agreed, path: string, hlc: HlcClock, hasNewOps: boolean): Promise<ApplyOutcome> {
    const keys = new Set([...before.keys(), ...reader.merged.keys(), ...agreed.base.keys()]);
    let needsWrite = false;
    const baseChanges = new Map<string, string>();
    for (const id of keys) {
      const op = reader.merged.get(id);
      const winner = valueText(op?.value);
      if (winner !== valueText(before.get(id)?.value)) needsWrite ||= !isUncreatable(op, before.get(id));
      else if (winner !== (agreed.base.get(id) ?? '-')) baseChanges.set(id, winner);
    }
    const last = hlc.last();
    const meta = { baseFolder: path, ...(last ? { clock: last } : {}) };
    if (!needsWrite) {
      if (baseChanges.size || !agreed.isAgreed || hasNewOps) {
        await db.transaction('rw', [db.syncBase, db.syncMeta], async () => {
          // A first sync with this folder: what was agreed with another folder means nothing here.
          if (!agreed.isAgreed) await db.syncBase.clear();
          await storeBase(baseChanges);
          await writeSyncMeta(db, meta);
        });
        commitBase(agreed, baseChanges);
      }
      return { subscribed: [], resettled: [], notCreated: [] };
    }
    const committed = new Map<string, string>();
    const outcome = await db.transaction('rw', [...SYNC_APPLY_TABLES], async () => {
      const current = await readLocalItems(db);
      const isSteady = (id: string): boolean => valueText(current.get(id)?.value) === valueText(before.get(id)?.value);
      const writes: ItemWrite[] = [];
      for (const id of keys) {
        if (!isSteady(id)) continue;
        const winner = reader.merged.get(id);
        const item = current.get(id);
        if (valueText(winner?.value) === valueText(item?.value)) continue;
        const write: ItemWrite = { key: winner?.key ?? item!.key, value: winner?.value };
        const hint = winner?.identity ?? item?.identity;
        if (hint) write.identity = hint;
        writes.push(write);
      }
      const result = writes.length ? await writeItems(db, writes, now()) : { subscribed: [], resettled: [], notCreated: [] };
      const after = writes.length ? await readLocalItems(db) : current;
      for (const id of keys) {
        if (!isSteady(id)) continue;
        const value = valueText(after.get(id)?.value);
        if (value !== (agreed.base.get(id) ?? '-')) committed.set(id, value);
      }
      if (!agreed.isAgreed) await db.syncBase.clear();
      await storeBase(committed);
      await writeSyncMeta(db, meta);
      return result;
    });
    commitBase(agreed, committed);
    return outcome;
  }

  async function storeBase(changes: ReadonlyMap<string, string>): Promise<void> {
    const put = [...changes].filter(([, v]) => v !== '-').map(([key, value]) => ({ key, value }));
    const drop = [...changes].filter(([, v]) => v === '-').map(([key]) => key);
    if (put.length) await db.syncBase.bulkPut(put);
    if (drop.length) await db.syncBase.bulkDelete(drop);
  }

  /** After the transaction committed: the cached base follows. */
  function commitBase(agreed: Agreed, changes: ReadonlyMap<string, string>): void {
    agreed.isAgreed = true;
    for (const [id, value] of changes) {
      if (value === '-') agreed.base.delete(id);
      else agreed.base.set(id, value);
    }
  }

  async function compact(self: string, name: string) {
    const result = compactOwnLog({
      self,
      name,
      merged: reader.merged,
      seen: reader.seen,
      heads: reader.heads(),
      devices: new Set(reader.files().map((f) => f.deviceId)),
      hasConflictCopies: reader.files().some((f) => f.isConflictCopy),
      hlc: clock!.tick(),
      now: now(),
    });
    const written = await folder.replaceSyncLog({ deviceId: self, text: result.text });
    if (written.ok) lastCompaction = now();
    return written;
  }

  async function compactWhenDue(self: string, name: string): Promise<void> {
    const ownName = ownLogName(self);
    const files = reader.files();
    const own = files.find((f) => f.name === ownName);
    if (!own || !isSafeToRewrite(own)) return;
    const copies = files.filter((f) => f.deviceId === self && f.isConflictCopy && !f.error);
    const winners = [...reader.merged.values()].filter((op) => op.hlc.device === self).length;
    const isGrown = own !== undefined && own.ops > GROWTH * winners + GROWTH_MARGIN;
    const isAckDue = now() - lastCompaction > ACK_EVERY_MS;
    if (!copies.length && !isGrown && !isAckDue) return;
    const written = await compact(self, name);
    if (!written.ok) return;
    // Their ops are in the rewritten file now (merged winners of this device), so the copies can go.
    for (const copy of copies) await folder.removeSyncCopy({ deviceId: self, name: copy.name });
  }

  function syncNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await exclusive(round);
        } catch (error) {
          report({ state: 'error', problems: [`Syncing failed: ${errorText(error)}`] });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const stops: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (ms: number): void => {
    if (deps.manual || stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), ms);
  };
  stops.push(() => timer !== undefined && clearTimeout(timer));
  // Personal rows written anywhere: this page (a star, an import, a restore, or an apply: then
  // the round finds nothing to record), another tab, or the sync worker (a subscription, rows
  // re-attached to a new revision). Dexie reports every committed write, also across contexts.
  const watched = new Set(['agenda', 'prefs', 'watchLater', 'subscriptions'].map((table) => `idb://${db.name}/${table}/`));
  const onMutated = (parts: ObservabilitySet): void => {
    for (const part of Object.keys(parts)) {
      const table = part.slice(0, part.indexOf('/', `idb://${db.name}/`.length) + 1);
      if (!watched.has(table)) continue;
      isDirty = true;
      soon(300);
      return;
    }
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  stops.push(() => Dexie.on.storagemutated.unsubscribe(onMutated));
  if (!deps.manual) {
    stops.push(folder.onSyncFolderChange(() => soon(50)));
    const poll = setInterval(() => void syncNow(), deps.pollMs ?? 60_000);
    stops.push(() => clearInterval(poll));
  }

  return {
    syncNow,
    status: () => status,
    reset: () => {
      reader = createFolderReader();
      readerFolder = undefined;
      agreedCache = undefined;
    },
    rename: async (name) => {
      const trimmed = name.trim().slice(0, 100);
      await writeSyncMeta(db, { deviceName: trimmed || undefined });
      deviceName = trimmed || undefined;
      lastCompaction = 0; // the head carries the name: rewrite it at the next round
      await syncNow();
    },
    stop: () => {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}

