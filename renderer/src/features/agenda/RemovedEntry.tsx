import { closestCandidates } from '../../../../core/personal/identity';
import type { AgendaEntry } from '../../../../core/personal/model';
import { removedAlternatives } from '../../../../core/personal/removed-alternatives';
import { db } from '../../db';
import { forgetEntry } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import type { Session } from '../../../../core/model/schema';
import { clock, dateAndClock } from '../../format';
import { hrefFor } from '../../route';
import { StarControl } from './StarControl';
import { useApp } from '../../app/context';

function SessionChoices({ data, sessions, zone, label }: { data: ConferenceData; sessions: readonly Session[]; zone: string; label: string }) {
  return (
    <ul className="candidate-list" aria-label={label}>
      {sessions.map((session) => (
        <li key={session.id}>
          <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: session.id })}>{session.title}</a>{' '}
          <span className="muted">
            {dateAndClock(session.start, zone)}–{clock(session.end, zone)}
            {session.roomId ? ` · ${data.rooms.find((r) => r.id === session.roomId)?.name ?? ''}` : ''}
          </span>
          <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={data.agenda.get(session.id)?.star} compact />
        </li>
      ))}
    </ul>
  );
}

/**
 * A starred session the organizers removed: kept in the agenda, saying what it was (title,
 * time, room, track and speakers from the last revision that had it), with what runs at the
 * same time, the rest of its track and the closest sessions of the current schedule offered.
 */
export function RemovedEntry({ data, entry, zone, headingLevel = 3 }: { data: ConferenceData; entry: AgendaEntry; zone: string; headingLevel?: 2 | 3 }) {
  const { clock: appClock } = useApp();
  const { identity } = entry;
  const candidates = closestCandidates(identity, data.sessions, (id) => data.speakers.get(id)?.name);
  const { sameTime, sameTrack } = removedAlternatives(identity, data.sessions, (id) => data.tracks.get(id)?.name);
  const offered = new Set([...sameTime, ...sameTrack].map((s) => s.id));
  const closest = candidates.map((c) => c.session).filter((s) => !offered.has(s.id));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const when = `${dateAndClock(identity.start, zone)}${identity.end ? `–${clock(identity.end, zone)}` : ''}`;
  return (
    <article className="removed-entry" aria-label={`Removed: ${identity.title}`}>
      <Heading className="removed-title">{identity.title}</Heading>
      <p>
        <span className="tag tag-removed">Removed by the organizers</span>
        {entry.star ? <span className="muted"> · you marked it {entry.star}</span> : null}
      </p>
      <dl className="facts removed-facts" aria-label="What it was">
        <dt>Was</dt>
        <dd>{when}</dd>
        {identity.room ? (
          <>
            <dt>Room</dt>
            <dd>{identity.room}</dd>
          </>
        ) : null}
        {identity.track ? (
          <>
            <dt>Track</dt>
            <dd>{identity.track}</dd>
          </>
        ) : null}
        {identity.speakers.length ? (
          <>
            <dt>Speakers</dt>
            <dd>{identity.speakers.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {entry.note ? <p className="removed-note">Your note: {entry.note}</p> : null}
      {sameTime.length ? (
        <>
          <p className="muted">At the same time:</p>
          <SessionChoices data={data} sessions={sameTime} zone={zone} label={`At the same time as ${identity.title}`} />
        </>
      ) : null}
      {sameTrack.length ? (
        <>
          <p className="muted">Also in {identity.track}:</p>
          <SessionChoices data={data} sessions={sameTrack} zone={zone} label={`Also in ${identity.track ?? ''}`} />
        </>
      ) : null}
      {closest.length ? (
        <>
          <p className="muted">Closest sessions in the current schedule:</p>
          <SessionChoices data={data} sessions={closest} zone={zone} label={`Closest to ${identity.title}`} />
        </>
      ) : null}
      {sameTime.length + sameTrack.length + closest.length === 0 ? <p className="muted">Nothing similar is in the current schedule.</p> : null}
      <button type="button" className="link-button" onClick={() => void forgetEntry(db, data.record.id, entry.sessionId, appClock.now(), data.schedule)}>
        Remove from my agenda
      </button>
    </article>
  );
}
