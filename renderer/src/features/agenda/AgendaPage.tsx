import { useMemo, useState } from 'react';
import { alternativesFor, layoutDay, type AgendaRow, type AgendaSlot } from '../../../../core/personal/agenda-day';
import type { AgendaEntry } from '../../../../core/personal/model';
import type { ConferenceData } from '../../db/queries';
import type { SessionRecord } from '../../db/schema';
import { clock, clockOn, dateIn, daySpanIn, longDate, shortDate } from '../../format';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { DateMark } from '../../time/DateMark';
import { ChangeMark } from '../changes/ChangeMark';
import { AgendaChange } from './AgendaChange';
import { AgendaExport } from './AgendaExport';
import { RemovedEntry } from './RemovedEntry';
import { ReminderSettings } from './ReminderSettings';
import { SharePicks } from './SharePicks';
import { StarControl } from './StarControl';
import { useAgendaChanges } from './use-agenda-changes';

interface Slot extends AgendaSlot {
  session: SessionRecord;
  entry: AgendaEntry;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}

function AgendaItem({ slot, data, zone, changed }: { slot: Slot; data: ConferenceData; zone: string; changed: ReadonlyMap<string, string[]> }) {
  const { session, entry } = slot;
  const room = data.rooms.find((r) => r.id === session.roomId)?.name;
  const reminder = data.reminders.get(session.id);
  const mark = data.marks.get(session.id);
  return (
    <li className={`agenda-item star-is-${entry.star ?? 'none'}${session.cancelled ? ' is-cancelled' : ''}`} aria-label={session.title}>
      <time className="agenda-time" dateTime={session.start}>
        {clock(session.start, zone)}–{clock(session.end, zone)}
        <DateMark instant={session.start} zone={zone} day={session.day} />
      </time>
      <div className="agenda-main">
        <a className="session-title" href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: session.id })}>
          {session.title}
        </a>
        {session.cancelled ? <span className="tag tag-cancelled">Cancelled</span> : null}
        <ChangeMark mark={mark} />
        <AgendaChange phrases={mark ? changed.get(session.id) : undefined} />
        <span className="agenda-meta">
          {room ? <span>{room}</span> : null}
          <span>ends {clock(session.end, zone)}</span>
          {reminder?.state === 'planned' ? <span className="agenda-reminder">Reminder at {clockOn(reminder.fireAt, zone, dateIn(reminder.start, zone))}</span> : null}
          {reminder?.state === 'fired' ? <span>Reminded at {clockOn(reminder.claimedAt ?? reminder.fireAt, zone, dateIn(reminder.start, zone))}</span> : null}
          {entry.note ? <span className="agenda-note" title={entry.note}>Note: {entry.note.length > 60 ? `${entry.note.slice(0, 60)}…` : entry.note}</span> : null}
        </span>
      </div>
      <StarControl conferenceId={data.record.id} sessionId={session.id} title={session.title} star={entry.star} compact />
    </li>
  );
}

function Conflict({ row, data, zone, daySessions, changed }: { row: Extract<AgendaRow<Slot>, { kind: 'conflict' }>; data: ConferenceData; zone: string; daySessions: SessionRecord[]; changed: ReadonlyMap<string, string[]> }) {
  const [isOpen, setOpen] = useState(false);
  const inAgenda = useMemo(() => new Set(data.agenda.keys()), [data.agenda]);
  const alternatives = alternativesFor(daySessions, row.start, row.end, inAgenda);
  const span = `${clockOn(row.start, zone, row.slots[0]?.session.day ?? '')}–${clock(row.end, zone)}`;
  const going = row.slots.filter((s) => s.isGoing).length;
  const maybe = row.slots.length - going;
  const label = row.isClash
    ? `Conflict ${span}: ${going} sessions you are going to overlap${maybe ? `, and ${maybe} maybe` : ''}`
    : `Overlap ${span}: choose between ${row.slots.length} sessions`;
  return (
    <li className={row.isClash ? 'agenda-conflict is-clash' : 'agenda-conflict'}>
      <section aria-label={label}>
        <p className="conflict-heading">
          <strong>{row.isClash ? '⚠ Conflict' : 'Overlap'}</strong> {span} · {row.slots.length} sessions at once
        </p>
        <ul className="agenda-list">
          {row.slots.map((slot) => <AgendaItem key={slot.sessionId} slot={slot} data={data} zone={zone} changed={changed} />)}
        </ul>
        <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOpen ? 'Hide alternatives' : `Show alternatives (${alternatives.length})`}
        </button>
        {isOpen ? (
          alternatives.length ? (
            <ul className="alternatives" aria-label={`Alternatives ${span}`}>
              {alternatives.map((s) => (
                <li key={s.id}>
                  <span className="agenda-time">{clockOn(s.start, zone, s.day)}–{clock(s.end, zone)}</span>{' '}
                  <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: s.id })}>{s.title}</a>{' '}
                  <span className="muted">{data.rooms.find((r) => r.id === s.roomId)?.name}</span>
                  <StarControl conferenceId={data.record.id} sessionId={s.id} title={s.title} star={undefined} compact />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing else runs in this slot.</p>
          )
        ) : null}
      </section>
    </li>
  );
}

/** The personal agenda for one day: sessions in order with rooms and end times, free time, and conflicts with their alternatives. */
const NO_SESSIONS: SessionRecord[] = [];

export function AgendaPage({ data, day: askedDay }: { data: ConferenceData; day: string | undefined }) {
  const zone = useDisplayZone(data.record.conference.timeZone);
  const changed = useAgendaChanges(data, zone);
  const byId = useMemo(() => new Map(data.sessions.map((s) => [s.id, s])), [data.sessions]);
  const entries = [...data.agenda.values()];
  const slots: Slot[] = entries.flatMap((entry) => {
    const session = entry.star && entry.removedAt === undefined ? byId.get(entry.sessionId) : undefined;
    if (!session) return [];
    return [{ sessionId: session.id, start: Date.parse(session.start), end: Date.parse(session.end), isGoing: entry.star === 'going', isCancelled: session.cancelled, session, entry }];
  });
  const removed = entries.filter((e) => e.removedAt !== undefined);
  // A removed session is listed under its own conference day (a Sunday talk under Sunday), even when nothing else is left that day.
  const days = [...new Set([...slots.map((s) => s.session.day), ...removed.map((e) => e.identity.day)])].sort();
  const day = askedDay && days.includes(askedDay) ? askedDay : days[0];
  const rows = layoutDay(slots.filter((s) => s.session.day === day));
  const removedToday = removed.filter((e) => e.identity.day === day);
  const daySessions = (day ? data.schedule.byDay.get(day) : undefined) ?? NO_SESSIONS;
  const conflicts = rows.filter((r) => r.kind === 'conflict' && r.isClash).length;
  // Grouped by conference day, like the schedule; when the zone shown puts the day's sessions on other dates, the heading says where they fall.
  const span = day ? daySpanIn(slots.filter((s) => s.session.day === day).map((s) => s.session), zone, day) : undefined;
  return (
    <section className="agenda-page" aria-label="My agenda">
      <ReminderSettings data={data} />
      <div className="agenda-actions">
        <AgendaExport conferenceId={data.record.id} />
        <SharePicks data={data} />
      </div>
      {days.length === 0 ? (
        <p className="empty">Your agenda is empty. Mark sessions with ★ Going or ☆ Maybe, in the schedule or on a session’s page.</p>
      ) : (
        <>
          <nav className="day-tabs" aria-label="Agenda days">
            {days.map((d) => (
              <a key={d} href={hrefFor({ page: 'agenda', conferenceId: data.record.id, day: d })} aria-current={d === day ? 'page' : undefined}>
                {shortDate(d)} ({slots.filter((s) => s.session.day === d).length + removed.filter((e) => e.identity.day === d).length})
              </a>
            ))}
          </nav>
          <h2 className="agenda-day-title">
            {day ? longDate(day) : ''}{' '}
            <span className="muted agenda-summary">
              · {rows.reduce((n, r) => n + (r.kind === 'session' ? 1 : r.kind === 'conflict' ? r.slots.length : 0), 0)} sessions
              {conflicts ? ` · ${conflicts} conflict${conflicts === 1 ? '' : 's'}` : ''} · times in {zone}
            </span>
          </h2>
          {span ? <p className="muted" data-testid="day-span">In {zone} these sessions fall on more than one date: {span}.</p> : null}
          <ol className="agenda-list" aria-label={`Agenda for ${day ? longDate(day) : ''}`}>
            {rows.map((row) => {
              if (row.kind === 'gap') {
                return (
                  <li key={`gap-${row.from}`} className="agenda-gap">
                    {duration(row.minutes)} free · {clock(row.from, zone)}–{clock(row.to, zone)}
                  </li>
                );
              }
              if (row.kind === 'conflict') return <Conflict key={`c-${row.start}`} row={row} data={data} zone={zone} daySessions={daySessions} changed={changed} />;
              return <AgendaItem key={row.slot.sessionId} slot={row.slot} data={data} zone={zone} changed={changed} />;
            })}
          </ol>
        </>
      )}
      {removedToday.length > 0 ? (
        <section className="removed-section" aria-label="Removed by the organizers">
          <h2>Removed by the organizers ({removedToday.length})</h2>
          {removedToday.map((entry) => <RemovedEntry key={entry.sessionId} data={data} entry={entry} zone={zone} />)}
        </section>
      ) : null}
    </section>
  );
}
