import { closestCandidates } from '../../../../core/personal/identity';
import type { AgendaEntry } from '../../../../core/personal/model';
import { db } from '../../db';
import { forgetEntry } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import { dateAndClock } from '../../format';
import { hrefFor } from '../../route';
import { StarControl } from './StarControl';
import { useApp } from '../../app/context';

/** A starred session the organizers removed: kept in the agenda, with the closest sessions of the current schedule offered. */
export function RemovedEntry({ data, entry, zone, headingLevel = 3 }: { data: ConferenceData; entry: AgendaEntry; zone: string; headingLevel?: 2 | 3 }) {
  const { clock } = useApp();
  const { identity } = entry;
  const candidates = closestCandidates(identity, data.sessions, (id) => data.speakers.get(id)?.name);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="removed-entry" aria-label={`Removed: ${identity.title}`}>
      <Heading className="removed-title">{identity.title}</Heading>
      <p>
        <span className="tag tag-removed">Removed by the organizers</span>{' '}
        <span className="muted">
          was {dateAndClock(identity.start, zone)}
          {identity.speakers.length ? ` · ${identity.speakers.join(', ')}` : ''}
          {entry.star ? ` · you marked it ${entry.star}` : ''}
        </span>
      </p>
      {entry.note ? <p className="removed-note">Your note: {entry.note}</p> : null}
      {candidates.length > 0 ? (
        <>
          <p className="muted">Closest sessions in the current schedule:</p>
          <ul className="candidate-list">
            {candidates.map(({ session }) => (
              <li key={session.id}>
                <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: session.id })}>{session.title}</a>{' '}
                <span className="muted">{dateAndClock(session.start, zone)}</span>
                <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={data.agenda.get(session.id)?.star} compact />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Nothing similar is in the current schedule.</p>
      )}
      <button type="button" className="link-button" onClick={() => void forgetEntry(db, data.record.id, entry.sessionId, clock.now(), data.schedule)}>
        Remove from my agenda
      </button>
    </article>
  );
}
