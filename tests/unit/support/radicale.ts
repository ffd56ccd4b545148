import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';

/** Why Radicale (Debian's `radicale`) cannot run here, or undefined when it can. */
export function radicaleMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import radicale, caldav, icalendar'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  return `${PYTHON} -c "import radicale, caldav, icalendar" failed (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()}); apt-get install radicale python3-caldav python3-icalendar (.ci/run does)`;
}

export interface Radicale {
  url: string;
  user: string;
  password: string;
  /** Stops the server (its storage stays until `remove`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and storage. */
  restart(): Promise<void>;
  remove(): Promise<void>;
}

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

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`radicale exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url, { method: 'OPTIONS' });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`radicale did not answer at ${url} within 20 s:\n${log()}`);
}

/**
 * A real Radicale on 127.0.0.1 (a free port), with its own config, storage folder and a
 * plain-text htpasswd user, as Debian's radicale 3 reads them. Each test file gets its own.
 */
export async function startRadicale(): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-radicale-'));
  const user = 'attendee';
  const password = 'conference-2026';
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | undefined;
  let output = '';
  const start = async (): Promise<void> => {
    output = '';
    const started = spawn(PYTHON, ['-m', 'radicale', '--config', join(dir, 'config')], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await waitUntilUp(url, started, () => output);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    user,
    password,
    stop,
    restart: start,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface StoredEvent {
  start: string;
  end: string;
  tzid: string | null;
  summary: string;
  status: string;
  sequence: number;
  location: string;
  url: string;
  alarms: number[];
}

/** What the calendar named `name` holds, read by python3-caldav (tests/tools/read_caldav.py). */
export function readWithPythonCaldav(server: Radicale, name: string, password = server.password): { calendar: string; events: Record<string, StoredEvent> } {
  const script = new URL('../../tools/read_caldav.py', import.meta.url).pathname;
  const run = spawnSync(PYTHON, [script, server.url, server.user, password, name], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`read_caldav.py failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as { calendar: string; events: Record<string, StoredEvent> };
}
