import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostArgs } from '../../../core/host/contract';
import type { ResolveAll } from '../../../main/services/address-guard';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { fetchLiveDocument } from '../../../main/services/live-fetch';

const ROOMS = JSON.stringify([{ roomname: 'K.1.105 (La Fontaine)', state: '1' }]);

describe('live documents (room status, c3voc streams, media.ccc.de) go through the address guard', () => {
  let server: Server;
  let port: number;
  let requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/to-localhost') res.writeHead(302, { location: `http://localhost:${port}/rooms.json` }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(ROOMS);
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
      if (error instanceof Error) return error.message;
      throw error;
    }
    throw new Error('the live document was fetched');
  };

  const request = (path: string, extra: Partial<HostArgs<'live:fetch'>[0]> = {}): HostArgs<'live:fetch'>[0] => ({ url: `http://127.0.0.1:${port}${path}`, kind: 'room-status', ...extra });

  it('refuses a room status on this machine unless the conference\'s feed came from that same host, before any request', async () => {
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json')))).toBe(
      'The room status is on 127.0.0.1, a loopback address (this machine); Lanyard never downloads from there by itself',
    );
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json', { feedUrl: 'https://fosdem.org/2026/schedule/xml' })))).toMatch(/^The room status is on 127\.0\.0\.1, a loopback/);
    expect(await refusal(() => fetchLiveDocument({ url: `http://[::1]:${port}/v2.json`, kind: 'streams' }))).toMatch(/^The streams list is on ::1, a loopback address/);
    expect(requests).toEqual([]);
    const answer = await fetchLiveDocument(request('/rooms.json', { feedUrl: `http://127.0.0.1:${port}/schedule.xml` }));
    expect(answer).toMatchObject({ kind: 'fetched', text: ROOMS });
    expect(requests).toEqual(['/rooms.json']);
  });

  it('checks every address a name resolves to, and lets the feed\'s own host through unchecked', async () => {
    const { resolve } = resolver({ localhost: ['203.0.113.7', '10.1.2.3'] });
    expect(await refusal(() => fetchLiveDocument({ url: `http://localhost:${port}/public/events/x`, kind: 'recording' }, { resolve }))).toBe(
      'The recordings answer is on localhost (10.1.2.3), a private address; Lanyard never downloads from there by itself',
    );
    expect(requests).toEqual([]);
    const own = resolver({ localhost: ['127.0.0.1'] });
    const answer = await fetchLiveDocument(request('/rooms.json', { url: `http://localhost:${port}/rooms.json`, feedUrl: `http://localhost:${port}/fosdem.xml` }), { resolve: own.resolve });
    expect(answer.kind).toBe('fetched');
    expect(own.asked).toEqual([]);
    expect(requests).toEqual(['/rooms.json']);
  });

  it('never looks a name up twice (no DNS rebinding), and checks every redirect again', async () => {
    let calls = 0;
    const rebinding = resolver({ localhost: () => (++calls === 1 ? ['203.0.113.9'] : ['127.0.0.1']) });
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json', { url: `http://localhost:${port}/rooms.json` }), { resolve: rebinding.resolve, timeoutMs: 1_500 }))).toMatch(/^localhost:\d+ /);
    expect(rebinding.asked).toEqual(['localhost']);
    expect(requests).toEqual([]);
    const { resolve } = resolver({ localhost: ['127.0.0.1'] });
    expect(await refusal(() => fetchLiveDocument(request('/to-localhost', { feedUrl: `http://127.0.0.1:${port}/schedule.xml` }), { resolve }))).toMatch(
      /^The room status is on localhost \(127\.0\.0\.1\), a loopback address/,
    );
    expect(requests).toEqual(['/to-localhost']);
  });

  it('answers live:fetch through the host dispatcher with the same rule (the contract carries the feed URL)', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    expect(await dispatch(handlers, 'live:fetch', [request('/rooms.json')])).toMatchObject({ ok: false, error: { message: expect.stringMatching(/a loopback address \(this machine\)/) as unknown } });
    expect(requests).toEqual([]);
    expect(await dispatch(handlers, 'live:fetch', [request('/rooms.json', { feedUrl: `http://127.0.0.1:${port}/schedule.xml` })])).toMatchObject({ ok: true, value: { kind: 'fetched', text: ROOMS } });
    expect(requests).toEqual(['/rooms.json']);
  });
});
