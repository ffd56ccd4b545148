import { removeConference } from '../db/conference-admin';
import { clearPersonalRows, restoreSubscriptionFlags } from '../db/personal-data';
import type { LanyardDb } from '../db/schema';
import type { Engine } from '../engine/jobs';
import { restoreFromMirror, restoreMessage, startMirrorWriter, type MirrorHost, type MirrorWriter } from './mirror';
import { usePersonalNotices } from './notice';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const SEEDED_KEY = 'lanyard-sample-seeded';

/** The user's storage, as the app kernel opens it: restore, the sample, then the backup writer. */
export interface StorageService {
  /** Opens storage in the one safe order (see prepareStorage); returns a stop function. */
  prepare: (now: number) => Promise<() => void>;
  /** Writes a waiting change to the mirror at once (used before export and when the page hides). */
  flush: () => void;
  /**
   * The user asked to delete their stars, notes, reminder settings and watch list: delete them
   * and write the (possibly empty) result over the mirror, which is otherwise never emptied.
   */
  clearPersonalData: () => Promise<number>;
  /**
   * Removes a conference the user chose to remove (with their stars and notes for it) and writes
   * the result over the mirror at once, even when nothing of theirs is left: the mirror is
   * otherwise never emptied, and a restore would bring the conference back. The removal stands
   * when the mirror cannot be written; that is reported, and retried, like any failed backup write.
   */
  removeConference: (id: string) => Promise<void>;
}

export function createStorageService(db: LanyardDb, mirror: MirrorHost, engine: Engine): StorageService {
  let writer: MirrorWriter | undefined;
  return {
    prepare: async (now) => {
      const started = await prepareStorage(db, mirror, engine, now);
      writer = started.writer;
      return () => {
        started.stop();
        writer = undefined;
      };
    },
    flush: () => writer?.flush(),
    clearPersonalData: async () => {
      const count = await clearPersonalRows(db);
      if (writer) await writer.writeCleared();
      return count;
    },
    removeConference: async (id) => {
      await removeConference(db, id);
      // A failed write is reported (and retried) by the writer's own events.
      await writer?.writeCleared().catch(() => undefined);
    },
  };
}

/** The built-in sample, read and stored by the engine (it parses a feed). */
async function addSample(engine: Engine, now: number): Promise<void> {
  const added = await engine.run('sample', { now });
  if (!added.ok) throw new Error(`The built-in sample could not be added: ${added.message}`);
}

/** On first start, the built-in CentOS Connect 2023 conference: no network needed. */
async function ensureSample(db: LanyardDb, engine: Engine, now: number): Promise<void> {
  if (localStorage.getItem(SEEDED_KEY) && (await db.subscriptions.count()) > 0) return;
  await addSample(engine, now);
  localStorage.setItem(SEEDED_KEY, '1');
}

/**
 * Opens the user's storage in the one safe order: restore from the mirror file if the
 * browser store was wiped, then the built-in sample (so it can never be mistaken for the
 * user's data and written over the mirror), then start mirroring changes.
 */
async function prepareStorage(db: LanyardDb, mirror: MirrorHost, engine: Engine, now: number): Promise<{ writer: MirrorWriter; stop: () => void }> {
  const notices = usePersonalNotices.getState();
  const outcome = await restoreFromMirror(db, mirror);
  await ensureSample(db, engine, now);
  if (outcome.restored?.summary.hasSample) {
    await addSample(engine, now);
    await restoreSubscriptionFlags(db, outcome.restored.data.subscriptions.filter((s) => s.source === 'sample'));
  }
  if (outcome.restored) notices.setRestored(restoreMessage(outcome.restored, (ms) => timeFormat.format(ms)));
  if (outcome.problem) notices.setMirrorProblem(outcome.problem);
  if (outcome.unrestorable) notices.setUnrestorable(outcome.unrestorable);

  const writer = startMirrorWriter(db, mirror, {
    ...(outcome.mirrorSignature ? { initialSignature: outcome.mirrorSignature } : {}),
    events: {
      onWritten: ({ path, writtenAt }) => usePersonalNotices.getState().setMirror({ state: 'saved', path, writtenAt }),
      onFailed: (message, { code, retryInMs }) => {
        // Keep where and when the file was last saved: Your data still shows them.
        const { path, writtenAt } = usePersonalNotices.getState().mirror;
        usePersonalNotices.getState().setMirror({ path, writtenAt, state: retryInMs === undefined ? 'failed' : 'retrying', message, ...(code ? { code } : {}) });
      },
      onCaughtUp: () => {
        const { path, writtenAt } = usePersonalNotices.getState().mirror;
        usePersonalNotices.getState().setMirror({ path, writtenAt, state: 'saved' });
      },
    },
  });
  const hide = (): void => writer.flush();
  window.addEventListener('pagehide', hide);
  // Another context deleting the database (a storage wipe) closes this connection: stop
  // mirroring so nothing empty is ever written, and say how to get everything back.
  let isLost = false;
  const lost = (): void => {
    if (isLost) return;
    isLost = true;
    writer.stop();
    // The sync workers have connections of their own: stop them too, so no job re-creates the database.
    engine.dispose();
    // Keep this page from quietly re-creating an empty database and writing new stars into
    // it: they would make the store look non-empty at the next start and block the restore.
    db.close({ disableAutoOpen: true });
    // Dexie's own handling of the forced close may run after this listener: close again once it has.
    setTimeout(() => db.close({ disableAutoOpen: true }), 0);
    usePersonalNotices.getState().setStorageLost(true);
    usePersonalNotices.getState().setMirror({ state: 'stopped', message: 'The browser storage was cleared; reload to restore from the backup copy.' });
  };
  // Returning false replaces Dexie's default handler, which would close with auto-open still on.
  const versionChange = (): boolean => {
    lost();
    return false;
  };
  db.on('versionchange', versionChange);
  db.on('close', lost);
  const stop = (): void => {
    window.removeEventListener('pagehide', hide);
    db.on('versionchange').unsubscribe(versionChange);
    db.on('close').unsubscribe(lost);
    writer.stop();
  };
  return { writer, stop };
}
