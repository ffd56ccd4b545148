/** The app's own origin: the renderer is served from here and nowhere else. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lanyard';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on the app's own origin. Every trust decision in the shell (navigation,
 * IPC senders, permissions) asks this one question, so they cannot drift apart.
 */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
