import { liveQuery } from 'dexie';
import type { HostApi } from '../../../core/host/contract';
import type { LanyardDb } from '../db/schema';
import type { SyncService } from '../sync/manager';
import { createChannelService, type ChannelService } from './channel-service';
import { installationId } from './installation';
import { createRecordingsWatcher } from './recordings-service';
import { createRoomStatusService } from './room-status-service';
import type { Notify } from './tell';

/** What the live services are started with (by the app kernel, renderer/src/app/create-app.ts). */
export interface LiveDeps {
  db: LanyardDb;
  host: Pick<HostApi, 'fetchLive'>;
  notify: Notify;
  now: () => number;
  /** A `revision` ping fetches now; a channel that went down hands the pace back to polling. */
  sync: Pick<SyncService, 'syncAfterPing' | 'replanPoll'>;
}

/** The app's timer, as the services' injectable `setTimer`. */
function windowTimer(run: () => void, ms: number): () => void {
  const timer = window.setTimeout(run, ms);
  return () => window.clearTimeout(timer);
}

/** Runs `work` now and again whenever asked while it runs, never twice at once. */
function serial(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void work()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}

/** Calls `next` with what `query` reads, now and after every write that changes it; returns the stop function. */
function watch<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({ next, error: () => undefined });
  return () => subscription.unsubscribe();
}

/** Starts the room-status (and c3voc streams) poller; returns its stop function. */
export function startRoomStatus({ db, host, notify, now }: LiveDeps): () => void {
  const service = createRoomStatusService({ db, fetchLive: (request) => host.fetchLive(request), notify, now, random: Math.random, setTimer: windowTimer });
  // A conference added, archived or updated (new dates, a declared room-status address), or a
  // talk starred as going (the "room full" check follows the next talk), is looked at at once.
  const stopWatching = watch(async () => {
    const [subs, records, going] = await Promise.all([db.subscriptions.toArray(), db.conferences.toArray(), db.agenda.where('star').equals('going').primaryKeys()]);
    return JSON.stringify([subs.map((s) => [s.id, s.archived, s.url]), records.map((r) => [r.id, r.firstStart, r.lastEnd, r.conference.roomStatus, r.conference.streams]), going]);
  }, () => void service.tick());
  return () => {
    stopWatching();
    service.stop();
  };
}

/**
 * Starts the live channels (MQTT over WebSocket), following the stored conferences; returns its
 * stop function. The MQTT client is loaded only once some conference names a channel, so
 * nobody else pays for it at start-up.
 */
export function startLiveChannels({ db, notify, now, sync: syncService }: LiveDeps): () => void {
  let service: Promise<ChannelService> | undefined;
  let stopped = false;
  const load = (): Promise<ChannelService> =>
    (service ??= import('mqtt').then(({ default: mqtt }) =>
      createChannelService({
        db,
        connect: (url, options) => mqtt.connect(url, options),
        refresh: (id) => syncService.syncAfterPing(id),
        onDisconnected: (id) => void syncService.replanPoll(id),
        notify,
        now,
        installationId: installationId(),
        setTimer: windowTimer,
      }),
    ));
  let wanted = false;
  const sync = serial(async () => {
    if (stopped || (!wanted && !service)) return;
    await (await load()).sync();
  });
  const stopWatching = watch(
    async () => {
      const [subs, records] = await Promise.all([db.subscriptions.toArray(), db.conferences.toArray()]);
      // What decides the channels: which subscriptions are active and what channel each names.
      return {
        key: JSON.stringify([subs.map((s) => [s.id, s.archived, s.live]), records.map((r) => [r.id, r.conference.live])]),
        hasChannel: subs.some((s) => s.live) || records.some((r) => r.conference.live),
      };
    },
    ({ hasChannel }) => {
      wanted = hasChannel;
      sync();
    },
  );
  return () => {
    stopped = true;
    stopWatching();
    void service?.then((s) => s.stop());
  };
}

const RECORDINGS_EVERY_MS = 15 * 60_000;

/** Starts the recordings watcher: after every stored revision, star or watch-later change, and every 15 minutes. */
export function startRecordingsWatcher({ db, host, notify, now }: LiveDeps): () => void {
  const watcher = createRecordingsWatcher({ db, fetchLive: (request) => host.fetchLive(request), notify, now, random: Math.random });
  const check = serial(() => watcher.check());
  const stopWatching = watch(async () => {
    const [records, agenda, later] = await Promise.all([db.conferences.toArray(), db.agenda.toArray(), db.watchLater.toCollection().primaryKeys()]);
    return JSON.stringify([records.map((r) => [r.id, r.storedAt]), agenda.map((e) => [e.conferenceId, e.sessionId, e.star ?? '']), later.length]);
  }, check);
  const timer = window.setInterval(check, RECORDINGS_EVERY_MS);
  return () => {
    stopWatching();
    window.clearInterval(timer);
  };
}
