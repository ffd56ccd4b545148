import { spawnSync } from 'node:child_process';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { messageFor, type PublishOptions } from '../../../cli/publish';
import { hasMosquitto, MOSQUITTO_MISSING, startMosquitto, type Broker } from '../support/mosquitto';

const NONE: PublishOptions = { broker: undefined, revision: false, announce: undefined, severity: undefined, sessions: [], rooms: [], state: undefined, id: undefined, username: undefined, password: undefined };
const NOW = new Date('2026-01-31T10:15:00.123Z');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lanyard-feed publish: the messages', () => {
  it('builds each kind of message on its topic, in the contract the app reads', () => {
    expect(messageFor('fosdem/2026', { ...NONE, revision: true }, NOW)).toEqual({ topic: 'fosdem/2026/revision', payload: '2026-01-31T10:15:00.123Z', retain: false });
    const announcement = messageFor('fosdem/2026', { ...NONE, announce: 'Lunch moved to 12:30', severity: 'warning', sessions: ['s1'], rooms: ['Janson'], id: 'a1' }, NOW);
    expect(announcement.topic).toBe('fosdem/2026/announcements');
    expect(JSON.parse(announcement.payload)).toEqual({ id: 'a1', text: 'Lunch moved to 12:30', severity: 'warning', sessions: ['s1'], rooms: ['Janson'], time: '2026-01-31T10:15:00Z' });
    expect(messageFor('fosdem/2026', { ...NONE, rooms: ['K.1.105 (La Fontaine)'], state: 'full' }, NOW)).toEqual({ topic: 'fosdem/2026/rooms/K.1.105 (La Fontaine)', payload: '{"state":"full"}', retain: true });
  });

  it('refuses what the app would refuse, saying what is wrong', () => {
    expect(() => messageFor('fosdem/#', { ...NONE, revision: true }, NOW)).toThrow(/wildcard/);
    expect(() => messageFor('f', NONE, NOW)).toThrow(/exactly one of --revision/);
    expect(() => messageFor('f', { ...NONE, revision: true, announce: 'x' }, NOW)).toThrow(/exactly one of --revision/);
    expect(() => messageFor('f', { ...NONE, announce: 'x', severity: 'panic' }, NOW)).toThrow(/announcement is not valid: severity/);
    expect(() => messageFor('f', { ...NONE, announce: 'x'.repeat(2001) }, NOW)).toThrow(/announcement is not valid: text/);
    expect(() => messageFor('f', { ...NONE, rooms: ['Janson'], state: 'crowded' }, NOW)).toThrow('--state must be open, filling, full or closed, not "crowded"');
    expect(() => messageFor('f', { ...NONE, state: 'full' }, NOW)).toThrow(/exactly one --room/);
    expect(() => messageFor('f', { ...NONE, rooms: ['a/b'], state: 'full' }, NOW)).toThrow(/cannot be a room topic/);
  });
});

if (!hasMosquitto) console.warn(`[skip] lanyard-feed publish against Mosquitto: ${MOSQUITTO_MISSING}`);

describe.skipIf(!hasMosquitto)('lanyard-feed publish against a real Mosquitto', () => {
  let broker: Broker;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(() => broker.stop());

  async function listen(topic: string): Promise<{ messages: Array<{ topic: string; payload: string; retain: boolean }>; close: () => Promise<void> }> {
    const client = await mqtt.connectAsync(broker.wsUrl, { clientId: `listener-${Math.random().toString(36).slice(2)}` });
    const messages: Array<{ topic: string; payload: string; retain: boolean }> = [];
    client.on('message', (t, payload, packet) => messages.push({ topic: t, payload: payload.toString(), retain: packet.retain }));
    await client.subscribeAsync(topic, { qos: 1 });
    return { messages, close: () => client.endAsync() };
  }

  it('publishes an announcement over WebSocket and a revision over TCP, and says what it sent', async () => {
    const listener = await listen('testcon/#');
    const announced = await cli(['publish', 'testcon', '--broker', broker.wsUrl, '--announce', 'Room K.1.105 is full', '--severity', 'urgent', '--session', 'kmods', '--id', 'k-full']);
    expect(announced).toMatchObject({ code: 0, err: '' });
    expect(announced.out).toMatch(/^published to testcon\/announcements: \{"id":"k-full","text":"Room K\.1\.105 is full","severity":"urgent","sessions":\["kmods"\],"rooms":\[\],"time":"[0-9T:-]+Z"\}$/);
    expect(await cli(['publish', 'testcon', '--broker', `mqtt://127.0.0.1:${broker.tcpPort}`, '--revision'])).toMatchObject({ code: 0 });
    await expect.poll(() => listener.messages.map((m) => m.topic)).toEqual(['testcon/announcements', 'testcon/revision']);
    await listener.close();
  });

  it('retains a room state, so a subscriber that comes later learns it', async () => {
    const done = await cli(['publish', 'testcon', '--broker', broker.wsUrl, '--room', 'Janson', '--state', 'full']);
    expect(done.out).toBe('published to testcon/rooms/Janson (retained): {"state":"full"}');
    const later = await listen('testcon/rooms/+');
    await expect.poll(() => later.messages).toEqual([{ topic: 'testcon/rooms/Janson', payload: '{"state":"full"}', retain: true }]);
    await later.close();
  });

  it('fails in one line when the broker cannot be reached or is not named', async () => {
    expect(await cli(['publish', 'testcon', '--revision'])).toEqual({ code: 1, out: '', err: 'error: publish needs --broker <url> (mqtt://, mqtts://, ws:// or wss://)' });
    const refused = await cli(['publish', 'testcon', '--broker', 'mqtt://127.0.0.1:1', '--revision']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: (the broker refused: .*ECONNREFUSED.*|could not connect to mqtt:\/\/127\.0\.0\.1:1)$/);
  });

  it('works from the built command, as organizers run it', () => {
    const result = spawnSync(process.execPath, ['bin/lanyard-feed.mjs', 'publish', 'testcon', '--broker', broker.wsUrl, '--revision'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^published to testcon\/revision: \d{4}-/);
    expect(result.status).toBe(0);
  });
});
