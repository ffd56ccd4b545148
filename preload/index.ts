// The preload (sandboxed, bundled to CommonJS): exposes the host API as window.lanyard, one
// named method per call. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi, HostArgs, HostChannel, HostEvent, HostResult, HostValue } from '../core/host/contract';

/** Events that arrive before the page subscribes (a link that launched the app) wait here. */
const MAX_QUEUED = 20;

function call<C extends HostChannel>(channel: C, ...args: HostArgs<C>): Promise<HostResult<HostValue<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<HostResult<HostValue<C>>>;
}

function stringField(name: string): (payload: unknown) => string | undefined {
  return (payload) => {
    if (typeof payload !== 'object' || payload === null) return undefined;
    const value: unknown = (payload as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
}

/**
 * One IPC listener per host event, fanned out to the page's listeners with just the value:
 * the page never sees the Electron event object (and so never reaches `event.sender`).
 */
function subscription<T = string>(event: HostEvent, pick: (payload: unknown) => T | undefined): (listener: (value: T) => void) => () => void {
  const listeners = new Set<(value: T) => void>();
  const queued: T[] = [];
  ipcRenderer.on(event, (_event: IpcRendererEvent, payload: unknown) => {
    const value = pick(payload);
    if (value === undefined) return;
    if (listeners.size === 0) {
      if (queued.length < MAX_QUEUED) queued.push(value);
      return;
    }
    for (const listener of listeners) listener(value);
  });
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`${event}: the listener must be a function`);
    listeners.add(listener);
    for (const value of queued.splice(0)) listener(value);
    return () => {
      listeners.delete(listener);
    };
  };
}

/** The feed of a subscription link, with the live channel a lanyard:// link may carry (both strings, checked by the page). */
function subscribeLink(payload: unknown): { url: string; live?: { mqtt: string; topic: string } } | undefined {
  const url = stringField('url')(payload);
  if (url === undefined) return undefined;
  const mqtt = stringField('live')(payload);
  const topic = stringField('topic')(payload);
  return mqtt !== undefined && topic !== undefined ? { url, live: { mqtt, topic } } : { url };
}

const onSubscribeLink = subscription('links:subscribe', subscribeLink);
const onOpenSession = subscription('tray:open-session', stringField('sessionRef'));
const onPicksLink = subscription('links:picks', stringField('query'));
const onOpenLive = subscription('tray:open-live', () => 'live');
const onResume = subscription('power:resume', () => 'resume');
const onSyncFolderChange = subscription('syncfolder:changed', () => 'changed');

const api = {
  appInfo: () => call('app:info'),
  fetchFeed: (request) => call('feeds:fetch', request),
  fetchLive: (request) => call('live:fetch', request),
  openFeedFile: () => call('files:open-feed'),
  updateTray: (update) => call('tray:update', update),
  showNotification: (request) => call('notify:show', request),
  openLink: (request) => call('links:open', request),
  fetchPhoto: (request) => call('photos:fetch', request),
  readMirror: () => call('personal:read-mirror'),
  writeMirror: (data, options) => call('personal:write-mirror', data, options),
  mirrorStatus: () => call('personal:mirror-status'),
  publishAgenda: (request) => call('calendar:publish', request),
  calendarStatus: () => call('calendar:status'),
  resetCalendarLink: () => call('calendar:reset-link'),
  connectCaldav: (request) => call('caldav:connect', request),
  disconnectCaldav: () => call('caldav:disconnect'),
  syncCaldavNow: () => call('caldav:sync-now'),
  syncFolderStatus: () => call('syncfolder:status'),
  chooseSyncFolder: (request) => call('syncfolder:choose', request),
  stopSyncFolder: () => call('syncfolder:stop'),
  listSyncFolder: () => call('syncfolder:list'),
  readSyncLog: (request) => call('syncfolder:read', request),
  appendSyncLog: (request) => call('syncfolder:append', request),
  replaceSyncLog: (request) => call('syncfolder:replace', request),
  removeSyncCopy: (request) => call('syncfolder:remove-copy', request),
  onSyncFolderChange: (listener) => onSyncFolderChange(() => listener()),
  onSubscribeLink: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('links:subscribe: the listener must be a function');
    return onSubscribeLink(({ url, live }) => (live ? listener(url, live) : listener(url)));
  },
  onPicksLink: (listener) => onPicksLink(listener),
  onOpenSession: (listener) => onOpenSession(listener),
  onOpenLive: (listener) => onOpenLive(() => listener()),
  onResume: (listener) => onResume(() => listener()),
} satisfies HostApi;

contextBridge.exposeInMainWorld('lanyard', api);
