import { useState } from 'react';
import { notificationPermission, requestNotificationPermission, type NotificationPermissionState } from '../../notify';

/** Web mode: a button that asks the browser for notifications (from a click, never on load). Nothing on the desktop. */
export function NotificationPermission() {
  const [state, setState] = useState<NotificationPermissionState>(() => notificationPermission());
  if (state === 'granted') return null;
  if (state === 'unsupported') return <p className="muted permission-note">This browser cannot show notifications; reminders appear inside Lanyard, at the bottom of the window and in this list.</p>;
  if (state === 'denied') return <p className="muted permission-note">Notifications are blocked for this site in the browser’s settings; reminders appear inside Lanyard, at the bottom of the window and in this list.</p>;
  return (
    <button type="button" className="button" onClick={() => void requestNotificationPermission().then(setState)}>
      Allow notifications
    </button>
  );
}
