import { parseArgs } from 'node:util';
import { isFeedError } from '../core/errors';
import { announce } from './announce';
import { publish } from './publish';
import { convert, diff, inspect, serve, validate, type Io } from './commands';

const USAGE = `lanyard-feed: check, convert and serve conference schedule feeds

Usage:
  lanyard-feed inspect <file|url> [--json]      format, conference, counts and warnings
  lanyard-feed validate <file|url> [--strict]   exit 0 only when the feed is importable
  lanyard-feed convert <file|url> --to lanyard|ical
  lanyard-feed diff <old> <new> [--json]        per-session changes between two revisions
  lanyard-feed serve <dir> [--port N]           serve feeds on 127.0.0.1 with ETag/304
  lanyard-feed announce <feed.lanyard.json> --text "…" [--severity info|warning|urgent]
                      [--session id]… [--room id]… [--id id]
                                                append an announcement and bump the revision
  lanyard-feed publish <base topic> --broker <url> --revision
  lanyard-feed publish <base topic> --broker <url> --announce "…" [--severity …] [--session id]… [--room name]… [--id id]
  lanyard-feed publish <base topic> --broker <url> --room "<name>" --state open|filling|full|closed
                                                push on the live channel (MQTT, QoS 1; room states retained);
                                                --username u, password from LANYARD_MQTT_PASSWORD

Options:
  --time-zone <IANA zone>   the conference's zone, overriding the feed's (e.g. Europe/Brussels)
  --with <file|url>         a companion document (Sessionize speakers for GridSmart)
  --help                    this text
`;

export function oneLine(error: unknown): string {
  if (isFeedError(error)) return `error: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message.split('\n')[0]}`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        to: { type: 'string' },
        port: { type: 'string', default: '8080' },
        'time-zone': { type: 'string' },
        with: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        text: { type: 'string' },
        severity: { type: 'string' },
        session: { type: 'string', multiple: true },
        room: { type: 'string', multiple: true },
        id: { type: 'string' },
        broker: { type: 'string' },
        revision: { type: 'boolean', default: false },
        announce: { type: 'string' },
        state: { type: 'string' },
        username: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(oneLine(error));
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const options = { timeZone: values['time-zone'], companions: values.with };
  const need = (n: number): void => {
    if (args.length !== n) throw new Error(`${command} takes ${n} argument${n === 1 ? '' : 's'}; see lanyard-feed --help`);
  };
  try {
    switch (command) {
      case 'inspect':
        need(1);
        return await inspect(args[0]!, values.json, options, io);
      case 'validate':
        need(1);
        return await validate(args[0]!, values.strict, options, io);
      case 'convert':
        need(1);
        return await convert(args[0]!, values.to, options, io);
      case 'diff':
        need(2);
        return await diff(args[0]!, args[1]!, values.json, options, io);
      case 'serve': {
        need(1);
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number`);
        return await serve(args[0]!, port, io);
      }
      case 'announce': {
        need(1);
        const done = await announce(args[0]!, { text: values.text, severity: values.severity, sessions: values.session ?? [], rooms: values.room ?? [], id: values.id });
        io.out(`${args[0]!}: announced ${done.announcement.id} (${done.announcement.severity}), revision ${done.revisionBefore ?? '(none)'} → ${done.revisionAfter}: ${done.announcement.text}`);
        return 0;
      }
      case 'publish': {
        need(1);
        const sent = await publish(args[0]!, {
          broker: values.broker,
          revision: values.revision,
          announce: values.announce,
          severity: values.severity,
          sessions: values.session ?? [],
          rooms: values.room ?? [],
          state: values.state,
          id: values.id,
          username: values.username,
          password: process.env.LANYARD_MQTT_PASSWORD,
        });
        io.out(`published to ${sent.topic}${sent.retain ? ' (retained)' : ''}: ${sent.payload}`);
        return 0;
      }
      default:
        io.err(`error: unknown command "${command}"; see lanyard-feed --help`);
        return 2;
    }
  } catch (error) {
    io.err(oneLine(error));
    return 1;
  }
}
