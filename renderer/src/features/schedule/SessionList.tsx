import { useEffect, useMemo } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { clock } from '../../format';
import { useApp } from '../../app/context';
import { VirtualList } from '../../lists/VirtualList';
import { nowSessionIndex } from '../../../../core/time/programme-day';
import { hrefFor } from '../../route';
import { DateMark } from '../../time/DateMark';
import { StarControl } from '../agenda/StarControl';
import { ChangeMark } from '../changes/ChangeMark';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { beginInteraction } from '../../perf';
import './now.css';

/** One session of the day's list; its time carries its own date in `zone` when that is not the conference day. */
function SessionRow({ session, data, zone, isPast }: { session: SessionRecord; data: ConferenceData; zone: string; isPast: boolean }) {
  const names = session.speakerIds.map((id) => data.speakers.get(id)?.name ?? id).join(', ');
  const roomRecord = data.rooms.find((r) => r.id === session.roomId);
  const room = roomRecord?.name;
  const track = session.trackId ? data.tracks.get(session.trackId)?.name : undefined;
  const isBreak = session.type === 'break';
  const classes = ['session-row', isBreak ? 'is-break' : '', session.cancelled ? 'is-cancelled' : '', isPast ? 'is-past' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="listitem">
      {/* Dimmed for the eye; said in words for everyone else. */}
      {isPast ? <span className="visually-hidden">Ended: </span> : null}
      <time dateTime={session.start} className="session-time">
        {clock(session.start, zone)}–{clock(session.end, zone)}
        <DateMark instant={session.start} zone={zone} day={session.day} />
      </time>
      <div className="session-main">
        <a className="session-title" href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: session.id })} onClick={(event) => beginInteraction('open-session', 'open-session', event)}>
          {session.title}
        </a>
        {session.cancelled ? <span className="tag tag-cancelled">Cancelled</span> : null}
        <ChangeMark mark={data.marks.get(session.id)} />
        {names ? <span className="session-speakers">{names}</span> : null}
      </div>
      <div className="session-where">
        {room ? <span className="session-room">{room}</span> : null}
        {isBreak ? null : <RoomStatusBadge conferenceId={data.record.id} room={roomRecord} />}
        {track && !isBreak ? <span className="session-track">{track}</span> : null}
        {isBreak ? null : <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={data.agenda.get(session.id)?.star} compact />}
      </div>
    </div>
  );
}

/** Reports the first frame with rows (mark `lanyard:schedule-painted`, once per page load). */
export function usePaintedMark(hasRows: boolean): void {
  const { firstPaint } = useApp();
  useEffect(() => {
    if (!hasRows) return undefined;
    const frame = requestAnimationFrame(() => setTimeout(firstPaint.painted, 0));
    return () => cancelAnimationFrame(frame);
  }, [firstPaint, hasRows]);
}

/** The line in the list at the time it is now. */
interface NowMark {
  now: number;
}

type Row = SessionRecord | NowMark;

const isNowMark = (row: Row): row is NowMark => !('id' in row);

/**
 * The rows with the now line among them, before the first session that has not started yet
 * (at the end while the last ones are still on); none when now is outside the day's programme.
 */
function withNowMark(sessions: readonly SessionRecord[], now: number | undefined): Row[] {
  if (now === undefined || sessions.length === 0) return [...sessions];
  const first = Math.min(...sessions.map((s) => Date.parse(s.start)));
  const last = Math.max(...sessions.map((s) => Date.parse(s.end)));
  if (!(now >= first && now < last)) return [...sessions];
  const next = sessions.findIndex((s) => Date.parse(s.start) > now);
  const at = next < 0 ? sessions.length : next;
  return [...sessions.slice(0, at), { now }, ...sessions.slice(at)];
}

/**
 * The day's sessions as a list; only the rows on screen are rendered. With `showNow` (today's
 * tab) a line marks the time it is now and sessions that have ended are dimmed. `jump` (a new token per
 * press of *Jump to now*) scrolls to what is on at its time (see nowSessionIndex).
 */
export function SessionList({ sessions, data, zone, jump, now, showNow }: { sessions: SessionRecord[]; data: ConferenceData; zone: string; jump?: { token: number; at: number } | undefined; now: number; showNow: boolean }) {
  usePaintedMark(sessions.length > 0);
  const rows = useMemo(() => withNowMark(sessions, showNow ? now : undefined), [sessions, showNow, now]);
  const markAt = rows.findIndex(isNowMark);
  const rowJump = useMemo(() => {
    if (!jump) return undefined;
    const index = nowSessionIndex(sessions, jump.at);
    return { index: markAt >= 0 && index >= markAt ? index + 1 : index, token: jump.token };
  }, [jump, sessions, markAt]);
  if (sessions.length === 0) return <p className="empty">No sessions match.</p>;
  return (
    <VirtualList<Row>
      items={rows}
      keyOf={(s) => (isNowMark(s) ? 'now' : s.id)}
      render={(s) =>
        isNowMark(s) ? (
          // For the eye only: screen readers hear "Ended:" on the sessions above it (a list item would count as a session).
          <div className="now-marker" aria-hidden="true" data-testid="now-marker">
            <span className="now-marker-label">Now {clock(s.now, zone)}</span>
          </div>
        ) : (
          <SessionRow session={s} data={data} zone={zone} isPast={showNow && Date.parse(s.end) <= now} />
        )
      }
      estimateSize={(s) => (isNowMark(s) ? 24 : 64)}
      className="session-scroller"
      label="Sessions"
      testId="session-list"
      jump={rowJump}
    />
  );
}
