import { memo } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { ScheduleModel } from '../../db/schedule-model';
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

type Options = Record<keyof FilterState, Array<[string, string]>>;

/** The choices of each filter, made once per stored revision of a schedule (not on every render or visit). */
const facets = new WeakMap<ScheduleModel, Options>();

function facetsOf(schedule: ScheduleModel): Options {
  const known = facets.get(schedule);
  if (known) return known;
  const s = schedule.sessions;
  const made: Options = {
    tracks: valuesOf(s, (x) => x.trackId).map((id) => [id, schedule.tracksById.get(id)?.name ?? id]),
    rooms: schedule.rooms.filter((r) => schedule.byRoom.has(r.id)).map((r) => [r.id, r.name]),
    types: valuesOf(s, (x) => x.type).map((t) => [t, t]),
    languages: valuesOf(s, (x) => x.language).map((l) => [l, l]),
  };
  facets.set(schedule, made);
  return made;
}

/** Track, room, type and language filters for the schedule. */
function FiltersView({ data }: { data: ConferenceData }) {
  const id = data.record.id;
  const filters = useFilters(id);
  const clear = useUi((s) => s.clearFilters);
  const active = filters.tracks.length + filters.rooms.length + filters.types.length + filters.languages.length > 0;
  const options = facetsOf(data.schedule);
  return (
    <details className="filters" open={active}>
      <summary>Filters{active ? ' (on)' : ''}</summary>
      <FilterGroup conferenceId={id} label="Track" kind="tracks" options={options.tracks} />
      <FilterGroup conferenceId={id} label="Room" kind="rooms" options={options.rooms} />
      <FilterGroup conferenceId={id} label="Type" kind="types" options={options.types} />
      <FilterGroup conferenceId={id} label="Language" kind="languages" options={options.languages} />
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
