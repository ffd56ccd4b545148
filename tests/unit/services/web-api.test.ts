import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { startWebServer } from '../../../main/web/server';

let server: Server;
let port: number;
const root = mkdtempSync(join(tmpdir(), 'lanyard-web-'));

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lanyard</title>');
  const started = await startWebServer({ root, port: 0, handlers: createHostHandlers({ mode: 'web', version: '9.9.9', platform: 'test' }) });
  server = started.server;
  port = Number(new URL(started.url).port);
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request, so that Host and Origin can be forged as a hostile page or DNS rebinding would. */
function post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const good = (): Record<string, string> => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-lanyard-request': '1' });

describe('web mode server', () => {
  it('listens on the loopback address only, never on every interface', () => {
    const address = server.address();
    expect(typeof address === 'object' && address ? address.address : address).toBe('127.0.0.1');
  });
});

describe('web mode API', () => {
  it('answers the app itself', async () => {
    const { status, json } = await post('/api/app:info', '{"args":[]}', { ...good(), origin: `http://127.0.0.1:${port}` });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: { mode: 'web', version: '9.9.9', platform: 'test' } });
  });

  it.each([
    ['another Host (DNS rebinding)', { host: `evil.example:${port}` }],
    ['another Origin (a web page the user visits)', { origin: 'https://evil.example' }],
    ['no custom header (a simple cross-site form post)', { 'x-lanyard-request': '' }],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('refuses %s', async (_name, override) => {
    const { status, json } = await post('/api/app:info', '{"args":[]}', { ...good(), ...override });
    expect(status).toBe(403);
    expect(json).toMatchObject({ ok: false });
  });

  it('validates arguments against the contract before any handler runs', async () => {
    const bad = await post('/api/feeds:fetch', '{"args":[{"url":"https://x.example","extra":1}]}', good());
    expect(bad.json).toMatchObject({ ok: false, error: { message: expect.stringContaining('Invalid arguments for feeds:fetch') as unknown } });
    const unknown = await post('/api/fs:read', '{"args":["/etc/passwd"]}', good());
    expect(unknown.json).toMatchObject({ ok: false, error: { message: 'Unknown host call "fs:read"' } });
    const notJson = await post('/api/app:info', '{', good());
    expect(notJson.status).toBe(400);
  });

  it('passes fetch failures back in words a person understands', async () => {
    const { json } = await post('/api/feeds:fetch', '{"args":[{"url":"http://fosdem.org/schedule/xml"}]}', good());
    expect(json).toEqual({ ok: false, error: { message: 'Plain http is only allowed for this machine; use https://fosdem.org/schedule/xml' } });
  });
});

/**
 * Streams a body of up to `maxBytes` in 64 KB chunks, honouring back-pressure, until the
 * server answers or closes the connection. Returns the status (0 when closed without one)
 * and how much was sent: nothing this big is ever allocated at once.
 */
function streamUntilClosed(path: string, maxBytes: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const done = (status: number): void => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ status, sent });
    };
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...good(), 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done(0));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!settled && sent < maxBytes) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe('web mode API body limit', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'app:info', 'no:such-call'])('holds on /api/%s: a streamed body is cut off with 413, never read to the end', async (channel) => {
    const { status, sent } = await streamUntilClosed(`/api/${channel}`, 600 * 1024 * 1024);
    expect([413, 0]).toContain(status);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    const after = await post('/api/app:info', '{"args":[]}', good());
    expect(after.status).toBe(200);
  });

  it.each(['/', '/index.html', '/assets/x.js'])('never reads a large body sent to the page path %s', async (path) => {
    const { status, sent } = await streamUntilClosed(path, 600 * 1024 * 1024);
    expect([405, 413, 0]).toContain(status);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers 413 in words when a declared body is too large', async () => {
    const { status, json } = await post('/api/constructor', JSON.stringify({ args: ['x'.repeat(70 * 1024)] }), good());
    expect(status).toBe(413);
    expect(json).toMatchObject({ ok: false, error: { message: 'The request body is larger than 65536 bytes' } });
  });

  it('still lets the backup copy through, up to its own larger limit', async () => {
    const { status } = await post('/api/personal:write-mirror', JSON.stringify({ args: ['y'.repeat(100 * 1024)] }), good());
    expect(status).toBe(200);
  });
});
