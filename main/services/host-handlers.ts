import { Buffer } from 'node:buffer';
import type { HostHandlers } from './host-dispatch';
import type { NotificationRequest } from '../../core/host/contract';
import { fetchFeed } from './feed-fetch';
import { fetchLiveDocument } from './live-fetch';
import { fetchPhoto } from './photo-fetch';
import type { MirrorFile } from './mirror-file';

export interface HandlerDeps {
  mode: 'desktop' | 'web';
  version: string;
  platform: string;
  /** Desktop: the native open dialog. Web mode has none (the page uses a file input). */
  openFeedFile?: () => Promise<{ name: string; text: string } | null>;
  updateTray?: (next: Array<{ title: string; when: string; sessionRef: string }>) => void;
  /** Desktop: a native notification. Web mode shows notifications in the page instead. */
  showNotification?: (request: NotificationRequest) => void;
  /** Desktop: the one link opener (re-checks the policy). Web mode: the page opens a tab itself. */
  openLink?: (url: string, confirmed: boolean) => Promise<void>;
  /** Tighter fetch limits (total time, bytes) than the defaults; tests use them to play slow servers quickly. */
  fetchLimits?: { timeoutMs?: number; maxBytes?: number };
  /** The personal-data mirror file in the user-data folder. */
  mirror?: MirrorFile;
}

function mirrorOf(deps: HandlerDeps): MirrorFile {
  if (!deps.mirror) throw new Error('This host keeps no backup copy of personal data.');
  return deps.mirror;
}

/** The Node services behind the host API, shared by the desktop app and web mode. */
export function createHostHandlers(deps: HandlerDeps): HostHandlers {
  return {
    'app:info': () => Promise.resolve({ mode: deps.mode, version: deps.version, platform: deps.platform }),
    'feeds:fetch': async (request) => {
      const outcome = await fetchFeed(request.url, { ...deps.fetchLimits, etag: request.etag, lastModified: request.lastModified });
      if (outcome.kind === 'not-modified') return outcome;
      const text = new TextDecoder('utf-8').decode(outcome.bytes);
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
    'notify:show': (request) => {
      if (!deps.showNotification) return Promise.reject(new Error('This host shows no notifications; the page shows them itself.'));
      deps.showNotification(request);
      return Promise.resolve(null);
    },
    'links:open': async (request) => {
      // The web-mode server must never open a browser on the machine it runs on.
      if (!deps.openLink) throw new Error('This host opens no links; the page opens them in a new tab.');
      await deps.openLink(request.url, request.confirmed);
      return null;
    },
    'photos:fetch': async (request) => {
      const photo = await fetchPhoto(request.url);
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
  };
}
