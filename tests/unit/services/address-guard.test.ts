import { describe, expect, it } from 'vitest';
import { forbiddenAddress } from '../../../main/services/address-guard';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { FetchError } from '../../../main/services/fetch-error';
import { fetchPhoto } from '../../../main/services/photo-fetch';
import { makePng } from '../../fixtures/png';
import { refusalOf, tableResolver, useGuardServer } from '../support/guard-server';

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
  const server = useGuardServer(PNG, 'image/png', '/alice.png');
  const { requests } = server;
  const refusal = (run: () => Promise<unknown>): Promise<string> => refusalOf(run, (error): error is FetchError => error instanceof FetchError, 'photo');

  it('refuses a loopback IP literal unless the feed came from that same host, before any request', async () => {
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${server.port()}/alice.png`))).toBe(
      'The photo is on 127.0.0.1, a loopback address (this machine); Lanyard never downloads from there by itself',
    );
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${server.port()}/alice.png`, { feedUrl: 'https://fosdem.org/2026/schedule/xml' }))).toMatch(/loopback/);
    expect(await refusal(() => fetchPhoto(`http://[::1]:${server.port()}/alice.png`))).toMatch(/on ::1, a loopback address/);
    expect(requests).toEqual([]);
    const photo = await fetchPhoto(`http://127.0.0.1:${server.port()}/alice.png`, { feedUrl: `http://127.0.0.1:${server.port()}/schedule.json` });
    expect(photo.contentType).toBe('image/png');
    expect(requests).toEqual(['/alice.png']);
  });

  it('checks every address a name resolves to, not just the first', async () => {
    const { resolve } = tableResolver({ localhost: ['203.0.113.7', '10.1.2.3'] });
    expect(await refusal(() => fetchPhoto(`http://localhost:${server.port()}/alice.png`, { resolve }))).toBe(
      'The photo is on localhost (10.1.2.3), a private address; Lanyard never downloads from there by itself',
    );
    const loopback = tableResolver({ localhost: ['127.0.0.1'] });
    expect(await refusal(() => fetchPhoto(`http://localhost:${server.port()}/alice.png`, { resolve: loopback.resolve }))).toMatch(/localhost \(127\.0\.0\.1\), a loopback address/);
    expect(requests).toEqual([]);
  });

  it('lets photos on the feed\'s own host through unchecked, wherever that host is', async () => {
    const { resolve, asked } = tableResolver({ localhost: ['127.0.0.1'] });
    const photo = await fetchPhoto(`http://localhost:${server.port()}/alice.png`, { feedUrl: `http://localhost:${server.port()}/schedule.json`, resolve });
    expect(photo.contentType).toBe('image/png');
    // Not even looked up through the guard: the subscriber chose that host.
    expect(asked).toEqual([]);
    expect(requests).toEqual(['/alice.png']);
  });

  it('never looks the name up a second time (no DNS rebinding): a public answer is used, a later loopback one never', async () => {
    let calls = 0;
    // TEST-NET-3: passes the check, and nothing answers there.
    const { resolve, asked } = tableResolver({ localhost: () => (++calls === 1 ? ['203.0.113.9'] : ['127.0.0.1']) });
    const message = await refusal(() => fetchPhoto(`http://localhost:${server.port()}/alice.png`, { resolve, timeoutMs: 1_500 }));
    expect(message).toMatch(/^localhost:\d+ /);
    expect(asked).toEqual(['localhost']);
    expect(requests).toEqual([]);
  });

  it('checks every redirect again', async () => {
    const { resolve } = tableResolver({ localhost: ['127.0.0.1'] });
    // The feed (and the first photo URL) are on 127.0.0.1; the redirect goes to another name for this machine.
    expect(await refusal(() => fetchPhoto(`http://127.0.0.1:${server.port()}/to-localhost`, { feedUrl: `http://127.0.0.1:${server.port()}/schedule.json`, resolve }))).toMatch(
      /localhost \(127\.0\.0\.1\), a loopback address/,
    );
    expect(requests).toEqual(['/to-localhost']);
  });

  it('never lets a feed redirect its polls to another host in the local network (its own host may be anywhere)', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    const answer = await dispatch(handlers, 'feeds:fetch', [{ url: `http://127.0.0.1:${server.port()}/to-localhost` }]);
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The feed is on localhost \((127\.0\.0\.1|::1)\), a loopback address \(this machine\)/) as unknown } });
    expect(requests).toEqual(['/to-localhost']);
  });
});
