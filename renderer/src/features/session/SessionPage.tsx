import type { Feed } from '../../../../core/model/schema';
import { clock, longDate } from '../../format';
import { RichText } from '../../RichText';
import { hrefFor } from '../../route';

export function SessionPage({ feed, id }: { feed: Feed; id: string }) {
  const session = feed.sessions.find((s) => s.id === id);
  if (!session) return <main className="page"><p role="alert">This session is not in the schedule.</p></main>;
  const zone = feed.conference.timeZone;
  const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const room = feed.rooms.find((r) => r.id === session.roomId)?.name;
  const track = feed.tracks.find((t) => t.id === session.trackId)?.name;
  const speakers = session.speakerIds.map((sid) => feed.speakers.find((s) => s.id === sid)).filter((s) => s !== undefined);
  return (
    <main className="page session-page">
      <a href={hrefFor({ page: 'schedule' })} className="back">← Schedule</a>
      <h1>{session.title}</h1>
      {session.subtitle ? <p className="subtitle">{session.subtitle}</p> : null}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {longDate(session.day)}, {clock(session.start, zone)}–{clock(session.end, zone)} ({zone})
          {myZone !== zone ? <span className="my-time"> · {clock(session.start, myZone)}–{clock(session.end, myZone)} your time ({myZone})</span> : null}
        </dd>
        {room ? (<><dt>Room</dt><dd>{room}</dd></>) : null}
        {track ? (<><dt>Track</dt><dd>{track}</dd></>) : null}
      </dl>
      <RichText html={session.abstract} />
      <RichText html={session.description} />
      {speakers.length > 0 ? (
        <section aria-labelledby="speakers-heading">
          <h2 id="speakers-heading">Speakers</h2>
          <ul className="speaker-list">
            {speakers.map((s) => (
              <li key={s.id}><a href={hrefFor({ page: 'speaker', id: s.id })}>{s.name}</a></li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

export function SpeakerPage({ feed, id }: { feed: Feed; id: string }) {
  const speaker = feed.speakers.find((s) => s.id === id);
  if (!speaker) return <main className="page"><p role="alert">This speaker is not in the schedule.</p></main>;
  const sessions = feed.sessions.filter((s) => s.speakerIds.includes(id));
  return (
    <main className="page speaker-page">
      <a href={hrefFor({ page: 'schedule' })} className="back">← Schedule</a>
      <h1>{speaker.name}</h1>
      <RichText html={speaker.bio} />
      {speaker.links.length > 0 ? (
        <ul className="link-list">
          {speaker.links.map((l) => (
            <li key={l.url}><a href={l.url} target="_blank" rel="noopener noreferrer">{l.title ?? new URL(l.url).host}</a></li>
          ))}
        </ul>
      ) : null}
      <h2>Sessions</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}><a href={hrefFor({ page: 'session', id: s.id })}>{s.title}</a></li>
        ))}
      </ul>
    </main>
  );
}
