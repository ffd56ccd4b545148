import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import type { Feed } from '../../../core/model/schema';
import { storeFeed } from '../../../renderer/src/db/feeds';
import { recordedCandidates, setWatchLater } from '../../../renderer/src/db/live';
import { setStar } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { createRecordingsWatcher } from '../../../renderer/src/live/recordings-service';
import type { NotificationRequest } from '../../../renderer/src/notify';
import { fetchLive, TestServer } from '../support/live-host';
import { dropDb, openFreshDb, sampleRevision } from '../support/sample-db';

const ID = '38c3';
const GUID = '0f6f9c1e-5d0b-4c3e-9a57-2b1d8e4f7a10';
const HOUR = 3_600_000;
// "ebranch" ends 09:15Z on the sample's day.
const END = Date.parse('2023-02-03T09:15:00Z');

// An answer in the documented shape of media.ccc.de's GET /public/events/<guid>, written here.
const RELEASED = {
  guid: GUID,
  title: 'eBranch',
  slug: 'centos-2023-ebranch',
  frontend_link: 'https://media.ccc.de/v/centos-2023-ebranch',
  date: '2023-02-03T09:50:00.000+01:00',
  release_date: '2023-02-03',
  recordings: [{ size: 230, length: 1500, mime_type: 'video/mp4', language: 'eng', filename: 'ebranch-hd.mp4', state: 'new', folder: 'h264-hd', high_quality: true, width: 1920, height: 1080, recording_url: 'https://cdn.media.ccc.de/centos/ebranch-hd.mp4' }],
};

describe('recordings arriving', () => {
  const server = new TestServer();
  let db: LanyardDb;
  let notified: NotificationRequest[];
  let released: boolean;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    db = await openFreshDb('recordings');
    notified = [];
    released = false;
    server.requests.length = 0;
    server.handler = (req, res) => {
      if (req.url === `/public/events/${GUID}` && released) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(RELEASED));
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404,"error":"Not Found"}');
    };
  });
  afterEach(() => dropDb(db));

  // The feed comes from the test server's host, so the host's address guard lets media.ccc.de's stand-in on 127.0.0.1 answer.
  async function store(change: (feed: Feed) => void, now: number, feedUrl = `${server.url}/feed.json`): Promise<void> {
    const { feed, format, warnings } = importFeed(sampleRevision(change));
    const subscription = (await db.subscriptions.get(ID)) ?? { id: ID, source: 'url' as const, url: feedUrl, addedAt: 0, archived: 0 as const, failures: 0 };
    await storeFeed(db, { subscription, feed, format, warnings, diff: undefined, now });
  }

  const watcher = (clock: { now: number }) =>
    createRecordingsWatcher({
      db,
      fetchLive,
      notify: (request) => {
        notified.push(request);
        return Promise.resolve('shown');
      },
      now: () => clock.now,
      random: () => 0.5,
      mediaApi: server.url,
    });

  it('finds a CCC talk on media.ccc.de by its guid once released, says so once, and lists it under Recordings', async () => {
    await store((feed) => {
      feed.conference.id = ID;
      feed.sessions.find((s) => s.id === 'ebranch')!.guid = GUID;
    }, END - 2 * HOUR);
    await setStar(db, ID, 'ebranch', 'going', END - 2 * HOUR);
    const clock = { now: END + 2 * HOUR };
    const w = watcher(clock);
    await w.check();
    expect(server.requests.map((r) => r.path)).toEqual([`/public/events/${GUID}`]);
    expect(notified).toEqual([]);
    expect(await db.externalRecordings.get([ID, 'ebranch'])).toMatchObject({ links: [], failures: 0, checkedAt: END + 2 * HOUR });

    released = true;
    clock.now = END + 3 * HOUR;
    await w.check();
    // Not due yet: three hours between questions in the first two days.
    expect(server.requests).toHaveLength(1);
    clock.now = END + 5 * HOUR + 1;
    await w.check();
    expect(server.requests).toHaveLength(2);
    expect(notified).toEqual([
      expect.objectContaining({ title: 'Recording out · CentOS Connect at FOSDEM', body: expect.stringMatching(/^The recording of “.+” is out\.$/) as unknown, actions: [{ label: 'Watch the recording', url: 'https://media.ccc.de/v/centos-2023-ebranch' }] }),
    ]);
    await w.check();
    expect(notified).toHaveLength(1);
    const listed = await recordedCandidates(db, clock.now);
    const session = listed.flatMap((c) => c.sessions).find((s) => s.id === 'ebranch');
    expect(session?.links.filter((l) => l.kind === 'recording').map((l) => l.url)).toEqual(['https://media.ccc.de/v/centos-2023-ebranch']);
  });

  it('notices a FOSDEM-style video link added to the feed after the event, for a watch-later session', async () => {
    const fosdem = (feed: Feed): void => {
      feed.conference.id = 'fosdem-like';
    };
    await store(fosdem, END + HOUR);
    await setWatchLater(db, ID, 'ebranch', true, END + HOUR);
    const clock = { now: END + HOUR };
    const w = watcher(clock);
    await w.check();
    expect(server.requests).toHaveLength(0);
    expect(notified).toEqual([]);
    await store((feed) => {
      fosdem(feed);
      feed.sessions.find((s) => s.id === 'ebranch')!.links.push({ url: 'https://video.fosdem.org/2023/pagoda/ebranch.webm', title: 'Video recording (WebM/AV1)', kind: 'recording' });
    }, END + 20 * HOUR);
    clock.now = END + 20 * HOUR;
    await w.check();
    expect(notified.map((n) => n.body)).toEqual([expect.stringMatching(/^The recording of “.+” is out\.$/)]);
    expect(notified[0]!.sessionRef).toBe(`${ID}\nebranch`);
  });

  it('stays quiet for a recording that was already there when the session was starred', async () => {
    await store((feed) => {
      feed.conference.id = 'fosdem-like';
      feed.sessions.find((s) => s.id === 'ebranch')!.links.push({ url: 'https://video.fosdem.org/2023/pagoda/ebranch.webm', kind: 'recording' });
    }, END + 30 * HOUR);
    await setStar(db, ID, 'ebranch', 'maybe', END + 30 * HOUR);
    await watcher({ now: END + 30 * HOUR }).check();
    expect(notified).toEqual([]);
    expect(await db.liveClaims.get([ID, 'recording:ebranch'])).toMatchObject({ notified: false });
  });

  it('never asks an address on this machine when the conference\'s feed came from elsewhere (the host\'s address guard)', async () => {
    await store((feed) => {
      feed.conference.id = ID;
      feed.sessions.find((s) => s.id === 'ebranch')!.guid = GUID;
    }, END - 2 * HOUR, 'https://example.org/feed.json');
    await setStar(db, ID, 'ebranch', 'going', END - 2 * HOUR);
    released = true;
    await watcher({ now: END + 2 * HOUR }).check();
    expect(server.requests).toEqual([]);
    expect(notified).toEqual([]);
    expect(await db.externalRecordings.get([ID, 'ebranch'])).toMatchObject({ links: [], failures: 1, lastError: expect.stringMatching(/a loopback address \(this machine\); Lanyard never downloads from there by itself$/) as unknown });
  });
});
