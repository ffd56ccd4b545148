import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** One misbehaviour of a feed server, played for real on 127.0.0.1. */
export interface Fault {
  name: string;
  /** Plays the fault. `good` is a complete, valid feed the fault may cut or mislabel. */
  play: (req: IncomingMessage, res: ServerResponse, good: string) => void;
}

const dripTimers = new Set<NodeJS.Timeout>();

/** Sends `text` a few bytes at a time, forever slower than any sensible timeout. */
function drip(res: ServerResponse, text: string, everyMs: number, forever: boolean): void {
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      dripTimers.delete(timer);
      return;
    }
    if (at >= text.length && !forever) {
      clearInterval(timer);
      dripTimers.delete(timer);
      res.end();
      return;
    }
    res.write(forever && at >= text.length ? ' ' : text.slice(at, at + 4));
    at += 4;
  }, everyMs);
  dripTimers.add(timer);
}

/** An endless body, as fast as the client reads it. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

/** Every fault the trust report counts, in the order the issue lists them (plus two variants). */
export const FAULTS: Fault[] = [
  { name: '500 Internal Server Error', play: (_q, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>') },
  { name: '503 with Retry-After', play: (_q, res) => res.writeHead(503, { 'retry-after': '900' }).end() },
  { name: '503 with an HTTP-date Retry-After', play: (_q, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end() },
  { name: '429 Too Many Requests', play: (_q, res) => res.writeHead(429, { 'retry-after': '600' }).end('slow down') },
  { name: '404 Not Found', play: (_q, res) => res.writeHead(404).end('no such file') },
  { name: '401 Unauthorized', play: (_q, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="feeds"' }).end() },
  { name: 'connection reset', play: (req) => req.socket.destroy() },
  { name: 'timeout (no answer at all)', play: () => undefined },
  { name: 'slow drip', play: (_q, res, good) => { res.writeHead(200, { 'content-type': 'application/json' }); drip(res, good, 200, false); } },
  { name: 'truncated body (connection dropped mid-way)', play: (req, res, good) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(good)) });
    res.write(good.slice(0, Math.floor(good.length / 2)), () => req.socket.destroy());
  } },
  { name: 'truncated body (a complete answer of half a feed)', play: (_q, res, good) => res.writeHead(200, { 'content-type': 'application/json' }).end(good.slice(0, Math.floor(good.length / 2))) },
  { name: 'gzip bomb', play: (_q, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))) },
  { name: 'redirect to http:// elsewhere', play: (_q, res) => res.writeHead(302, { location: 'http://feeds.example.org/schedule.json' }).end() },
  { name: 'redirect to file://', play: (_q, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end() },
  { name: 'wrong content type (a login page)', play: (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Sign in</title></head><body><form>Wi-Fi login</form></body></html>') },
  { name: 'empty body', play: (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end() },
  { name: '304 when nothing is cached', play: (_q, res) => res.writeHead(304).end() },
  { name: 'endless stream', play: (_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); endless(res); } },
];

/** A real HTTP server on 127.0.0.1: `/good` serves the feed, `/fault/<n>` plays FAULTS[n]. */
export class FaultServer {
  private server: Server | undefined;
  base = '';
  good = '';
  /** When set, `/good` plays this fault instead (the organizer's server breaks under a subscription). */
  failGoodWith: number | undefined;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const match = /^\/fault\/(\d+)$/.exec(req.url ?? '');
      const index = match ? Number(match[1]) : req.url === '/good' ? this.failGoodWith : undefined;
      const fault = index === undefined ? undefined : FAULTS[index];
      if (fault) fault.play(req, res, this.good);
      else if (req.url === '/good') res.writeHead(200, { 'content-type': 'application/json', etag: '"good"' }).end(this.good);
      else res.writeHead(404).end();
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  url(index: number): string {
    return `${this.base}/fault/${index}`;
  }

  async stop(): Promise<void> {
    for (const timer of dripTimers) clearInterval(timer);
    dripTimers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
