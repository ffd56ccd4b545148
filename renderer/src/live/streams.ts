import { useMemo } from 'react';
import { withDerivedStreams } from '../../../core/live/stream-rules';
import type { Conference, Room } from '../../../core/model/schema';
import { useLive } from '../store/live';

/**
 * A conference's rooms with the stream each gets by rule where its feed names none (the
 * organizer's pattern, c3voc's streams list for CCC conferences, live.fosdem.org for FOSDEM),
 * re-derived when c3voc's list arrives.
 */
export function useRoomsWithStreams<R extends Pick<Room, 'name' | 'links'>>(
  conferenceId: string,
  conference: Pick<Conference, 'id' | 'title' | 'url' | 'streams'> | undefined,
  rooms: readonly R[] | undefined,
  feedUrl: string | undefined,
): R[] | undefined {
  const c3voc = useLive((s) => s.c3voc[conferenceId]);
  return useMemo(
    () => (conference && rooms ? withDerivedStreams(rooms, { conference, feedUrl, c3voc: c3voc ? new Map(Object.entries(c3voc)) : undefined }) : undefined),
    [conference, rooms, feedUrl, c3voc],
  );
}
