import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/headers';

const fake = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, (request: Request) => Promise<Response>>() }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveAppRequest, setupAppProtocol } = await import('../../../main/electron/app-protocol');

const base = mkdtempSync(join(tmpdir(), 'lanyard-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lanyard</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('the app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with content types and the security headers', async () => {
    const page = await get('app://lanyard/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Lanyard</title>');
    const script = await get('app://lanyard/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers app routes with index.html but missing assets with 404', async () => {
    expect(await (await get('app://lanyard/agenda/today')).text()).toContain('<title>Lanyard</title>');
    expect((await get('app://lanyard/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const url of ['app://lanyard/..%2F..%2Fsecret.txt', 'app://lanyard/..%2fsecret.txt', 'app://lanyard/%2e%2e/secret.txt', 'app://lanyard/assets/..%2F..%2F..%2Fsecret.txt', 'app://lanyard/..%5C..%5Csecret.txt', 'app://lanyard/index.html%00.js']) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('TOP SECRET');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses other hosts and other methods', async () => {
    for (const url of ['app://evil/index.html', 'app://lanyard.evil/index.html', 'app://lanyard:8080/index.html']) {
      expect((await get(url)).status, url).toBe(403);
    }
    expect((await get('app://lanyard/index.html', 'POST')).status).toBe(405);
  });

  it('routes protocol.handle("app") to the file server', async () => {
    setupAppProtocol(root);
    const handler = fake.handlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler?.(new Request('app://lanyard/index.html')))?.status).toBe(200);
  });
});
