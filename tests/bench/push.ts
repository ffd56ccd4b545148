/**
 * `npm run bench`, push part: how fast an organizer's announcement reaches attendees on the
 * live channel. Starts Mosquitto on loopback (WebSocket listener, as the app connects), connects
 * 2,000 simulated subscribers (mqtt.js, QoS 1) from a few Node processes, publishes 20
 * announcements half a second apart (an organizer sends a few an hour; spacing keeps each measurement about one announcement, not a backlog), and reports delivery latency p50/p95/p99 over
 * every (message, subscriber) pair and the broker's memory (VmRSS from /proc/<pid>/status).
 * Target: p95 under 1 s, nothing lost. Exits 1 when missed. BENCH_PUSH_CLIENTS changes the count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import mqtt from 'mqtt';
import { hasMosquitto, MOSQUITTO_MISSING, rssKb, startMosquitto } from '../unit/support/mosquitto';

const CLIENTS = Number(process.env.BENCH_PUSH_CLIENTS ?? 2000);
const PROCESSES = Number(process.env.BENCH_PUSH_PROCESSES ?? Math.max(1, Math.min(4, Math.ceil(CLIENTS / 500))));
const MESSAGES = 20;
const TOPIC = 'bench/2026/announcements';
const TARGET_P95_MS = 1000;

interface Worker {
  child: ChildProcess;
  next: () => Promise<Record<string, unknown>>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const PROBES = 4;

/** A mosquitto_sub that prints each message with its arrival time (`%U`: Unix time, nanoseconds). */
function startProbe(tcpPort: number): { child: ChildProcess; latencies: number[] } {
  const child = spawn('mosquitto_sub', ['-h', '127.0.0.1', '-p', String(tcpPort), '-q', '1', '-t', TOPIC, '-F', '%U %p'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const latencies: number[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [arrived, ...rest] = line.split(' ');
    const sentAt = (JSON.parse(rest.join(' ')) as { sentAt?: number }).sentAt;
    if (typeof sentAt === 'number') latencies.push(Math.round(Number(arrived) * 1000 - sentAt));
  });
  return { child, latencies };
}

function startWorker(url: string, count: number, offset: number): Worker {
  // Each process holds `count` sockets: raise its descriptor limit like the broker's.
  const script = join(import.meta.dirname, 'push-subscribers.ts');
  const child = spawn('sh', ['-c', 'ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" --import tsx "$@"', process.execPath, script, url, TOPIC, String(count), String(offset)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: AsyncIterator<string> = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    next: async () => {
      const line = await lines.next();
      if (line.done) throw new Error('a subscriber process ended early');
      const message = JSON.parse(line.value) as Record<string, unknown>;
      if (typeof message.error === 'string') throw new Error(`a subscriber process failed: ${message.error}`);
      return message;
    },
  };
}

async function main(): Promise<number> {
  if (!hasMosquitto) {
    console.error(`push bench: ${MOSQUITTO_MISSING}`);
    return 2;
  }
  const broker = await startMosquitto({ maxConnections: CLIENTS + 100, fileLimit: CLIENTS + 1024 });
  const workers: Worker[] = [];
  try {
    const rssIdle = rssKb(broker.pid);
    const per = Math.ceil(CLIENTS / PROCESSES);
    for (let i = 0; i < PROCESSES; i += 1) workers.push(startWorker(broker.wsUrl, Math.min(per, CLIENTS - i * per), i * per));
    const ready = await Promise.all(workers.map((w) => w.next()));
    const connected = ready.reduce((sum, r) => sum + Number(r.ready), 0);
    const connectMs = Math.max(...ready.map((r) => Number(r.connectMs)));
    const rssConnected = rssKb(broker.pid);
    // A few native probes (Debian's mosquitto_sub, C) beside the simulated attendees: their
    // latency is the broker's own fan-out, without the JavaScript clients' share of the CPU.
    const probes = Array.from({ length: PROBES }, () => startProbe(broker.tcpPort));
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const publisher = await mqtt.connectAsync(broker.wsUrl, { clientId: 'bench-organizer', clean: true });
    for (let n = 0; n < MESSAGES; n += 1) {
      const payload = JSON.stringify({ id: `bench-${n}`, text: `Announcement ${n + 1} of ${MESSAGES}: the Janson room is full`, severity: 'info', sentAt: Date.now() });
      await publisher.publishAsync(TOPIC, payload, { qos: 1 });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Let the last ones arrive (QoS 1 is delivered or retried; a missed one shows in the count).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssAfter = rssKb(broker.pid);
    await publisher.endAsync();
    for (const probe of probes) probe.child.kill('SIGTERM');
    const probeLatencies = probes.flatMap((p) => p.latencies).sort((a, b) => a - b);
    for (const w of workers) w.child.stdin!.write('finish\n');
    const reports = await Promise.all(workers.map((w) => w.next()));
    const latencies = reports.flatMap((r) => r.latencies as number[]).sort((a, b) => a - b);
    const expected = connected * MESSAGES;
    const p95 = percentile(latencies, 95);
    const summary = {
      machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg().map((l) => Number(l.toFixed(2))) },
      broker: 'mosquitto (Debian), WebSocket listener on 127.0.0.1',
      subscribers: { wanted: CLIENTS, connected, processes: PROCESSES, connectAllMs: connectMs },
      messages: MESSAGES,
      deliveries: { expected, received: latencies.length, missed: expected - latencies.length },
      latencyMs: { p50: percentile(latencies, 50), p95, p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN },
      nativeProbes: { probes: PROBES, received: probeLatencies.length, latencyMs: { p50: percentile(probeLatencies, 50), p95: percentile(probeLatencies, 95), max: probeLatencies.at(-1) ?? NaN } },
      brokerRssMiB: { idle: mb(rssIdle), connected: mb(rssConnected), afterPublishing: mb(rssAfter) },
      targets: {
        p95UnderOneSecond: { limit: TARGET_P95_MS, actual: p95, ok: p95 < TARGET_P95_MS },
        allDelivered: { limit: expected, actual: latencies.length, ok: connected === CLIENTS && latencies.length === expected },
      },
    };
    console.log(JSON.stringify({ push: summary }, null, 2));
    return summary.targets.p95UnderOneSecond.ok && summary.targets.allDelivered.ok ? 0 : 1;
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
    await broker.stop();
  }
}

function mb(kb: number | undefined): number | null {
  return kb === undefined ? null : Number((kb / 1024).toFixed(1));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`push bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
