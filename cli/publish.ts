import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { baseTopicProblem } from '../core/live/channel';
import { PushAnnouncementSchema, PushRoomSchema } from '../core/live/push-payloads';

export interface PublishOptions {
  broker: string | undefined;
  revision: boolean;
  announce: string | undefined;
  severity: string | undefined;
  sessions: string[];
  rooms: string[];
  state: string | undefined;
  id: string | undefined;
  username: string | undefined;
  /** From LANYARD_MQTT_PASSWORD: a password on the command line would show in the process list. */
  password: string | undefined;
  timeoutMs?: number;
}

export interface Message {
  topic: string;
  payload: string;
  retain: boolean;
}

/**
 * The one message `publish` sends, checked against the same contract the app enforces
 * (core/live/push-payloads.ts), so an organizer learns about a bad payload here, not from
 * attendees whose apps silently refused it.
 */
export function messageFor(base: string, options: PublishOptions, now: Date): Message {
  const problem = baseTopicProblem(base);
  if (problem) throw new Error(`the base topic is not usable: ${problem}`);
  const kinds = [options.revision, options.announce !== undefined, options.state !== undefined].filter(Boolean).length;
  if (kinds !== 1) throw new Error('publish needs exactly one of --revision, --announce "…" or --room "<name>" --state <state>');
  if (options.revision) return { topic: `${base}/revision`, payload: now.toISOString(), retain: false };
  if (options.announce !== undefined) {
    const parsed = PushAnnouncementSchema.safeParse({
      id: options.id ?? randomUUID(),
      text: options.announce,
      severity: options.severity ?? 'info',
      sessions: options.sessions,
      rooms: options.rooms,
      time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`the announcement is not valid: ${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'rejected'}`);
    }
    return { topic: `${base}/announcements`, payload: JSON.stringify(parsed.data), retain: false };
  }
  if (options.rooms.length !== 1) throw new Error('--state needs exactly one --room "<name>"');
  const room = options.rooms[0]!;
  if (room.length === 0 || room.length > 200 || /[/+#]/.test(room)) throw new Error(`"${room}" cannot be a room topic (1–200 characters, no / + #)`);
  const parsed = PushRoomSchema.safeParse({ state: options.state });
  if (!parsed.success) throw new Error(`--state must be open, filling, full or closed, not "${options.state}"`);
  // Retained: an app that connects later still learns the room's state.
  return { topic: `${base}/rooms/${room}`, payload: JSON.stringify(parsed.data), retain: true };
}

/** Publishes one live-channel message with QoS 1 and waits for the broker's acknowledgement. */
export async function publish(base: string, options: PublishOptions, now = new Date()): Promise<Message> {
  const message = messageFor(base, options, now);
  if (!options.broker) throw new Error('publish needs --broker <url> (mqtt://, mqtts://, ws:// or wss://)');
  const protocol = new URL(options.broker).protocol;
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(protocol)) throw new Error(`--broker ${options.broker}: use mqtt://, mqtts://, ws:// or wss://`);
  const client = mqtt.connect(options.broker, {
    clientId: `lanyard-feed-${randomUUID().slice(0, 8)}`,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: options.timeoutMs ?? 10_000,
    ...(options.username ? { username: options.username } : {}),
    ...(options.password ? { password: options.password } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', (error) => reject(new Error(`the broker refused: ${error.message}`)));
      client.once('close', () => reject(new Error(`could not connect to ${options.broker}`)));
    });
    await client.publishAsync(message.topic, message.payload, { qos: 1, retain: message.retain });
    return message;
  } finally {
    await client.endAsync().catch(() => undefined);
  }
}
