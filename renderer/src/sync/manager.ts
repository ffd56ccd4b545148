import { nextPollDelay } from '../../../core/sync/schedule';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';
import { host } from '../host';
import { kickAlerts } from '../personal/alerts';
import { measureSince } from '../perf';
import { getHeld, pollValidators, touchHeld } from '../db/held';
import { recordFailure, recordNotModified, type SyncOutcome } from './apply';
import { changeConferenceSettings, type ConferenceSettings, type SettingsOutcome } from './conference-settings';
import { cachePhotos } from './photos';
import { runApply } from './run-apply';
import { isPushConnected } from '../store/live';

const inFlight = new Map<string, Promise<SyncOutcome>>();

/**
 * Runs one sync job per subscription at a time (a poll, "Refresh now" or "Apply anyway"), then
 * re-plans alerts and the next poll, and caches photos after a successful one.
 */
function exclusive(db: LanyardDb, id: string, work: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  const running = inFlight.get(id);
  if (running) return running;
  const job = work();
  inFlight.set(id, job);
  return job.finally(() => {
    inFlight.delete(id);
    // A new revision may have moved a starred session: tell the user now, not at the next tick.
    kickAlerts();
    void schedule(db, id);
  }).then((outcome) => {
    // Photos follow a successful sync in the background; their failures touch nothing else.
    if (outcome.kind !== 'failed') void cachePhotos(db, id);
    return outcome;
  });
}

/** Fetches one subscription now and applies what comes back; never throws. */
export function syncNow(db: LanyardDb, sub: SubscriptionRecord, now = Date.now()): Promise<SyncOutcome> {
  return exclusive(db, sub.id, async (): Promise<SyncOutcome> => {
    if (sub.source !== 'url' || !sub.url) return { kind: 'unchanged' };
    const started = performance.now();
    // While a revision is held, ask with its validators: a server that still has it answers 304.
    const { etag, lastModified, isHeld } = await pollValidators(db, sub);
    const answer = await host().fetchFeed({ url: sub.url, etag, lastModified });
    if (!answer.ok) return recordFailure(db, sub.id, 'fetch', answer.error, now);
    if (answer.value.kind === 'not-modified') {
      const outcome = await recordNotModified(db, sub.id, now);
      if (isHeld) await touchHeld(db, sub.id, now);
      measureSince('lanyard:sync-304', started, { subscriptionId: sub.id });
      return outcome;
    }
    return runApply(db, sub.id, answer.value.text, { etag: answer.value.etag, lastModified: answer.value.lastModified }, now);
  });
}

/**
 * A live channel said a new revision is out: fetch now, exactly as a poll (conditional
 * request, same apply path). A poll already running may have asked before the revision was
 * published, so this waits for it and then asks again.
 */
export async function syncAfterPing(db: LanyardDb, id: string): Promise<SyncOutcome | undefined> {
  await inFlight.get(id)?.catch(() => undefined);
  const sub = await db.subscriptions.get(id);
  if (!sub || sub.archived || sub.source !== 'url') return undefined;
  return syncNow(db, sub);
}

/**
 * "Apply anyway": stores the held revision the user reviewed (named by its hash, so a newer
 * hold that arrived meanwhile is never applied unseen) through the normal path: one
 * transaction with its validators, agenda re-attachment, the revision log and notifications.
 */
export async function applyHeldNow(db: LanyardDb, id: string, hash: string, now = Date.now()): Promise<SyncOutcome> {
  // A poll in progress finishes first (it may replace the held revision; the hash check below sees that).
  await inFlight.get(id)?.catch(() => undefined);
  return exclusive(db, id, async (): Promise<SyncOutcome> => {
    const held = await getHeld(db, id);
    if (!held || held.hash !== hash) {
      return { kind: 'failed', stage: 'held', message: 'That revision is no longer the one held back; review the current one.' };
    }
    return runApply(db, id, held.text, { etag: held.etag, lastModified: held.lastModified }, now, { acceptHeld: held.hash });
  });
}

/**
 * Plans the next poll again from now: a live channel that went down hands the pace back to
 * polling at once, rather than after the slower poll planned while it was connected.
 */
export function replanPoll(db: LanyardDb, id: string): Promise<void> {
  return schedule(db, id, true);
}

/** Stores when this subscription should next be fetched (with `onlyEarlier`, never later than already planned). */
async function schedule(db: LanyardDb, id: string, onlyEarlier = false): Promise<void> {
  const [sub, conf] = await Promise.all([db.subscriptions.get(id), db.conferences.get(id)]);
  if (!sub || !conf) return;
  const now = Date.now();
  const delay = nextPollDelay({
    now,
    conferenceStart: conf.firstStart,
    conferenceEnd: conf.lastEnd,
    failures: sub.failures,
    retryAfterSeconds: sub.lastError?.retryAfterSeconds,
    random: Math.random(),
    isPushConnected: isPushConnected(id),
  });
  if (onlyEarlier) {
    // Only this one field, so a sync writing the subscription meanwhile loses nothing.
    if (delay !== undefined && !sub.archived && (sub.nextPollAt === undefined || sub.nextPollAt > now + delay)) await db.subscriptions.update(id, { nextPollAt: now + delay });
    return;
  }
  const { nextPollAt: _old, ...rest } = sub;
  await db.subscriptions.put(delay === undefined || sub.archived ? rest : { ...rest, nextPollAt: now + delay });
}

/** Fetches every subscription that is due. */
export async function syncDue(db: LanyardDb): Promise<void> {
  if (!navigator.onLine) return;
  const now = Date.now();
  // No next poll time: never fetched yet (e.g. restored from the backup copy) means due now;
  // fetched before means the conference is long over and only "Refresh now" fetches it.
  const due = await db.subscriptions
    .filter((s) => s.source === 'url' && !s.archived && (s.nextPollAt === undefined ? s.lastAttemptAt === undefined : s.nextPollAt <= now))
    .toArray();
  await Promise.all(due.map((s) => syncNow(db, s, now)));
}

/**
 * Keeps subscriptions fresh: a short tick rather than long timers (so sleep and wake are
 * harmless), paused while offline, resumed on `online` and when the window becomes visible.
 */
export function startSync(db: LanyardDb, onOnline: (online: boolean) => void): () => void {
  const tick = (): void => void syncDue(db);
  const timer = window.setInterval(tick, 30_000);
  const online = (): void => {
    onOnline(true);
    tick();
  };
  const offline = (): void => onOnline(false);
  const visible = (): void => {
    if (document.visibilityState === 'visible') tick();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visible);
  const stopResume = host().onResume(tick);
  onOnline(navigator.onLine);
  tick();
  return () => {
    stopResume();
    window.clearInterval(timer);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('visibilitychange', visible);
  };
}

/**
 * "Name and time zone": stores the subscriber's name and zone for a conference and reads its
 * feed again with them (see changeConferenceSettings), as one sync job, so a poll in progress
 * finishes first and the two never interleave.
 */
export async function changeSettingsNow(db: LanyardDb, id: string, settings: ConferenceSettings, now = Date.now()): Promise<SettingsOutcome> {
  await inFlight.get(id)?.catch(() => undefined);
  let outcome: SettingsOutcome = { kind: 'failed', message: 'A refresh of this conference is running; try again in a moment.' };
  await exclusive(db, id, async (): Promise<SyncOutcome> => {
    outcome = await changeConferenceSettings(db, id, settings, now, fetchFullText);
    return outcome.kind === 'failed' ? { kind: 'failed', stage: 'store', message: outcome.message } : { kind: 'unchanged' };
  });
  return outcome;
}

/** The feed's whole text, asked for without validators (a 304 would not give it). */
async function fetchFullText(url: string): Promise<string | undefined> {
  const answer = await host().fetchFeed({ url });
  return answer.ok && answer.value.kind === 'fetched' ? answer.value.text : undefined;
}
