import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../main/services/host-handlers';

/** A real server on 127.0.0.1 serving one feed in UTF-16 and one in ISO-8859-1. */
const feed = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><schedule><conference><title>Größe</title></conference></schedule>`;
const bodies: Record<string, Uint8Array> = {
  '/utf16.xml': (() => {
    const text = feed('UTF-16');
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    return out;
  })(),
  '/latin1.xml': Uint8Array.from([...feed('ISO-8859-1')].map((c) => c.charCodeAt(0))),
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/xml' });
    res.end(body ? Buffer.from(body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.close();
});

describe('the host hands the app feeds decoded in their own encoding', () => {
  it.each(['/utf16.xml', '/latin1.xml'])('%s', async (path) => {
    const handlers = createHostHandlers({ mode: 'web', version: '1', platform: 'test' });
    const answer = await handlers['feeds:fetch']({ url: `${base}${path}` });
    expect(answer.kind).toBe('fetched');
    expect(answer.kind === 'fetched' ? answer.text : '').toContain('<title>Größe</title>');
  });
});
