import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeedUrl, fetchFeed } from '../../../main/services/feed-fetch';
import { FetchError } from '../../../main/services/fetch-error';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/ok': (_req, res) => res.writeHead(200, { etag: '"v1"' }).end('hello'),
  '/503': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
  '/500': (_req, res) => res.writeHead(500).end('boom'),
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/to-remote-http': (_req, res) => res.writeHead(302, { location: 'http://example.org/feed.xml' }).end(),
  '/hop': (_req, res) => res.writeHead(301, { location: '/ok' }).end(),
  '/304': (_req, res) => res.writeHead(304).end(),
  '/big': (_req, res) => res.writeHead(200).end(Buffer.alloc(2048, 97)),
  '/bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5 * 1024 * 1024, 0))),
  '/hang': () => undefined,
  '/reset': (req) => req.socket.destroy(),
};

describe('fetchFeed against a real server on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => (routes[req.url ?? ''] ?? ((_q, r: ServerResponse) => r.writeHead(404).end()))(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const failure = async (path: string, options = {}): Promise<FetchError> => {
    try {
      await fetchFeed(`${base}${path}`, options);
    } catch (error) {
      if (error instanceof FetchError) return error;
      throw error;
    }
    throw new Error('expected a failure');
  };

  it('fetches and follows a bounded number of redirects', async () => {
    const outcome = await fetchFeed(`${base}/hop`);
    expect(outcome).toMatchObject({ kind: 'fetched', etag: '"v1"', url: `${base}/ok` });
    expect((await failure('/loop')).message).toMatch(/Too many redirects/);
  });

  it('explains server errors and keeps Retry-After', async () => {
    const error = await failure('/503');
    expect(error.message).toBe('The server answered 503 Service Unavailable');
    expect(error.retryAfterSeconds).toBe(120);
    expect((await failure('/500')).status).toBe(500);
  });

  it('refuses redirects to file: and to plain http elsewhere', async () => {
    expect((await failure('/to-file')).message).toMatch(/redirected to a file: address, which is refused \(file: URLs cannot be fetched/);
    expect((await failure('/to-remote-http')).message).toMatch(/redirected to plain http at example\.org, which is refused \(plain http is only allowed for this machine/);
  });

  it('caps the body, counting after decompression', async () => {
    expect((await failure('/big', { maxBytes: 1024 })).message).toMatch(/larger than/);
    expect((await failure('/bomb', { maxBytes: 1024 * 1024 })).message).toMatch(/once decompressed/);
  });

  it('times out, and reports dropped connections in plain words', async () => {
    expect((await failure('/hang', { timeoutMs: 300 })).message).toMatch(/did not answer within/);
    expect((await failure('/reset')).message).toMatch(/closed the connection|could not be reached/);
  });

  it('treats 304 without a stored copy as an error', async () => {
    expect((await failure('/304')).message).toMatch(/no stored copy/);
    expect(await fetchFeed(`${base}/304`, { etag: '"v1"' })).toMatchObject({ kind: 'not-modified' });
  });

  it('allows only https, and http to this machine', () => {
    expect(checkFeedUrl('https://fosdem.org/2026/schedule/xml').href).toBe('https://fosdem.org/2026/schedule/xml');
    expect(checkFeedUrl('http://localhost:8080/feed.json').protocol).toBe('http:');
    expect(() => checkFeedUrl('http://fosdem.org/x')).toThrow(/Plain http/);
    expect(() => checkFeedUrl('ftp://x/y')).toThrow(/cannot be fetched/);
    expect(() => checkFeedUrl('https://user:pw@x.org/')).toThrow(/user name or password/);
    expect(() => checkFeedUrl('not a url')).toThrow(/not a valid URL/);
  });
});
