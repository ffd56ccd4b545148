import { memo, useMemo } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { ScheduleModel } from '../../db/schedule-model';
import { useRoomPrefs, useRoomPrefsOf } from '../../store/room-prefs';
import './room-choices.css';

interface Choices {
  rooms: Array<{ id: string; name: string }>;
  tracks: Array<{ id: string; name: string }>;
}

/** The rooms and tracks that have sessions, made once per stored revision of a schedule. */
const choicesMade = new WeakMap<ScheduleModel, Choices>();

function choicesOf(schedule: ScheduleModel): Choices {
  const known = choicesMade.get(schedule);
  if (known) return known;
  const trackIds = new Set(schedule.sessions.map((s) => s.trackId).filter((t): t is string => t !== undefined));
  const made: Choices = {
    rooms: schedule.rooms.filter((r) => schedule.byRoom.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
    tracks: [...trackIds].map((id) => ({ id, name: schedule.tracksById.get(id)?.name ?? id })),
  };
  choicesMade.set(schedule, made);
  return made;
}

/** `3 rooms` / `1 track`. */
const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Hide rooms and tracks from the schedule (list and timeline) and pin rooms to the left of the
 * timeline, per conference and remembered on this computer.
 */
function RoomChoicesView({ data }: { data: ConferenceData }) {
  const id = data.record.id;
  const prefs = useRoomPrefsOf(id);
  const toggle = useRoomPrefs((s) => s.toggle);
  const { rooms, tracks } = useMemo(() => choicesOf(data.schedule), [data.schedule]);
  const pinnedFirst = useMemo(() => [...rooms].sort((a, b) => Number(prefs.pinnedRooms.includes(b.id)) - Number(prefs.pinnedRooms.includes(a.id))), [rooms, prefs.pinnedRooms]);
  if (rooms.length < 2 && tracks.length < 2) return null;
  const hidden = prefs.hiddenRooms.length + prefs.hiddenTracks.length;
  return (
    <details className="room-choices">
      <summary>
        Rooms and tracks{hidden > 0 || prefs.pinnedRooms.length > 0 ? ` (${[hidden ? `${hidden} hidden` : '', prefs.pinnedRooms.length ? `${prefs.pinnedRooms.length} pinned` : ''].filter(Boolean).join(', ')})` : ''}
      </summary>
      <div className="room-choices-body">
        {rooms.length > 1 ? (
          <fieldset className="choice-group">
            <legend>Rooms: show, and pin to the left of the timeline</legend>
            <ul className="choice-list">
              {pinnedFirst.map((room) => {
                const isShown = !prefs.hiddenRooms.includes(room.id);
                const isPinned = prefs.pinnedRooms.includes(room.id);
                return (
                  <li key={room.id} className={isShown ? 'choice' : 'choice is-hidden'}>
                    <label className="choice-show">
                      <input type="checkbox" checked={isShown} onChange={() => toggle(id, 'hiddenRooms', room.id)} /> {room.name}
                    </label>
                    <button type="button" className="button small pin-button" aria-pressed={isPinned} aria-label={`Pin ${room.name}`} title={isPinned ? 'Pinned to the left of the timeline' : 'Pin to the left of the timeline'} onClick={() => toggle(id, 'pinnedRooms', room.id)}>
                      {isPinned ? 'Pinned' : 'Pin'}
                    </button>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ) : null}
        {tracks.length > 1 ? (
          <fieldset className="choice-group">
            <legend>Tracks: show</legend>
            <ul className="choice-list">
              {tracks.map((track) => (
                <li key={track.id} className={prefs.hiddenTracks.includes(track.id) ? 'choice is-hidden' : 'choice'}>
                  <label className="choice-show">
                    <input type="checkbox" checked={!prefs.hiddenTracks.includes(track.id)} onChange={() => toggle(id, 'hiddenTracks', track.id)} /> {track.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
      </div>
    </details>
  );
}

/** Re-rendered only when its own props change. */
export const RoomChoices = memo(RoomChoicesView);

/** "3 rooms hidden · 1 track hidden · Show all": nothing disappears from the schedule without a word. */
export function HiddenNote({ data }: { data: ConferenceData }) {
  const id = data.record.id;
  const prefs = useRoomPrefsOf(id);
  const showAll = useRoomPrefs((s) => s.showAll);
  const { rooms, tracks } = choicesOf(data.schedule);
  // Only choices that still name something in this revision count (a room the organizers dropped hides nothing).
  const roomCount = rooms.filter((r) => prefs.hiddenRooms.includes(r.id)).length;
  const trackCount = tracks.filter((t) => prefs.hiddenTracks.includes(t.id)).length;
  if (roomCount + trackCount === 0) return null;
  return (
    <span className="hidden-note" data-testid="hidden-note">
      {' · '}
      <strong>{[roomCount ? `${count(roomCount, 'room')} hidden` : '', trackCount ? `${count(trackCount, 'track')} hidden` : ''].filter(Boolean).join(' · ')}</strong>
      {' · '}
      <button type="button" className="link-button" onClick={() => showAll(id)}>
        Show all
      </button>
    </span>
  );
}
