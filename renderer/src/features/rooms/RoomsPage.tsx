import type { ConferenceData } from '../../db/queries';
import { hrefFor } from '../../route';
import { useUi } from '../../store/ui';

function count(data: ConferenceData, pick: (s: ConferenceData['sessions'][number]) => string | undefined, id: string): number {
  return data.sessions.filter((s) => pick(s) === id).length;
}

/** Rooms, each opening the schedule filtered to it. */
export function RoomsPage({ data }: { data: ConferenceData }) {
  const clear = useUi((s) => s.clearFilters);
  const toggle = useUi((s) => s.toggleFilter);
  const show = (id: string): void => {
    clear();
    toggle('rooms', id);
  };
  return (
    <section aria-label="Rooms">
      <ul className="facet-list">
        {data.rooms.map((r) => (
          <li key={r.id}>
            <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id })} onClick={() => show(r.id)}>
              {r.name}
            </a>{' '}
            <span className="muted">{count(data, (s) => s.roomId, r.id)} sessions</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Tracks, each opening the schedule filtered to it. */
export function TracksPage({ data }: { data: ConferenceData }) {
  const clear = useUi((s) => s.clearFilters);
  const toggle = useUi((s) => s.toggleFilter);
  const show = (id: string): void => {
    clear();
    toggle('tracks', id);
  };
  const tracks = [...data.tracks.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (tracks.length === 0) return <p className="muted">This conference has no tracks.</p>;
  return (
    <section aria-label="Tracks">
      <ul className="facet-list">
        {tracks.map((t) => (
          <li key={t.id}>
            <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id })} onClick={() => show(t.id)}>
              {t.name}
            </a>{' '}
            <span className="muted">{count(data, (s) => s.trackId, t.id)} sessions</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
