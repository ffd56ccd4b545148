import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { hrefFor } from '../../route';
import { useUi, type Filters } from '../../store/ui';

interface Facet {
  id: string;
  name: string;
}

/** A list of rooms or tracks, each opening the schedule filtered to it. */
function FacetList({ data, label, kind, facets, pick }: { data: ConferenceData; label: string; kind: keyof Filters; facets: Facet[]; pick: (s: SessionRecord) => string | undefined }) {
  const clear = useUi((s) => s.clearFilters);
  const toggle = useUi((s) => s.toggleFilter);
  const show = (id: string): void => {
    clear(data.record.id);
    toggle(data.record.id, kind, id);
  };
  return (
    <section aria-label={label}>
      <ul className="facet-list">
        {facets.map((f) => (
          <li key={f.id}>
            <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id })} onClick={() => show(f.id)}>
              {f.name}
            </a>{' '}
            <span className="muted">{data.sessions.filter((s) => pick(s) === f.id).length} sessions</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RoomsPage({ data }: { data: ConferenceData }) {
  return <FacetList data={data} label="Rooms" kind="rooms" facets={data.rooms} pick={(s) => s.roomId} />;
}

export function TracksPage({ data }: { data: ConferenceData }) {
  const tracks = [...data.tracks.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (tracks.length === 0) return <p className="muted">This conference has no tracks.</p>;
  return <FacetList data={data} label="Tracks" kind="tracks" facets={tracks} pick={(s) => s.trackId} />;
}
