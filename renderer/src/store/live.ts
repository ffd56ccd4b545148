import { create } from 'zustand';
import type { RoomStatus } from '../../../core/live/room-status';

/** A live channel's connection, as the conference header shows it. */
interface ChannelStatus {
  state: 'connecting' | 'connected' | 'reconnecting' | 'refused';
  /** Why it is not connected (the broker's or the network's words), when known. */
  detail?: string | undefined;
  since: number;
  broker: string;
  topic: string;
}

interface RoomPollStatus {
  lastSuccessAt?: number | undefined;
  lastError?: string | undefined;
  failures: number;
}

interface LiveState {
  /** conferenceId → room name → its latest status (polled or pushed, the newer wins). */
  rooms: Record<string, Record<string, RoomStatus>>;
  roomPolls: Record<string, RoomPollStatus>;
  channels: Record<string, ChannelStatus>;
  /** conferenceId → room name (lowercased) → its stream on c3voc's streaming site. */
  c3voc: Record<string, Record<string, string>>;
  setRoomStatuses: (conferenceId: string, statuses: ReadonlyArray<readonly [string, RoomStatus]>) => void;
  /** Forgets a room's pushed status (the organizer cleared its retained message). */
  clearRoomStatus: (conferenceId: string, room: string) => void;
  setRoomPoll: (conferenceId: string, poll: RoomPollStatus) => void;
  setChannel: (conferenceId: string, status: ChannelStatus | undefined) => void;
  setC3voc: (conferenceId: string, rooms: Record<string, string>) => void;
  reset: () => void;
}

const EMPTY = { rooms: {}, roomPolls: {}, channels: {}, c3voc: {} };

/**
 * What the live services know right now: room status, channel connections, c3voc streams.
 * Nothing here needs to survive a restart (it is polled or pushed again within a minute;
 * retained MQTT room states come back on subscribe), so it is memory, not Dexie.
 */
export const useLive = create<LiveState>()((set) => ({
  ...EMPTY,
  setRoomStatuses: (conferenceId, statuses) =>
    set((state) => {
      const current = { ...(state.rooms[conferenceId] ?? {}) };
      let changed = false;
      for (const [room, status] of statuses) {
        const before = current[room];
        if (before && before.at > status.at) continue;
        if (before && before.state === status.state && before.at === status.at && before.source === status.source) continue;
        current[room] = status;
        changed = true;
      }
      return changed ? { rooms: { ...state.rooms, [conferenceId]: current } } : state;
    }),
  clearRoomStatus: (conferenceId, room) =>
    set((state) => {
      const current = state.rooms[conferenceId];
      if (!current?.[room]) return state;
      const { [room]: _gone, ...rest } = current;
      return { rooms: { ...state.rooms, [conferenceId]: rest } };
    }),
  setRoomPoll: (conferenceId, poll) => set((state) => ({ roomPolls: { ...state.roomPolls, [conferenceId]: poll } })),
  setChannel: (conferenceId, status) =>
    set((state) => {
      const channels = { ...state.channels };
      if (status) channels[conferenceId] = status;
      else delete channels[conferenceId];
      return { channels };
    }),
  setC3voc: (conferenceId, rooms) => set((state) => ({ c3voc: { ...state.c3voc, [conferenceId]: rooms } })),
  reset: () => set(EMPTY),
}));

/** Whether a conference's live channel is connected now (polling slows down meanwhile). */
export function isPushConnected(conferenceId: string): boolean {
  return useLive.getState().channels[conferenceId]?.state === 'connected';
}

/** A conference's room statuses as a map, for core/live/room-status. */
export function roomStatusesOf(conferenceId: string): Map<string, RoomStatus> {
  return new Map(Object.entries(useLive.getState().rooms[conferenceId] ?? {}));
}
