import { describe, expect, it } from 'vitest';
import type { HostArgs } from '../../../core/host/contract';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { fetchLiveDocument } from '../../../main/services/live-fetch';
import { refusalOf, tableResolver, useGuardServer } from '../support/guard-server';

const ROOMS = JSON.stringify([{ roomname: 'K.1.105 (La Fontaine)', state: '1' }]);

describe('live documents (room status, c3voc streams, media.ccc.de) go through the address guard', () => {
  const server = useGuardServer(ROOMS, 'application/json', '/rooms.json');
  const { requests } = server;
  const refusal = (run: () => Promise<unknown>): Promise<string> => refusalOf(run, (error): error is Error => error instanceof Error, 'live document');

  const request = (path: string, extra: Partial<HostArgs<'live:fetch'>[0]> = {}): HostArgs<'live:fetch'>[0] => ({ url: `http://127.0.0.1:${server.port()}${path}`, kind: 'room-status', ...extra });

  it('refuses a room status on this machine unless the conference\'s feed came from that same host, before any request', async () => {
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json')))).toBe(
      'The room status is on 127.0.0.1, a loopback address (this machine); Lanyard never downloads from there by itself',
    );
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json', { feedUrl: 'https://fosdem.org/2026/schedule/xml' })))).toMatch(/^The room status is on 127\.0\.0\.1, a loopback/);
    expect(await refusal(() => fetchLiveDocument({ url: `http://[::1]:${server.port()}/v2.json`, kind: 'streams' }))).toMatch(/^The streams list is on ::1, a loopback address/);
    expect(requests).toEqual([]);
    const answer = await fetchLiveDocument(request('/rooms.json', { feedUrl: `http://127.0.0.1:${server.port()}/schedule.xml` }));
    expect(answer).toMatchObject({ kind: 'fetched', text: ROOMS });
    expect(requests).toEqual(['/rooms.json']);
  });

  it('checks every address a name resolves to, and lets the feed\'s own host through unchecked', async () => {
    const { resolve } = tableResolver({ localhost: ['203.0.113.7', '10.1.2.3'] });
    expect(await refusal(() => fetchLiveDocument({ url: `http://localhost:${server.port()}/public/events/x`, kind: 'recording' }, { resolve }))).toBe(
      'The recordings answer is on localhost (10.1.2.3), a private address; Lanyard never downloads from there by itself',
    );
    expect(requests).toEqual([]);
    const own = tableResolver({ localhost: ['127.0.0.1'] });
    const answer = await fetchLiveDocument(request('/rooms.json', { url: `http://localhost:${server.port()}/rooms.json`, feedUrl: `http://localhost:${server.port()}/fosdem.xml` }), { resolve: own.resolve });
    expect(answer.kind).toBe('fetched');
    expect(own.asked).toEqual([]);
    expect(requests).toEqual(['/rooms.json']);
  });

  it('never looks a name up twice (no DNS rebinding), and checks every redirect again', async () => {
    let calls = 0;
    const rebinding = tableResolver({ localhost: () => (++calls === 1 ? ['203.0.113.9'] : ['127.0.0.1']) });
    expect(await refusal(() => fetchLiveDocument(request('/rooms.json', { url: `http://localhost:${server.port()}/rooms.json` }), { resolve: rebinding.resolve, timeoutMs: 1_500 }))).toMatch(/^localhost:\d+ /);
    expect(rebinding.asked).toEqual(['localhost']);
    expect(requests).toEqual([]);
    const { resolve } = tableResolver({ localhost: ['127.0.0.1'] });
    expect(await refusal(() => fetchLiveDocument(request('/to-localhost', { feedUrl: `http://127.0.0.1:${server.port()}/schedule.xml` }), { resolve }))).toMatch(
      /^The room status is on localhost \(127\.0\.0\.1\), a loopback address/,
    );
    expect(requests).toEqual(['/to-localhost']);
  });

  it('answers live:fetch through the host dispatcher with the same rule (the contract carries the feed URL)', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    expect(await dispatch(handlers, 'live:fetch', [request('/rooms.json')])).toMatchObject({ ok: false, error: { message: expect.stringMatching(/a loopback address \(this machine\)/) as unknown } });
    expect(requests).toEqual([]);
    expect(await dispatch(handlers, 'live:fetch', [request('/rooms.json', { feedUrl: `http://127.0.0.1:${server.port()}/schedule.xml` })])).toMatchObject({ ok: true, value: { kind: 'fetched', text: ROOMS } });
    expect(requests).toEqual(['/rooms.json']);
  });
});
