import { useMemo } from 'react';
import type { ConferenceData } from '../../db/queries';
import { shortDate } from '../../format';
import { hrefFor } from '../../route';
import type { Filters } from '../../store/ui';
import { filterSubject, otherDays } from '../rooms/facet-days';
import { applyFilters } from './filtering';
import '../rooms/facet.css';

const hasFilters = (f: Filters): boolean => f.tracks.length + f.rooms.length + f.types.length + f.languages.length > 0;

/**
 * When the filters leave a day empty but match sessions on other days (a Sunday-only track
 * looked at on Saturday), says which days have them, each one click away:
 * "Rust has 13 sessions on Sun 2 Feb".
 */
export function OtherDaysNote({ data, day, filters, shownCount }: { data: ConferenceData; day: string | undefined; filters: Filters; shownCount: number }) {
  const elsewhere = useMemo(() => (shownCount > 0 || !hasFilters(filters) ? [] : otherDays(applyFilters(data.sessions, filters), day)), [data.sessions, day, filters, shownCount]);
  if (elsewhere.length === 0) return null;
  const subject = filterSubject(filters, { track: (id) => data.tracks.get(id)?.name, room: (id) => data.schedule.roomsById.get(id)?.name });
  const [first, ...rest] = elsewhere;
  const link = ([d, n]: [string, number], withWord: boolean) => (
    <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id, day: d })}>
      {n} {withWord ? (n === 1 ? 'session ' : 'sessions ') : ''}on {shortDate(d)}
    </a>
  );
  return (
    <p className="other-days-note" role="status">
      Nothing here on {day ? shortDate(day) : 'this day'}: {subject === undefined ? 'these filters match' : `${subject} has`} {link(first!, true)}
      {rest.map((entry, i) => (
        <span key={entry[0]}>
          {i === rest.length - 1 ? ' and ' : ', '}
          {link(entry, false)}
        </span>
      ))}
      .
    </p>
  );
}
