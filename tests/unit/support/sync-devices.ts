import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { resettleConference } from '../../../renderer/src/sync/conference-settings';
import { readLocalItems } from '../../../renderer/src/db/sync-items';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { valueText } from '../../../core/sync-folder/ops';
import { startSyncFolder, type SyncFolderService } from '../../../renderer/src/sync-folder/service';
import type { FolderPort } from '../../../renderer/src/sync-folder/port';
import { SAMPLE } from './sample-db';

/** A seeded PRNG (mulberry32): the same seed plays the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Conferences the runs subscribe to: the built-in sample under other ids and URLs (18 sessions each). */
export const CONFERENCES = ['conf-a', 'conf-b', 'conf-c'] as const;
export const urlOf = (id: string): string => `https://example.org/${id}/schedule.json`;
const feedTexts = new Map<string, string>(CONFERENCES.map((id) => {
  const feed = JSON.parse(SAMPLE) as { conference: { id: string; title: string } };
  feed.conference.id = id;
  feed.conference.title = `Conference ${id}`;
  return [id, JSON.stringify(feed)];
}));
export const SESSION_IDS = (JSON.parse(SAMPLE) as { sessions: Array<{ id: string }> }).sessions.map((s) => s.id);

/** The synced items of a profile, as keyId → value text. */
export async function itemsOf(db: LanyardDb): Promise<Map<string, string>> {
  return new Map([...(await readLocalItems(db))].map(([id, item]) => [id, valueText(item.value)]));
}

/**
 * What a person sees for one item on one computer now, read from the row it lives in (stated
 * here on its own, not through the sync code): an action that leaves this as it was is no edit.
 */
export async function valueNow(db: LanyardDb, key: readonly string[]): Promise<string> {
  const [kind, conf = '', session = ''] = key;
  if (kind === 'star' || kind === 'note' || kind === 'remind') {
    const entry = await db.agenda.get([conf, session]);
    const value = kind === 'star' ? entry?.star : kind === 'note' ? entry?.note || undefined : entry?.reminderMinutes;
    return valueText(value);
  }
  if (kind === 'prefs') {
    const prefs = await db.prefs.get(conf);
    return valueText(prefs ? { remindersEnabled: prefs.remindersEnabled, reminderMinutes: prefs.reminderMinutes } : undefined);
  }
  if (kind === 'watch') {
    const watch = await db.watchLater.get([conf, session]);
    return valueText(watch ? { addedAt: watch.addedAt, ...(watch.watchedAt === undefined ? {} : { watchedAt: watch.watchedAt }) } : undefined);
  }
  const sub = await db.subscriptions.get(conf);
  return valueText(sub ? { source: sub.source, ...(sub.url ? { url: sub.url } : {}), ...(sub.timeZone ? { timeZone: sub.timeZone } : {}), ...(sub.title ? { title: sub.title } : {}), ...(sub.live ? { live: sub.live } : {}), addedAt: sub.addedAt, archived: sub.archived } : undefined);
}

let opened = 0;

/** One Lanyard instance: its own database (profile) and its own sync-folder service over `port`. */
export class Device {
  readonly db: LanyardDb;
  readonly service: SyncFolderService;
  private fetchQueue: string[] = [];
  private resettleQueue: string[] = [];

  constructor(readonly id: string, port: FolderPort, readonly now: () => number) {
    opened += 1;
    this.db = new LanyardDb(`sync-device-${id}-${opened}`);
    this.service = startSyncFolder({ db: this.db, folder: port, now, manual: true, newDeviceId: () => id, onSubscribed: (ids) => this.fetchQueue.push(...ids), onResettled: (ids) => this.resettleQueue.push(...ids) });
  }

  /**
   * A sync round, then what the app does next: fetch the feeds of subscriptions that arrived,
   * and read again the conferences renamed or given another zone elsewhere.
   */
  async sync(): Promise<void> {
    await this.service.syncNow();
    for (const id of this.resettleQueue.splice(0)) await resettleConference(this.db, id, this.now());
    const queued = this.fetchQueue.splice(0);
    for (const id of queued) {
      const text = feedTexts.get(id);
      if (text && (await this.db.subscriptions.get(id)) && !(await this.db.conferences.get(id))) await applyFeedText(this.db, id, text, {}, this.now());
    }
  }

  /** Subscribes by URL through the app's subscribe path. */
  async subscribe(id: string): Promise<void> {
    const text = feedTexts.get(id);
    if (!text) throw new Error(`no feed for ${id}`);
    const got = await subscribe(this.db, readCandidate(text, { source: 'url', url: urlOf(id) }), this.now());
    if (got !== id) throw new Error(`subscribed as ${got}, not ${id}`);
  }

  /** Conferences whose schedule is stored here (sessions can be starred). */
  async stored(): Promise<string[]> {
    return (await this.db.conferences.toCollection().primaryKeys()).sort();
  }

  async close(): Promise<void> {
    this.service.stop();
    this.db.close();
    await this.db.delete();
  }
}
