import { useLiveQuery } from 'dexie-react-hooks';
import { sessionKey } from '../../../../core/live/now';
import { recordedSessions, type RecordingItem } from '../../../../core/live/recordings';
import { db } from '../../db';
import { agendaStars, recordedCandidates, setWatched, setWatchLater, watchLaterList } from '../../db/live';
import { dateAndClock } from '../../format';
import { ExternalLink } from '../../links/ExternalLink';
import { linkText } from '../../links/label';
import { VirtualList } from '../../lists/VirtualList';
import { hrefFor } from '../../route';
import { MY_ZONE, useUi } from '../../store/ui';
import { useAppState, useNow } from '../../app/context';

function RecordingRow({ item, zone, online }: { item: RecordingItem; zone: string; online: boolean }) {
  const { session } = item;
  const toggle = (): void => void setWatchLater(db, item.conferenceId, session.id, !item.isWatchLater, Date.now());
  return (
    <div className="recording-row" role="listitem">
      <div>
        <a href={hrefFor({ page: 'session', conferenceId: item.conferenceId, sessionId: session.id })} className="recording-title">{session.title}</a>
        {item.star ? <span className={`star star-${item.star}`}> {item.star === 'going' ? '★' : '☆'}</span> : null}
        <p className="muted">
          {item.conferenceTitle} · {dateAndClock(session.start, zone)}
          {item.roomName ? ` · ${item.roomName}` : ''}
        </p>
      </div>
      <div className="recording-actions">
        {item.recordings.map((link) => (
          <ExternalLink key={link.url} href={link.url} className="chip chip-recording" title={online ? link.url : `${link.url} (needs a connection)`}>
            ▶ {linkText(link)}
          </ExternalLink>
        ))}
        {!online ? <span className="needs-connection">needs a connection</span> : null}
        <button type="button" className="button" aria-pressed={item.isWatchLater} onClick={toggle} aria-label={`Watch later: ${session.title}`}>
          {item.isWatchLater ? '✓ Watch later' : '+ Watch later'}
        </button>
      </div>
    </div>
  );
}

/** Recorded sessions across conferences (the agenda's first) and the "watch later" list. */
export function RecordingsPage() {
  const now = useNow();
  const online = useAppState((s) => s.online);
  const zoneMode = useUi((s) => s.zoneMode);
  const data = useLiveQuery(
    async () => ({ conferences: await recordedCandidates(db, now), agenda: await agendaStars(db), watchLater: await watchLaterList(db) }),
    [Math.floor(now / 60_000)],
  );
  if (!data) return <p className="muted">Loading…</p>;
  const later = new Set(data.watchLater.map((w) => sessionKey(w.conferenceId, w.sessionId)));
  const items = recordedSessions({ now, conferences: data.conferences, agenda: data.agenda, watchLater: later });
  const byKey = new Map(items.map((i) => [sessionKey(i.conferenceId, i.session.id), i]));
  const zoneOf = (timeZone: string): string => (zoneMode === 'mine' ? MY_ZONE : timeZone);
  return (
    <section aria-labelledby="recordings-heading" className="recordings-page">
      <h1 id="recordings-heading">Recordings</h1>
      <section aria-labelledby="watch-later-heading">
        <h2 id="watch-later-heading">Watch later ({data.watchLater.filter((w) => !w.watchedAt).length})</h2>
        {data.watchLater.length === 0 ? <p className="muted">Nothing yet: use “+ Watch later” on a recording.</p> : (
          <ul className="plain-list watch-later">
            {data.watchLater.map((w) => {
              const item = byKey.get(sessionKey(w.conferenceId, w.sessionId));
              return (
                <li key={sessionKey(w.conferenceId, w.sessionId)} className={w.watchedAt ? 'watched' : undefined}>
                  <a href={hrefFor({ page: 'session', conferenceId: w.conferenceId, sessionId: w.sessionId })}>{w.identity.title}</a>{' '}
                  {item ? item.recordings.slice(0, 1).map((link) => (
                    <ExternalLink key={link.url} href={link.url} className="chip chip-recording">▶ {linkText(link)}</ExternalLink>
                  )) : <span className="muted">no recording yet</span>}{' '}
                  <button type="button" className="button small" aria-pressed={w.watchedAt !== undefined} onClick={() => void setWatched(db, w.conferenceId, w.sessionId, w.watchedAt === undefined, Date.now())}>
                    {w.watchedAt ? '✓ Watched' : 'Mark watched'}
                  </button>{' '}
                  <button type="button" className="button small" onClick={() => void setWatchLater(db, w.conferenceId, w.sessionId, false, Date.now())} aria-label={`Remove ${w.identity.title} from watch later`}>
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="recorded-heading">
        <h2 id="recorded-heading">Recorded sessions ({items.length})</h2>
        {!online ? <p className="needs-connection" role="status">You are offline: recordings are listed, but watching them needs a connection.</p> : null}
        {items.length === 0 ? (
          <p className="muted">No recordings yet. Organizers often add them hours or days after a talk; Lanyard keeps checking for two weeks after a conference.</p>
        ) : (
          <VirtualList
            items={items}
            keyOf={(item) => sessionKey(item.conferenceId, item.session.id)}
            render={(item) => <RecordingRow item={item} zone={zoneOf(item.timeZone)} online={online} />}
            estimateSize={() => 84}
            className="recording-list"
            label="Recorded sessions"
            testId="recording-list"
          />
        )}
      </section>
    </section>
  );
}
