import type { SessionRecord } from '../../db/schema';
import type { Filters } from '../../store/ui';

/** Sessions matching every chosen kind of filter (any value within a kind). */
export function applyFilters(sessions: readonly SessionRecord[], filters: Filters): SessionRecord[] {
  return sessions.filter(
    (s) =>
      (filters.tracks.length === 0 || (s.trackId !== undefined && filters.tracks.includes(s.trackId))) &&
      (filters.rooms.length === 0 || (s.roomId !== undefined && filters.rooms.includes(s.roomId))) &&
      (filters.types.length === 0 || (s.type !== undefined && filters.types.includes(s.type))) &&
      (filters.languages.length === 0 || (s.language !== undefined && filters.languages.includes(s.language))),
  );
}

/** The distinct values of one field, in first-seen order. */
export function valuesOf(sessions: readonly SessionRecord[], pick: (s: SessionRecord) => string | undefined): string[] {
  return [...new Set(sessions.map(pick).filter((v): v is string => v !== undefined))];
}

/** The day to show: the one asked for, else today when the conference is on, else the first. */
export function pickDay(days: readonly string[], asked: string | undefined, today: string): string | undefined {
  if (asked && days.includes(asked)) return asked;
  if (days.includes(today)) return today;
  return days[0];
}
