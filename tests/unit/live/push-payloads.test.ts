import { describe, expect, it } from 'vitest';
import { baseTopicProblem, brokerUrlProblem, channelTopics, effectiveChannel, liveClientId, routeTopic } from '../../../core/live/channel';
import { MAX_PUSH_PAYLOAD_BYTES, parsePushAnnouncement, parsePushRoom } from '../../../core/live/push-payloads';

const now = Date.UTC(2024, 1, 3, 12);

describe('announcements pushed on <base>/announcements', () => {
  it('become the model’s announcements, with the publish time when it is not in the future', () => {
    const payload = JSON.stringify({ id: 'a1', text: 'Lunch moved to 12:30', severity: 'warning', sessions: ['s1'], rooms: ['Janson'], time: '2024-02-03T11:59:00Z', extra: 'ignored' });
    expect(parsePushAnnouncement(new TextEncoder().encode(payload), now)).toEqual({
      ok: true,
      value: { id: 'a1', time: '2024-02-03T11:59:00Z', severity: 'warning', text: 'Lunch moved to 12:30', sessionIds: ['s1'], roomIds: ['Janson'] },
    });
    const future = parsePushAnnouncement(JSON.stringify({ id: 'a2', text: 'x', time: '2030-01-01T00:00:00Z' }), now);
    expect(future.ok && future.value.time).toBe('2024-02-03T12:00:00.000Z');
    const bare = parsePushAnnouncement('{"id":"a3","text":"Hello"}', now);
    expect(bare.ok && bare.value).toMatchObject({ severity: 'info', sessionIds: [], roomIds: [] });
  });

  it('refuses oversized, non-UTF-8, non-JSON and ill-formed messages with the reason', () => {
    expect(parsePushAnnouncement('x'.repeat(MAX_PUSH_PAYLOAD_BYTES + 1), now)).toEqual({ ok: false, reason: 'the message is larger than 16 KB' });
    expect(parsePushAnnouncement(new Uint8Array([0x7b, 0xff, 0x7d]), now)).toEqual({ ok: false, reason: 'the message is not UTF-8 text' });
    expect(parsePushAnnouncement('Lunch moved', now)).toEqual({ ok: false, reason: 'the message is not JSON' });
    const panic = parsePushAnnouncement('{"id":"a","text":"t","severity":"panic"}', now);
    expect(!panic.ok && panic.reason).toMatch(/^severity: /);
    expect(parsePushAnnouncement('{"id":"a","text":"   "}', now)).toEqual({ ok: false, reason: 'text: empty' });
    const noId = parsePushAnnouncement('{"text":"no id"}', now);
    expect(!noId.ok && noId.reason).toMatch(/^id: /);
  });

  it('keeps markup as text: it is never turned into HTML', () => {
    const result = parsePushAnnouncement(JSON.stringify({ id: 'x', text: '<img src=x onerror=alert(1)>' }), now);
    expect(result.ok && result.value.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('room states pushed on <base>/rooms/<room>', () => {
  it('accepts the four states and nothing else', () => {
    for (const state of ['open', 'filling', 'full', 'closed'] as const) expect(parsePushRoom(JSON.stringify({ state }))).toEqual({ ok: true, value: state });
    expect(parsePushRoom('{"state":"1"}').ok).toBe(false);
    expect(parsePushRoom('full').ok).toBe(false);
  });
});

describe('topics and brokers', () => {
  it('routes the three topics under the base and ignores the rest', () => {
    expect(channelTopics('fosdem/2026')).toEqual(['fosdem/2026/revision', 'fosdem/2026/announcements', 'fosdem/2026/rooms/+']);
    expect(routeTopic('fosdem/2026', 'fosdem/2026/revision')).toEqual({ kind: 'revision' });
    expect(routeTopic('fosdem/2026', 'fosdem/2026/announcements')).toEqual({ kind: 'announcement' });
    expect(routeTopic('fosdem/2026', 'fosdem/2026/rooms/K.1.105 (La Fontaine)')).toEqual({ kind: 'room', room: 'K.1.105 (La Fontaine)' });
    expect(routeTopic('fosdem/2026', 'fosdem/2026/rooms/a/b')).toBeUndefined();
    expect(routeTopic('fosdem/2026', 'fosdem/2026/other')).toBeUndefined();
    expect(routeTopic('fosdem/2026', 'fosdem/20266/revision')).toBeUndefined();
  });

  it('takes wss anywhere and ws only on this machine, without credentials', () => {
    expect(brokerUrlProblem('wss://mqtt.example.org/mqtt')).toBeUndefined();
    expect(brokerUrlProblem('ws://127.0.0.1:9001')).toBeUndefined();
    expect(brokerUrlProblem('ws://localhost:9001')).toBeUndefined();
    expect(brokerUrlProblem('ws://mqtt.example.org')).toMatch(/only allowed for this machine/);
    expect(brokerUrlProblem('mqtt://mqtt.example.org')).toMatch(/not an MQTT-over-WebSocket/);
    expect(brokerUrlProblem('wss://user:pw@mqtt.example.org')).toMatch(/user name or password/);
    expect(brokerUrlProblem('not a url')).toMatch(/not a complete address/);
  });

  it('refuses wildcard, system and malformed base topics', () => {
    expect(baseTopicProblem('fosdem/2026')).toBeUndefined();
    expect(baseTopicProblem('fosdem/#')).toMatch(/wildcard/);
    expect(baseTopicProblem('+/x')).toMatch(/wildcard/);
    expect(baseTopicProblem('$SYS/x')).toMatch(/broker/);
    expect(baseTopicProblem('/x')).toMatch(/start or end/);
    expect(baseTopicProblem('')).toMatch(/1 to 200/);
  });

  it('uses the feed’s channel before the link’s, skipping unusable ones', () => {
    const feed = { mqtt: 'wss://push.example.org/mqtt', topic: 'conf/2026' };
    const link = { mqtt: 'ws://127.0.0.1:9001', topic: 'conf' };
    expect(effectiveChannel(feed, link)).toEqual(feed);
    expect(effectiveChannel({ mqtt: 'ws://push.example.org', topic: 'x' }, link)).toEqual({ mqtt: 'ws://127.0.0.1:9001/', topic: 'conf' });
    expect(effectiveChannel(undefined, undefined)).toBeUndefined();
  });

  it('gives each installation and conference one stable client id', () => {
    const channel = { mqtt: 'wss://push.example.org/mqtt', topic: 'conf/2026' };
    const a = liveClientId('4f1c-99aa-bb', 'fosdem-2026', channel);
    expect(a).toBe(liveClientId('4f1c-99aa-bb', 'fosdem-2026', channel));
    expect(a).not.toBe(liveClientId('4f1c-99aa-bb', 'fosdem-2025', channel));
    expect(a).not.toBe(liveClientId('other', 'fosdem-2026', channel));
    expect(a).toMatch(/^lanyard-4f1c99aabb-[0-9a-f]{8}$/);
  });
});
