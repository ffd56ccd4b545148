import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db';
import { lastReminderOutcome } from '../../db/notices';
import './toasts.css';
import { notificationPermission, requestNotificationPermission, type NotificationPermissionState } from '../../notify';

/** The browser's permission, read again when the window comes back (the user may have changed it in the site settings). */
function usePermission(): [NotificationPermissionState, (state: NotificationPermissionState) => void] {
  const [state, setState] = useState<NotificationPermissionState>(() => notificationPermission());
  useEffect(() => {
    const again = (): void => setState(notificationPermission());
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);
  return [state, setState];
}

/**
 * The Reminders box says in plain words where reminders appear: as system notifications, or
 * inside Lanyard only, and then why and how to get system notifications.
 */
export function ReminderDelivery() {
  const [permission, setPermission] = usePermission();
  const last = useLiveQuery(() => lastReminderOutcome(db), []);
  if (permission === 'default') {
    return (
      <div className="reminder-delivery" data-testid="reminder-delivery">
        <p>
          <strong>Reminders are shown inside Lanyard only</strong>, in a box at the bottom of this window that stays until you dismiss it, because this
          browser has not been allowed to show notifications yet. To get them as system notifications, even when this window is hidden, press
          <em> Allow notifications</em> and choose <em>Allow</em>.
        </p>
        <button type="button" className="button" onClick={() => void requestNotificationPermission().then(setPermission)}>
          Allow notifications
        </button>
      </div>
    );
  }
  let why: string | undefined;
  if (permission === 'denied') {
    why = 'notifications are blocked for Lanyard in this browser. To enable them, open the site settings (the icon left of the address), set Notifications to Allow, and reload the page.';
  } else if (permission === 'unsupported') {
    why = 'this browser cannot show system notifications. Keep Lanyard open in a window or tab to see them.';
  } else if (last === 'failed') {
    why = 'the system did not show the last one. Check that notifications for Lanyard are turned on in your system’s notification settings and that Do Not Disturb (Focus) is off.';
  }
  if (why === undefined) return <p className="muted reminder-delivery" data-testid="reminder-delivery">Reminders are shown as system notifications.</p>;
  return (
    <p className="reminder-delivery" data-testid="reminder-delivery">
      <strong>Reminders are shown inside Lanyard only</strong>, in a box at the bottom of the window that stays until you dismiss it, because {why}
    </p>
  );
}
