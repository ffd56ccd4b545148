import type { HostApi } from '../../../core/host/contract';
import { C3VOC_STREAMS_URL, parseC3vocStreams } from '../../../core/live/c3voc-streams';
import { roomStatusUrlOf } from '../../../core/live/declared';
import { isRoomStatusTime, nextRoomStatusDelay, parseFosdemRoomStatus, type RoomStatus } from '../../../core/live/room-status';
import { c3vocSlug, isCccFamily } from '../../../core/live/stream-rules';
import type { ConferenceRecord, LanyardDb, SubscriptionRecord } from '../db/schema';
import { roomStatusesOf, useLive } from '../store/live';
import { checkRoomFull } from './room-full';
import type { Notify } from './tell';

export interface RoomStatusDeps {
  db: LanyardDb;
  fetchLive: HostApi['fetchLive'];
  notify: Notify;
  now: () => number;
  random: () => number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  setTimer: (run: () => void, ms: number) => () => void;
  /** c3voc's streams list (a server on 127.0.0.1 in tests). */
  c3vocUrl?: string;
}

export interface RoomStatusService {
  stop(): void;
  /** Polls whatever is due now; the timer calls it, tests call it with their own clock. */
  tick(): Promise<void>;
}

interface PollState {
  url: string;
  /** The conference's feed: the host guard lets a document on that same host be on a private network. */
  feedUrl: string | undefined;
  nextAt: number;
  failures: number;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

const feedOf = (poll: PollState): { feedUrl?: string } => (poll.feedUrl ? { feedUrl: poll.feedUrl } : {});

/** The c3voc streams list changes rarely (rooms are set up before a conference): every ten minutes is plenty. */
const C3VOC_EVERY_MS = 10 * 60_000;
/** Conferences starting, ending or being added are noticed within this much. */
const IDLE_MS = 60_000;

/**
 * Polls room status (the address a conference declares, or FOSDEM's for FOSDEM) and, for
 * CCC conferences, c3voc's streams list, only while each conference is on: every 60–90 s,
 * backing off from 30 s after failures, with conditional requests (through the host's address guard, with the conference's feed URL). Results go to the live
 * store (room status is stale after six minutes there); each update checks whether the room
 * of the user's next talk is full. Fetches go through the host, like feed polls.
 */
export function createRoomStatusService(deps: RoomStatusDeps): RoomStatusService {
  const rooms = new Map<string, PollState>();
  const streams = new Map<string, PollState>();
  let cancel: (() => void) | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;

  const pollRooms = async (id: string, poll: PollState, now: number): Promise<void> => {
    const answer = await deps.fetchLive({ url: poll.url, kind: 'room-status', etag: poll.etag, lastModified: poll.lastModified, ...feedOf(poll) });
    const store = useLive.getState();
    let problem: string | undefined;
    if (!answer.ok) problem = answer.error.message;
    else if (answer.value.kind === 'not-modified') {
      // Still true: what was polled is as fresh as now.
      const polled = Object.entries(store.rooms[id] ?? {}).filter(([, s]) => s.source === 'poll');
      store.setRoomStatuses(id, polled.map(([room, s]) => [room, { ...s, at: now }] as const));
    } else {
      const parsed = parseFosdemRoomStatus(answer.value.text);
      if (!parsed.ok) problem = parsed.reason;
      else {
        store.setRoomStatuses(id, [...parsed.rooms].map(([room, state]) => [room, { state, at: now, source: 'poll' } satisfies RoomStatus] as const));
        poll.etag = answer.value.etag;
        poll.lastModified = answer.value.lastModified;
      }
    }
    poll.failures = problem ? poll.failures + 1 : 0;
    poll.nextAt = now + nextRoomStatusDelay(poll.failures, deps.random());
    const before = store.roomPolls[id];
    store.setRoomPoll(id, problem ? { failures: poll.failures, lastError: problem, lastSuccessAt: before?.lastSuccessAt } : { failures: 0, lastSuccessAt: now });
  };

  const pollStreams = async (id: string, record: ConferenceRecord, poll: PollState, now: number): Promise<void> => {
    const answer = await deps.fetchLive({ url: poll.url, kind: 'streams', etag: poll.etag, lastModified: poll.lastModified, ...feedOf(poll) });
    let ok = answer.ok && answer.value.kind === 'not-modified';
    if (answer.ok && answer.value.kind === 'fetched') {
      const parsed = parseC3vocStreams(answer.value.text, c3vocSlug(record.conference));
      if (parsed.ok) {
        useLive.getState().setC3voc(id, Object.fromEntries(parsed.rooms));
        poll.etag = answer.value.etag;
        poll.lastModified = answer.value.lastModified;
        ok = true;
      }
    }
    poll.failures = ok ? 0 : poll.failures + 1;
    poll.nextAt = now + (ok ? C3VOC_EVERY_MS : nextRoomStatusDelay(poll.failures, deps.random()));
  };

  const due = (map: Map<string, PollState>, id: string, url: string, feedUrl: string | undefined, now: number): PollState | undefined => {
    let poll = map.get(id);
    if (!poll || poll.url !== url || poll.feedUrl !== feedUrl) {
      poll = { url, feedUrl, nextAt: now, failures: 0 };
      map.set(id, poll);
    }
    return poll.nextAt <= now ? poll : undefined;
  };

  const work = async (): Promise<void> => {
    const now = deps.now();
    const [records, subs] = await Promise.all([deps.db.conferences.toArray(), deps.db.subscriptions.toArray()]);
    const byId = new Map<string, SubscriptionRecord>(subs.map((s) => [s.id, s]));
    const jobs: Array<Promise<void>> = [];
    const active = new Set<string>();
    for (const record of records) {
      const sub = byId.get(record.id);
      if (!sub || sub.archived || !isRoomStatusTime(now, record.firstStart, record.lastEnd)) continue;
      active.add(record.id);
      const url = roomStatusUrlOf(record.conference, sub.url);
      const roomPoll = url ? due(rooms, record.id, url, sub.url, now) : undefined;
      if (roomPoll) jobs.push(pollRooms(record.id, roomPoll, now));
      if (record.conference.streams?.c3voc || isCccFamily(record.conference, sub.url)) {
        const streamPoll = due(streams, record.id, deps.c3vocUrl ?? C3VOC_STREAMS_URL, sub.url, now);
        if (streamPoll) jobs.push(pollStreams(record.id, record, streamPoll, now));
      }
    }
    for (const map of [rooms, streams]) for (const id of map.keys()) if (!active.has(id)) map.delete(id);
    await Promise.all(jobs.map((job) => job.catch(() => undefined)));
    // After every pass (a poll, a push, a new star): is the room of the next talk full? Claimed once per talk.
    for (const id of active) {
      const statuses = roomStatusesOf(id);
      if (statuses.size > 0) await checkRoomFull(deps.db, deps.notify, id, statuses, now).catch(() => false);
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = deps.now();
    const next = Math.min(now + IDLE_MS, ...[...rooms.values(), ...streams.values()].map((p) => p.nextAt));
    cancel = deps.setTimer(() => void service.tick(), Math.max(1_000, next - now));
  };

  const service: RoomStatusService = {
    stop() {
      stopped = true;
      cancel?.();
    },
    tick() {
      cancel?.();
      running ??= work().finally(() => {
        running = undefined;
        schedule();
      });
      return running;
    },
  };
  return service;
}
