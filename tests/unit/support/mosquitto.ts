import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether Debian's mosquitto (and its clients) are installed; tests skip with a printed reason when not. */
export const hasMosquitto = spawnSync('sh', ['-c', 'command -v mosquitto && command -v mosquitto_pub'], { stdio: 'ignore' }).status === 0;
export const MOSQUITTO_MISSING = 'mosquitto and mosquitto-clients are not installed (apt-get install mosquitto mosquitto-clients; .ci/run installs them)';

/** A free TCP port on 127.0.0.1, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Broker {
  /** MQTT over WebSocket, as Lanyard connects: `ws://127.0.0.1:<port>`. */
  wsUrl: string;
  /** Plain MQTT over TCP, for mosquitto_pub. */
  tcpPort: number;
  pid: number;
  /** Publishes with Debian's mosquitto_pub (QoS 1), as an organizer's script would. */
  publish(topic: string, message: string, options?: { retain?: boolean }): void;
  stop(): Promise<void>;
}

/**
 * Starts a private Mosquitto on loopback with a temporary configuration: one WebSocket
 * listener (what the app uses) and one TCP listener (mosquitto_pub), anonymous access (the
 * listeners are only on 127.0.0.1), persistence in memory, and room for many clients.
 * Resolves once both listeners accept connections.
 */
export async function startMosquitto(options: { maxConnections?: number; fileLimit?: number; extra?: string } = {}): Promise<Broker> {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-mosquitto-'));
  const [wsPort, tcpPort] = [await freePort(), await freePort()];
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      'per_listener_settings false',
      'allow_anonymous true',
      'persistence false',
      `max_connections ${options.maxConnections ?? -1}`,
      'max_queued_messages 1000',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      `listener ${tcpPort} 127.0.0.1`,
      'protocol mqtt',
      options.extra ?? '',
      '',
    ].join('\n'),
  );
  // Thousands of clients need as many file descriptors: raise the soft limit as far as allowed, then become mosquitto (same pid).
  const fds = options.fileLimit ?? 1024;
  const child: ChildProcess = spawn('sh', ['-c', `ulimit -n ${fds} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec mosquitto -c "$0"`, config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(tcpPort, child, () => stderr);
  await waitForPort(wsPort, child, () => stderr);
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    tcpPort,
    pid: child.pid ?? 0,
    publish(topic, message, publishOptions = {}) {
      const args = ['-h', '127.0.0.1', '-p', String(tcpPort), '-q', '1', '-t', topic, '-m', message, ...(publishOptions.retain ? ['-r'] : [])];
      const result = spawnSync('mosquitto_pub', args, { encoding: 'utf8', timeout: 10_000 });
      if (result.status !== 0) throw new Error(`mosquitto_pub failed: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not listen on ${port}: ${log()}`);
}

/** The resident set size of a process in kB, from /proc/<pid>/status. */
export function rssKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
