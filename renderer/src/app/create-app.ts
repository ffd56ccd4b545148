import type { HostApi } from '../../../core/host/contract';
import { replanAll } from '../db/personal';
import { createScheduleCache, type ScheduleCache } from '../db/schedule-cache';
import type { LanyardDb } from '../db/schema';
import type { Engine } from '../engine/jobs';
import { startAnnouncementNotices } from '../features/announcements/notices';
import { createSearchService, type SearchService } from '../features/search/search-service';
import { createFirstPaint, type FirstPaint } from '../first-paint';
import { startLiveChannels, startRecordingsWatcher, startRoomStatus, type LiveDeps } from '../live/start';
import { startAlerts, type Show } from '../personal/alerts';
import { startCalendarPublisher } from '../personal/calendar-publisher';
import { createStorageService, type StorageService } from '../personal/startup';
import { routeOfRef, type Route } from '../route';
import { createAppSyncFolder, type AppSyncFolder } from '../sync-folder/app';
import { createSyncService, type SyncService } from '../sync/manager';
import { createPhotoService, type PhotoService } from '../sync/photos';
import { startTrayFeed } from '../sync/tray-feed';
import type { Clock } from './clock';
import { createAppStore, type AppStore } from './store';

/** What the kernel is built from: the app passes the real ones (main.tsx), tests their stand-ins. */
export interface AppDeps {
  db: LanyardDb;
  host: HostApi;
  clock: Clock;
  /** The sync worker in the app (engine/index.ts), the in-process engine in tests. */
  engine: Engine;
  /** Shows a notification (notify/index.ts in the app). */
  notify: Show;
  /** Where links from the host and notifications go (route.ts's navigate in the app). */
  navigate: (route: Route) => void;
  /** Web mode's notification clicks (desktop ones come through the host). */
  onNotificationOpen?: (listener: (sessionRef: string) => void) => () => void;
  /** The desktop has a tray menu to keep current; web mode has none. */
  hasTray?: boolean;
  /** The first-screen gate; tests pass one whose work runs at once. */
  firstPaint?: FirstPaint;
}

/** Everything React needs from the kernel: the services' handles and the store of their state. */
export interface LanyardApp {
  db: LanyardDb;
  host: HostApi;
  clock: Clock;
  engine: Engine;
  store: AppStore;
  storage: StorageService;
  sync: SyncService;
  search: SearchService;
  photos: PhotoService;
  /** The sync folder (*Your data › Sync with other computers*). */
  syncFolder: AppSyncFolder;
  /** The schedule read model: each stored revision read once, held as indexed maps. */
  schedules: ScheduleCache;
  firstPaint: FirstPaint;
  /** Runs a reminder tick now (after a star, a setting or a sync changed what is due). */
  kickAlerts: () => void;
  /** Starts every service in order; resolves once storage is open (or failed). Call once. */
  start: () => Promise<void>;
  /** Stops every service and the engine. */
  stop: () => void;
}

/**
 * The app kernel: builds every background service once and starts them in the one safe order.
 *
 * 1. Host links (subscribe links, "open session" from the tray and notifications): at once,
 *    so a link that started the app is not lost.
 * 2. Storage: restore from the backup copy if the store was wiped, the built-in sample, then
 *    the backup writer. Nothing else writes before this is done.
 * 3. After the first screen has painted: reminders (re-planned once: the clock or the data may
 *    have changed while closed), sync, announcements, the tray, the live calendar, the sync
 *    folder, room status, live channels and the recordings watcher, the search index (so the
 *    first search answers at once), then the photo cache (which retries failures).
 *
 * New background behaviour goes here: a service in its own module with a start function that
 * returns its stop, started in this list, its state in a slice of app/store.ts.
 */
export function createApp(deps: AppDeps): LanyardApp {
  const { db, host, clock, engine } = deps;
  const store = createAppStore();
  const firstPaint = deps.firstPaint ?? createFirstPaint();
  const storage = createStorageService(db, host, engine);
  const search = createSearchService(db);
  const schedules = createScheduleCache(db);
  const photos = createPhotoService(db, (request) => host.fetchPhoto(request), () => clock.now());
  let kick: () => void = () => undefined;
  const sync = createSyncService({
    db,
    host,
    engine,
    clock,
    afterJob: (id, outcome) => {
      // A new revision may have moved a starred session: tell the user now, not at the next tick.
      kick();
      // Photos follow a successful sync in the background; their failures touch nothing else.
      if (outcome.kind !== 'failed') void photos.cache(id);
    },
  });
  const syncFolder = createAppSyncFolder({
    db,
    host,
    now: () => clock.now(),
    fetchSubscription: (sub) => sync.syncNow(sub),
    resettle: (id) => engine.run('resettle', { id, now: clock.now() }),
  });
  const live: LiveDeps = { db, host, notify: deps.notify, now: () => clock.now(), sync };
  const stops: Array<() => void> = [];
  let isStopped = false;
  const started = (name: string, stop: () => void): void => {
    stops.push(stop);
    store.getState().markStarted(name);
  };

  const startLinks = (): void => {
    const open = (ref: string): void => {
      const route = routeOfRef(ref);
      if (route) deps.navigate(route);
    };
    const offs = [
      host.onSubscribeLink((url, channel) => deps.navigate(channel ? { page: 'subscribe', url, live: channel.mqtt, topic: channel.topic } : { page: 'subscribe', url })),
      host.onPicksLink((query) => deps.navigate({ page: 'picks', query })),
      host.onOpenLive(() => deps.navigate({ page: 'live' })),
      host.onOpenSession(open),
      deps.onNotificationOpen?.(open) ?? (() => undefined),
    ];
    started('links', () => offs.forEach((off) => off()));
  };

  /**
   * The services started once the first screen has painted, in this order. Each returns its
   * stop function; a new one (the live channel, the sync folder …) is one more line here.
   */
  const background: Array<[name: string, start: () => () => void]> = [
    [
      'alerts',
      () => {
        const alerts = startAlerts(db, deps.notify, host, () => clock.now());
        kick = alerts.kick;
        // Re-planned once at start: the clock, the settings or the sessions may have changed while closed.
        void replanAll(db, clock.now()).then(alerts.kick);
        return () => {
          kick = () => undefined;
          alerts.stop();
        };
      },
    ],
    ['sync', () => sync.start((online) => store.getState().setOnline(online))],
    ['announcements', () => startAnnouncementNotices(db, deps.notify, () => clock.now())],
    ...(deps.hasTray ? [['tray', () => startTrayFeed(db, host, () => clock.now())] as [string, () => () => void]] : []),
    // The live calendar (webcal subscription and CalDAV): the engine writes the agenda, the host serves it.
    [
      'calendar',
      () => {
        const publisher = startCalendarPublisher({ db, host, render: async (now) => {
          const answer = await engine.run('agendaLive', { now });
          if (!answer.ok) throw new Error(answer.message);
          return answer.value;
        } });
        return () => publisher.stop();
      },
    ],
    ['sync folder', () => syncFolder.start()],
    ['room status', () => startRoomStatus(live)],
    ['live channels', () => startLiveChannels(live)],
    ['recordings', () => startRecordingsWatcher(live)],
  ];

  const startBackground = (): void => {
    if (isStopped) return;
    for (const [name, start] of background) started(name, start());
    // The search index (so the first search answers at once), then the photo cache (which retries failures).
    store.getState().markStarted('search');
    void search
      .warm()
      .catch(() => undefined)
      .then(() => {
        if (isStopped) return;
        store.getState().markStarted('photos');
        return photos.cacheAll();
      });
  };

  return {
    db,
    host,
    clock,
    engine,
    store,
    storage,
    sync,
    search,
    photos,
    syncFolder,
    schedules,
    firstPaint,
    kickAlerts: () => kick(),
    start: async () => {
      startLinks();
      try {
        const stopStorage = await storage.prepare(clock.now());
        if (isStopped) return stopStorage();
        started('storage', stopStorage);
        store.getState().setReady();
      } catch (error) {
        store.getState().setFailed(error instanceof Error ? error.message : String(error));
        return;
      }
      firstPaint.after(startBackground);
    },
    stop: () => {
      isStopped = true;
      for (const stop of stops.splice(0).reverse()) stop();
      engine.dispose();
    },
  };
}
