import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../../core/security/headers';
import { APP_HOST, APP_SCHEME } from './app-url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before the app is ready. Makes app:// behave like https for the renderer: a real
 * origin (so IndexedDB and relative URLs work), a secure context, and fetch().
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function reply(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** The file inside root that a request path names, or undefined when the path tries to leave root. */
function resolveInside(root: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const full = resolve(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

/**
 * Serves the built renderer for app://lanyard/… with the same security headers as web mode.
 * Only host "lanyard", only GET/HEAD, never a file outside root; unknown routes without a file
 * extension get index.html (the app routes itself).
 */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return reply(400);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return reply(403);
  const root = resolve(rootDir);
  const full = resolveInside(root, url.pathname);
  if (!full) return reply(403);
  const info = await stat(full).catch(() => undefined);
  const file = info?.isFile() ? full : extname(full) === '' ? join(root, 'index.html') : undefined;
  if (!file) return reply(404);
  const body = await readFile(file).catch(() => undefined);
  if (!body) return reply(404);
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' },
  });
}

/** Answers app:// requests from the built renderer in rootDir (after app ready). */
export function setupAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request).catch(() => reply(500)));
}
