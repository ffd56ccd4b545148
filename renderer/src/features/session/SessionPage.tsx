import type { ConferenceData } from '../../db/queries';
import { SessionCalendarButton } from '../data/SessionCalendarButton';
import { clock, longDate } from '../../format';
import { RichText } from '../../RichText';
import { hrefFor } from '../../route';
import { MY_ZONE, useDisplayZone } from '../../store/ui';

const LINK_LABELS: Record<string, string> = {
  stream: 'Live stream', hallway: 'Hallway / chat', recording: 'Recording', slides: 'Slides', feedback: 'Feedback', registration: 'Registration', other: 'Link',
};

export function SessionPage({ data, sessionId }: { data: ConferenceData; sessionId: string }) {
  const session = data.sessions.find((s) => s.id === sessionId);
  const conferenceZone = data.record.conference.timeZone;
  const zone = useDisplayZone(conferenceZone);
  if (!session) return <p role="alert">This session is not in the schedule (any more).</p>;
  const room = data.rooms.find((r) => r.id === session.roomId);
  const track = session.trackId ? data.tracks.get(session.trackId)?.name : undefined;
  const speakers = session.speakerIds.map((id) => data.speakers.get(id)).filter((s) => s !== undefined);
  const otherZone = zone === conferenceZone ? MY_ZONE : conferenceZone;
  const links = [...session.links, ...(room?.links ?? []).filter((l) => l.kind === 'stream' || l.kind === 'hallway')];
  return (
    <article className="session-page" aria-labelledby="session-title">
      <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id, day: session.day })} className="back">
        ← {longDate(session.day)}
      </a>
      <h2 id="session-title" className="page-title">{session.title}</h2>
      {session.subtitle ? <p className="subtitle">{session.subtitle}</p> : null}
      {session.cancelled ? <p className="tag tag-cancelled">Cancelled by the organizers</p> : null}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {longDate(session.day)}, {clock(session.start, zone)}–{clock(session.end, zone)} <span className="muted">({zone})</span>
          {otherZone !== zone ? (
            <span className="other-zone">
              {' '}· {clock(session.start, otherZone)}–{clock(session.end, otherZone)} <span className="muted">({otherZone})</span>
            </span>
          ) : null}
        </dd>
        {room ? (<><dt>Room</dt><dd>{room.name}</dd></>) : null}
        {track ? (<><dt>Track</dt><dd>{track}</dd></>) : null}
        {session.type ? (<><dt>Type</dt><dd>{session.type}</dd></>) : null}
        {session.language ? (<><dt>Language</dt><dd>{session.language}</dd></>) : null}
        {speakers.length > 0 ? (
          <>
            <dt>{speakers.length === 1 ? 'Speaker' : 'Speakers'}</dt>
            <dd>
              {speakers.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={hrefFor({ page: 'speaker', conferenceId: data.record.id, speakerId: s.id })}>{s.name}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <SessionCalendarButton conferenceId={data.record.id} sessionId={session.id} />
      {links.length > 0 ? (
        <ul className="link-list" aria-label="Links">
          {links.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noopener noreferrer" className={`chip chip-${l.kind}`}>
                {LINK_LABELS[l.kind]}: {l.title ?? new URL(l.url).host}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <RichText html={session.abstract} />
      <RichText html={session.description} />
    </article>
  );
}
