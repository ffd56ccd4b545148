import { Buffer } from 'node:buffer';
import type { HostHandlers } from './host-dispatch';
import { decodeFeedBytes } from '../../core/formats/decode';
import type { NotificationRequest } from '../../core/host/contract';
import { feedHostGuard } from './address-guard';
import { fetchFeed } from './feed-fetch';
import { fetchLiveDocument } from './live-fetch';
import { fetchPhoto } from './photo-fetch';
import type { MirrorFile } from './mirror-file';
import { calendarHandlers } from './calendar-handlers';
import type { CalendarService } from './calendar-service';
import type { SyncFolder } from './sync-folder';
import type { FolderWatch } from './sync-folder-watch';

export interface HandlerDeps {
  mode: 'desktop' | 'web';
  version: string;
  platform: string;
  /** Desktop: the native open dialog. Web mode has none (the page uses a file input). */
  openFeedFile?: () => Promise<{ name: string; text: string } | null>;
  updateTray?: (next: Array<{ title: string; when: string; sessionRef: string }>) => void;
  /** Desktop: a native notification. Web mode shows notifications in the page instead. */
  showNotification?: (request: NotificationRequest) => Promise<void>;
  /** Desktop: the one link opener (re-checks the policy). Web mode: the page opens a tab itself. */
  openLink?: (url: string, confirmed: boolean) => Promise<void>;
  /** Tighter fetch limits (total time, bytes) than the defaults; tests use them to play slow servers quickly. */
  fetchLimits?: { timeoutMs?: number; maxBytes?: number };
  /** The personal-data mirror file in the user-data folder. */
  mirror?: MirrorFile;
  /** The sync folder and its watcher. */
  syncFolder?: { folder: SyncFolder; watch: FolderWatch; hostName: string };
  /** Desktop: the native "choose a folder" dialog; null when the person cancels. Web mode types a path instead. */
  chooseFolder?: () => Promise<string | null>;
  /** The live calendar (webcal server + CalDAV), started with the host. */
  calendar?: Promise<CalendarService>;
}

function mirrorOf(deps: HandlerDeps): MirrorFile {
  if (!deps.mirror) throw new Error('This host keeps no backup copy of personal data.');
  return deps.mirror;
}

function syncOf(deps: HandlerDeps): NonNullable<HandlerDeps['syncFolder']> {
  if (!deps.syncFolder) throw new Error('This host has no sync folder.');
  return deps.syncFolder;
}

/** The Node services behind the host API, shared by the desktop app and web mode. */
export function createHostHandlers(deps: HandlerDeps): HostHandlers {
  return {
    'app:info': () => Promise.resolve({ mode: deps.mode, version: deps.version, platform: deps.platform }),
    'feeds:fetch': async (request) => {
      // The feed's own host may be anywhere (a conference LAN, this machine); a redirect to any other host must not lead into the local network.
      const outcome = await fetchFeed(request.url, { ...deps.fetchLimits, etag: request.etag, lastModified: request.lastModified, guard: feedHostGuard(request.url) });
      if (outcome.kind === 'not-modified') return outcome;
      // The feed's own encoding (BOM, UTF-16, the XML declaration's), as lanyard-feed reads it.
      const text = decodeFeedBytes(outcome.bytes);
      return {
        kind: 'fetched',
        text,
        url: outcome.url,
        ...(outcome.etag ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
        ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
      };
    },
    'live:fetch': (request) => fetchLiveDocument(request, deps.fetchLimits),
    'files:open-feed': () => (deps.openFeedFile ? deps.openFeedFile() : Promise.resolve(null)),
    'tray:update': (update) => {
      deps.updateTray?.(update.next);
      return Promise.resolve(null);
    },
    'notify:show': async (request) => {
      if (!deps.showNotification) throw new Error('This host shows no notifications; the page shows them itself.');
      // A rejection (no notification service, the desktop refused it) reaches the page, which then shows the reminder itself.
      await deps.showNotification(request);
      return null;
    },
    'links:open': async (request) => {
      // The web-mode server must never open a browser on the machine it runs on.
      if (!deps.openLink) throw new Error('This host opens no links; the page opens them in a new tab.');
      await deps.openLink(request.url, request.confirmed);
      return null;
    },
    'photos:fetch': async (request) => {
      const photo = await fetchPhoto(request.url, { feedUrl: request.feedUrl });
      return {
        url: photo.url,
        contentType: photo.contentType,
        base64: Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength).toString('base64'),
        ...(photo.etag ? { etag: photo.etag } : {}),
        ...(photo.lastModified ? { lastModified: photo.lastModified } : {}),
      };
    },
    'personal:read-mirror': async () => mirrorOf(deps).read(),
    'personal:write-mirror': async (data, options) => mirrorOf(deps).write(data, options),
    'personal:mirror-status': async () => mirrorOf(deps).status(),
    ...calendarHandlers(deps.calendar),
    'syncfolder:status': async () => {
      const sync = syncOf(deps);
      return { path: await sync.folder.path(), hostName: sync.hostName, canChoose: deps.chooseFolder !== undefined };
    },
    'syncfolder:choose': async (request) => {
      const sync = syncOf(deps);
      let wanted = request.path;
      if (wanted === undefined) {
        if (!deps.chooseFolder) throw new Error('Type the path of the folder.');
        wanted = (await deps.chooseFolder()) ?? undefined;
        if (wanted === undefined) return null;
      }
      const path = await sync.folder.choose(wanted);
      sync.watch.follow(path);
      return { path };
    },
    'syncfolder:stop': async () => {
      const sync = syncOf(deps);
      await sync.folder.stop();
      sync.watch.follow(null);
      return null;
    },
    'syncfolder:list': async () => syncOf(deps).folder.list(),
    'syncfolder:read': async (request) => syncOf(deps).folder.read(request.name, request.from, request.ino),
    'syncfolder:append': async (request) => syncOf(deps).folder.append(request.deviceId, request.text),
    'syncfolder:replace': async (request) => syncOf(deps).folder.replace(request.deviceId, request.text),
    'syncfolder:remove-copy': async (request) => {
      await syncOf(deps).folder.removeCopy(request.deviceId, request.name);
      return null;
    },
    'syncfolder:wait': async (request) => ({ version: await syncOf(deps).watch.wait(request.since, request.timeoutMs) }),
  };
}
