import type { Conference, Room, Session, Speaker, Track } from '../../../../core/model/schema';

/** What search reads of one conference: a stored schedule or a parsed feed fits it. */
export interface ConferenceParts {
  conference: Pick<Conference, 'title' | 'timeZone'>;
  sessions: readonly Session[];
  speakers: readonly Speaker[];
  rooms: readonly Room[];
  tracks: readonly Track[];
}
