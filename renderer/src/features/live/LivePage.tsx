import { useLiveQuery } from 'dexie-react-hooks';
import { liveNow, type LiveConference, type LiveItem } from '../../../../core/live/now';
import { withDerivedStreams } from '../../../../core/live/stream-rules';
import { useLive } from '../../store/live';
import { RoomStatusBadge } from './RoomStatusBadge';
import { db } from '../../db';
import { agendaStars, liveCandidates, nextSession } from '../../db/live';
import { clock, dateAndClock } from '../../format';
import { openLink } from '../../links/open';
import { hrefFor } from '../../route';
import { MY_ZONE, useUi } from '../../store/ui';
import { useAppState, useNow } from '../../app/context';

function LiveCard({ item, zone, online }: { item: LiveItem; zone: string; online: boolean }) {
  const { session } = item;
  const titleId = `live-${item.conferenceId}-${session.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <li>
      <article className={`live-card live-${item.state}`} aria-labelledby={titleId}>
        <p className="live-when">
          {item.state === 'live' ? <span className="badge-live">Live</span> : <span className="badge-soon">in {item.startsInMinutes} min</span>}{' '}
          {clock(session.start, zone)}–{clock(session.end, zone)}
          {item.roomName ? <> · {item.roomName}</> : null}
          {item.session.roomId ? <RoomStatusBadge conferenceId={item.conferenceId} room={{ id: item.session.roomId, name: item.roomName }} /> : null}
          {item.star ? <span className={`star star-${item.star}`}> · {item.star === 'going' ? '★ Going' : '☆ Maybe'}</span> : null}
        </p>
        <h3 id={titleId} className="live-title">
          <a href={hrefFor({ page: 'session', conferenceId: item.conferenceId, sessionId: session.id })}>{session.title}</a>
        </h3>
        <p className="muted live-conference">{item.conferenceTitle}</p>
        <div className="live-buttons">
          {item.stream ? (
            <button type="button" className="button primary" onClick={() => void openLink(item.stream!.url)} title={item.stream.url}>
              ▶ Watch stream
            </button>
          ) : (
            <span className="muted">No stream</span>
          )}
          {item.hallway ? (
            <>
              <button type="button" className="button" onClick={() => void openLink(item.hallway!.url)} title={item.hallway.url}>
                Join hallway
              </button>
              {/* What the hallway is and who gets in ("Google Meet, link for registered online attendees"), when the feed says more than "Hallway". */}
              {item.hallway.title && !/^hallway$/i.test(item.hallway.title.trim()) ? <span className="muted hallway-note">{item.hallway.title}</span> : null}
            </>
          ) : (
            <span className="muted">No hallway room</span>
          )}
          {!online && (item.stream || item.hallway) ? <span className="needs-connection">needs a connection</span> : null}
        </div>
      </article>
    </li>
  );
}

/** What is on right now and what starts within 15 minutes, across every conference; my agenda first. */
export function LivePage() {
  const now = useNow();
  const online = useAppState((s) => s.online);
  const zoneMode = useUi((s) => s.zoneMode);
  const data = useLiveQuery(async () => ({ conferences: await liveCandidates(db, now), agenda: await agendaStars(db), next: await nextSession(db, now) }), [now]);
  const c3voc = useLive((s) => s.c3voc);
  if (!data) return <p className="muted">Loading…</p>;
  // Rooms the feed gives no stream get one by rule (FOSDEM, c3voc, the organizer's pattern).
  const withStreams = (c: LiveConference): LiveConference => ({
    ...c,
    rooms: withDerivedStreams(c.rooms, { conference: { id: c.id, title: c.conference.title, url: c.conference.url, streams: c.conference.streams }, feedUrl: c.feedUrl, c3voc: c3voc[c.id] ? new Map(Object.entries(c3voc[c.id]!)) : undefined }),
  });
  const items = liveNow({ now, conferences: data.conferences.map(withStreams), agenda: data.agenda });
  const mine = items.filter((i) => i.star);
  const rest = items.filter((i) => !i.star);
  const zoneOf = (item: LiveItem): string => (zoneMode === 'mine' ? MY_ZONE : item.timeZone);
  const list = (group: LiveItem[]) => (
    <ul className="live-list">
      {group.map((item) => (
        <LiveCard key={`${item.conferenceId}\n${item.session.id}`} item={item} zone={zoneOf(item)} online={online} />
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="live-heading" className="live-page">
      <h1 id="live-heading">Live now</h1>
      <p className="muted" role="status" aria-live="polite">
        {items.length === 0
          ? 'Nothing is on right now, and nothing starts in the next 15 minutes.'
          : `${items.filter((i) => i.state === 'live').length} on now, ${items.filter((i) => i.state === 'soon').length} starting within 15 minutes`}
        {!online ? ' · offline: streams and hallways need a connection' : ''}
      </p>
      {items.length === 0 && data.next ? (
        <p className="live-next">
          Next:{' '}
          <a href={hrefFor({ page: 'session', conferenceId: data.next.session.conferenceId, sessionId: data.next.session.id })}>{data.next.session.title}</a>
          {' '}({data.next.conferenceTitle}), {dateAndClock(data.next.session.start, zoneMode === 'mine' ? MY_ZONE : data.next.timeZone)}
        </p>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="live-mine">
          <h2 id="live-mine">From my agenda</h2>
          {list(mine)}
        </section>
      ) : null}
      {rest.length > 0 ? (
        <section aria-labelledby="live-all">
          <h2 id="live-all">{mine.length > 0 ? 'Everything else' : 'On now and starting soon'}</h2>
          {list(rest)}
        </section>
      ) : null}
    </section>
  );
}
