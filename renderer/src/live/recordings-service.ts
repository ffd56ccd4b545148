import type { HostApi } from '../../../core/host/contract';
import { MEDIA_CCC_API, mediaCccEventUrl, nextRecordingCheck, parseMediaCccEvent } from '../../../core/live/media-ccc';
import { planRecordingClaims, type WatchedSession } from '../../../core/live/recording-arrivals';
import { isCccFamily } from '../../../core/live/stream-rules';
import type { Session } from '../../../core/model/schema';
import { readSchedules } from '../db/schedules';
import type { ExternalRecordingRecord, LanyardDb } from '../db/schema';
import { tell, type Notify } from './tell';

export interface RecordingsDeps {
  db: LanyardDb;
  fetchLive: HostApi['fetchLive'];
  notify: Notify;
  now: () => number;
  random: () => number;
  /** media.ccc.de's API (a server on 127.0.0.1 in tests). */
  mediaApi?: string;
  /** Lookups per pass, so a long watch list never floods media.ccc.de. */
  maxLookups?: number;
}

export interface RecordingsWatcher {
  /** One pass: look up what is due on media.ccc.de, then tell the user about recordings that arrived. */
  check(): Promise<void>;
}

interface Watched {
  conferenceId: string;
  /** The conference's feed: media.ccc.de lookups are guarded with it, like every automatic fetch. */
  feedUrl: string | undefined;
  conferenceTitle: string;
  session: Session;
  isCcc: boolean;
}

const key = (conferenceId: string, sessionId: string): string => `${conferenceId}\n${sessionId}`;

async function watchedSessions(db: LanyardDb): Promise<Watched[]> {
  const [agenda, later, subs] = await Promise.all([db.agenda.filter((e) => e.star !== undefined && e.removedAt === undefined).toArray(), db.watchLater.toArray(), db.subscriptions.toArray()]);
  const wanted = new Map<string, Set<string>>();
  for (const { conferenceId, sessionId } of [...agenda, ...later]) {
    const set = wanted.get(conferenceId) ?? new Set<string>();
    set.add(sessionId);
    wanted.set(conferenceId, set);
  }
  if (wanted.size === 0) return [];
  const feedUrls = new Map(subs.map((s) => [s.id, s.url]));
  const [schedules, records] = await Promise.all([readSchedules(db, [...wanted.keys()]), db.conferences.bulkGet([...wanted.keys()])]);
  return records.flatMap((record) => {
    const schedule = record ? schedules.get(record.id) : undefined;
    if (!record || !schedule) return [];
    const ids = wanted.get(record.id)!;
    const feedUrl = feedUrls.get(record.id);
    const isCcc = isCccFamily(record.conference, feedUrl);
    return schedule.sessions.filter((s) => ids.has(s.id)).map((session) => ({ conferenceId: record.id, feedUrl, conferenceTitle: record.conference.title, session, isCcc }));
  });
}

/**
 * Tells the user once when a session they starred or put on "watch later" gains its
 * recording: FOSDEM adds video links to its feed after the event (seen here after the
 * revision is applied), and CCC conferences publish on media.ccc.de, asked by the session's
 * guid through its public API (through the host, like feed fetches). Recordings found there
 * are stored (table externalRecordings) and listed under Recordings. "The recording of … is
 * out" is claimed in Dexie, once per session, and only for a session Lanyard saw without one.
 */
export function createRecordingsWatcher(deps: RecordingsDeps): RecordingsWatcher {
  const lookUp = async (watched: Watched[], external: Map<string, ExternalRecordingRecord>, now: number): Promise<void> => {
    let budget = deps.maxLookups ?? 10;
    for (const w of watched) {
      if (budget <= 0) break;
      const { session } = w;
      const guid = session.guid;
      const end = Date.parse(session.end);
      if (!w.isCcc || !guid || end > now || session.recordingOptOut || session.links.some((l) => l.kind === 'recording')) continue;
      const row = external.get(key(w.conferenceId, session.id));
      if (row && row.links.length > 0) continue;
      const at = nextRecordingCheck({ end, now, lastCheckAt: row?.checkedAt, failures: row?.failures ?? 0, random: deps.random() });
      if (at === undefined || at > now) continue;
      budget -= 1;
      const answer = await deps.fetchLive({ url: mediaCccEventUrl(guid, deps.mediaApi ?? MEDIA_CCC_API), kind: 'recording', ...(w.feedUrl ? { feedUrl: w.feedUrl } : {}) });
      const base = { conferenceId: w.conferenceId, sessionId: session.id, guid, checkedAt: now };
      let next: ExternalRecordingRecord;
      if (!answer.ok) {
        // 404: media.ccc.de does not know the talk yet; that is a normal answer, not a failure.
        next = answer.error.status === 404 ? { ...base, links: [], failures: 0 } : { ...base, links: [], failures: (row?.failures ?? 0) + 1, lastError: answer.error.message };
      } else if (answer.value.kind === 'not-modified') next = { ...base, links: row?.links ?? [], failures: 0 };
      else {
        const parsed = parseMediaCccEvent(answer.value.text, guid);
        next = parsed.ok ? { ...base, links: parsed.links, failures: 0 } : { ...base, links: [], failures: (row?.failures ?? 0) + 1, lastError: parsed.reason };
      }
      external.set(key(w.conferenceId, session.id), next);
      await deps.db.externalRecordings.put(next);
    }
  };

  const claim = async (watched: Watched[], external: Map<string, ExternalRecordingRecord>, now: number): Promise<Array<Watched & { url?: string | undefined }>> => {
    const db = deps.db;
    return db.transaction('rw', db.liveClaims, async () => {
      const conferenceIds = [...new Set(watched.map((w) => w.conferenceId))];
      const claims = await db.liveClaims.where('conferenceId').anyOf(conferenceIds).toArray();
      const told: Array<Watched & { url?: string | undefined }> = [];
      for (const conferenceId of conferenceIds) {
        const mine = watched.filter((w) => w.conferenceId === conferenceId);
        const keys = new Set(claims.filter((c) => c.conferenceId === conferenceId).map((c) => c.key));
        const linkOf = (w: Watched): string | undefined =>
          w.session.links.find((l) => l.kind === 'recording')?.url ?? external.get(key(conferenceId, w.session.id))?.links[0]?.url;
        const view: WatchedSession[] = mine.map((w) => ({ sessionId: w.session.id, title: w.session.title, hasRecording: linkOf(w) !== undefined }));
        const knownWithout = new Set(mine.filter((w) => keys.has(`no-recording:${w.session.id}`)).map((w) => w.session.id));
        const claimed = new Set(mine.filter((w) => keys.has(`recording:${w.session.id}`)).map((w) => w.session.id));
        const plan = planRecordingClaims(view, knownWithout, claimed);
        const byId = new Map(mine.map((w) => [w.session.id, w]));
        await db.liveClaims.bulkPut([
          ...plan.seenWithout.map((s) => ({ conferenceId, key: `no-recording:${s.sessionId}`, at: now, notified: false })),
          ...plan.silent.map((s) => ({ conferenceId, key: `recording:${s.sessionId}`, at: now, notified: false })),
          ...plan.notify.map((s) => ({ conferenceId, key: `recording:${s.sessionId}`, at: now, notified: true })),
        ]);
        for (const s of plan.notify) {
          const w = byId.get(s.sessionId)!;
          told.push({ ...w, url: linkOf(w) });
        }
      }
      return told;
    });
  };

  return {
    async check() {
      const now = deps.now();
      const watched = await watchedSessions(deps.db);
      if (watched.length === 0) return;
      const rows = await deps.db.externalRecordings.where('conferenceId').anyOf([...new Set(watched.map((w) => w.conferenceId))]).toArray();
      const external = new Map(rows.map((r) => [key(r.conferenceId, r.sessionId), r]));
      await lookUp(watched, external, now);
      for (const w of await claim(watched, external, now)) {
        await tell(deps.db, deps.notify, 'recording', {
          tag: `recording:${w.conferenceId}:${w.session.id}`.slice(0, 700),
          title: `Recording out · ${w.conferenceTitle}`.slice(0, 300),
          body: `The recording of “${w.session.title}” is out.`.slice(0, 2000),
          sessionRef: `${w.conferenceId}\n${w.session.id}`,
          ...(w.url && w.url.startsWith('https://') ? { actions: [{ label: 'Watch the recording', url: w.url }] } : {}),
        }, now);
      }
    },
  };
}
