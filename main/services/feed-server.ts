import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xcal': 'application/calendar+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

export interface FeedServerOptions {
  dir: string;
  port: number;
  /** Called once per request, for a log line. */
  onRequest?: (line: string) => void;
}

async function listing(dir: string): Promise<string> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  return `${names.join('\n')}\n`;
}

/** Resolves a request path inside `root`, or undefined when it would leave it. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = resolve(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<number> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return 405;
  }
  const path = resolveInside(root, req.url ?? '/');
  if (!path) {
    res.writeHead(400).end('bad path\n');
    return 400;
  }
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end(await listing(path));
    return 200;
  }
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return 404;
  }
  const body = await readFile(path);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const headers = { etag, 'last-modified': lastModified, 'cache-control': 'no-cache', 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const matches = inm !== undefined ? inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`) : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified);
  if (matches) {
    res.writeHead(304, headers).end();
    return 304;
  }
  res.writeHead(200, { ...headers, 'content-length': body.byteLength });
  res.end(req.method === 'HEAD' ? undefined : body);
  return 200;
}

/**
 * Serves the feeds in a folder on 127.0.0.1 the way a static host or CDN would: ETag and
 * Last-Modified on every file, 304 for conditional requests that match, files re-read on
 * every request so that an edited feed is a new revision at once.
 */
export async function startFeedServer(options: FeedServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${options.dir} is not a folder`);
  const server = createServer((req, res) => {
    handle(root, req, res)
      .then((status) => options.onRequest?.(`${req.method ?? '?'} ${req.url ?? ''} ${status}`))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end();
        options.onRequest?.(`${req.method ?? '?'} ${req.url ?? ''} 500 ${error instanceof Error ? error.message : ''}`);
      });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}/` };
}
