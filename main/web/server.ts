import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { HostHandlers } from '../services/host-dispatch';
import { handleApi } from './api';
import { SECURITY_HEADERS } from '../../core/security/headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const full = resolve(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  const info = await stat(full).catch(() => undefined);
  if (info?.isFile()) return full;
  return join(root, 'index.html');
}

/** Serves the built renderer and the host API (`/api/…`) on loopback only, with the app's security headers. */
export async function startWebServer(options: { root: string; port: number; handlers: HostHandlers }): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  let port = options.port;
  const server = createServer((req, res) => {
    void (async () => {
      if ((req.url ?? '').startsWith('/api/')) {
        await handleApi(options.handlers, req, res, port, SECURITY_HEADERS);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, SECURITY_HEADERS).end();
        return;
      }
      const file = await fileFor(root, req.url ?? '/');
      if (!file) {
        res.writeHead(400, SECURITY_HEADERS).end();
        return;
      }
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        res.writeHead(404, SECURITY_HEADERS).end('not found');
        return;
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}/` };
}
