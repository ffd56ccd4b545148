import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import type { Feed } from '../../../core/model/schema';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { readCandidate } from '../../../renderer/src/sync/subscribe';

/**
 * A feed with relative attachments and no base URL, in ISO-8859-1, served on 127.0.0.1:
 * `lanyard-feed convert` and the app's subscribe path (host fetch → readCandidate) must
 * read the same links (resolved against the address) and the same text.
 */
const latin1 = (text: string) => Buffer.from(Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
const FEED = `<?xml version="1.0" encoding="ISO-8859-1"?>
<schedule><conference><title>Größe</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2024-03-01"><room name="A"><event id="1" guid="g1"><date>2024-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>A</room>
<title>Über</title><attachments><attachment href="/system/slides.pdf">Slides</attachment></attachments><links><link>www.example.org</link></links></event></room></day></schedule>`;

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(latin1(FEED));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/conf/schedule.xml`;
});
afterAll(() => {
  server.close();
});

describe('lanyard-feed and the app read a fetched feed alike', () => {
  it('relative links resolve against the address, and the declared encoding is honoured', async () => {
    const out: string[] = [];
    expect(await run(['convert', url, '--to', 'lanyard'], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
    const fromCli = JSON.parse(out.join('\n')) as Feed;

    const answer = await createHostHandlers({ mode: 'web', version: '1', platform: 'test' })['feeds:fetch']({ url });
    if (answer.kind !== 'fetched') throw new Error('not fetched');
    const fromApp = readCandidate(answer.text, { source: 'url', url }).result.feed;

    const origin = new URL(url).origin;
    expect(fromCli.sessions[0]!.links.map((l) => l.url)).toEqual([`https://www.example.org/`, `${origin}/system/slides.pdf`]);
    expect(fromApp.sessions).toEqual(fromCli.sessions);
    expect([fromApp.conference.title, fromApp.sessions[0]!.title]).toEqual(['Größe', 'Über']);
  });
});
