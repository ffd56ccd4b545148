import type { HostApi } from '../../../core/host/contract';
import { nextPollDelay } from '../../../core/sync/schedule';
import type { Clock } from '../app/clock';
import type { Engine } from '../engine/jobs';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';
import { measureSince } from '../perf';
import { getHeld, pollValidators, touchHeld } from '../db/held';
import { isPushConnected } from '../store/live';
import { recordFailure, recordNotModified, type SyncOutcome } from './attempts';
import type { ConferenceSettings, SettingsOutcome } from './conference-settings';
import { runApply } from './run-apply';

export interface SyncDeps {
  db: LanyardDb;
  host: HostApi;
  engine: Engine;
  clock: Clock;
  /** After every job (a new revision may have moved a starred session: re-plan alerts now; cache photos after a success). */
  afterJob?: (id: string, outcome: SyncOutcome) => void;
}

/** The sync scheduler the app kernel starts (renderer/src/app/create-app.ts). */
export interface SyncService {
  syncNow: (sub: SubscriptionRecord, now?: number) => Promise<SyncOutcome>;
  applyHeldNow: (id: string, hash: string, now?: number) => Promise<SyncOutcome>;
  syncDue: () => Promise<void>;
  /**
   * A live channel said a new revision is out: fetch now, exactly as a poll (conditional
   * request, same apply path). A poll already running may have asked before the revision was
   * published, so this waits for it and then asks again.
   */
  syncAfterPing: (id: string) => Promise<SyncOutcome | undefined>;
  /** Plans the next poll again from now: a live channel that went down hands the pace back to polling at once. */
  replanPoll: (id: string) => Promise<void>;
  /**
   * "Name and time zone": stores the subscriber's name and zone for a conference and reads its
   * feed again with them (sync/conference-settings.ts, in the engine), as one sync job, so a
   * poll in progress finishes first and the two never interleave.
   */
  changeSettings: (id: string, settings: ConferenceSettings, now?: number) => Promise<SettingsOutcome>;
  start: (onOnline: (online: boolean) => void) => () => void;
}

/** One subscription's sync jobs, in order: a poll, "Refresh now" or "Apply anyway" never run twice at once. */
export function createSyncService(deps: SyncDeps): SyncService {
  const { db, host, engine, clock } = deps;
  const inFlight = new Map<string, Promise<SyncOutcome>>();

  /**
   * Runs one sync job per subscription at a time (a poll, "Refresh now" or "Apply anyway"), then
   * re-plans alerts and the next poll, and caches photos after a successful one.
   */
  function exclusive(id: string, work: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
    const running = inFlight.get(id);
    if (running) return running;
    const job = work();
    inFlight.set(id, job);
    return job.finally(() => {
      inFlight.delete(id);
      void schedule(id);
    }).then((outcome) => {
      deps.afterJob?.(id, outcome);
      return outcome;
    });
  }

  /** Fetches one subscription now and applies what comes back; never throws. */
  function syncNow(sub: SubscriptionRecord, now = clock.now()): Promise<SyncOutcome> {
    return exclusive(sub.id, async (): Promise<SyncOutcome> => {
      if (sub.source !== 'url' || !sub.url) return { kind: 'unchanged' };
      const started = performance.now();
      // While a revision is held, ask with its validators: a server that still has it answers 304.
      const { etag, lastModified, isHeld } = await pollValidators(db, sub);
      const answer = await host.fetchFeed({ url: sub.url, etag, lastModified });
      if (!answer.ok) return recordFailure(db, sub.id, 'fetch', answer.error, now);
      if (answer.value.kind === 'not-modified') {
        const outcome = await recordNotModified(db, sub.id, now);
        if (isHeld) await touchHeld(db, sub.id, now);
        measureSince('lanyard:sync-304', started, { subscriptionId: sub.id });
        return outcome;
      }
      return runApply(engine, db, sub.id, answer.value.text, { etag: answer.value.etag, lastModified: answer.value.lastModified }, now);
    });
  }

  /**
   * "Apply anyway": stores the held revision the user reviewed (named by its hash, so a newer
   * hold that arrived meanwhile is never applied unseen) through the normal path: one
   * transaction with its validators, agenda re-attachment, the revision log and notifications.
   */
  async function applyHeldNow(id: string, hash: string, now = clock.now()): Promise<SyncOutcome> {
    // A poll in progress finishes first (it may replace the held revision; the hash check below sees that).
    await inFlight.get(id)?.catch(() => undefined);
    return exclusive(id, async (): Promise<SyncOutcome> => {
      const held = await getHeld(db, id);
      if (!held || held.hash !== hash) {
        return { kind: 'failed', stage: 'held', message: 'That revision is no longer the one held back; review the current one.' };
      }
      return runApply(engine, db, id, held.text, { etag: held.etag, lastModified: held.lastModified }, now, { acceptHeld: held.hash });
    });
  }

  /** Stores when this subscription should next be fetched (with `onlyEarlier`, never later than already planned). */
  async function schedule(id: string, onlyEarlier = false): Promise<void> {
    const [sub, conf] = await Promise.all([db.subscriptions.get(id), db.conferences.get(id)]);
    if (!sub || !conf) return;
    const now = clock.now();
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

  async function syncAfterPing(id: string): Promise<SyncOutcome | undefined> {
    await inFlight.get(id)?.catch(() => undefined);
    const sub = await db.subscriptions.get(id);
    if (!sub || sub.archived || sub.source !== 'url') return undefined;
    return syncNow(sub);
  }

  async function changeSettings(id: string, settings: ConferenceSettings, now = clock.now()): Promise<SettingsOutcome> {
    await inFlight.get(id)?.catch(() => undefined);
    let outcome: SettingsOutcome = { kind: 'failed', message: 'A refresh of this conference is running; try again in a moment.' };
    await exclusive(id, async (): Promise<SyncOutcome> => {
      // The feed text is read again in the engine; only when no copy of it is stored (a
      // conference stored before version 6) is it downloaded here, in full (a 304 would not give it).
      const sub = await db.subscriptions.get(id);
      const hasText = (await db.sources.where('conferenceId').equals(id).primaryKeys()).length > 0;
      let text: string | undefined;
      if (!hasText && sub?.source === 'url' && sub.url) {
        const answer = await host.fetchFeed({ url: sub.url });
        if (answer.ok && answer.value.kind === 'fetched') text = answer.value.text;
      }
      const answer = await engine.run('settings', { id, settings, now, ...(text === undefined ? {} : { text }) });
      outcome = answer.ok ? answer.value : { kind: 'failed', message: `The change could not be made: ${answer.message}` };
      return outcome.kind === 'failed' ? { kind: 'failed', stage: 'store', message: outcome.message } : { kind: 'unchanged' };
    });
    return outcome;
  }

  /** Fetches every subscription that is due. */
  async function syncDue(): Promise<void> {
    if (!navigator.onLine) return;
    const now = clock.now();
    // No next poll time: never fetched yet (e.g. restored from the backup copy) means due now;
    // fetched before means the conference is long over and only "Refresh now" fetches it.
    const due = await db.subscriptions
      .filter((s) => s.source === 'url' && !s.archived && (s.nextPollAt === undefined ? s.lastAttemptAt === undefined : s.nextPollAt <= now))
      .toArray();
    await Promise.all(due.map((s) => syncNow(s, now)));
  }

  /**
   * Keeps subscriptions fresh: a short tick rather than long timers (so sleep and wake are
   * harmless), paused while offline, resumed on `online` and when the window becomes visible.
   */
  function start(onOnline: (online: boolean) => void): () => void {
    const tick = (): void => void syncDue();
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
    const stopResume = host.onResume(tick);
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

  return { syncNow, applyHeldNow, syncDue, syncAfterPing, replanPoll: (id) => schedule(id, true), changeSettings, start };
}
