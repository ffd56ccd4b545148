import { useLiveQuery } from 'dexie-react-hooks';
import { ExternalLink } from '../../links/ExternalLink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  const stored = useLiveQuery(() => recentNotices(db, 20), []);
  const notices = useMemo(() => stored ?? [], [stored]);
  const [isOpen, setOpen] = useState(false);
  const [seenAt, setSeenAt] = useState(() => Number(localStorage.getItem(SEEN_KEY) ?? 0));
  const button = useRef<HTMLButtonElement>(null);
  const latest = notices[0]?.at ?? 0;
  // While the list is open, everything in it counts as seen; that is remembered when it closes.
  const seen = isOpen ? Math.max(seenAt, latest) : seenAt;
  const unread = notices.filter((n) => n.at > seen).length;
  const close = useCallback((): void => {
    setSeenAt((s) => Math.max(s, latest));
    setOpen(false);
  }, [latest]);
  useEffect(() => {
    if (!isOpen) return;
    if (latest > Number(localStorage.getItem(SEEN_KEY) ?? 0)) localStorage.setItem(SEEN_KEY, String(latest));
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        close();
        button.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, latest, close]);
  const open = (ref: string | undefined): void => {
    const route = routeOfRef(ref);
    if (route) {
      close();
      navigate(route);
    }
  };
  return (
    <div className="notices">
      <button ref={button} type="button" className="button notices-button" aria-expanded={isOpen} aria-controls="notices-panel" onClick={() => (isOpen ? close() : setOpen(true))}>
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
