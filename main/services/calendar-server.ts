import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server serves: the agenda as iCalendar, with the validators calendar apps poll with. */
export interface ServedCalendar {
  body: string;
  etag: string;
  /** When the content last changed, epoch ms. */
  lastModified: number;
}

export interface CalendarServerOptions {
  /** 0 lets the system choose a free port. */
  port: number;
  /** The secret path segment; read on every request, so a reset link takes effect at once. */
  token: () => string;
  /** The agenda to serve, or undefined while none was published yet. */
  calendar: () => ServedCalendar | undefined;
}

export interface CalendarServer {
  port: number;
  close(): Promise<void>;
}

export const CALENDAR_FILE = 'agenda.ics';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares the token in a URL with ours in constant time (both hashed first, so lengths never leak). */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

function handle(options: CalendarServerOptions, port: () => number, req: IncomingMessage, res: ServerResponse): void {
  // Only this machine's own names: a web page that rebinds a DNS name to 127.0.0.1 gets nothing.
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) return notFound(res);
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = /^\/([A-Za-z0-9_-]{1,200})\/agenda\.ics$/.exec(path);
  if (!match?.[1] || !tokenMatches(match[1], options.token())) return notFound(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, allow: 'GET, HEAD' }).end();
    return;
  }
  const calendar = options.calendar();
  if (!calendar) {
    // Nothing published since the app started and nothing saved: a calendar app keeps what it has.
    res.writeHead(503, { ...HEADERS, 'retry-after': '60', 'content-type': 'text/plain; charset=utf-8' }).end('Lanyard has not published the agenda yet\n');
    return;
  }
  const headers = {
    ...HEADERS,
    'content-type': 'text/calendar; charset=utf-8',
    etag: calendar.etag,
    'last-modified': new Date(calendar.lastModified).toUTCString(),
    'content-disposition': `inline; filename="${CALENDAR_FILE}"`,
  };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const isFresh = inm !== undefined ? inm.split(',').some((t) => t.trim() === calendar.etag) : ims !== undefined && Date.parse(ims) >= Math.floor(calendar.lastModified / 1000) * 1000;
  if (isFresh) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = Buffer.from(calendar.body, 'utf8');
  res.writeHead(200, { ...headers, 'content-length': String(body.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The agenda as a calendar subscription for desktop calendar apps, on 127.0.0.1 only:
 * `http://127.0.0.1:<port>/<token>/agenda.ics` (or `webcal://…`). Any other path, a wrong
 * token or a foreign Host header gets 404, so other programs and web pages cannot read it.
 */
export function startCalendarServer(options: CalendarServerOptions): Promise<CalendarServer> {
  let bound = options.port;
  const server: Server = createServer((req, res) => handle(options, () => bound, req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      bound = (server.address() as AddressInfo).port;
      // The app's own lifetime decides when to stop; the calendar never keeps a process alive.
      server.unref();
      resolve({
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
