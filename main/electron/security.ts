import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/**
 * The only permissions the app ever uses: reminders are notifications, and *Copy* (the
 * calendar address, a picks link) writes the clipboard. Reading the clipboard stays refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

/** Receives http(s) links the page tried to navigate to or open in a window: the link opener. */
export type ExternalLinkHandler = (url: string) => void;

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Deny by default for a webContents: it never leaves the app origin, never opens windows and
 * never hosts a <webview>. An http(s) link it tries to follow goes to `onExternalLink` (the
 * one link opener, which checks it) instead of the app window.
 */
export function hardenWebContents(contents: WebContents, onExternalLink?: ExternalLinkHandler): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isWebUrl(event.url)) onExternalLink?.(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  // The app protocol never redirects, so any redirect is someone else's.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) onExternalLink?.(url);
    return { action: 'deny' };
  });
}

/** Grants notifications to the app's own pages; everything else (camera, geolocation…) is refused. */
export const onPermissionRequest: RequestHandler = (_contents, permission, callback, details) => {
  callback(GRANTED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
};

/** The synchronous twin of onPermissionRequest: Chromium asks both ways. */
export const onPermissionCheck: CheckHandler = (_contents, permission, requestingOrigin) =>
  GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);

/** Installs the permission handlers on a session and hardens every webContents ever created. */
export function setupSecurity(session: Session, onExternalLink?: ExternalLinkHandler): void {
  session.setPermissionRequestHandler(onPermissionRequest);
  session.setPermissionCheckHandler(onPermissionCheck);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, onExternalLink));
}
