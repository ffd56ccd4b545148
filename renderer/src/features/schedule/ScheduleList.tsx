import type { Feed, Session } from '../../../../core/model/schema';
import { clock, longDate } from '../../format';
import { hrefFor } from '../../route';

function SessionRow({ session, feed }: { session: Session; feed: Feed }) {
  const zone = feed.conference.timeZone;
  const names = session.speakerIds.map((id) => feed.speakers.find((s) => s.id === id)?.name ?? id);
  const room = feed.rooms.find((r) => r.id === session.roomId)?.name;
  const isBreak = session.type === 'break';
  return (
    <li className={isBreak ? 'session-row is-break' : 'session-row'}>
      <time dateTime={session.start} className="session-time">
        {clock(session.start, zone)}–{clock(session.end, zone)}
      </time>
      <div className="session-main">
        {isBreak ? (
          <span className="session-title">{session.title}</span>
        ) : (
          <a className="session-title" href={hrefFor({ page: 'session', id: session.id })}>
            {session.title}
          </a>
        )}
        {names.length > 0 ? <span className="session-speakers">{names.join(', ')}</span> : null}
      </div>
      {room ? <span className="session-room">{room}</span> : null}
    </li>
  );
}

/** Every session, day by day, in order. */
export function ScheduleList({ feed }: { feed: Feed }) {
  const days = feed.conference.days.filter((day) => feed.sessions.some((s) => s.day === day));
  return (
    <main className="schedule">
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{longDate(day)}</h2>
          <ol className="session-list">
            {feed.sessions
              .filter((s) => s.day === day)
              .map((session) => (
                <SessionRow key={session.id} session={session} feed={feed} />
              ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
