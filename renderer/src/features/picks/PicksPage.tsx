import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { parsePicksQuery, PicksLinkError, type Picks } from '../../../../core/personal/picks-link';
import { useApp } from '../../app/context';
import { db } from '../../db';
import { addPicksAsMaybe, openPicks } from '../../db/picks';
import { clockOn, shortDate } from '../../format';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { SubscribePage } from '../conference/SubscribePage';

const LEVEL: Record<string, string> = { going: '★ going', maybe: '☆ maybe' };

function readPicks(query: string): Picks | { error: string } {
  try {
    return parsePicksQuery(query);
  } catch (error) {
    return { error: error instanceof PicksLinkError ? error.message : String(error) };
  }
}

function Found({ picks }: { picks: Picks }) {
  const { clock, kickAlerts } = useApp();
  const opened = useLiveQuery(() => openPicks(db, picks), [picks]);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const zone = useDisplayZone(opened?.conference?.conference.timeZone ?? 'UTC');
  if (!opened) return <p className="muted">Loading…</p>;
  const { conference, found, missing } = opened;
  if (!conference) {
    if (!picks.feedUrl) {
      return (
        <p role="alert" className="error">
          These picks are for a conference you do not follow (“{picks.conferenceId}”), and the link does not say where its schedule is. Ask for a link from someone who
          subscribed to it by address, or add the conference yourself first.
        </p>
      );
    }
    return (
      <>
        <p>These picks are for a conference you do not follow yet. Subscribe to it, and they show here.</p>
        <SubscribePage initialUrl={picks.feedUrl} afterSubscribe={() => undefined} />
      </>
    );
  }
  const toAdd = found.filter((f) => !f.star).map((f) => f.session.id);
  const add = async (): Promise<void> => {
    const { added, kept } = await addPicksAsMaybe(db, conference.id, toAdd, clock.now());
    kickAlerts();
    setOutcome(`Added ${added} session${added === 1 ? '' : 's'} to your agenda as maybe${kept ? `; ${kept} already there kept your own choice` : ''}.`);
  };
  return (
    <>
      <p>
        {found.length} session{found.length === 1 ? '' : 's'} of{' '}
        <a href={hrefFor({ page: 'schedule', conferenceId: conference.id })}>{conference.conference.title}</a>, times in {zone}:
      </p>
      <ul className="picks-list" aria-label="Shared picks">
        {found.map(({ session, star }) => (
          <li key={session.id}>
            <a href={hrefFor({ page: 'session', conferenceId: conference.id, sessionId: session.id })}>{session.title}</a>{' '}
            <span className="muted">
              {shortDate(session.day)} {clockOn(session.start, zone, session.day)}–{clockOn(session.end, zone, session.day)}
              {session.cancelled ? ' · cancelled' : ''}
              {star ? ` · in your agenda (${LEVEL[star] ?? star})` : ''}
            </span>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? (
        <div role="note">
          <p>
            Not found in your copy of the schedule ({missing.length}): the organizers may have removed {missing.length === 1 ? 'it' : 'them'}, or your copy is older than
            your friend’s.
          </p>
          <ul aria-label="Not found">
            {missing.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {toAdd.length > 0 ? (
        <button type="button" className="button primary" onClick={() => void add()}>
          Add {toAdd.length} to my agenda as maybe
        </button>
      ) : (
        <p>{found.length > 0 ? 'All of them are in your agenda.' : ''}</p>
      )}
      {outcome ? <p role="status">{outcome}</p> : null}
    </>
  );
}

/** A shared "my picks" link, opened: the sessions it names, to add as *maybe*. The link is untrusted input. */
export function PicksPage({ query }: { query: string }) {
  const picks = useMemo(() => readPicks(query), [query]);
  return (
    <section className="picks-page" aria-labelledby="picks-title">
      <h1 id="picks-title">Shared picks</h1>
      {'error' in picks ? (
        <p role="alert" className="error">
          This picks link cannot be read: {picks.error}.
        </p>
      ) : (
        <Found picks={picks} />
      )}
    </section>
  );
}
