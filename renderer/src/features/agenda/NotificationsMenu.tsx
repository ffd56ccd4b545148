import { useLiveQuery } from 'dexie-react-hooks';
import { ExternalLink } from '../../links/ExternalLink';
import { useEffect, useRef, useState } from 'react';
import { db } from '../../db';
import { recentNotices } from '../../db/notices';
import type { NoticeRecord } from '../../db/schema';
import { clock } from '../../format';
import { navigate, routeOfRef } from '../../route';
import { MY_ZONE } from '../../store/ui';
import { NotificationPermission } from './NotificationPermission';

const OUTCOME: Record<NoticeRecord['outcome'], string | undefined> = {
  shown: undefined,
  'not-allowed': 'not shown: notifications are not allowed',
  unsupported: 'not shown: this browser has no notifications',
  failed: 'the system could not show it',
};

const SEEN_KEY = 'lanyard-notices-seen';

/** The recent notifications (reminders, missed reminders, agenda changes), also when the system did not show them. */
export function NotificationsMenu() {
  const notices = useLiveQuery(() => recentNotices(db, 20), []) ?? [];
  const [isOpen, setOpen] = useState(false);
  const [seenAt, setSeenAt] = useState(() => Number(localStorage.getItem(SEEN_KEY) ?? 0));
  const button = useRef<HTMLButtonElement>(null);
  const unread = notices.filter((n) => n.at > seenAt).length;
  useEffect(() => {
    if (!isOpen) return;
    const latest = notices[0]?.at ?? 0;
    if (latest > seenAt) {
      localStorage.setItem(SEEN_KEY, String(latest));
      setSeenAt(latest);
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, notices, seenAt]);
  const open = (ref: string | undefined): void => {
    const route = routeOfRef(ref);
    if (route) {
      setOpen(false);
      navigate(route);
    }
  };
  return (
    <div className="notices">
      <button ref={button} type="button" className="button notices-button" aria-expanded={isOpen} aria-controls="notices-panel" onClick={() => setOpen(!isOpen)}>
        Notifications{unread ? <span className="notices-count"> ({unread} new)</span> : null}
      </button>
      {isOpen ? (
        <div id="notices-panel" className="notices-panel" role="region" aria-label="Recent notifications">
          <NotificationPermission />
          {notices.length === 0 ? <p className="muted">No notifications yet. Reminders and changes to your agenda appear here.</p> : null}
          <ul className="notice-list">
            {notices.map((n) => (
              <li key={n.id} className={`notice notice-${n.kind}`}>
                <button type="button" className="notice-open" onClick={() => open(n.sessionRef)} disabled={!n.sessionRef}>
                  <span className="notice-title">{n.title}</span>
                  <span className="notice-body">{n.body}</span>
                  <span className="notice-meta muted">
                    {clock(n.at, MY_ZONE)}
                    {OUTCOME[n.outcome] ? ` · ${OUTCOME[n.outcome]}` : ''}
                  </span>
                </button>
                {n.actions?.length ? (
                  <p className="notice-actions">
                    {n.actions.map((a) => (
                      <ExternalLink key={a.url} className="chip chip-stream" href={a.url}>{a.label}</ExternalLink>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
