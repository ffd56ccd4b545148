import { fosdemRoomSlug } from './stream-rules';

/**
 * Room status: whether a room can still be entered. FOSDEM publishes it as
 * `[{ "roomname": "…", "state": "0|1|2" }]` (0 open, 1 full, 2 emergency: evacuate); a live
 * channel pushes `open | filling | full | closed` per room. Both end up as a RoomState.
 */
export type RoomState = 'open' | 'filling' | 'full' | 'closed' | 'evacuate';

export interface RoomStatus {
  state: RoomState;
  /** When this state was observed (polled or pushed), epoch ms. */
  at: number;
  source: 'poll' | 'push';
}

const MINUTE = 60_000;
/** A status older than this is shown as possibly out of date and never notified on (FOSDEM Companion's six minutes). */
const ROOM_STATUS_STALE_MS = 6 * MINUTE;
/** Room-status documents are small: FOSDEM's is a few kilobytes for ~40 rooms. */
export const MAX_ROOM_STATUS_BYTES = 512 * 1024;
const MAX_ROOMS = 2_000;

const FOSDEM_STATES: Readonly<Record<string, RoomState>> = { '0': 'open', '1': 'full', '2': 'evacuate' };

/**
 * Reads FOSDEM's room-status document into room name → state. Entries that are not of the
 * documented shape are skipped (and counted), never guessed at; the whole document is refused
 * when it is not a JSON array.
 */
export function parseFosdemRoomStatus(text: string): { ok: true; rooms: Map<string, RoomState>; skipped: number } | { ok: false; reason: string } {
  if (text.length > MAX_ROOM_STATUS_BYTES) return { ok: false, reason: `the room status is larger than ${MAX_ROOM_STATUS_BYTES / 1024} KB` };
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: 'the room status is not JSON' };
  }
  if (!Array.isArray(doc)) return { ok: false, reason: 'the room status is not a list of rooms' };
  const rooms = new Map<string, RoomState>();
  let skipped = 0;
  for (const entry of doc.slice(0, MAX_ROOMS)) {
    const name = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).roomname : undefined;
    const raw = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).state : undefined;
    const state = typeof raw === 'string' || typeof raw === 'number' ? FOSDEM_STATES[String(raw).trim()] : undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200 || !state) {
      skipped += 1;
      continue;
    }
    rooms.set(name.trim(), state);
  }
  skipped += Math.max(0, doc.length - MAX_ROOMS);
  return { ok: true, rooms, skipped };
}

/** Whether room status is worth polling: from an hour before the first session to the end of the last. */
export function isRoomStatusTime(now: number, firstStart: number, lastEnd: number): boolean {
  return now >= firstStart - 60 * MINUTE && now <= lastEnd;
}

/**
 * When to poll the room status again, in ms: every 60–90 s while all is well (jitter spreads
 * thousands of attendees over the half minute), and after failures from 30 s, doubling up to
 * ten minutes. `random` is in [0, 1), injected so tests are deterministic.
 */
export function nextRoomStatusDelay(failures: number, random: number): number {
  if (failures <= 0) return Math.round(60_000 + 30_000 * random);
  const base = Math.min(10 * MINUTE, 30_000 * 2 ** Math.min(failures - 1, 10));
  return Math.round(base * (0.8 + 0.4 * random));
}

export function isStale(status: Pick<RoomStatus, 'at'>, now: number): boolean {
  return now - status.at > ROOM_STATUS_STALE_MS;
}

const LABELS: Readonly<Record<RoomState, string>> = { open: 'Open', filling: 'Filling up', full: 'Full', closed: 'Closed', evacuate: 'Evacuate' };

/** "Full · 2 min ago", "Open · just now", "Full · 7 min ago · may be out of date". */
export function describeRoomStatus(status: RoomStatus, now: number): string {
  const minutes = Math.max(0, Math.floor((now - status.at) / MINUTE));
  const age = minutes === 0 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
  return `${LABELS[status.state]} · ${age}${isStale(status, now) ? ' · may be out of date' : ''}`;
}

export function roomStateLabel(state: RoomState): string {
  return LABELS[state];
}

/** A room status that keeps people out (full, closed, evacuate): worth telling someone heading there. */
function isKeepingOut(state: RoomState): boolean {
  return state === 'full' || state === 'closed' || state === 'evacuate';
}

/** The lead time before a talk below which "its room is full" is no longer sent (they are on their way or there). */
const ROOM_FULL_NOTICE_MIN_LEAD_MS = 10 * MINUTE;

/**
 * A room's status by its id, then its name, then the letters and digits of either (a status
 * list may say "K.1.105 (La Fontaine)" where a feed's room is "K.1.105", or "k1105").
 */
export function findRoomStatus(statuses: ReadonlyMap<string, RoomStatus>, room: { id: string; name?: string | undefined }): RoomStatus | undefined {
  const direct = statuses.get(room.id) ?? (room.name !== undefined ? statuses.get(room.name) : undefined);
  if (direct || statuses.size === 0) return direct;
  const wanted = new Set([fosdemRoomSlug(room.id), ...(room.name !== undefined ? [fosdemRoomSlug(room.name)] : [])].filter(Boolean));
  let best: RoomStatus | undefined;
  for (const [name, status] of statuses) {
    if (wanted.has(fosdemRoomSlug(name)) && (!best || status.at > best.at)) best = status;
  }
  return best;
}

export interface StarredTalk {
  sessionId: string;
  title: string;
  roomId: string | undefined;
  roomName?: string | undefined;
  start: number;
  cancelled: boolean;
}

/**
 * The user's next starred talk of a conference if its room is full (or closed) now, fresh,
 * and the talk starts ten or more minutes from now: the one case worth a notification. The
 * caller claims it once per talk.
 */
export function roomFullAlert(input: { now: number; starred: readonly StarredTalk[]; statuses: ReadonlyMap<string, RoomStatus> }): { talk: StarredTalk; status: RoomStatus } | undefined {
  const upcoming = input.starred.filter((t) => !t.cancelled && t.start > input.now).sort((a, b) => a.start - b.start);
  const next = upcoming[0];
  if (!next?.roomId || next.start - input.now < ROOM_FULL_NOTICE_MIN_LEAD_MS) return undefined;
  const status = findRoomStatus(input.statuses, { id: next.roomId, name: next.roomName });
  if (!status || isStale(status, input.now) || !isKeepingOut(status.state)) return undefined;
  return { talk: next, status };
}
