import type { NotificationRequest } from '../../../core/host/contract';
import { host } from '../host';

export type { NotificationRequest };
export type NotifyOutcome = 'shown' | 'not-allowed' | 'unsupported' | 'failed';
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

const openListeners = new Set<(sessionRef: string) => void>();

/** Web mode opens sessions from notification clicks through these listeners (desktop uses the host's tray:open-session event). */
export function onNotificationOpen(listener: (sessionRef: string) => void): () => void {
  openListeners.add(listener);
  return () => {
    openListeners.delete(listener);
  };
}

function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.lanyard !== undefined;
}

/** Whether notifications can be shown now: always on the desktop, after the user allows it in web mode. */
export function notificationPermission(): NotificationPermissionState {
  if (isDesktop()) return 'granted';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Web mode: asks the browser once, from a user gesture (a button), never on load. */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (isDesktop()) return 'granted';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/**
 * Shows one notification: the main process's native one on the desktop, the browser's in web
 * mode. Text is passed as plain strings (the browser and the host never read markup).
 */
export async function notify(request: NotificationRequest): Promise<NotifyOutcome> {
  if (isDesktop()) {
    const result = await host().showNotification(request);
    return result.ok ? 'shown' : 'failed';
  }
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'granted') return 'not-allowed';
  try {
    const notification = new Notification(request.title, { body: request.body, tag: request.tag });
    notification.onclick = () => {
      window.focus();
      const ref = request.sessionRef;
      if (ref) for (const listener of openListeners) listener(ref);
      notification.close();
    };
    return 'shown';
  } catch {
    return 'failed';
  }
}
