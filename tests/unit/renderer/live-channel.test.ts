import 'fake-indexeddb/auto';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { claimNewAnnouncements } from '../../../renderer/src/db/announcements';
import { storeFeed } from '../../../renderer/src/db/feeds';
import { setStar } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { createChannelService, type ChannelDeps, type ChannelService } from '../../../renderer/src/live/channel-service';
import type { NotificationRequest } from '../../../renderer/src/notify';
import { useLive } from '../../../renderer/src/store/live';
import { hasMosquitto, MOSQUITTO_MISSING, startMosquitto, type Broker } from '../support/mosquitto';
import { dropDb, openFreshDb, sampleRevision } from '../support/sample-db';

if (!hasMosquitto) console.warn(`[skip] live channel against Mosquitto: ${MOSQUITTO_MISSING}`);

const ID = 'centos';
const TOPIC = 'centos/2023';
// 30 minutes before the sample's "ebranch" talk in the Pagoda room.
const NOW = Date.parse('2023-02-03T08:20:00Z');

describe.skipIf(!hasMosquitto)('the live channel against a real Mosquitto', () => {
  let broker: Broker;
  let db: LanyardDb;
  let services: ChannelService[] = [];
  let refreshed: string[];
  let notified: NotificationRequest[];
  let refused: string[];

  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker.stop();
  });

  beforeEach(async () => {
    useLive.getState().reset();
    db = await openFreshDb('live-channel');
    refreshed = [];
    notified = [];
    refused = [];
    const text = sampleRevision((feed) => {
      feed.conference.live = { mqtt: broker.wsUrl, topic: TOPIC };
    });
    const { feed, format, warnings } = importFeed(text);
    await storeFeed(db, { subscription: { id: ID, source: 'url', url: 'http://127.0.0.1:1/feed.json', addedAt: NOW - 86_400_000, archived: 0, failures: 0 }, feed, format, warnings, diff: undefined, now: NOW });
  });
  afterEach(async () => {
    await Promise.all(services.map((s) => s.stop()));
    services = [];
    await dropDb(db);
  });

  const start = async (installationId = `install-${Math.random().toString(36).slice(2)}`, extra: Partial<ChannelDeps> = {}): Promise<ChannelService> => {
    const service = createChannelService({
      db,
      connect: (url, options) => mqtt.connect(url, options),
      refresh: (id) => {
        refreshed.push(id);
        return Promise.resolve();
      },
      notify: (request) => {
        notified.push(request);
        return Promise.resolve('shown');
      },
      now: () => NOW,
      installationId,
      coalesceMs: 50,
      spreadMs: 0,
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      onRefused: (_id, topic, reason) => refused.push(`${topic}: ${reason}`),
      ...extra,
    });
    services.push(service);
    await service.sync();
    await expect.poll(() => useLive.getState().channels[ID]?.state, { timeout: 10_000 }).toBe('connected');
    return service;
  };

  it('fetches the feed on a revision ping, several close pings making one fetch', async () => {
    await start();
    // Subscribing takes a round trip after the connection; retained nothing yet, so ping until one arrives.
    await expect.poll(() => {
      broker.publish(`${TOPIC}/revision`, 'r2');
      return refreshed.length;
    }, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = refreshed.length;
    broker.publish(`${TOPIC}/revision`, 'r3');
    broker.publish(`${TOPIC}/revision`, '');
    await expect.poll(() => refreshed.length, { timeout: 10_000 }).toBe(before + 1);
    expect(new Set(refreshed)).toEqual(new Set([ID]));
  });

  it('spreads the fetch after a ping over a random part of two seconds', async () => {
    const delays: number[] = [];
    await start(undefined, {
      spreadMs: 2_000,
      random: () => 0.25,
      setTimer: (run, ms) => {
        delays.push(ms);
        const timer = setTimeout(run, 10);
        return () => clearTimeout(timer);
      },
    });
    await expect.poll(() => {
      broker.publish(`${TOPIC}/revision`, 'r9');
      return refreshed.length;
    }, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(delays[0]).toBe(50 + 500);
  });

  it('stores a pushed announcement, notified once like a feed announcement, and refuses bad ones', async () => {
    await start();
    const announce = JSON.stringify({ id: 'push-1', text: 'Pagoda is full, overflow in the foyer', severity: 'warning', rooms: ['Pagoda room'], time: '2023-02-03T08:19:00Z' });
    await expect.poll(async () => {
      broker.publish(`${TOPIC}/announcements`, announce);
      return (await db.announcements.get([ID, 'push-1']))?.text;
    }, { timeout: 10_000 }).toBe('Pagoda is full, overflow in the foyer');
    expect(await db.announcements.get([ID, 'push-1'])).toMatchObject({ via: 'push', severity: 'warning', roomIds: ['Pagoda room'] });
    const first = await claimNewAnnouncements(db, NOW);
    expect(first.map((a) => a.id)).toEqual(['push-1']);
    expect(await claimNewAnnouncements(db, NOW)).toEqual([]);

    broker.publish(`${TOPIC}/announcements`, 'not json');
    broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'big', text: 'x'.repeat(20_000) }));
    broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'bad', text: 'x', severity: 'panic' }));
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBe(3);
    expect(refused[0]).toBe(`${TOPIC}/announcements: the message is not JSON`);
    expect(refused[1]).toMatch(/larger than 16 KB/);
    expect(await db.announcements.where('conferenceId').equals(ID).filter((a) => a.via === 'push').count()).toBe(1);
  });

  it('shows a retained room state, and says once that the room of the next starred talk is full', async () => {
    await setStar(db, ID, 'ebranch', 'going', NOW);
    broker.publish(`${TOPIC}/rooms/Pagoda room`, JSON.stringify({ state: 'full' }), { retain: true });
    await start();
    // Retained: it arrives on subscribing, though it was published before.
    await expect.poll(() => useLive.getState().rooms[ID]?.['Pagoda room']?.state, { timeout: 10_000 }).toBe('full');
    await expect.poll(() => notified.length, { timeout: 10_000 }).toBe(1);
    expect(notified[0]).toMatchObject({ title: 'Room full · CentOS Connect at FOSDEM', sessionRef: `${ID}\nebranch` });
    expect(notified[0]!.body).toMatch(/^The room of your next talk is full: Pagoda room for “.+” at 09:50\.$/);
    broker.publish(`${TOPIC}/rooms/Pagoda room`, JSON.stringify({ state: 'open' }), { retain: true });
    await expect.poll(() => useLive.getState().rooms[ID]?.['Pagoda room']?.state, { timeout: 10_000 }).toBe('open');
    broker.publish(`${TOPIC}/rooms/Pagoda room`, JSON.stringify({ state: 'full' }), { retain: true });
    await expect.poll(() => useLive.getState().rooms[ID]?.['Pagoda room']?.state, { timeout: 10_000 }).toBe('full');
    expect(await db.liveClaims.get([ID, 'room-full:ebranch'])).toMatchObject({ notified: true });
    expect(notified).toHaveLength(1);
    // Clearing the retained message clears the room's state.
    broker.publish(`${TOPIC}/rooms/Pagoda room`, '', { retain: true });
    await expect.poll(() => useLive.getState().rooms[ID]?.['Pagoda room'], { timeout: 10_000 }).toBeUndefined();
  });

  it('receives what was published while it was away (persistent session, QoS 1)', async () => {
    const installationId = 'install-persistent';
    const first = await start(installationId);
    // The session is set up once the subscription is acknowledged: wait for a message to come through.
    await expect.poll(async () => {
      broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'before', text: 'Doors open' }));
      return db.announcements.get([ID, 'before']);
    }, { timeout: 10_000 }).toBeDefined();
    await first.stop();
    services = services.filter((s) => s !== first);
    expect(useLive.getState().channels[ID]).toBeUndefined();
    broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'while-away', text: 'Lunch moved to 12:30' }));
    await start(installationId);
    await expect.poll(async () => (await db.announcements.get([ID, 'while-away']))?.text, { timeout: 10_000 }).toBe('Lunch moved to 12:30');
  });

  it('asks the broker never to send it a packet over 64 KB (MQTT 5 maximum packet size)', async () => {
    await start();
    await expect.poll(async () => {
      broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'first', text: 'Ready' }));
      return db.announcements.get([ID, 'first']);
    }, { timeout: 10_000 }).toBeDefined();
    broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'huge', text: 'x'.repeat(100_000) }));
    broker.publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'after', text: 'Small again' }));
    // QoS 1 keeps order: had the huge one been sent, it would have been refused before this arrived.
    await expect.poll(async () => (await db.announcements.get([ID, 'after']))?.text, { timeout: 10_000 }).toBe('Small again');
    expect(refused).toEqual([]);
  });

  it('says when a connected channel drops, so polling takes over, and shows it reconnecting', async () => {
    const own = await startMosquitto();
    try {
      const disconnected: string[] = [];
      await db.conferences.update(ID, { conference: { ...(await db.conferences.get(ID))!.conference, live: { mqtt: own.wsUrl, topic: TOPIC } } });
      const service = createChannelService({
        db,
        connect: (url, options) => mqtt.connect(url, { ...options, reconnectPeriod: 200 }),
        refresh: () => Promise.resolve(),
        notify: () => Promise.resolve('shown'),
        now: () => NOW,
        installationId: 'install-drop',
        setTimer: (run, ms) => {
          const timer = setTimeout(run, ms);
          return () => clearTimeout(timer);
        },
        onDisconnected: (id) => disconnected.push(id),
      });
      services.push(service);
      await service.sync();
      await expect.poll(() => useLive.getState().channels[ID]?.state, { timeout: 10_000 }).toBe('connected');
      expect(disconnected).toEqual([]);
      await own.stop();
      await expect.poll(() => useLive.getState().channels[ID]?.state, { timeout: 10_000 }).toBe('reconnecting');
      expect(disconnected).toEqual([ID]);
    } finally {
      await own.stop();
    }
  });

  it('drops the connection when the conference is archived or its channel goes away', async () => {
    const service = await start();
    await db.subscriptions.update(ID, { archived: 1 });
    await service.sync();
    expect(useLive.getState().channels[ID]).toBeUndefined();
  });
});
