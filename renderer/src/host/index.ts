import type { HostApi, HostChannel, HostResult } from '../../../core/host/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode. */
    lanyard?: HostApi;
  }
}

/** Bodies below this go out with `keepalive`, so a write started as the page closes still arrives. */
const KEEPALIVE_MAX = 60 * 1024;

async function call<T>(channel: HostChannel, args: unknown[]): Promise<HostResult<T>> {
  try {
    const body = JSON.stringify({ args });
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lanyard-request': '1' },
      body,
      keepalive: body.length < KEEPALIVE_MAX,
    });
    return (await response.json()) as HostResult<T>;
  } catch {
    return { ok: false, error: { message: 'Lanyard’s background service is not reachable; is `npm start` still running?', code: 'UNREACHABLE' } };
  }
}

/**
 * Web mode has no push channel: the page waits for the sync folder to change with a long
 * request (answered as soon as the server's watcher sees a change, or after 25 s), then asks again.
 */
function waitForFolderChanges(listener: () => void): () => void {
  let stopped = false;
  let since = -1;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      const answer = await call<{ version: number }>('syncfolder:wait', [{ since: Math.max(0, since), timeoutMs: 25_000 }]);
      if (stopped) return;
      if (!answer.ok) {
        await new Promise((wake) => setTimeout(wake, 5_000));
        continue;
      }
      if (since >= 0 && answer.value.version > since) listener();
      since = answer.value.version;
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}

/** The host API over HTTP, for web mode (`npm run web`). */
const webHost: HostApi = {
  appInfo: () => call('app:info', []),
  fetchFeed: (request) => call('feeds:fetch', [request]),
  fetchLive: (request) => call('live:fetch', [request]),
  openFeedFile: () => Promise.resolve({ ok: true, value: null }),
  updateTray: () => Promise.resolve({ ok: true, value: null }),
  showNotification: () => Promise.resolve({ ok: false, error: { message: 'Web mode shows notifications in the page.' } }),
  openLink: (request) => {
    // The page itself opens a new tab, detached from this one; the server never opens browsers.
    window.open(request.url, '_blank', 'noopener,noreferrer');
    return Promise.resolve({ ok: true, value: null });
  },
  fetchPhoto: (request) => call('photos:fetch', [request]),
  readMirror: () => call('personal:read-mirror', []),
  writeMirror: (data, options) => call('personal:write-mirror', [data, options]),
  mirrorStatus: () => call('personal:mirror-status', []),
  publishAgenda: (request) => call('calendar:publish', [request]),
  calendarStatus: () => call('calendar:status', []),
  resetCalendarLink: () => call('calendar:reset-link', []),
  connectCaldav: (request) => call('caldav:connect', [request]),
  disconnectCaldav: () => call('caldav:disconnect', []),
  syncCaldavNow: () => call('caldav:sync-now', []),
  syncFolderStatus: () => call('syncfolder:status', []),
  chooseSyncFolder: (request) => call('syncfolder:choose', [request]),
  stopSyncFolder: () => call('syncfolder:stop', []),
  listSyncFolder: () => call('syncfolder:list', []),
  readSyncLog: (request) => call('syncfolder:read', [request]),
  appendSyncLog: (request) => call('syncfolder:append', [request]),
  replaceSyncLog: (request) => call('syncfolder:replace', [request]),
  removeSyncCopy: (request) => call('syncfolder:remove-copy', [request]),
  onSyncFolderChange: (listener) => waitForFolderChanges(listener),
  onSubscribeLink: () => () => undefined,
  onPicksLink: () => () => undefined,
  onOpenSession: () => () => undefined,
  onOpenLive: () => () => undefined,
  // Page Lifecycle: a page the browser froze (e.g. while the machine slept) gets `resume`.
  onResume: (listener) => {
    const resumed = (): void => listener();
    document.addEventListener('resume', resumed);
    return () => document.removeEventListener('resume', resumed);
  },
};

/** The host the app runs in: the Electron preload's API, or web mode's HTTP API. */
export function host(): HostApi {
  return window.lanyard ?? webHost;
}
