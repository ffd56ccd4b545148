import { useLiveQuery } from 'dexie-react-hooks';
import { useApp, useNow } from '../../app/context';
import { db } from '../../db';
import { markNoticeSeen, unseenInAppNotices } from '../../db/notices';
import type { NoticeRecord } from '../../db/schema';
import { ExternalLink } from '../../links/ExternalLink';
import { navigate, routeOfRef } from '../../route';
import './toasts.css';

const WHY: Record<NoticeRecord['outcome'], string> = {
  shown: '',
  'not-allowed': 'Shown here because this browser is not allowed to show Lanyard’s notifications.',
  unsupported: 'Shown here because this browser cannot show notifications.',
  failed: 'Shown here because the system did not show the notification.',
};

function Toast({ notice }: { notice: NoticeRecord }) {
  const { clock } = useApp();
  const id = notice.id;
  const seen = (): void => {
    if (id !== undefined) void markNoticeSeen(db, id, clock.now());
  };
  const route = routeOfRef(notice.sessionRef);
  return (
    <li className="toast" aria-label={notice.title}>
      {route ? (
        <button
          type="button"
          className="toast-open"
          onClick={() => {
            seen();
            navigate(route);
          }}
        >
          <span className="toast-title">{notice.title}</span>
          <span className="toast-body">{notice.body}</span>
        </button>
      ) : (
        <p className="toast-open">
          <span className="toast-title">{notice.title}</span>
          <span className="toast-body">{notice.body}</span>
        </p>
      )}
      <p className="toast-why muted">{WHY[notice.outcome]}</p>
      {notice.actions?.length ? (
        <p className="notice-actions">
          {notice.actions.map((a) => (
            <ExternalLink key={a.url} className="chip chip-stream" href={a.url}>{a.label}</ExternalLink>
          ))}
        </p>
      ) : null}
      <button type="button" className="toast-dismiss" aria-label={`Dismiss: ${notice.title}`} onClick={seen}>
        ×
      </button>
    </li>
  );
}

/**
 * Reminders are never silent: one the system did not show (notifications not allowed,
 * unsupported, or refused by the desktop) appears here and stays until the user dismisses
 * or opens it, in every window. The live region announces each new one to screen readers.
 */
export function ReminderToasts() {
  const now = useNow();
  const notices = useLiveQuery(() => unseenInAppNotices(db, now), [now]) ?? [];
  return (
    // A named region that is a polite live region (as role=status is): always there, so each toast added is announced.
    <section className="toasts" aria-label="Reminders shown in Lanyard" aria-live="polite" aria-relevant="additions">
      {notices.length ? (
        <ul className="toast-list">
          {notices.map((n) => <Toast key={n.id} notice={n} />)}
        </ul>
      ) : null}
    </section>
  );
}
