import { createHash, randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { splitCalendar, type CalendarObject } from '../../core/export/ical-split';
import type { CaldavConnectRequest, CaldavStatus, CalendarStatus } from '../../core/host/calendar-contract';
import { startCaldavRunner, systemClock, type CaldavRunner, type RunnerClock } from './caldav-runner';
import { CaldavError, checkServerUrl, plainCaldavError, syncCaldav, type CaldavAccount, type CaldavState } from './caldav-sync';
import { CALENDAR_FILE, startCalendarServer, type CalendarServer, type ServedCalendar } from './calendar-server';
import { readOptionalFile, writePrivateFile } from './private-file';

export const LINK_FILE = 'calendar-link.json';
export const CALDAV_FILE = 'caldav.json';

/**
 * Where the CalDAV password is kept. Desktop: sealed with Electron's safeStorage (the
 * system keyring); web mode: as it is, in caldav.json, which only the user can read (0600).
 */
export interface SecretStore {
  kind: 'keyring' | 'file';
  seal(password: string): string;
  open(sealed: string): string;
}

export const fileSecrets: SecretStore = { kind: 'file', seal: (p) => p, open: (s) => s };

interface LinkFile {
  token: string;
  port: number;
  etag?: string;
  publishedAt?: number;
  events?: number;
}

interface CaldavFile {
  serverUrl: string;
  username: string;
  password: { kind: SecretStore['kind']; value: string };
  state: CaldavState;
  status: CaldavStatus;
}

export interface CalendarServiceOptions {
  /** The user-data folder (desktop) or web mode's data folder. */
  dir: string;
  secrets: SecretStore;
  /** A fixed port (LANYARD_CALENDAR_PORT); otherwise the last one used, or a free one. */
  port?: number;
  clock?: RunnerClock;
  /** One CalDAV round; tests may wrap the real one. */
  sync?: typeof syncCaldav;
}

/** The live calendar behind the host API: the webcal server and the CalDAV runner. */
export interface CalendarService {
  publish(ics: string): Promise<null>;
  status(): Promise<CalendarStatus>;
  resetLink(): Promise<CalendarStatus>;
  connect(request: CaldavConnectRequest): Promise<CalendarStatus>;
  disconnect(): Promise<CalendarStatus>;
  syncNow(): Promise<CalendarStatus>;
  stop(): Promise<void>;
}

/** LANYARD_CALENDAR_PORT, when set: a fixed port for the calendar subscription (0: any free one). */
export function calendarPortFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.LANYARD_CALENDAR_PORT;
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LANYARD_CALENDAR_PORT=${text} is not a port number`);
  return port;
}

const newToken = (): string => randomBytes(24).toString('base64url');
const etagOf = (text: string): string => `"${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 32)}"`;

function parseJson<T>(text: string | undefined, isValid: (value: unknown) => value is T): T | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isLinkFile = (v: unknown): v is LinkFile => typeof v === 'object' && v !== null && typeof (v as LinkFile).token === 'string' && (v as LinkFile).token.length >= 22 && Number.isInteger((v as LinkFile).port);
const isCaldavFile = (v: unknown): v is CaldavFile =>
  typeof v === 'object' && v !== null && typeof (v as CaldavFile).serverUrl === 'string' && typeof (v as CaldavFile).username === 'string' && typeof (v as CaldavFile).password?.value === 'string' && typeof (v as CaldavFile).state?.sent === 'object';

/**
 * Starts the live calendar: reads the link (token, port) and the last published agenda from
 * the data folder, serves it on 127.0.0.1, and resumes keeping CalDAV in step when it was set
 * up. Everything it writes (token, agenda, CalDAV settings) is readable by the user only.
 */
export async function startCalendarService(options: CalendarServiceOptions): Promise<CalendarService> {
  const clock = options.clock ?? systemClock;
  const sync = options.sync ?? syncCaldav;
  const linkPath = join(options.dir, LINK_FILE);
  const agendaPath = join(options.dir, CALENDAR_FILE);
  const caldavPath = join(options.dir, CALDAV_FILE);

  const saved = parseJson(await readOptionalFile(linkPath).catch(() => undefined), isLinkFile);
  const link: LinkFile = saved ?? { token: newToken(), port: 0 };
  let served: ServedCalendar | undefined;
  let objects: CalendarObject[] | undefined;
  const savedAgenda = saved?.etag ? await readOptionalFile(agendaPath).catch(() => undefined) : undefined;
  if (savedAgenda !== undefined) {
    try {
      objects = splitCalendar(savedAgenda);
      served = { body: savedAgenda, etag: etagOf(savedAgenda), lastModified: saved?.publishedAt ?? clock.now() };
    } catch {
      objects = undefined;
    }
  }

  let notice: string | undefined;
  let server: CalendarServer;
  const serve = (port: number): Promise<CalendarServer> => startCalendarServer({ port, token: () => link.token, calendar: () => served });
  const wanted = options.port ?? link.port;
  try {
    server = await serve(wanted);
  } catch (error) {
    if (options.port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    server = await serve(0);
    notice = `The calendar address changed (port ${wanted} is taken by another program): add the new address to your calendar app and remove the old one.`;
  }
  const saveLink = (): Promise<void> => writePrivateFile(linkPath, `${JSON.stringify(link, null, 2)}\n`);
  if (link.port !== server.port || !saved) {
    link.port = server.port;
    await saveLink();
  }

  let caldav: { file: CaldavFile; runner: CaldavRunner } | undefined;
  const saveCaldav = async (file: CaldavFile): Promise<void> => writePrivateFile(caldavPath, `${JSON.stringify(file, null, 2)}\n`);
  const startRunner = (file: CaldavFile, account: CaldavAccount, isInStep = false): CaldavRunner =>
    startCaldavRunner({
      clock,
      sync: (objs, state) => sync(account, objs, state),
      describe: (error) => plainCaldavError(error, account.serverUrl),
      save: async (state, status) => {
        file.state = state;
        file.status = status;
        if (caldav?.file === file) await saveCaldav(file);
      },
      state: file.state,
      status: file.status,
      ...(objects ? { objects } : {}),
      isInStep,
    });
  const savedCaldav = parseJson(await readOptionalFile(caldavPath).catch(() => undefined), isCaldavFile);
  if (savedCaldav) {
    try {
      const password = savedCaldav.password.kind === options.secrets.kind ? options.secrets.open(savedCaldav.password.value) : undefined;
      if (password === undefined) throw new Error('stored for another kind of password storage');
      caldav = { file: savedCaldav, runner: startRunner(savedCaldav, { serverUrl: savedCaldav.serverUrl, username: savedCaldav.username, password }) };
    } catch {
      savedCaldav.status = { state: 'error', message: 'The saved CalDAV password could not be read on this computer: connect again.' };
    }
  }
  let broken = savedCaldav && !caldav ? savedCaldav : undefined;

  const caldavStatus = (): CaldavStatus => {
    if (caldav) return { ...caldav.runner.status(), serverUrl: caldav.file.serverUrl, username: caldav.file.username, passwordStorage: caldav.file.password.kind };
    if (broken) return { ...broken.status, serverUrl: broken.serverUrl, username: broken.username };
    return { state: 'off' };
  };
  const status = (): Promise<CalendarStatus> => {
    const url = `http://127.0.0.1:${server.port}/${link.token}/agenda.ics`;
    return Promise.resolve({
      subscription: {
        url,
        webcalUrl: url.replace(/^http:/, 'webcal:'),
        ...(objects ? { events: objects.length } : {}),
        ...(link.publishedAt ? { publishedAt: link.publishedAt } : {}),
        ...(notice ? { notice } : {}),
      },
      caldav: caldavStatus(),
    });
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    publish: (ics) =>
      serial(async () => {
        const pieces = splitCalendar(ics);
        const etag = etagOf(ics);
        if (served?.etag === etag) return null;
        const now = clock.now();
        await writePrivateFile(agendaPath, ics);
        Object.assign(link, { etag, publishedAt: now, events: pieces.length });
        await saveLink();
        served = { body: ics, etag, lastModified: now };
        objects = pieces;
        caldav?.runner.push(pieces);
        return null;
      }),
    status,
    resetLink: () =>
      serial(async () => {
        link.token = newToken();
        await saveLink();
        return status();
      }),
    connect: (request) =>
      serial(async () => {
        const serverUrl = checkServerUrl(request.serverUrl).href;
        const account: CaldavAccount = { serverUrl, username: request.username, password: request.password };
        // The first round runs here, so a wrong address or password is said at once and nothing is kept.
        let outcome;
        try {
          outcome = await sync(account, objects ?? [], { sent: {} }, { prune: objects !== undefined });
        } catch (error) {
          throw new CaldavError(plainCaldavError(error, serverUrl));
        }
        caldav?.runner.stop();
        const file: CaldavFile = {
          serverUrl,
          username: request.username,
          password: { kind: options.secrets.kind, value: options.secrets.seal(request.password) },
          state: outcome.state,
          status: { state: 'ok', lastSyncAt: clock.now(), events: outcome.events, ...(outcome.state.calendarUrl ? { calendarUrl: outcome.state.calendarUrl } : {}) },
        };
        await saveCaldav(file);
        caldav = { file, runner: startRunner(file, account, objects !== undefined) };
        return status();
      }),
    disconnect: () =>
      serial(async () => {
        caldav?.runner.stop();
        caldav = undefined;
        await unlink(caldavPath).catch(() => undefined);
        broken = undefined;
        return { ...(await status()), caldav: { state: 'off' } };
      }),
    syncNow: async () => {
      if (caldav) await caldav.runner.syncNow();
      return status();
    },
    stop: async () => {
      caldav?.runner.stop();
      await server.close();
    },
  };
}
