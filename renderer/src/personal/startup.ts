import { removeConference } from '../db/conference-admin';
import { clearPersonalRows, restoreSubscriptionFlags } from '../db/personal-data';
import type { LanyardDb } from '../db/schema';
import { host } from '../host';
import { addSample, ensureSample } from '../sync/sample';
import { restoreFromMirror, restoreMessage, startMirrorWriter, type MirrorWriter } from './mirror';
import { usePersonalNotices } from './notice';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

let writer: MirrorWriter | undefined;

/** Writes a waiting change to the mirror at once (used before export and when the page hides). */
export function flushMirror(): void {
  writer?.flush();
}

/**
 * The user asked to delete their stars, notes, reminder settings and watch list: delete them
 * and write the (possibly empty) result over the mirror, which is otherwise never emptied.
 */
export async function clearPersonalData(db: LanyardDb): Promise<number> {
  const count = await clearPersonalRows(db);
  if (writer) await writer.writeCleared();
  return count;
}

/**
 * Removes a conference the user chose to remove (with their stars and notes for it) and writes
 * the result over the mirror at once, even when nothing of theirs is left: the mirror is
 * otherwise never emptied, and a restore would bring the conference back. The removal stands
 * when the mirror cannot be written; that is reported, and retried, like any failed backup write.
 */
export async function removeConferenceAndBackup(db: LanyardDb, id: string): Promise<void> {
  await removeConference(db, id);
  // A failed write is reported (and retried) by the writer's own events.
  await writer?.writeCleared().catch(() => undefined);
}

/**
 * Opens the user's storage in the one safe order: restore from the mirror file if the
 * browser store was wiped, then the built-in sample (so it can never be mistaken for the
 * user's data and written over the mirror), then start mirroring changes. Returns a stop
 * function.
 */
export async function prepareStorage(db: LanyardDb, now: number): Promise<() => void> {
  const notices = usePersonalNotices.getState();
  const mirror = host();
  const outcome = await restoreFromMirror(db, mirror);
  await ensureSample(db, now);
  if (outcome.restored?.summary.hasSample) {
    await addSample(db, now);
    await restoreSubscriptionFlags(db, outcome.restored.data.subscriptions.filter((s) => s.source === 'sample'));
  }
  if (outcome.restored) notices.setRestored(restoreMessage(outcome.restored, (ms) => timeFormat.format(ms)));
  if (outcome.problem) notices.setMirrorProblem(outcome.problem);
  if (outcome.unrestorable) notices.setUnrestorable(outcome.unrestorable);

  writer = startMirrorWriter(db, mirror, {
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
  const hide = (): void => writer?.flush();
  window.addEventListener('pagehide', hide);
  // Another context deleting the database (a storage wipe) closes this connection: stop
  // mirroring so nothing empty is ever written, and say how to get everything back.
  let isLost = false;
  const lost = (): void => {
    if (isLost) return;
    isLost = true;
    writer?.stop();
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
  return () => {
    window.removeEventListener('pagehide', hide);
    db.on('versionchange').unsubscribe(versionChange);
    db.on('close').unsubscribe(lost);
    writer?.stop();
    writer = undefined;
  };
}
