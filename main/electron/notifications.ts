import { Notification } from 'electron';
import type { NotificationRequest } from '../../core/host/contract';

export interface NotificationActions {
  openSession(sessionRef: string): void;
  /** Every URL goes through the app's one link opener. */
  openUrl(url: string): void;
}

const MAX_TITLE = 120;
const MAX_BODY = 500;

/**
 * Feed text made safe for a notification: whitespace collapsed, length capped, and on Linux
 * (where notification servers read a subset of HTML in the body) markup characters escaped,
 * so a title like `<b>Keynote</b>` shows exactly those characters.
 */
export function plainNotificationText(text: string, max: number, escapeMarkup: boolean): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const capped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return escapeMarkup ? capped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : capped;
}

/** How long the desktop has to report a failure before a notification counts as shown (Linux and macOS report none). */
const FAILURE_WINDOW_MS = 3_000;

/**
 * Shows notifications from the main process and routes clicks: the body opens the session,
 * an action button opens its link. A notification with the same tag replaces the previous
 * one instead of stacking. It rejects when the desktop cannot show it (no notification
 * service, or the desktop refused it), so the page shows the reminder itself instead of
 * leaving it silent.
 */
export function createNotifier(
  actions: NotificationActions,
  platform: NodeJS.Platform = process.platform,
  failureWindowMs = FAILURE_WINDOW_MS,
): (request: NotificationRequest) => Promise<void> {
  const shown = new Map<string, Notification>();
  return (request) => {
    if (!Notification.isSupported()) return Promise.reject(new Error('This desktop has no notification service.'));
    shown.get(request.tag)?.close();
    const buttons = request.actions ?? [];
    const notification = new Notification({
      title: plainNotificationText(request.title, MAX_TITLE, false),
      body: plainNotificationText(request.body, MAX_BODY, platform === 'linux'),
      actions: buttons.map((action) => ({ type: 'button' as const, text: plainNotificationText(action.label, 40, false) })),
    });
    notification.on('click', () => {
      if (request.sessionRef) actions.openSession(request.sessionRef);
    });
    notification.on('action', (_event, index) => {
      const action = buttons[index];
      if (action) actions.openUrl(action.url);
    });
    notification.on('close', () => {
      if (shown.get(request.tag) === notification) shown.delete(request.tag);
    });
    shown.set(request.tag, notification);
    const outcome = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, failureWindowMs);
      notification.on('show', () => {
        clearTimeout(timer);
        resolve();
      });
      // Windows says when its notification centre refused one (notifications off for the app, Focus assist).
      notification.on('failed', (_event, error) => {
        clearTimeout(timer);
        reject(new Error(`The desktop did not show the notification: ${error}`));
      });
    });
    notification.show();
    return outcome;
  };
}
