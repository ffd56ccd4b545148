import type { Feed, Session } from '../../../core/model/schema';

/** A small valid feed for tests; sessions get sensible defaults. */
export function makeFeed(sessions: Array<Partial<Session> & { id: string; title: string }>, extra: Partial<Feed> = {}): Feed {
  return {
    lanyard: 1,
    conference: {
      id: 'testconf',
      title: 'Test Conference',
      timeZone: 'Europe/Brussels',
      start: '2023-02-03',
      end: '2023-02-03',
      days: ['2023-02-03'],
      links: [],
    },
    rooms: [{ id: 'Pagoda', name: 'Pagoda', links: [] }, { id: 'Janson', name: 'Janson', links: [] }],
    tracks: [],
    speakers: [
      { id: 'p1', name: 'Peter Georg', links: [] },
      { id: 'p2', name: 'Eric Curtin', links: [] },
    ],
    announcements: [],
    ...extra,
    sessions: sessions.map((s) => ({
      start: '2023-02-03T14:30:00Z',
      end: '2023-02-03T15:00:00Z',
      day: '2023-02-03',
      roomId: 'Pagoda',
      speakerIds: ['p1'],
      links: [],
      recordingOptOut: false,
      cancelled: false,
      ...s,
    })),
  };
}
