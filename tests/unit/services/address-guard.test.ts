import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forbiddenAddress, type ResolveAll } from '../../../main/services/address-guard';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { FetchError } from '../../../main/services/feed-fetch';
import { fetchPhoto } from '../../../main/services/photo-fetch';
import { makePng } from '../../fixtures/png';

const PNG = makePng(4, 4);

describe('addresses automatic downloads never reach', () => {
  it.each([
    ['127.0.0.1', 'a loopback address (this machine)'],
    ['127.8.9.10', 'a loopback address (this machine)'],
    ['::1', 'a loopback address (this machine)'],
    ['10.0.0.1', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['fd12:3456::1', 'a private (unique local) address'],
    ['fc00::1', 'a private (unique local) address'],
    ['169.254.169.254', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['::ffff:127.0.0.1', 'a loopback address (this machine)'],
    ['::ffff:7f00:1', 'a loopback address (this machine)'],
    ['::ffff:8.8.8.8', 'an IPv4-mapped address'],
    ['64:ff9b::a00:1', 'a NAT64 address'],
  ])('refuses %s (%s)', (address, label) => {
    expect(forbiddenAddress(address)).toBe(label);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '203.0.113.7', '2001:4860:4860::8888', '2a00:1450::1'])('allows the public address %s', (address) => {
    expect(forbiddenAddress(address)).toBeUndefined();
  });
});

describe('speaker photos against real servers on 127.0.0.1', () => {
  let server: Server;
  let port: number;
  let requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/to-localhost') res.writeHead(302, { location: `http://localhost:${port}/alice.png` }).end();
      else res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    requests = [];
  });

  /** A resolver that answers from a table and counts what it was asked. */
  function resolver(answers: Record<string, string[] | (() => string[])>): { resolve: ResolveAll; asked: string[] } {
    const asked: string[] = [];
    const resolve: ResolveAll = (hostname) => {
      asked.push(hostname);
      const entry = answers[hostname];
      const list = typeof entry === 'function' ? entry() : entry;
      if (!list) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      return Promise.resolve(list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
    };
    return { resolve, asked };
  }

  const refusal = async (run: () => Promise<unknown>): Promise<string> => {
    try {
      await run();
    } catch (error) {
      if (error instanceof FetchError) return error.message;
      throw error;
    }
    throw new Error('the photo was fetched');
  };

  it('refuses a loopback IP literal unless the feed came from that same host, before any request', async () => {
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${port}/alice.png`))).toBe(
      'The photo is on 127.0.0.1, a loopback address (this machine); Lanyard never downloads from there by itself',
    );
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${port}/alice.png`, { feedUrl: 'https://fosdem.org/2026/schedule/xml' }))).toMatch(/loopback/);
    expect(await refusal(() => fetchPhoto(`http://[::1]:${port}/alice.png`))).toMatch(/on ::1, a loopback address/);
    expect(requests).toEqual([]);
    const photo = await fetchPhoto(`http://127.0.0.1:${port}/alice.png`, { feedUrl: `http://127.0.0.1:${port}/schedule.json` });
    expect(photo.contentType).toBe('image/png');
    expect(requests).toEqual(['/alice.png']);
  });

  it('checks every address a name resolves to, not just the first', async () => {
    const { resolve } = resolver({ localhost: ['203.0.113.7', '10.1.2.3'] });
    expect(await refusal(() => fetchPhoto(`http://localhost:${port}/alice.png`, { resolve }))).toBe(
      'The photo is on localhost (10.1.2.3), a private address; Lanyard never downloads from there by itself',
    );
    const loopback = resolver({ localhost: ['127.0.0.1'] });
    expect(await refusal(() => fetchPhoto(`http://localhost:${port}/alice.png`, { resolve: loopback.resolve }))).toMatch(/localhost \(127\.0\.0\.1\), a loopback address/);
    expect(requests).toEqual([]);
  });

  it('lets photos on the feed\'s own host through unchecked, wherever that host is', async () => {
    const { resolve, asked } = resolver({ localhost: ['127.0.0.1'] });
    const photo = await fetchPhoto(`http://localhost:${port}/alice.png`, { feedUrl: `http://localhost:${port}/schedule.json`, resolve });
    expect(photo.contentType).toBe('image/png');
    // Not even looked up through the guard: the subscriber chose that host.
    expect(asked).toEqual([]);
    expect(requests).toEqual(['/alice.png']);
  });

  it('never looks the name up a second time (no DNS rebinding): a public answer is used, a later loopback one never', async () => {
    let calls = 0;
    // TEST-NET-3: passes the check, and nothing answers there.
    const { resolve, asked } = resolver({ localhost: () => (++calls === 1 ? ['203.0.113.9'] : ['127.0.0.1']) });
    const message = await refusal(() => fetchPhoto(`http://localhost:${port}/alice.png`, { resolve, timeoutMs: 1_500 }));
    expect(message).toMatch(/^localhost:\d+ /);
    expect(asked).toEqual(['localhost']);
    expect(requests).toEqual([]);
  });

  it('checks every redirect again', async () => {
    const { resolve } = resolver({ localhost: ['127.0.0.1'] });
    // The feed (and the first photo URL) are on 127.0.0.1; the redirect goes to another name for this machine.
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${port}/to-localhost`, { feedUrl: `http://127.0.0.1:${port}/schedule.json`, resolve }))).toMatch(
      /localhost \(127\.0\.0\.1\), a loopback address/,
    );
    expect(requests).toEqual(['/to-localhost']);
  });

  it('never lets a feed redirect its polls to another host in the local network (its own host may be anywhere)', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    const answer = await dispatch(handlers, 'feeds:fetch', [{ url: `http://127.0.0.1:${port}/to-localhost` }]);
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The feed is on localhost \((127\.0\.0\.1|::1)\), a loopback address \(this machine\)/) as unknown } });
    expect(requests).toEqual(['/to-localhost']);
  });
});
