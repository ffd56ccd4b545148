import type { ConferenceData } from '../../db/queries';
import { NoteEditor } from '../agenda/NoteEditor';
import { ReminderChoice } from '../agenda/ReminderChoice';
import { RemovedEntry } from '../agenda/RemovedEntry';
import { GoneSession } from './GoneSession';
import { StarControl } from '../agenda/StarControl';
import { ChangeBox } from '../changes/ChangeBox';
import { SessionCalendarButton } from '../data/SessionCalendarButton';
import { clock, clockOn, dateIn, longDate } from '../../format';
import { RichText } from '../../RichText';
import { hrefFor } from '../../route';
import { firstOfKind, sessionLinks } from '../../../../core/live/links';
import { openLink } from '../../links/open';
import { WatchLaterButton } from '../live/WatchLaterButton';
import { RelatedVideos } from './RelatedVideos';
import { ExternalLink } from '../../links/ExternalLink';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { LINK_KIND_LABELS, linkText } from '../../links/label';
import { MY_ZONE, useDisplayZone } from '../../store/ui';
import { SpeakerPhoto, usePhotos } from '../speakers/SpeakerPhoto';
import { useAppState, useNow } from '../../app/context';
import { useEffect } from 'react';
import { endInteractionAfterPaint } from '../../perf';
import { MINUTE_MS } from '../../app/clock';

export function SessionPage({ data, sessionId }: { data: ConferenceData; sessionId: string }) {
  // Timed from the click on the session's link to its page painted (`lanyard:open-session`).
  useEffect(() => endInteractionAfterPaint('open-session', { sessionId }), [sessionId]);
  const session = data.sessions.find((s) => s.id === sessionId);
  const conferenceZone = data.record.conference.timeZone;
  const zone = useDisplayZone(conferenceZone);
  const online = useAppState((s) => s.online);
  const photoUrls = (session?.speakerIds ?? []).map((id) => data.speakers.get(id)?.photoUrl).filter((u): u is string => Boolean(u));
  const photos = usePhotos(photoUrls);
  const now = useNow(MINUTE_MS);
  if (!session) {
    // A link to a removed session by its old id (from Changes, a notification) finds the entry kept for it.
    const entry = data.agenda.get(sessionId) ?? data.agenda.get(`removed:${sessionId}`);
    if (entry) return <RemovedEntry data={data} entry={entry} zone={zone} headingLevel={2} />;
    return <GoneSession conferenceId={data.record.id} sessionId={sessionId} zone={zone} />;
  }
  const entry = data.agenda.get(session.id);
  const room = data.rooms.find((r) => r.id === session.roomId);
  const track = session.trackId ? data.tracks.get(session.trackId) : undefined;
  const speakers = session.speakerIds.map((id) => data.speakers.get(id)).filter((s) => s !== undefined);
  const otherZone = zone === conferenceZone ? MY_ZONE : conferenceZone;
  // The session's own date in the zone shown: a Brussels Friday evening talk is on Saturday in Tokyo.
  const date = dateIn(session.start, zone);
  const links = sessionLinks(session, room, data.record.conference);
  const isLiveSoon = !session.cancelled && Date.parse(session.end) > now && Date.parse(session.start) - 15 * 60_000 <= now;
  const stream = firstOfKind(links, 'stream');
  const hallway = firstOfKind(links, 'hallway');
  return (
    <article className="session-page" aria-labelledby="session-title">
      <a href={hrefFor({ page: 'schedule', conferenceId: data.record.id, day: session.day })} className="back">
        ← {longDate(session.day)}{date !== session.day ? ' (conference day)' : ''}
      </a>
      <h2 id="session-title" className="page-title">{session.title}</h2>
      {session.subtitle ? <p className="subtitle">{session.subtitle}</p> : null}
      {session.cancelled ? <p className="tag tag-cancelled">Cancelled by the organizers</p> : null}
      <ChangeBox key={`change-${session.id}`} conferenceId={data.record.id} sessionId={session.id} mark={data.marks.get(session.id)} zone={zone} />
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {longDate(date)}, {clock(session.start, zone)}–{clock(session.end, zone)} <span className="muted">({zone})</span>
          {otherZone !== zone ? (
            <span className="other-zone">
              {' '}· {clockOn(session.start, otherZone, date)}–{clock(session.end, otherZone)} <span className="muted">({otherZone})</span>
            </span>
          ) : null}
        </dd>
        {room ? (<><dt>Room</dt><dd><a href={hrefFor({ page: 'room', conferenceId: data.record.id, roomId: room.id })}>{room.name}</a><RoomStatusBadge conferenceId={data.record.id} room={room} /></dd></>) : null}
        {track ? (<><dt>Track</dt><dd><a href={hrefFor({ page: 'track', conferenceId: data.record.id, trackId: track.id })}>{track.name}</a></dd></>) : null}
        {session.type ? (<><dt>Type</dt><dd>{session.type}</dd></>) : null}
        {session.language ? (<><dt>Language</dt><dd>{session.language}</dd></>) : null}
        {speakers.length > 0 ? (
          <>
            <dt>{speakers.length === 1 ? 'Speaker' : 'Speakers'}</dt>
            <dd className={photoUrls.length > 0 ? 'speaker-chips' : undefined}>
              {speakers.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && photoUrls.length === 0 ? ', ' : ''}
                  <a href={hrefFor({ page: 'speaker', conferenceId: data.record.id, speakerId: s.id })} className={photoUrls.length > 0 ? 'speaker-chip' : undefined}>
                    {photoUrls.length > 0 ? <SpeakerPhoto name={s.name} blob={s.photoUrl ? photos.get(s.photoUrl) : undefined} /> : null}
                    {s.name}
                  </a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <section className="personal-panel" aria-label="My agenda">
        <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={entry?.star} />
        <ReminderChoice data={data} sessionId={session.id} zone={zone} />
        <NoteEditor key={`note-${session.id}`} conferenceId={data.record.id} sessionId={session.id} note={entry?.note} />
      </section>
      {isLiveSoon && (stream || hallway) ? (
        <div className="live-buttons" role="group" aria-label={Date.parse(session.start) <= now ? 'On now' : 'Starting soon'}>
          <span className="badge-live">{Date.parse(session.start) <= now ? 'Live' : 'Soon'}</span>
          {stream ? <button type="button" className="button primary" onClick={() => void openLink(stream.url)}>▶ Watch stream</button> : null}
          {hallway ? <button type="button" className="button" onClick={() => void openLink(hallway.url)}>Join hallway</button> : null}
        </div>
      ) : null}
      {Date.parse(session.end) <= now && links.some((l) => l.kind === 'recording') ? (
        <p><WatchLaterButton conferenceId={data.record.id} sessionId={session.id} title={session.title} /></p>
      ) : null}
      <SessionCalendarButton conferenceId={data.record.id} sessionId={session.id} />
      {links.some((l) => l.kind !== 'video') ? (
        <ul className="link-list" aria-label="Links">
          {links.filter((l) => l.kind !== 'video').map((l) => (
            <li key={l.url}>
              <ExternalLink href={l.url} className={`chip chip-${l.kind}`}>
                {LINK_KIND_LABELS[l.kind]}: {linkText(l)}
              </ExternalLink>
              {l.from !== 'session' ? <span className="muted"> ({l.from === 'room' ? 'the room’s' : 'the conference’s'})</span> : null}
              {!online ? <span className="needs-connection"> needs a connection</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <RelatedVideos links={links} online={online} />
      <RichText html={session.abstract} />
      <RichText html={session.description} />
    </article>
  );
}
