import { useDeferredValue, useEffect, useEffectEvent, useRef, type KeyboardEvent } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { clock, clockOn } from '../../format';
import { hrefFor } from '../../route';
import { hourLines } from './hour-lines';
import { usePaintedMark } from './SessionList';
import { blockToward, isTimelineKey, type Block } from './timeline-keys';
import '../../time/date-mark.css';
import './timeline.css';
import { RoomStatusBadge } from '../live/RoomStatusBadge';
import { useApp } from '../../app/context';
import { beginInteraction } from '../../perf';

/** 2 px a minute: a 10-minute talk is 20 px, room for its time and title on one line. */
const PX_PER_MINUTE = 2;
const MIN_HEIGHT = 28;
/** Blocks lower than this show time and title on one line (the whole title on hover and focus). */
const COMPACT_BELOW = 40;
/** Room above the first hour line, so its label is not hidden under the sticky room names. */
const TOP_PAD = 14;
/** Rooms whose talks are in the first frame (more than fit across a wide window); the others follow in a background render. */
const FIRST_COLUMNS = 10;

/** The day as a grid: rooms as columns, time running down, one block per session. */
export function Timeline({ sessions, data, zone, now, pinned, jumpToken }: { sessions: SessionRecord[]; data: ConferenceData; zone: string; now: number; pinned: readonly string[]; jumpToken?: number | undefined }) {
  const app = useApp();
  const scroller = useRef<HTMLDivElement>(null);
  // Pinned rooms first (in the order they were pinned), then the others in the feed's order.
  const withSessions = data.rooms.filter((r) => sessions.some((s) => s.roomId === r.id));
  const rooms = [...pinned.flatMap((id) => withSessions.filter((r) => r.id === id)), ...withSessions.filter((r) => !pinned.includes(r.id))];
  const hasUnroomed = sessions.some((s) => !s.roomId);
  const columns = [...rooms.map((r) => ({ id: r.id, name: r.name, isPinned: pinned.includes(r.id) })), ...(hasUnroomed ? [{ id: '', name: 'Elsewhere', isPinned: false }] : [])];
  const inColumn = columns.map((c) => sessions.filter((s) => (s.roomId ?? '') === c.id));
  // The rooms in view are painted first; those scrolled out of view to the right fill in just after (React's deferred render).
  const filled = useDeferredValue(columns.length, Math.min(columns.length, FIRST_COLUMNS));
  const first = Math.min(...sessions.map((s) => Date.parse(s.start)));
  const last = Math.max(...sessions.map((s) => Date.parse(s.end)));
  const hours = hourLines(first, last, zone, sessions[0]?.day ?? '');
  const dayStart = hours[0]?.at ?? first;
  const y = (ms: number): number => TOP_PAD + ((ms - dayStart) / 60_000) * PX_PER_MINUTE;
  const height = y(last) + 40;
  const nowVisible = now >= first && now <= last;
  const shownDay = sessions[0]?.day;
  const scrollToNow = useEffectEvent((at: number): void => {
    if (scroller.current && at >= first && at <= last) scroller.current.scrollTop = Math.max(0, y(at) - 120);
  });
  const dayShown = useEffectEvent((): void => scrollToNow(now));
  // Scroll to now once per day shown, not on every re-render.
  useEffect(() => dayShown(), [shownDay]);
  // "Jump to now": scroll the now line into view, each time it is pressed.
  useEffect(() => {
    if (jumpToken !== undefined) scrollToNow(app.clock.now());
  }, [app.clock, jumpToken]);
  usePaintedMark(sessions.length > 0);
  // Arrow keys on a block: up and down its room, left and right to what runs then in the next room.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isTimelineKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const from = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-session]')?.dataset.session : undefined;
    if (from === undefined) return;
    event.preventDefault();
    const grid = inColumn.map((list) => list.map((s): Block => ({ id: s.id, start: Date.parse(s.start), end: Date.parse(s.end) })));
    const to = blockToward(grid, from, event.key);
    const target = [...(scroller.current?.querySelectorAll<HTMLElement>('[data-session]') ?? [])].find((el) => el.dataset.session === to);
    target?.focus();
  };
  if (sessions.length === 0) return <p className="empty">No sessions match.</p>;
  return (
    // The arrow keys move between the talks' own links inside (keyboard delegation); the grid itself is no control.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- see above
    <div ref={scroller} className="timeline" data-testid="timeline" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="timeline-grid" style={{ gridTemplateColumns: `${hours.some((h) => h.date) ? '5rem' : '4rem'} repeat(${columns.length}, minmax(10rem, 1fr))` }}>
        <div className="timeline-corner" />
        {columns.map((c) => (
          // The column's own label names the room for screen readers; this is the visible header.
          <div key={c.id} className={c.isPinned ? 'timeline-room is-pinned' : 'timeline-room'} aria-hidden="true">
            {c.name}
            {c.isPinned ? <span className="pin-mark">pinned</span> : null}
            {c.id ? <RoomStatusBadge conferenceId={data.record.id} room={c} /> : null}
          </div>
        ))}
        <div className="timeline-gutter" style={{ height }}>
          {nowVisible ? (
            <span className="timeline-now-label" style={{ top: y(now) }} data-testid="timeline-now-label">
              <span className="visually-hidden">Now </span>
              {clock(now, zone)}
            </span>
          ) : null}
          {hours.map((h) => (
            <span key={h.at} className="timeline-hour" style={{ top: y(h.at) }}>
              {h.label}
              {h.date ? <span className="date-mark">{h.date}</span> : null}
            </span>
          ))}
        </div>
        {columns.map((c, col) => (
          <div key={c.id} className="timeline-column" style={{ height }} role="group" aria-label={c.isPinned ? `${c.name} (pinned)` : c.name}>
            {(col < filled ? inColumn[col]! : []).map((s, i, inRoom) => {
              const top = y(Date.parse(s.start));
              // Short sessions get room for a line of text, but never cover the next one
              // (hovering or focusing a block shows all of it).
              const next = inRoom.slice(i + 1).find((o) => o.start > s.start);
              const room = next ? y(Date.parse(next.start)) - top - 2 : Infinity;
              const h = Math.max(y(Date.parse(s.end)) - top - 2, Math.min(MIN_HEIGHT, room), 6);
              const star = data.agenda.get(s.id)?.star;
              const kind = (s.type === 'break' ? ' is-break' : s.cancelled ? ' is-cancelled' : '') + (star ? ` is-${star}` : '') + (h < COMPACT_BELOW ? ' is-compact' : '') + (nowVisible && Date.parse(s.end) <= now ? ' is-past' : '');
              const isChanged = data.marks.has(s.id);
              return (
                <a
                  key={s.id}
                  data-session={s.id}
                  className={`timeline-block${kind}`}
                  style={{ top, height: h, minHeight: h }}
                  href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: s.id })}
                  onClick={(event) => beginInteraction('open-session', 'open-session', event)}
                  title={`${clockOn(s.start, zone, s.day)}–${clock(s.end, zone)} ${s.title}`}
                >
                  {/* One block that sticks under the room names, so a long session's title stays in view. */}
                  <span className="timeline-block-body">
                    <span className="timeline-block-time">{clock(s.start, zone)}</span>
                    {star ? <> <span className="timeline-star">{star === 'going' ? '★' : '☆'} <span className="star-word">{star === 'going' ? 'Going' : 'Maybe'}</span></span></> : null}
                    {isChanged ? <> <span className="timeline-changed" aria-label="changed">•</span></> : null} <span className="timeline-title">{s.title}</span>
                  </span>
                </a>
              );
            })}
            {nowVisible ? <div className="timeline-now" style={{ top: y(now) }} aria-hidden="true" /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
