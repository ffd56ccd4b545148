import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, HTML_POLICY_NAME, SECURITY_HEADERS } from '../../../core/security/headers';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { startWebServer } from '../../../main/web/server';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined } }));
const { serveAppRequest } = await import('../../../main/electron/app-protocol');

const root = mkdtempSync(join(tmpdir(), 'lanyard-headers-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lanyard</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
let server: Server;
let port: number;

beforeAll(async () => {
  const started = await startWebServer({ root, port: 0, handlers: createHostHandlers({ mode: 'web', version: '1', platform: 'test' }) });
  server = started.server;
  port = Number(new URL(started.url).port);
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

/** The security headers of one web-mode response (node lower-cases header names). */
function webHeaders(path: string, method = 'GET', body?: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body ? { 'content-type': 'application/json', 'x-lanyard-request': '1' } : {};
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      const out: Record<string, string> = {};
      for (const name of Object.keys(SECURITY_HEADERS)) out[name] = String(res.headers[name] ?? '');
      resolve(out);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function appHeaders(url: string, method = 'GET'): Promise<Record<string, string>> {
  const response = await serveAppRequest(root, new Request(url, { method }));
  const out: Record<string, string> = {};
  for (const name of Object.keys(SECURITY_HEADERS)) out[name] = response.headers.get(name) ?? '';
  return out;
}

describe('one set of security headers for both ways the app is served', () => {
  it.each([
    ['the page', '/index.html', 'app://lanyard/index.html'],
    ['a route', '/c/fosdem/agenda', 'app://lanyard/c/fosdem/agenda'],
    ['a script', '/assets/app.js', 'app://lanyard/assets/app.js'],
  ])('%s: the app protocol and web mode send identical headers', async (_what, webPath, appUrl) => {
    const web = await webHeaders(webPath);
    expect(web).toEqual(SECURITY_HEADERS);
    expect(await appHeaders(appUrl)).toEqual(web);
  });

  it('errors and refusals carry the headers too', async () => {
    expect(await webHeaders('/index.html', 'POST')).toEqual(SECURITY_HEADERS);
    expect(await appHeaders('app://lanyard/index.html', 'POST')).toEqual(SECURITY_HEADERS);
    expect(await appHeaders('app://evil/index.html')).toEqual(SECURITY_HEADERS);
    expect(await appHeaders('app://lanyard/assets/missing.js')).toEqual(SECURITY_HEADERS);
  });

  it('web mode API answers carry the headers', async () => {
    expect(await webHeaders('/api/app:info', 'POST', '{"args":[]}')).toEqual(SECURITY_HEADERS);
  });
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('is the directive list, each named once', () => {
    expect(directives.size).toBe(CSP_DIRECTIVES.length);
  });

  it('allows no inline script, no eval and no remote code', () => {
    for (const name of ['default-src', 'script-src', 'worker-src', 'style-src']) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
    // Live channels (MQTT over WebSocket): any wss:// broker, plain ws:// only on this machine; no http(s) fetches.
    expect(directives.get('connect-src')).toEqual(["'self'", 'wss:', 'ws://127.0.0.1:*', 'ws://localhost:*']);
    const withoutLive = CSP_DIRECTIVES.filter(([name]) => name !== 'connect-src').map(([n, v]) => `${n} ${v}`).join('; ');
    expect(withoutLive).not.toMatch(/unsafe-|strict-dynamic|\*|https?:|wss?:|data:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|strict-dynamic|https?:|data:/);
    // blob: only for images: speaker photos cached in IndexedDB; nothing remote is hotlinked.
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:']);
    expect(CSP_DIRECTIVES.filter(([name]) => name !== 'img-src').some(([, value]) => value.includes('blob:'))).toBe(false);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('requires Trusted Types for every script sink, with only the app policies allowed', () => {
    expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(directives.get('trusted-types')).toEqual([HTML_POLICY_NAME, 'default']);
  });
});
