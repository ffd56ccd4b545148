import type { SessionRecord } from '../../db/schema';
import type { Filters } from '../../store/ui';

const byDay = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sessions grouped by conference day, days in order, each day's sessions in the order given (schedule order). */
export function sessionsByDay(sessions: readonly SessionRecord[]): Array<[string, SessionRecord[]]> {
  const out = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    const list = out.get(s.day);
    if (list) list.push(s);
    else out.set(s.day, [s]);
  }
  return [...out.entries()].sort(byDay);
}

/**
 * How many of `matching` fall on each day other than `day`, days in order: where a filtered
 * schedule that is empty today has its sessions (a Sunday-only track looked at on Saturday).
 */
export function otherDays(matching: readonly SessionRecord[], day: string | undefined): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const s of matching) if (s.day !== day) counts.set(s.day, (counts.get(s.day) ?? 0) + 1);
  return [...counts.entries()].sort(byDay);
}

/**
 * What the filters pick, in words: the track's or room's name when they pick exactly one
 * track or one room and nothing else ("Rust has 13 sessions on Sun 2 Feb"); otherwise none.
 */
export function filterSubject(filters: Filters, names: { track: (id: string) => string | undefined; room: (id: string) => string | undefined }): string | undefined {
  const { tracks, rooms, types, languages } = filters;
  if (types.length + languages.length > 0 || tracks.length + rooms.length !== 1) return undefined;
  return tracks.length === 1 ? names.track(tracks[0]!) : names.room(rooms[0]!);
}
