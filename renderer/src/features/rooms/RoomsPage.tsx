import type { Link } from '../../../../core/model/schema';
import type { ConferenceData } from '../../db/queries';
import { ExternalLink } from '../../links/ExternalLink';
import { LINK_KIND_LABELS, linkText } from '../../links/label';
import type { SessionRecord } from '../../db/schema';
import { hrefFor, type Route } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { clock, shortDate } from '../../format';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { useNow } from '../../app/context';
import { MINUTE_MS } from '../../app/clock';

interface Facet {
  id: string;
  name: string;
  /** A room's stream, hallway (video room) and other links. */
  links?: Link[];
}

/** A list of rooms or tracks, each opening its own page (its sessions on every day); rooms show their links and what is on in them now. */
function FacetList({ data, label, kind, facets, pick }: { data: ConferenceData; label: string; kind: 'rooms' | 'tracks'; facets: Facet[]; pick: (s: SessionRecord) => string | undefined }) {
  const pageOf = (id: string): Route => (kind === 'rooms' ? { page: 'room', conferenceId: data.record.id, roomId: id } : { page: 'track', conferenceId: data.record.id, trackId: id });
  const now = useNow(MINUTE_MS);
  const zone = useDisplayZone(data.record.conference.timeZone);
  return (
    <section aria-label={label}>
      <ul className="facet-list">
        {facets.map((f) => {
          const sessions = data.sessions.filter((s) => pick(s) === f.id);
          // A track or room on some days only says which, so nobody opens it on a day it is not on.
          const days = [...new Set(sessions.map((s) => s.day))].sort();
          const onNow = sessions.find((s) => Date.parse(s.start) <= now && Date.parse(s.end) > now && !s.cancelled);
          const next = kind === 'rooms' ? sessions.find((s) => Date.parse(s.start) > now && !s.cancelled && s.type !== 'break') : undefined;
          return (
            <li key={f.id} aria-label={f.name}>
              <a href={hrefFor(pageOf(f.id))}>{f.name}</a>{' '}
              <span className="muted">
                {sessions.length} session{sessions.length === 1 ? '' : 's'}
                {days.length > 0 && days.length < data.schedule.days.length ? ` · ${days.map(shortDate).join(', ')}` : ''}
              </span>
              {kind === 'rooms' ? <RoomStatusBadge conferenceId={data.record.id} room={f} /> : null}
              {onNow ? (
                <span className="facet-now">
                  {' '}· Now: <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: onNow.id })}>{onNow.title}</a>
                </span>
              ) : null}
              {next ? (
                <span className="facet-next muted">
                  {' '}· Next, {clock(next.start, zone)}: <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: next.id })}>{next.title}</a>
                </span>
              ) : null}
              {f.links && f.links.length > 0 ? (
                <span className="facet-links">
                  {f.links.map((l) => (
                    <ExternalLink key={l.url} href={l.url} className={`chip chip-${l.kind}`}>
                      {LINK_KIND_LABELS[l.kind]}: {linkText(l)}
                    </ExternalLink>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
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
