/**
 * One process of simulated attendees for the push benchmark (tests/bench/push.ts): connects
 * `count` mqtt.js clients over WebSocket to the broker, subscribes each to the announcements
 * topic with QoS 1, says "ready", then records for every message how long it took from the
 * publisher's timestamp to arrival, and reports all of them when told to finish.
 * Protocol: JSON lines on stdout; "finish" on stdin.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { createInterface } from 'node:readline';

const [url = '', topic = '', countText = '0', offsetText = '0'] = process.argv.slice(2);
const count = Number(countText);
const offset = Number(offsetText);
const clients: MqttClient[] = [];
const latencies: number[] = [];
const say = (message: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(message)}\n`);

// Without per-message compression: Mosquitto does not negotiate it, and offering it made the
// simulated clients (not the broker) twice as slow on a loaded machine.
async function connectOne(n: number): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId: `bench-${offset + n}`, clean: true, reconnectPeriod: 0, connectTimeout: 60_000, keepalive: 300, wsOptions: { perMessageDeflate: false } });
  client.on('message', (_topic, payload) => {
    const arrived = Date.now();
    const sentAt = (JSON.parse(payload.toString()) as { sentAt?: number }).sentAt;
    if (typeof sentAt === 'number') latencies.push(arrived - sentAt);
  });
  await client.subscribeAsync(topic, { qos: 1 });
  clients.push(client);
}

async function main(): Promise<void> {
  const started = Date.now();
  // A few connections at a time: a burst of thousands of handshakes is not what attendees do.
  for (let n = 0; n < count; n += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - n) }, (_, k) => connectOne(n + k)));
  }
  say({ ready: clients.length, connectMs: Date.now() - started });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'finish') continue;
    say({ latencies });
    await Promise.all(clients.map((c) => c.endAsync(true)));
    process.exit(0);
  }
}

main().catch((error: unknown) => {
  say({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
