/**
 * The one definition of the security headers every page of the app is served with: by the
 * desktop app's app:// protocol (main/electron/app-protocol.ts) and by the web-mode server
 * (main/web/server.ts). A policy in a `<meta>` tag cannot carry frame-ancestors or be
 * trusted for a worker, so the policy is always a response header.
 */

/** The Trusted Types policy through which the renderer turns sanitised feed HTML into markup. */
export const HTML_POLICY_NAME = 'lanyard-html';

/** WebSocket sources for live channels (MQTT over WebSocket): any wss:// broker, ws:// only on loopback. */
const LIVE_CHANNEL_SOURCES = 'wss: ws://127.0.0.1:* ws://localhost:*';

/**
 * The content security policy, directive by directive:
 * - scripts, styles, fonts, workers and fetches only from the app itself: no inline script,
 *   no eval, no remote code;
 * - images only from the app itself or blob: URLs (speaker photos are cached by the host and
 *   shown from IndexedDB; nothing remote is hotlinked, so browsing leaks nothing);
 * - connections to the app itself, plus WebSockets for live channels: a conference's MQTT
 *   broker is any wss:// host its feed names (the page itself refuses plain ws:// except on this
 *   machine, like http feeds), so `wss:` and loopback `ws:` with any port. Fetches still go only
 *   to the app (feeds, photos and live documents are fetched by the host);
 * - no plugins, no <base>, no forms posting anywhere, never framed;
 * - Trusted Types: every HTML or script sink needs a value made by a named policy, so an
 *   unsanitised `innerHTML = string` throws instead of rendering. The only policies are the
 *   renderer's HTML policy (whose createHTML runs the sanitiser) and a `default` policy that
 *   accepts same-origin script URLs only (the sync worker) and has no createHTML.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' blob:"],
  ['connect-src', `'self' ${LIVE_CHANNEL_SOURCES}`],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', `${HTML_POLICY_NAME} default`],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Sent with every response of the app's origin, pages, assets, API answers and errors alike. */
export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
} as const satisfies Record<string, string>;
