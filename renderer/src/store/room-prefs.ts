import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Rooms and tracks one conference's schedule leaves out, and rooms it shows first in the timeline. */
export interface RoomPrefs {
  hiddenRooms: string[];
  hiddenTracks: string[];
  pinnedRooms: string[];
}

export const NO_ROOM_PREFS: RoomPrefs = { hiddenRooms: [], hiddenTracks: [], pinnedRooms: [] };

type ListKey = keyof RoomPrefs;

interface RoomPrefsState {
  /** conferenceId → its choices (room and track ids mean nothing at another conference). */
  byConference: Record<string, RoomPrefs>;
  toggle: (conferenceId: string, list: ListKey, id: string) => void;
  /** Shows every hidden room and track again (pins stay). */
  showAll: (conferenceId: string) => void;
}

/**
 * Hidden and pinned rooms and tracks: a view preference of this computer, like the list or
 * timeline choice and the time-zone toggle, so it lives beside them in localStorage (one key,
 * per conference) and survives a reload. It is not part of the backup or sync: it is quickly
 * made again, and the schedule always says how many rooms and tracks it hides.
 */
export const useRoomPrefs = create<RoomPrefsState>()(
  persist(
    (set) => ({
      byConference: {},
      toggle: (conferenceId, list, id) =>
        set((state) => {
          const own = state.byConference[conferenceId] ?? NO_ROOM_PREFS;
          const current = own[list];
          const next = current.includes(id) ? current.filter((v) => v !== id) : [...current, id];
          return { byConference: { ...state.byConference, [conferenceId]: { ...own, [list]: next } } };
        }),
      showAll: (conferenceId) =>
        set((state) => {
          const own = state.byConference[conferenceId] ?? NO_ROOM_PREFS;
          return { byConference: { ...state.byConference, [conferenceId]: { ...own, hiddenRooms: [], hiddenTracks: [] } } };
        }),
    }),
    { name: 'lanyard-rooms', version: 1 },
  ),
);

/** One conference's hidden and pinned rooms and tracks (none: NO_ROOM_PREFS). */
export function useRoomPrefsOf(conferenceId: string): RoomPrefs {
  return useRoomPrefs((s) => s.byConference[conferenceId] ?? NO_ROOM_PREFS);
}

/** The sessions a conference's room and track choices leave in view. */
export function withoutHidden<T extends { roomId?: string | undefined; trackId?: string | undefined }>(sessions: readonly T[], prefs: RoomPrefs): T[] {
  if (prefs.hiddenRooms.length === 0 && prefs.hiddenTracks.length === 0) return sessions as T[];
  return sessions.filter((s) => !(s.roomId !== undefined && prefs.hiddenRooms.includes(s.roomId)) && !(s.trackId !== undefined && prefs.hiddenTracks.includes(s.trackId)));
}
