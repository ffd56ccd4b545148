import { z } from 'zod';
import { PersonalDataSchema } from '../personal/model';
import { CALENDAR_CONTRACT, type AgendaPublishRequest, type CaldavConnectRequest, type CalendarStatus } from './calendar-contract';

/**
 * The host API: everything the renderer needs from the operating system, written once.
 * Electron's preload exposes one method per entry (IPC channel = the key); web mode serves
 * the same entries as `POST /api/<key>`. Both validate arguments with these schemas and
 * answer with a `HostResult`.
 */
const url = z.string().min(1).max(2048);
const validator = z.string().max(1000).optional();

export const FetchFeedRequest = z.object({ url, etag: validator, lastModified: validator }).strict();
export const FetchFeedResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fetched'),
    text: z.string(),
    etag: z.string().optional(),
    lastModified: z.string().optional(),
    url: z.string(),
    contentType: z.string().optional(),
  }),
  z.object({ kind: z.literal('not-modified'), url: z.string() }),
]);

/**
 * A small JSON document fetched automatically for live features: a room-status list, c3voc's
 * streams list, a media.ccc.de answer. Same guards as feeds (https, http only for this machine,
 * timeouts, bounded redirects), a much smaller size cap, and conditional requests; like photos,
 * never from this machine or the local network unless `feedUrl` (the conference's feed) is on
 * that same host.
 */
export const LIVE_FETCH_KINDS = ['room-status', 'streams', 'recording'] as const;
export const LiveFetchRequest = z.object({ url, kind: z.enum(LIVE_FETCH_KINDS), etag: validator, lastModified: validator, feedUrl: url.optional() }).strict();

export const AppInfo = z.object({ mode: z.enum(['desktop', 'web']), version: z.string(), platform: z.string() });

export const OpenedFile = z.object({ name: z.string(), text: z.string() }).nullable();

export const TrayUpdate = z
  .object({
    next: z.array(z.object({ title: z.string().max(300), when: z.string().max(100), sessionRef: z.string().max(700) })).max(10),
  })
  .strict();

/**
 * A desktop notification. Title and body are plain text: feed text is never markup. `tag`
 * identifies what the notification is about (a reminder, a change, an announcement) so the
 * same thing is never shown twice side by side. Clicking opens `sessionRef` when given
 * (`conferenceId + "\n" + sessionId`, or `conferenceId + "\n"` for the conference itself);
 * `actions` (at most two, e.g. "Watch stream") open their URL through the link opener.
 */
export const NotificationRequest = z
  .object({
    tag: z.string().min(1).max(700),
    title: z.string().min(1).max(300),
    body: z.string().max(2000),
    sessionRef: z.string().max(700).optional(),
    actions: z.array(z.object({ label: z.string().min(1).max(60), url }).strict()).max(2).optional(),
  })
  .strict();
export type NotificationRequest = z.infer<typeof NotificationRequest>;

/**
 * Open an external link (desktop: the system browser). `confirmed` says the user already agreed
 * in the page's dialog (an unknown host, or plain http); the main process decides again itself.
 */
export const OpenLinkRequest = z.object({ url, confirmed: z.boolean() }).strict();
export type OpenLinkRequest = z.infer<typeof OpenLinkRequest>;

/** A speaker photo for the offline cache: a raster image (never SVG), at most 2 MB, as base64. */
/** `feedUrl`: where the conference's feed was subscribed from; photos on that same host may be on a private network. */
export const PhotoRequest = z.object({ url, feedUrl: url.optional() }).strict();
export const PhotoResponse = z.object({
  url: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']),
  base64: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
export type PhotoResponse = z.infer<typeof PhotoResponse>;
/** The mirror of the user's personal data in the user-data folder (see main/services/mirror-file.ts). */
export const MirrorReadResult = z.object({
  data: PersonalDataSchema.nullable(),
  /** Which file answered: the current one, the previous good copy (the current one was damaged or missing), or none. */
  source: z.enum(['current', 'previous', 'none']),
  problem: z.string().optional(),
  path: z.string(),
  writtenAt: z.number().optional(),
});
export const MirrorWriteOptions = z.object({ allowEmpty: z.boolean().optional() }).strict();
export const MirrorWriteResult = z.object({ path: z.string(), writtenAt: z.number(), bytes: z.number() });
export const MirrorStatusResult = z.object({ path: z.string(), writtenAt: z.number().optional(), bytes: z.number().optional(), hasPrevious: z.boolean() });

/** The sync folder (see main/services/sync-folder.ts): one append-only log per device in a folder the user already syncs. */
const deviceId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/);
const logName = z.string().min(1).max(300);
/** Appended or compacted log text: whole lines, at most 32 MB (the cap a log file is read with). */
const logText = z.string().max(32 * 1024 * 1024);
export const SyncFolderStatus = z.object({ path: z.string().nullable(), hostName: z.string(), canChoose: z.boolean() });
/** Desktop without a path: the native folder dialog. Web mode: the path the user typed. */
export const SyncFolderChoose = z.object({ path: z.string().max(4096).optional() }).strict();
export const SyncLogFile = z.object({ name: z.string(), deviceId: z.string(), isConflictCopy: z.boolean(), size: z.number(), mtimeMs: z.number(), ino: z.number() });
export const SyncFolderListing = z.object({ path: z.string(), files: z.array(SyncLogFile) });
export const SyncLogRead = z.object({ name: logName, from: z.number().int().nonnegative(), ino: z.number().optional() }).strict();
export const SyncLogChunk = z.object({ name: z.string(), text: z.string(), from: z.number(), next: z.number(), size: z.number(), ino: z.number() });
export const SyncLogWrite = z.object({ deviceId, text: logText }).strict();
export const SyncFolderWait = z.object({ since: z.number().int().nonnegative(), timeoutMs: z.number().int().min(0).max(30_000) }).strict();

export const HOST_CONTRACT = {
  'app:info': { args: z.tuple([]), result: AppInfo },
  'feeds:fetch': { args: z.tuple([FetchFeedRequest]), result: FetchFeedResponse },
  'live:fetch': { args: z.tuple([LiveFetchRequest]), result: FetchFeedResponse },
  'files:open-feed': { args: z.tuple([]), result: OpenedFile },
  'tray:update': { args: z.tuple([TrayUpdate]), result: z.null() },
  'notify:show': { args: z.tuple([NotificationRequest]), result: z.null() },
  'links:open': { args: z.tuple([OpenLinkRequest]), result: z.null() },
  'photos:fetch': { args: z.tuple([PhotoRequest]), result: PhotoResponse },
  'personal:read-mirror': { args: z.tuple([]), result: MirrorReadResult },
  'personal:write-mirror': { args: z.tuple([PersonalDataSchema, MirrorWriteOptions]), result: MirrorWriteResult },
  'personal:mirror-status': { args: z.tuple([]), result: MirrorStatusResult },
  ...CALENDAR_CONTRACT,
  'syncfolder:status': { args: z.tuple([]), result: SyncFolderStatus },
  'syncfolder:choose': { args: z.tuple([SyncFolderChoose]), result: z.object({ path: z.string() }).nullable() },
  'syncfolder:stop': { args: z.tuple([]), result: z.null() },
  'syncfolder:list': { args: z.tuple([]), result: SyncFolderListing },
  'syncfolder:read': { args: z.tuple([SyncLogRead]), result: SyncLogChunk },
  'syncfolder:append': { args: z.tuple([SyncLogWrite]), result: z.object({ size: z.number() }) },
  'syncfolder:replace': { args: z.tuple([SyncLogWrite]), result: z.object({ size: z.number() }) },
  'syncfolder:remove-copy': { args: z.tuple([z.object({ deviceId, name: logName }).strict()]), result: z.null() },
  'syncfolder:wait': { args: z.tuple([SyncFolderWait]), result: z.object({ version: z.number() }) },
} as const;

export type HostChannel = keyof typeof HOST_CONTRACT;
export type HostArgs<C extends HostChannel> = z.infer<(typeof HOST_CONTRACT)[C]['args']>;
export type HostValue<C extends HostChannel> = z.infer<(typeof HOST_CONTRACT)[C]['result']>;

/** What a failed host call tells the renderer: words for a person, plus what retry logic needs. */
export const HostErrorSchema = z.object({
  message: z.string(),
  status: z.number().optional(),
  retryAfterSeconds: z.number().optional(),
  /**
   * What kind of failure, when known: a file-system code (`ENOSPC`, `EACCES`, `EROFS`…),
   * `EMPTY_REFUSED` (the backup copy would have been emptied), or `UNREACHABLE` (the host did
   * not answer). Lets the renderer decide whether to retry and say what is wrong in words.
   */
  code: z.string().max(40).optional(),
});
export type HostError = z.infer<typeof HostErrorSchema>;
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** Events the host pushes to the renderer (Electron: `webContents.send`; web: none yet). */
export const HOST_EVENTS = {
  /** A `lanyard://subscribe?url=…` or `webcal://…` link was opened; a lanyard link may carry a live channel (`&live=…&topic=…`, checked by the page). */
  'links:subscribe': z.object({ url, live: z.string().max(2048).optional(), topic: z.string().max(200).optional() }),
  /** The user chose a session in the tray / menu or clicked a notification; `sessionRef` is `conferenceId + "\n" + sessionId` (no session: the conference). */
  'tray:open-session': z.object({ sessionRef: z.string().max(700) }),
  /** The user chose "Live now" in the tray / menu. */
  'tray:open-live': z.object({}),
  /** A shared-picks link `lanyard://picks?<query>` was opened (see core/personal/picks-link.ts). */
  'links:picks': z.object({ query: z.string().max(8000) }),
  /** The computer woke from sleep: time jumped, so sync and reminders look again at once. */
  'power:resume': z.object({}),
  /** Something changed in the sync folder (a log arrived or grew); `version` counts changes. */
  'syncfolder:changed': z.object({ version: z.number() }),
} as const;
export type HostEvent = keyof typeof HOST_EVENTS;

/** The API the preload exposes as `window.lanyard`, one method per call. */
export interface HostApi {
  appInfo(): Promise<HostResult<HostValue<'app:info'>>>;
  fetchFeed(request: HostArgs<'feeds:fetch'>[0]): Promise<HostResult<HostValue<'feeds:fetch'>>>;
  /** A live document (room status, c3voc streams, media.ccc.de): small JSON, fetched with the feed fetcher's guards. */
  fetchLive(request: HostArgs<'live:fetch'>[0]): Promise<HostResult<HostValue<'live:fetch'>>>;
  openFeedFile(): Promise<HostResult<HostValue<'files:open-feed'>>>;
  updateTray(update: HostArgs<'tray:update'>[0]): Promise<HostResult<null>>;
  /** Desktop only: a native notification from the main process (web mode uses the browser's). */
  showNotification(request: NotificationRequest): Promise<HostResult<null>>;
  /** Desktop: opens a link in the system browser after the main process re-checks it (web mode opens a tab itself). */
  openLink(request: OpenLinkRequest): Promise<HostResult<null>>;
  /** Downloads a speaker photo (checked: raster image, capped) for the offline cache. */
  fetchPhoto(request: HostArgs<'photos:fetch'>[0]): Promise<HostResult<HostValue<'photos:fetch'>>>;
  /** The mirror file of the user's personal data: read (with fallback to the previous good copy), write atomically, where and when. */
  readMirror(): Promise<HostResult<HostValue<'personal:read-mirror'>>>;
  writeMirror(data: HostArgs<'personal:write-mirror'>[0], options: HostArgs<'personal:write-mirror'>[1]): Promise<HostResult<HostValue<'personal:write-mirror'>>>;
  mirrorStatus(): Promise<HostResult<HostValue<'personal:mirror-status'>>>;
  // The live calendar (core/host/calendar-contract.ts): webcal subscription and CalDAV.
  publishAgenda(request: AgendaPublishRequest): Promise<HostResult<null>>;
  calendarStatus(): Promise<HostResult<CalendarStatus>>;
  resetCalendarLink(): Promise<HostResult<CalendarStatus>>;
  connectCaldav(request: CaldavConnectRequest): Promise<HostResult<CalendarStatus>>;
  disconnectCaldav(): Promise<HostResult<CalendarStatus>>;
  syncCaldavNow(): Promise<HostResult<CalendarStatus>>;
  /** The sync folder: status, choose (desktop: dialog; web: typed path), stop, list, read, append, compact, drop own conflicted copies. */
  syncFolderStatus(): Promise<HostResult<HostValue<'syncfolder:status'>>>;
  chooseSyncFolder(request: HostArgs<'syncfolder:choose'>[0]): Promise<HostResult<HostValue<'syncfolder:choose'>>>;
  stopSyncFolder(): Promise<HostResult<null>>;
  listSyncFolder(): Promise<HostResult<HostValue<'syncfolder:list'>>>;
  readSyncLog(request: HostArgs<'syncfolder:read'>[0]): Promise<HostResult<HostValue<'syncfolder:read'>>>;
  appendSyncLog(request: HostArgs<'syncfolder:append'>[0]): Promise<HostResult<HostValue<'syncfolder:append'>>>;
  replaceSyncLog(request: HostArgs<'syncfolder:replace'>[0]): Promise<HostResult<HostValue<'syncfolder:replace'>>>;
  removeSyncCopy(request: HostArgs<'syncfolder:remove-copy'>[0]): Promise<HostResult<null>>;
  /** Something changed in the sync folder (desktop: pushed; web mode: the page waits for it with `syncfolder:wait`). */
  onSyncFolderChange(listener: () => void): () => void;
  /** Returns a function that stops listening. */
  /** `live` is the channel a `lanyard://subscribe?…&live=…&topic=…` link carries, when it carries one. */
  onSubscribeLink(listener: (url: string, live?: LinkLiveChannel) => void): () => void;
  /** A `lanyard://picks?…` link was opened; the listener gets its query. */
  onPicksLink(listener: (query: string) => void): () => void;
  onOpenSession(listener: (sessionRef: string) => void): () => void;
  /** The tray's "Live now" entry was chosen. */
  onOpenLive(listener: () => void): () => void;
  /** The computer woke from sleep (desktop: Electron's powerMonitor; web mode: the page was resumed after being frozen). */
  onResume(listener: () => void): () => void;
}

/** A live channel named by a subscription link, not yet checked (the subscribe page checks and explains it). */
export interface LinkLiveChannel {
  mqtt: string;
  topic: string;
}

/** A link to subscribe to: the feed, and the live channel a lanyard:// link may carry. */
export interface SubscribeRequest {
  url: string;
  live?: LinkLiveChannel;
}

/** `lanyard://subscribe?url=…&live=<broker>&topic=<base>` → the feed and its channel; webcal links carry none. */
export function subscribeRequestFromLink(link: string): SubscribeRequest | undefined {
  const url = feedUrlFromLink(link);
  if (!url) return undefined;
  const params = link.toLowerCase().startsWith('lanyard:') ? new URL(link).searchParams : undefined;
  const mqtt = params?.get('live');
  const topic = params?.get('topic');
  return mqtt && topic && mqtt.length <= 2048 && topic.length <= 200 ? { url, live: { mqtt, topic } } : { url };
}

/** Turns `lanyard://subscribe?url=…` and `webcal://host/path` into the feed URL to subscribe to. */
export function feedUrlFromLink(link: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'webcal:' || parsed.protocol === 'webcals:') return `https://${parsed.host}${parsed.pathname}${parsed.search}`;
  if (parsed.protocol === 'lanyard:' && (parsed.hostname === 'subscribe' || parsed.pathname.replace(/^\/+/, '') === 'subscribe')) {
    const target = parsed.searchParams.get('url');
    if (!target) return undefined;
    try {
      const inner = new URL(target);
      return inner.protocol === 'https:' || inner.protocol === 'http:' ? inner.href : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
