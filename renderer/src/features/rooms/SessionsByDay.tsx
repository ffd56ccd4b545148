import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { clock, longDate } from '../../format';
import { hrefFor } from '../../route';
import { DateMark } from '../../time/DateMark';
import { StarControl } from '../agenda/StarControl';
import { ChangeMark } from '../changes/ChangeMark';
import './facet.css';

/** One session of a room's, track's or speaker's page: its time, title, speakers, where (or which track) and its star. */
function FacetRow({ session, data, zone, show }: { session: SessionRecord; data: ConferenceData; zone: string; show: 'room' | 'track' }) {
  const names = session.speakerIds.map((id) => data.speakers.get(id)?.name ?? id).join(', ');
  const room = session.roomId ? data.schedule.roomsById.get(session.roomId) : undefined;
  const track = session.trackId ? data.tracks.get(session.trackId) : undefined;
  const isBreak = session.type === 'break';
  return (
    <li className={`facet-session${session.cancelled ? ' is-cancelled' : ''}`}>
      <time dateTime={session.start} className="session-time">
        {clock(session.start, zone)}–{clock(session.end, zone)}
        <DateMark instant={session.start} zone={zone} day={session.day} />
      </time>
      <span className="facet-session-main">
        <a className="session-title" href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: session.id })}>{session.title}</a>
        {session.cancelled ? <span className="tag tag-cancelled">Cancelled</span> : null}
        <ChangeMark mark={data.marks.get(session.id)} />
        {names ? <span className="session-speakers">{names}</span> : null}
      </span>
      <span className="facet-session-where muted">
        {show === 'room' && room ? <a href={hrefFor({ page: 'room', conferenceId: data.record.id, roomId: room.id })}>{room.name}</a> : null}
        {show === 'track' && track ? <a href={hrefFor({ page: 'track', conferenceId: data.record.id, trackId: track.id })}>{track.name}</a> : null}
      </span>
      {isBreak ? null : <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={data.agenda.get(session.id)?.star} compact />}
    </li>
  );
}

/**
 * Sessions under a heading per conference day (times in `zone`, a time on another date in
 * that zone marked with its date), each with its star: the body of a room's, a track's and
 * a speaker's page, which show every day rather than one.
 */
export function SessionsByDay({ data, name, days, zone, show }: { data: ConferenceData; name: string; days: Array<[string, SessionRecord[]]>; zone: string; show: 'room' | 'track' }) {
  return (
    <>
      {days.map(([day, list]) => (
        <section key={day} aria-label={longDate(day)} className="facet-day">
          <h3>
            {longDate(day)} <span className="muted">({list.length})</span>{' '}
            <a className="facet-day-link" href={hrefFor({ page: 'schedule', conferenceId: data.record.id, day })}>whole day</a>
          </h3>
          <ul className="facet-sessions" aria-label={`${name} on ${longDate(day)}`}>
            {list.map((s) => <FacetRow key={s.id} session={s} data={data} zone={zone} show={show} />)}
          </ul>
        </section>
      ))}
    </>
  );
}
