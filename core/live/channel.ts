import type { LiveChannel } from '../model/schema';

/** This machine, as the page's Content Security Policy allows it for plain ws:// (browsers ignore an IPv6 literal there). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3})$/i;

/** Why a broker address cannot be used, or undefined when it can: wss anywhere, ws only on this machine (like http feeds). */
export function brokerUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return `"${raw.slice(0, 200)}" is not a complete address (expected wss://host/path)`;
  }
  if (url.username || url.password) return 'a broker address with a user name or password is not accepted';
  if (url.protocol === 'wss:') return undefined;
  if (url.protocol === 'ws:') return LOOPBACK.test(url.hostname) ? undefined : `plain ws:// is only allowed for this machine; use wss://${url.host}${url.pathname}`;
  return `${url.protocol} is not an MQTT-over-WebSocket address (expected wss://)`;
}

/** Why a base topic cannot be used, or undefined: no wildcards, no `$` system topics, no empty levels at either end. */
export function baseTopicProblem(topic: string): string | undefined {
  if (topic.length === 0 || topic.length > 200) return 'the topic must be 1 to 200 characters long';
  if (/[+#]/.test(topic) || topic.includes(String.fromCharCode(0))) return `the topic "${topic}" contains a wildcard (+ or #), which a base topic cannot`;
  if (topic.startsWith('$')) return 'topics starting with $ belong to the broker';
  if (topic.startsWith('/') || topic.endsWith('/')) return 'the topic must not start or end with /';
  return undefined;
}

/** The live channel with its URL normalised, or the reason it is refused. */
export function checkLiveChannel(channel: LiveChannel): { ok: true; channel: LiveChannel } | { ok: false; reason: string } {
  const problem = brokerUrlProblem(channel.mqtt) ?? baseTopicProblem(channel.topic);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, channel: { mqtt: new URL(channel.mqtt.trim()).href, topic: channel.topic } };
}

/**
 * The channel a conference listens on: the one its feed declares (kept current by each
 * revision), else the one its subscription link carried. Undefined when neither is usable.
 */
export function effectiveChannel(declared: LiveChannel | undefined, fromLink: LiveChannel | undefined): LiveChannel | undefined {
  for (const candidate of [declared, fromLink]) {
    if (!candidate) continue;
    const checked = checkLiveChannel(candidate);
    if (checked.ok) return checked.channel;
  }
  return undefined;
}

/** The three subscriptions of a live channel. */
export function channelTopics(base: string): string[] {
  return [`${base}/revision`, `${base}/announcements`, `${base}/rooms/+`];
}

export type TopicRoute = { kind: 'revision' } | { kind: 'announcement' } | { kind: 'room'; room: string };

/** What a message on `topic` is about, under the base topic; undefined for anything else (ignored). */
export function routeTopic(base: string, topic: string): TopicRoute | undefined {
  if (!topic.startsWith(`${base}/`)) return undefined;
  const rest = topic.slice(base.length + 1);
  if (rest === 'revision') return { kind: 'revision' };
  if (rest === 'announcements') return { kind: 'announcement' };
  if (rest.startsWith('rooms/')) {
    const room = rest.slice('rooms/'.length);
    if (room.length > 0 && room.length <= 200 && !room.includes('/')) return { kind: 'room', room };
  }
  return undefined;
}

/** A 32-bit FNV-1a hash as 8 hex digits: short, stable ids from longer keys. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The MQTT client id for one installation and one conference's channel. It must stay the same
 * across restarts: the broker keeps a persistent session (QoS 1 messages published while the
 * app was closed) under this id and hands it back when the same id reconnects.
 */
export function liveClientId(installationId: string, conferenceId: string, channel: LiveChannel): string {
  const install = installationId.replace(/[^A-Za-z0-9]/g, '').slice(0, 16) || 'anon';
  return `lanyard-${install}-${fnv1a(`${conferenceId}\n${channel.mqtt}\n${channel.topic}`)}`;
}
