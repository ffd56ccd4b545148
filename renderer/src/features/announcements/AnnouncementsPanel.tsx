import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db';
import { announcementsOf, type HistoryAnnouncement } from '../../db/announcements';
import type { ConferenceData } from '../../db/queries';
import { clock, shortDate } from '../../format';
import { notificationPermission, requestNotificationPermission } from '../../notify';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { wallTimeOf } from '../../../../core/time/zone';
import { useNow } from '../../app/context';
import { MINUTE_MS } from '../../app/clock';

const SEVERITY_LABELS = { info: 'Info', warning: 'Important', urgent: 'Urgent' } as const;
/** Announcements this recent stay in view above the schedule; older ones are in the history. */
const CURRENT_MS = 12 * 3_600_000;

function AnnouncementItem({ a, data, zone }: { a: HistoryAnnouncement; data: ConferenceData; zone: string }) {
  const sessions = a.sessionIds.map((id) => data.sessions.find((s) => s.id === id) ?? { id, title: id });
  const rooms = a.roomIds.map((id) => data.rooms.find((r) => r.id === id)?.name ?? id);
  const at = Date.parse(a.time);
  return (
    <li className={`announcement announcement-${a.severity}`}>
      <p>
        <span className="announcement-severity">{SEVERITY_LABELS[a.severity]}</span>{' '}
        <time dateTime={a.time}>{shortDate(wallTimeOf(at, zone).date)} {clock(at, zone)}</time>{' '}
        <span className="announcement-text">{a.text}</span>
        {a.isWithdrawn ? <span className="muted"> (no longer in the organizers’ feed)</span> : null}
      </p>
      {sessions.length > 0 || rooms.length > 0 ? (
        <p className="announcement-about">
          About:{' '}
          {sessions.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ', ' : ''}
              <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: s.id })}>{s.title}</a>
            </span>
          ))}
          {sessions.length > 0 && rooms.length > 0 ? '; ' : ''}
          {rooms.length > 0 ? <a href={hrefFor({ page: 'rooms', conferenceId: data.record.id })}>{rooms.join(', ')}</a> : null}
        </p>
      ) : null}
    </li>
  );
}

/** The organizers' announcements: recent ones in view, the whole history one click away. */
export function AnnouncementsPanel({ data }: { data: ConferenceData }) {
  const zone = useDisplayZone(data.record.conference.timeZone);
  const all = useLiveQuery(() => announcementsOf(db, data.record.id), [data.record.id]) ?? [];
  const [permission, setPermission] = useState(notificationPermission);
  const now = useNow(MINUTE_MS);
  if (all.length === 0) return null;
  const current = all.filter((a) => !a.isWithdrawn && now - Date.parse(a.time) < CURRENT_MS && Date.parse(a.time) <= now + CURRENT_MS);
  return (
    <section className="announcements" aria-label="Announcements">
      {current.length > 0 ? (
        <ul className="announcement-list">
          {current.map((a) => <AnnouncementItem key={a.id} a={a} data={data} zone={zone} />)}
        </ul>
      ) : null}
      <details className="announcement-history">
        <summary>All announcements ({all.length})</summary>
        <ul className="announcement-list">
          {all.map((a) => <AnnouncementItem key={a.id} a={a} data={data} zone={zone} />)}
        </ul>
      </details>
      {permission === 'default' ? (
        <button type="button" className="button small" onClick={() => void requestNotificationPermission().then(setPermission)}>
          Notify me of new announcements
        </button>
      ) : null}
    </section>
  );
}
