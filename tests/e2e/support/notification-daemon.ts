import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A private D-Bus session bus with a mock notification daemon, to observe the desktop
 * notifications Chromium sends, without mocking anything in the app.
 *
 * Chromium on Linux shows web notifications through org.freedesktop.Notifications on the
 * session bus, also in headless mode, provided the server advertises the "actions" and
 * "body" capabilities (without "actions" it silently falls back to its own in-page
 * notifications and no Notify call is ever made). "body-markup" is left out on purpose, so
 * Chromium sends the body as plain text, exactly as the page gave it.
 *
 * Needs Debian's dbus-daemon (package dbus) and /usr/bin/python3 with python3-dbusmock.
 *
 *   const daemon = await startNotificationDaemon();          // throws NotificationDaemonUnavailable
 *   const browser = await browserType.launch({ ...launchOptions, env: { ...process.env, ...daemon.env } });
 *   … grant 'notifications', make the app notify …
 *   const calls = await daemon.waitForCalls(1);              // or daemon.calls()
 *   calls[0].summary; calls[0].body;                         // body = "<origin>\n\n<body text>"
 *   await daemon.stop();
 */

interface NotifyCall {
  appName: string;
  replacesId: number;
  icon: string;
  summary: string;
  body: string;
  actions: string[];
  hints: Record<string, unknown>;
  timeout: number;
}

class NotificationDaemonUnavailable extends Error {}

const PYTHON = '/usr/bin/python3';
const CAPABILITIES = 'body actions icon-static persistence';

/** Reads dbusmock's recorded calls over the bus and prints them as JSON. */
const READ_CALLS = `
import dbus, json, sys
def plain(v):
    if isinstance(v, (dbus.String, dbus.ObjectPath, dbus.Signature)): return str(v)
    if isinstance(v, dbus.Boolean): return bool(v)
    if isinstance(v, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64, dbus.UInt16, dbus.UInt32, dbus.UInt64)): return int(v)
    if isinstance(v, dbus.Double): return float(v)
    if isinstance(v, dbus.Dictionary): return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (dbus.Array, dbus.Struct, list, tuple)): return [plain(x) for x in v]
    return str(v)
obj = dbus.SessionBus().get_object('org.freedesktop.Notifications', '/org/freedesktop/Notifications')
calls = obj.GetCalls(dbus_interface='org.freedesktop.DBus.Mock')
print(json.dumps([[plain(t), str(m), plain(a)] for t, m, a in calls]))
`;

export interface NotificationDaemon {
  /** Environment for the browser: DBUS_SESSION_BUS_ADDRESS of the private bus. */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  /** Every Notify call so far, oldest first. */
  calls(): Promise<NotifyCall[]>;
  /** Waits until at least `count` Notify calls were recorded (default 10 s). */
  waitForCalls(count: number, timeoutMs?: number): Promise<NotifyCall[]>;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = once(child, 'exit').then(() => undefined);
  child.kill('SIGTERM');
  return exited;
}

function readCalls(address: string): { ok: true; calls: NotifyCall[] } | { ok: false; error: string } {
  const run = spawnSync(PYTHON, ['-c', READ_CALLS], { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }, encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0) return { ok: false, error: (run.stderr || String(run.error ?? '')).trim().split('\n').pop() ?? 'failed' };
  const raw = JSON.parse(run.stdout) as Array<[number, string, unknown[]]>;
  const calls = raw
    .filter(([, method]) => method === 'Notify')
    .map(([, , a]) => ({
      appName: a[0] as string,
      replacesId: a[1] as number,
      icon: a[2] as string,
      summary: a[3] as string,
      body: a[4] as string,
      actions: a[5] as string[],
      hints: a[6] as Record<string, unknown>,
      timeout: a[7] as number,
    }));
  return { ok: true, calls };
}

/** Why the harness cannot run here, or undefined when it can. */
export function notificationDaemonProblem(): string | undefined {
  if (spawnSync('dbus-daemon', ['--version']).status !== 0) return 'dbus-daemon is not installed (apt-get install dbus)';
  if (spawnSync(PYTHON, ['-c', 'import dbusmock, dbus']).status !== 0) return `${PYTHON} cannot import dbusmock (apt-get install python3-dbusmock)`;
  return undefined;
}

/** Starts a private session bus and dbusmock's notification_daemon template on it. */
export async function startNotificationDaemon(): Promise<NotificationDaemon> {
  const problem = notificationDaemonProblem();
  if (problem) throw new NotificationDaemonUnavailable(problem);
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new NotificationDaemonUnavailable('dbus-daemon printed no address within 5 s')), 5_000);
    bus.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    bus.once('exit', (code) => reject(new NotificationDaemonUnavailable(`dbus-daemon exited (${code})`)));
  });
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address };
  const mock = spawn(PYTHON, ['-m', 'dbusmock', '--session', '-t', 'notification_daemon', '-p', JSON.stringify({ capabilities: CAPABILITIES })], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let mockError = '';
  mock.stderr.on('data', (chunk: Buffer) => (mockError += chunk.toString()));
  const stop = async (): Promise<void> => {
    await stopProcess(mock);
    await stopProcess(bus);
  };
  // Ready once the mock answers on the bus.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (readCalls(address).ok) break;
    if (Date.now() > deadline || mock.exitCode !== null) {
      await stop();
      throw new NotificationDaemonUnavailable(`the mock notification daemon did not start: ${mockError.trim().split('\n').pop() ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const calls = (): Promise<NotifyCall[]> => {
    const answer = readCalls(address);
    return answer.ok ? Promise.resolve(answer.calls) : Promise.reject(new Error(`Could not read the recorded notifications: ${answer.error}`));
  };
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    calls,
    async waitForCalls(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const seen = await calls();
        if (seen.length >= count) return seen;
        if (Date.now() > end) throw new Error(`Expected ${count} notification(s) on D-Bus within ${timeoutMs} ms, saw ${seen.length}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop,
  };
}
