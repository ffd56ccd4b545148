import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as RoomPrefsModule from '../../../renderer/src/store/room-prefs';

let prefs: typeof RoomPrefsModule;
const stored = new Map<string, string>();

beforeAll(async () => {
  // The store persists in localStorage; Node has none, so give it a plain one.
  const localStorage = {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  };
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('window', { localStorage });
  prefs = await import('../../../renderer/src/store/room-prefs');
});

const of = (id: string): RoomPrefsModule.RoomPrefs => prefs.useRoomPrefs.getState().byConference[id] ?? prefs.NO_ROOM_PREFS;

describe('hidden and pinned rooms and tracks', () => {
  it('belong to one conference, toggle on and off, and are written to localStorage', () => {
    const { toggle } = prefs.useRoomPrefs.getState();
    toggle('fosdem-2026', 'hiddenRooms', 'k.1.105');
    toggle('fosdem-2026', 'pinnedRooms', 'janson');
    toggle('fosdem-2026', 'hiddenTracks', 'rust');
    toggle('39c3', 'hiddenRooms', 'saal-1');
    toggle('39c3', 'hiddenRooms', 'saal-1');
    expect(of('fosdem-2026')).toEqual({ hiddenRooms: ['k.1.105'], hiddenTracks: ['rust'], pinnedRooms: ['janson'] });
    expect(of('39c3')).toEqual(prefs.NO_ROOM_PREFS);
    const written = JSON.parse(stored.get('lanyard-rooms') ?? '{}') as { state: { byConference: Record<string, RoomPrefsModule.RoomPrefs> } };
    expect(written.state.byConference['fosdem-2026']?.pinnedRooms).toEqual(['janson']);
  });

  it('Show all brings back hidden rooms and tracks and keeps the pins', () => {
    prefs.useRoomPrefs.getState().showAll('fosdem-2026');
    expect(of('fosdem-2026')).toEqual({ hiddenRooms: [], hiddenTracks: [], pinnedRooms: ['janson'] });
  });

  it('leave out the sessions of hidden rooms and tracks, keeping those without a room or track', () => {
    const sessions = [
      { id: 'a', roomId: 'janson', trackId: 'rust' },
      { id: 'b', roomId: 'k.1.105', trackId: 'go' },
      { id: 'c', roomId: 'janson', trackId: 'go' },
      { id: 'd' },
    ];
    const shown = prefs.withoutHidden(sessions, { hiddenRooms: ['k.1.105'], hiddenTracks: ['rust'], pinnedRooms: [] });
    expect(shown.map((s) => s.id)).toEqual(['c', 'd']);
    expect(prefs.withoutHidden(sessions, prefs.NO_ROOM_PREFS)).toHaveLength(4);
  });
});
