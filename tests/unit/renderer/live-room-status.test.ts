import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import type { Feed } from '../../../core/model/schema';
import { storeFeed } from '../../../renderer/src/db/feeds';
import { setStar } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { createRoomStatusService } from '../../../renderer/src/live/room-status-service';
import type { NotificationRequest } from '../../../renderer/src/notify';
import { useLive } from '../../../renderer/src/store/live';
import { fetchLive, TestServer } from '../support/live-host';
import { dropDb, openFreshDb, sampleRevision } from '../support/sample-db';

const ID = 'conf';
// 30 minutes before the sample's "ebranch" talk in the Pagoda room (the conference is on).
const NOW = Date.parse('2023-02-03T08:20:00Z');

describe('the room-status poller, through the host fetcher, against a server on 127.0.0.1', () => {
  const server = new TestServer();
  let db: LanyardDb;
  let notified: NotificationRequest[];
  let body: string;
  let status: number;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    useLive.getState().reset();
    db = await openFreshDb('room-status');
    notified = [];
    server.requests.length = 0;
    status = 200;
    body = JSON.stringify([{ roomname: 'Pagoda room', state: '0' }, { roomname: 'Elsewhere', state: '1' }]);
    server.handler = (req, res) => {
      if (req.url === '/rooms.json') {
        const etag = `"${body.length}-${body.charCodeAt(body.length - 5)}"`;
        if (status === 200 && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        return void res.writeHead(status, { 'content-type': 'application/json', etag }).end(status === 200 ? body : 'down');
      }
      if (req.url === '/streams/v2.json') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ slug: '38c3', groups: [{ group: 'Rooms', rooms: [{ slug: 'pagoda', schedulename: 'Pagoda room', link: 'https://streaming.media.ccc.de/38c3/pagoda', streams: [] }] }] }]));
      }
      res.writeHead(404).end();
    };
  });
  afterEach(() => dropDb(db));

  // The feed comes from the test server's host, so the host's address guard lets its room status on 127.0.0.1 through.
  async function store(change: (feed: Feed) => void, feedUrl = `${server.url}/feed.json`): Promise<void> {
    const { feed, format, warnings } = importFeed(sampleRevision(change));
    await storeFeed(db, { subscription: { id: ID, source: 'url', url: feedUrl, addedAt: 0, archived: 0, failures: 0 }, feed, format, warnings, diff: undefined, now: NOW });
  }

  function service(clock: { now: number }) {
    return createRoomStatusService({
      db,
      fetchLive,
      notify: (request) => {
        notified.push(request);
        return Promise.resolve('shown');
      },
      now: () => clock.now,
      random: () => 0.5,
      setTimer: () => () => undefined,
      c3vocUrl: `${server.url}/streams/v2.json`,
    });
  }

  it('reads the declared room status while the conference is on, then asks conditionally every 60–90 s', async () => {
    await store((feed) => {
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    });
    const clock = { now: NOW };
    const poller = service(clock);
    await poller.tick();
    expect(useLive.getState().rooms[ID]).toEqual({ 'Pagoda room': { state: 'open', at: NOW, source: 'poll' }, Elsewhere: { state: 'full', at: NOW, source: 'poll' } });
    expect(useLive.getState().roomPolls[ID]).toEqual({ failures: 0, lastSuccessAt: NOW });
    clock.now = NOW + 60_000;
    await poller.tick();
    expect(server.requests).toHaveLength(1);
    clock.now = NOW + 76_000;
    await poller.tick();
    // 304: nothing downloaded, and what is known is as fresh as now.
    expect(server.requests.map((r) => r.ifNoneMatch)).toEqual([undefined, expect.stringMatching(/^"/)]);
    expect(useLive.getState().rooms[ID]?.['Pagoda room']).toEqual({ state: 'open', at: NOW + 76_000, source: 'poll' });
  });

  it('backs off from 30 s after a failure, keeps what it knew, and says why', async () => {
    await store((feed) => {
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    });
    const clock = { now: NOW };
    const poller = service(clock);
    await poller.tick();
    status = 503;
    clock.now = NOW + 75_000;
    await poller.tick();
    expect(useLive.getState().roomPolls[ID]).toMatchObject({ failures: 1, lastSuccessAt: NOW, lastError: expect.stringMatching(/503/) as unknown });
    expect(useLive.getState().rooms[ID]?.['Pagoda room']?.at).toBe(NOW);
    clock.now = NOW + 75_000 + 29_000;
    await poller.tick();
    expect(server.requests).toHaveLength(2);
    clock.now = NOW + 75_000 + 30_000;
    await poller.tick();
    expect(server.requests).toHaveLength(3);
  });

  it('does not poll before or after the conference', async () => {
    await store((feed) => {
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    });
    await service({ now: Date.parse('2023-02-03T05:00:00Z') }).tick();
    await service({ now: Date.parse('2023-02-04T05:00:00Z') }).tick();
    expect(server.requests).toHaveLength(0);
  });

  it('tells once that the room of the next starred talk is full', async () => {
    await store((feed) => {
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    });
    await setStar(db, ID, 'ebranch', 'going', NOW);
    body = JSON.stringify([{ roomname: 'Pagoda room', state: '1' }]);
    const clock = { now: NOW };
    const poller = service(clock);
    await poller.tick();
    clock.now = NOW + 90_000;
    await poller.tick();
    expect(notified.map((n) => n.title)).toEqual(['Room full · CentOS Connect at FOSDEM']);
    expect(await db.notices.toArray()).toEqual([expect.objectContaining({ kind: 'room', outcome: 'shown' })]);
  });

  it('tells when a talk is starred in a room already known to be full, without asking the server again', async () => {
    await store((feed) => {
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    });
    body = JSON.stringify([{ roomname: 'Pagoda room', state: '1' }]);
    const clock = { now: NOW };
    const poller = service(clock);
    await poller.tick();
    expect(notified).toEqual([]);
    await setStar(db, ID, 'ebranch', 'going', NOW + 10_000);
    clock.now = NOW + 10_000;
    await poller.tick();
    expect(server.requests).toHaveLength(1);
    expect(notified.map((n) => n.sessionRef)).toEqual([`${ID}\nebranch`]);
  });

  it("reads c3voc's streams list for a CCC conference", async () => {
    await store((feed) => {
      feed.conference.id = '38c3';
    });
    await service({ now: NOW }).tick();
    expect(useLive.getState().c3voc[ID]).toEqual({ 'pagoda room': 'https://streaming.media.ccc.de/38c3/pagoda' });
  });

  it('never polls a room status or streams list on this machine for a conference whose feed came from elsewhere', async () => {
    await store((feed) => {
      feed.conference.id = '38c3';
      feed.conference.roomStatus = { url: `${server.url}/rooms.json`, format: 'fosdem' };
    }, 'https://fosdem.example.org/schedule.json');
    await service({ now: NOW }).tick();
    expect(server.requests).toEqual([]);
    expect(useLive.getState().roomPolls[ID]).toMatchObject({ failures: 1, lastError: expect.stringMatching(/^The room status is on 127\.0\.0\.1, a loopback address/) as unknown });
    expect(useLive.getState().c3voc[ID]).toBeUndefined();
  });
});
