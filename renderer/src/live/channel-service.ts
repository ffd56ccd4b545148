import type { IClientOptions, MqttClient } from 'mqtt';
import { channelTopics, effectiveChannel, liveClientId, routeTopic } from '../../../core/live/channel';
import { parsePushAnnouncement, parsePushRoom } from '../../../core/live/push-payloads';
import type { LiveChannel } from '../../../core/model/schema';
import { storePushedAnnouncement } from '../db/live-claims';
import type { LanyardDb } from '../db/schema';
import { roomStatusesOf, useLive } from '../store/live';
import { checkRoomFull } from './room-full';
import type { Notify } from './tell';

/** How long the broker keeps an app's session (and queues QoS 1 messages for it) while it is closed. */
const SESSION_EXPIRY_S = 3 * 24 * 3600;
const MAX_PACKET_BYTES = 64 * 1024;

type Connect = (url: string, options: IClientOptions) => MqttClient;

export interface ChannelDeps {
  db: LanyardDb;
  /** mqtt.js's `connect` (the browser build over WebSocket in the app, the Node build in tests). */
  connect: Connect;
  /** Fetches the conference's feed now, exactly as a poll would (conditional request). */
  refresh: (conferenceId: string) => Promise<unknown>;
  notify: Notify;
  now: () => number;
  /** Stable per installation: with the conference it makes the MQTT client id of the persistent session. */
  installationId: string;
  /** Revision pings closer together than this make one fetch. */
  coalesceMs?: number;
  /**
   * Each app waits a random part of this before fetching after a ping, so thousands of
   * attendees spread their requests over a couple of seconds instead of one instant.
   */
  spreadMs?: number;
  random?: () => number;
  /** Calls `run` after `ms`; returns a function that cancels it. */
  setTimer: (run: () => void, ms: number) => () => void;
  /** The channel was connected and is not any more: polling should take over at its normal pace. */
  onDisconnected?: (conferenceId: string) => void;
  /** Called with every message that was refused, and why (tests, diagnostics). */
  onRefused?: (conferenceId: string, topic: string, reason: string) => void;
}

export interface ChannelService {
  /** Connects, reconnects or drops channels to match what the stored conferences declare now. */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

interface Open {
  key: string;
  channel: LiveChannel;
  client: MqttClient;
  cancelPing?: (() => void) | undefined;
}

/**
 * Holds one MQTT connection per conference that names a live channel (in its feed, or in the
 * link it was subscribed with): QoS 1 with a persistent session (`clean: false`) under a
 * client id stable per installation and conference, so what was published while Lanyard was
 * closed arrives when it reconnects. `<base>/revision` fetches the feed now (several pings
 * close together make one fetch); `<base>/announcements` is stored beside the feed's
 * announcements and notified once like them; `<base>/rooms/<room>` is a room status. Every
 * payload is size-capped and schema-checked; nothing is rendered as HTML. The connection
 * state is in the live store for the conference header, and polling slows while connected.
 */
export function createChannelService(deps: ChannelDeps): ChannelService {
  const open = new Map<string, Open>();
  let stopped = false;
  const setState = (id: string, channel: LiveChannel, state: 'connecting' | 'connected' | 'reconnecting' | 'refused', detail?: string): void =>
    useLive.getState().setChannel(id, { state, detail, since: deps.now(), broker: channel.mqtt, topic: channel.topic });

  const onRevision = (id: string, entry: Open): void => {
    if (entry.cancelPing) return;
    entry.cancelPing = deps.setTimer(() => {
      entry.cancelPing = undefined;
      void deps.refresh(id);
    }, (deps.coalesceMs ?? 500) + Math.round((deps.spreadMs ?? 2_000) * (deps.random ?? Math.random)()));
  };

  const onMessage = (id: string, entry: Open, topic: string, payload: Uint8Array): void => {
    const route = routeTopic(entry.channel.topic, topic);
    if (!route) return;
    if (route.kind === 'revision') return onRevision(id, entry);
    const now = deps.now();
    if (route.kind === 'announcement') {
      const parsed = parsePushAnnouncement(payload, now);
      if (!parsed.ok) return deps.onRefused?.(id, topic, parsed.reason);
      void storePushedAnnouncement(deps.db, id, parsed.value);
      return;
    }
    // A retained message cleared by the organizer arrives empty: the room's pushed state is gone.
    if (payload.byteLength === 0) return useLive.getState().clearRoomStatus(id, route.room);
    const parsed = parsePushRoom(payload);
    if (!parsed.ok) return deps.onRefused?.(id, topic, parsed.reason);
    useLive.getState().setRoomStatuses(id, [[route.room, { state: parsed.value, at: now, source: 'push' }]]);
    void checkRoomFull(deps.db, deps.notify, id, roomStatusesOf(id), now);
  };

  const connect = (id: string, channel: LiveChannel): Open => {
    const client = deps.connect(channel.mqtt, {
      clientId: liveClientId(deps.installationId, id, channel),
      clean: false,
      // MQTT 5: the broker keeps the session for three days after the app disconnects, and never
      // sends this client a packet over 64 KB (payloads are capped at 16 KB anyway).
      protocolVersion: 5,
      properties: { sessionExpiryInterval: SESSION_EXPIRY_S, maximumPacketSize: MAX_PACKET_BYTES },
      keepalive: 60,
      reconnectPeriod: 5_000,
      connectTimeout: 15_000,
      // Subscribing again on every connection also brings the retained room states back.
      resubscribe: false,
    });
    const entry: Open = { key: `${channel.mqtt}\n${channel.topic}`, channel, client };
    // Events of a connection being closed (replaced, archived, stopped) change nothing any more.
    const current = (): boolean => open.get(id) === entry && !stopped;
    const state = (next: 'connecting' | 'connected' | 'reconnecting' | 'refused', detail?: string): void => {
      if (!current()) return;
      const wasConnected = useLive.getState().channels[id]?.state === 'connected';
      setState(id, channel, next, detail);
      if (wasConnected && next !== 'connected') deps.onDisconnected?.(id);
    };
    client.on('connect', () => {
      state('connected');
      client.subscribe(channelTopics(channel.topic), { qos: 1 }, (error) => {
        if (error) state('refused', error.message);
      });
    });
    client.on('message', (topic, payload) => {
      if (current()) onMessage(id, entry, topic, payload);
    });
    client.on('reconnect', () => state('reconnecting', useLive.getState().channels[id]?.detail));
    client.on('close', () => state('reconnecting', useLive.getState().channels[id]?.detail));
    client.on('error', (error) => state('reconnecting', error.message));
    return entry;
  };

  const close = async (id: string, entry: Open): Promise<void> => {
    entry.cancelPing?.();
    open.delete(id);
    useLive.getState().setChannel(id, undefined);
    await entry.client.endAsync(true).catch(() => undefined);
  };

  return {
    async sync() {
      if (stopped) return;
      const [subs, records] = await Promise.all([deps.db.subscriptions.toArray(), deps.db.conferences.toArray()]);
      const declared = new Map(records.map((r) => [r.id, r.conference.live]));
      const wanted = new Map<string, LiveChannel>();
      for (const sub of subs) {
        if (sub.archived) continue;
        const channel = effectiveChannel(declared.get(sub.id), sub.live);
        if (channel) wanted.set(sub.id, channel);
      }
      for (const [id, entry] of [...open]) {
        const channel = wanted.get(id);
        if (!channel || `${channel.mqtt}\n${channel.topic}` !== entry.key) await close(id, entry);
      }
      for (const [id, channel] of wanted) {
        if (open.has(id) || stopped) continue;
        const entry = connect(id, channel);
        open.set(id, entry);
        setState(id, channel, 'connecting');
      }
    },
    async stop() {
      stopped = true;
      await Promise.all([...open].map(([id, entry]) => close(id, entry)));
    },
  };
}
