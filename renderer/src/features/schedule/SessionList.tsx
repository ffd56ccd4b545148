import { useEffect } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { clock } from '../../format';
import { useApp } from '../../app/context';
import { VirtualList, type JumpRequest } from '../../lists/VirtualList';
import { hrefFor } from '../../route';
import { DateMark } from '../../time/DateMark';
import { StarControl } from '../agenda/StarControl';
import { ChangeMark } from '../changes/ChangeMark';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { beginInteraction } from '../../perf';

/** One session of the day's list; its time carries its own date in `zone` when that is not the conference day. */
function SessionRow({ session, data, zone }: { session: SessionRecord; data: ConferenceData; zone: string }) {
  const names = session.speakerIds.map((id) => data.speakers.get(id)?.name ?? id).join(', ');
  const roomRecord = data.rooms.find((r) => r.id === session.roomId);
  const room = roomRecord?.name;
  const track = session.trackId ? data.tracks.get(session.trackId)?.name : undefined;
  const isBreak = session.type === 'break';
  const classes = ['session-row', isBreak ? 'is-break' : '', session.cancelled ? 'is-cancelled' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="listitem">
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

/** The day's sessions as a list; only the rows on screen are rendered. */
export function SessionList({ sessions, data, zone, jump }: { sessions: SessionRecord[]; data: ConferenceData; zone: string; jump?: JumpRequest | undefined }) {
  usePaintedMark(sessions.length > 0);
  if (sessions.length === 0) return <p className="empty">No sessions match.</p>;
  return (
    <VirtualList
      items={sessions}
      keyOf={(s) => s.id}
      render={(s) => <SessionRow session={s} data={data} zone={zone} />}
      estimateSize={() => 64}
      className="session-scroller"
      label="Sessions"
      testId="session-list"
      jump={jump}
    />
  );
}
