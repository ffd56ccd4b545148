import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type HostHandlers } from '../services/host-dispatch';

/** Requests with a body larger than this are refused (the API only takes small JSON arguments). */
const MAX_BODY = 64 * 1024;
/** Calls that carry the user's whole personal data (the mirror) may be larger. */
const LARGE_BODY: Readonly<Record<string, number>> = { 'personal:write-mirror': 80 * 1024 * 1024 };
const API_HEADER = 'x-lanyard-request';

function readBody(req: IncomingMessage, maxBody = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBody) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Why a request may not use the API, or undefined when it may. Web mode listens on
 * loopback, but any web page the user visits could still aim requests at it: the Host
 * header must be the server's own (no DNS rebinding), a browser Origin must be ours, and
 * the custom header and JSON body force a CORS preflight that this server never approves.
 */
function refuseReason(req: IncomingMessage, port: number): string | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'wrong host';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return 'wrong origin';
  if (req.headers[API_HEADER] !== '1') return 'missing request header';
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return 'not JSON';
  return undefined;
}

/** `POST /api/<channel>` with `{"args": [...]}` → the host result as JSON. */
export async function handleApi(handlers: HostHandlers, req: IncomingMessage, res: ServerResponse, port: number, headers: Record<string, string>): Promise<void> {
  const json = { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  const refused = req.method === 'POST' ? refuseReason(req, port) : 'method not allowed';
  if (refused) {
    res.writeHead(403, json).end(JSON.stringify({ ok: false, error: { message: `Refused: ${refused}` } }));
    return;
  }
  const channel = decodeURIComponent((req.url ?? '').slice('/api/'.length).split('?')[0] ?? '');
  let args: unknown;
  try {
    const body = JSON.parse(await readBody(req, LARGE_BODY[channel])) as { args?: unknown };
    args = body.args ?? [];
  } catch {
    res.writeHead(400, json).end(JSON.stringify({ ok: false, error: { message: 'The request body is not valid JSON' } }));
    return;
  }
  const result = await dispatch(handlers, channel, args);
  res.writeHead(200, json).end(JSON.stringify(result));
}
