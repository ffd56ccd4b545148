import { memo } from 'react';
import type { ConferenceData } from '../../db/queries';
import { useFilters, useUi, type Filters as FilterState } from '../../store/ui';
import { valuesOf } from './filtering';
import { beginInteraction } from '../../perf';

function FilterGroup({ conferenceId, label, kind, options }: { conferenceId: string; label: string; kind: keyof FilterState; options: Array<[string, string]> }) {
  const chosen = useFilters(conferenceId)[kind];
  const toggle = useUi((s) => s.toggleFilter);
  if (options.length < 2) return null;
  return (
    <fieldset className="filter-group">
      <legend>{label}</legend>
      <div className="filter-options">
        {options.map(([value, name]) => (
          <label key={value} className={chosen.includes(value) ? 'filter-chip is-on' : 'filter-chip'}>
            <input type="checkbox" checked={chosen.includes(value)} onChange={(event) => {
                beginInteraction('filter', 'filter', event.nativeEvent);
                toggle(conferenceId, kind, value);
              }} />
            {name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Track, room, type and language filters for the schedule. */
function FiltersView({ data }: { data: ConferenceData }) {
  const id = data.record.id;
  const filters = useFilters(id);
  const clear = useUi((s) => s.clearFilters);
  const active = filters.tracks.length + filters.rooms.length + filters.types.length + filters.languages.length > 0;
  const s = data.sessions;
  return (
    <details className="filters" open={active}>
      <summary>Filters{active ? ' (on)' : ''}</summary>
      <FilterGroup conferenceId={id} label="Track" kind="tracks" options={valuesOf(s, (x) => x.trackId).map((id) => [id, data.tracks.get(id)?.name ?? id])} />
      <FilterGroup conferenceId={id} label="Room" kind="rooms" options={data.rooms.filter((r) => s.some((x) => x.roomId === r.id)).map((r) => [r.id, r.name])} />
      <FilterGroup conferenceId={id} label="Type" kind="types" options={valuesOf(s, (x) => x.type).map((t) => [t, t])} />
      <FilterGroup conferenceId={id} label="Language" kind="languages" options={valuesOf(s, (x) => x.language).map((l) => [l, l])} />
      {active ? (
        <button type="button" className="button" onClick={() => clear(id)}>
          Clear filters
        </button>
      ) : null}
    </details>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const Filters = memo(FiltersView);
