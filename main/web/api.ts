import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type HostHandlers } from '../services/host-dispatch';

/** Requests with a body larger than this are refused (the API only takes small JSON arguments). */
const MAX_BODY = 64 * 1024;
/**
 * Calls that carry the user's whole personal data (the mirror) may be larger. A Map, not an
 * object literal: `/api/constructor` or `/api/__proto__` must not find Object's own members
 * and so escape the limit.
 */
const LARGE_BODY: ReadonlyMap<string, number> = new Map([
  ['personal:write-mirror', 80 * 1024 * 1024],
  ['calendar:publish', 40 * 1024 * 1024],
  // A sync log's text (at most 32 MB) as JSON, where escaping can double it.
  ['syncfolder:append', 80 * 1024 * 1024],
  ['syncfolder:replace', 80 * 1024 * 1024],
]);
const API_HEADER = 'x-lanyard-request';

/** The most bytes a call on this channel may send; every path has a limit. */
function bodyLimit(channel: string): number {
  return LARGE_BODY.get(channel) ?? MAX_BODY;
}

class BodyTooLarge extends Error {}

/**
 * Reads the body while counting it; past the limit it stops listening at once and rejects
 * with BodyTooLarge, so an endless upload is never held in memory.
 */
function readBody(req: IncomingMessage, maxBody: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      reject(new BodyTooLarge());
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size <= maxBody) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
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
  let channel: string;
  try {
    channel = decodeURIComponent((req.url ?? '').slice('/api/'.length).split('?')[0] ?? '');
  } catch {
    res.writeHead(400, json).end(JSON.stringify({ ok: false, error: { message: 'The call name is not valid' } }));
    return;
  }
  let args: unknown;
  try {
    const body = JSON.parse(await readBody(req, bodyLimit(channel))) as { args?: unknown };
    args = body.args ?? [];
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // Answer, then close the connection: the rest of the upload is never read.
      res.on('finish', () => req.socket.destroy());
      res.writeHead(413, { ...json, connection: 'close' }).end(JSON.stringify({ ok: false, error: { message: `The request body is larger than ${bodyLimit(channel)} bytes` } }));
      return;
    }
    res.writeHead(400, json).end(JSON.stringify({ ok: false, error: { message: 'The request body is not valid JSON' } }));
    return;
  }
  const result = await dispatch(handlers, channel, args);
  res.writeHead(200, json).end(JSON.stringify(result));
}
