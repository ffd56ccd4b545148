import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { dispatch } from '../../../main/services/host-dispatch';
import { FetchError } from '../../../main/services/fetch-error';
import { fetchPhoto, PHOTO_MAX_BYTES, sniffImage } from '../../../main/services/photo-fetch';
import { makePng } from '../../fixtures/png';

const PNG = makePng(12, 8);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/alice.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png', etag: '"a1"' }).end(PNG),
  '/mislabelled.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' }).end(PNG),
  '/bob.jpg': (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG),
  '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hi</body></html>'),
  '/untyped': (_req, res) => res.writeHead(200).end(PNG),
  '/vector.svg': (_req, res) => res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG),
  '/svg-as-png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(SVG),
  '/huge.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES, 1)])),
  '/to-remote-http': (_req, res) => res.writeHead(302, { location: 'http://example.org/alice.png' }).end(),
  '/to-alice': (_req, res) => res.writeHead(301, { location: '/alice.png' }).end(),
  '/missing.png': (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
};

describe('fetching speaker photos from a real server on 127.0.0.1', () => {
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

  /** The feed came from this same test server, so its (loopback) photos may be fetched. */
  const fromFeedHost = (): { feedUrl: string } => ({ feedUrl: `${base}/schedule.json` });

  const refusal = async (path: string): Promise<string> => {
    try {
      await fetchPhoto(`${base}${path}`, fromFeedHost());
    } catch (error) {
      if (error instanceof FetchError) return error.message;
      throw error;
    }
    throw new Error(`${path} was accepted`);
  };

  it('accepts a PNG and a JPEG, following a redirect, with the bytes and validators', async () => {
    const png = await fetchPhoto(`${base}/to-alice`, fromFeedHost());
    expect(png).toMatchObject({ url: `${base}/alice.png`, contentType: 'image/png', etag: '"a1"' });
    expect(Buffer.from(png.bytes).equals(PNG)).toBe(true);
    expect((await fetchPhoto(`${base}/bob.jpg`, fromFeedHost())).contentType).toBe('image/jpeg');
  });

  it('stores the type the bytes really have when the server mislabels one raster type as another', async () => {
    expect((await fetchPhoto(`${base}/mislabelled.png`, fromFeedHost())).contentType).toBe('image/png');
  });

  it('refuses what is not a raster image: HTML, no type, SVG (even labelled PNG)', async () => {
    expect(await refusal('/page.html')).toMatch(/is not a photo \(the server says "text\/html"/);
    expect(await refusal('/untyped')).toMatch(/nothing about its type/);
    expect(await refusal('/vector.svg')).toMatch(/SVG image, which is refused/);
    expect(await refusal('/svg-as-png')).toMatch(/claims to be image\/png, but its bytes are not/);
  });

  it('refuses photos over 2 MB, redirects to plain http elsewhere, and error answers', async () => {
    expect(await refusal('/huge.png')).toBe('The photo is larger than 2 MB once decompressed; it was not read');
    expect(await refusal('/to-remote-http')).toMatch(/plain http is only allowed for this machine/i);
    expect(await refusal('/missing.png')).toBe('The server answered 404 Not Found');
  });

  it('refuses non-https URLs before any request', async () => {
    await expect(fetchPhoto('http://example.org/a.png')).rejects.toThrow(/Plain http is only allowed/);
    await expect(fetchPhoto('file:///etc/passwd')).rejects.toThrow(/file: URLs cannot be fetched/);
  });

  it('answers photos:fetch through the host dispatcher as base64, or as a host error', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    const ok = await dispatch(handlers, 'photos:fetch', [{ url: `${base}/alice.png`, ...fromFeedHost() }]);
    if (!ok.ok) throw new Error(ok.error.message);
    const value = ok.value as { base64: string; contentType: string };
    expect(value.contentType).toBe('image/png');
    expect(Buffer.from(value.base64, 'base64').equals(PNG)).toBe(true);
    const refused = await dispatch(handlers, 'photos:fetch', [{ url: `${base}/vector.svg`, ...fromFeedHost() }]);
    expect(refused).toEqual({ ok: false, error: { message: `${base}/vector.svg is an SVG image, which is refused (it can contain script)` } });
    const invalid = await dispatch(handlers, 'photos:fetch', [{ url: `${base}/alice.png`, extra: 1 }]);
    expect(invalid.ok).toBe(false);
    // Without the feed's own host, a loopback photo is refused through the dispatcher too.
    const loopback = await dispatch(handlers, 'photos:fetch', [{ url: `${base}/alice.png` }]);
    expect(loopback).toMatchObject({ ok: false, error: { message: expect.stringContaining('a loopback address (this machine)') as unknown } });
  });
});

describe('sniffImage', () => {
  it('recognises each accepted format by its magic bytes and nothing else', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffImage(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImage(Buffer.from('\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf', 'latin1'))).toBe('image/avif');
    expect(sniffImage(Buffer.from('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif', 'latin1'))).toBe('image/avif');
    expect(sniffImage(Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2', 'latin1'))).toBeUndefined();
    expect(sniffImage(Buffer.from(SVG))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});
