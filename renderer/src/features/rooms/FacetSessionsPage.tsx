import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { shortDate } from '../../format';
import { ExternalLink } from '../../links/ExternalLink';
import { LINK_KIND_LABELS, linkText } from '../../links/label';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { sessionsByDay } from './facet-days';
import { SessionsByDay } from './SessionsByDay';
import './facet.css';

/**
 * Every session of one room or track across the conference's days, grouped by day: a track
 * that runs only on Sunday opens on its Sunday talks, never on an empty Saturday.
 */
function FacetSessions({ data, kind, name, sessions, back }: { data: ConferenceData; kind: 'room' | 'track'; name: string; sessions: SessionRecord[]; back: 'rooms' | 'tracks' }) {
  const zone = useDisplayZone(data.record.conference.timeZone);
  const days = sessionsByDay(sessions);
  const dayList = days.map(([day]) => shortDate(day)).join(', ');
  const headingId = `${kind}-name`;
  return (
    <article className="facet-page" aria-labelledby={headingId}>
      <a href={hrefFor({ page: back, conferenceId: data.record.id })} className="back">← {back === 'rooms' ? 'Rooms' : 'Tracks'}</a>
      <h2 id={headingId} className="page-title">{name}</h2>
      <p className="muted facet-summary">
        {sessions.length} session{sessions.length === 1 ? '' : 's'}
        {days.length > 0 ? ` · ${days.length === 1 ? 'only on' : 'on'} ${dayList}` : ''} · times in {zone}
      </p>
      {sessions.length === 0 ? <p className="empty">Nothing is scheduled {kind === 'room' ? 'in this room' : 'in this track'}.</p> : null}
      <SessionsByDay data={data} name={name} days={days} zone={zone} show={kind === 'room' ? 'track' : 'room'} />
    </article>
  );
}

/** A room's page: its links, its status, and its sessions on every day. */
export function RoomPage({ data, roomId }: { data: ConferenceData; roomId: string }) {
  const room = data.rooms.find((r) => r.id === roomId);
  if (!room) return <p role="alert">This room is not in the schedule (any more). <a href={hrefFor({ page: 'rooms', conferenceId: data.record.id })}>All rooms</a></p>;
  const sessions = data.schedule.byRoom.get(roomId) ?? [];
  return (
    <>
      <FacetSessions data={data} kind="room" name={room.name} sessions={sessions} back="rooms" />
      {room.links.length > 0 || room.description ? (
        <aside className="facet-room-info" aria-label={`About ${room.name}`}>
          {room.description ? <p>{room.description}</p> : null}
          <RoomStatusBadge conferenceId={data.record.id} room={room} />
          {room.links.map((l) => (
            <ExternalLink key={l.url} href={l.url} className={`chip chip-${l.kind}`}>
              {LINK_KIND_LABELS[l.kind]}: {linkText(l)}
            </ExternalLink>
          ))}
        </aside>
      ) : null}
    </>
  );
}

/** A track's page: its sessions on every day it runs. */
export function TrackPage({ data, trackId }: { data: ConferenceData; trackId: string }) {
  const track = data.tracks.get(trackId);
  if (!track) return <p role="alert">This track is not in the schedule (any more). <a href={hrefFor({ page: 'tracks', conferenceId: data.record.id })}>All tracks</a></p>;
  const sessions = data.sessions.filter((s) => s.trackId === trackId);
  return <FacetSessions data={data} kind="track" name={track.name} sessions={sessions} back="tracks" />;
}
