import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaToICal, sessionUid, type AgendaCalendarPart } from '../../../core/export/agenda-ical';
import { splitCalendar } from '../../../core/export/ical-split';
import type { SessionChange } from '../../../core/feed/diff';
import type { Feed } from '../../../core/model/schema';
import type { Star } from '../../../core/personal/model';
import { CALENDAR_NAME, syncCaldav, type CaldavState } from '../../../main/services/caldav-sync';
import { CALDAV_FILE, fileSecrets, startCalendarService, type CalendarService } from '../../../main/services/calendar-service';
import { makeFeed } from '../support/feeds';
import { partOf } from '../support/agenda-ical';
import { radicaleMissing, readWithPythonCaldav, startRadicale, type Radicale } from '../support/radicale';

const missing = radicaleMissing();
if (missing) console.warn(`[skip] CalDAV against Radicale: ${missing}.`);

/** Two conferences in two zones (Brussels in winter, New York across its DST change). */
function brussels(startOfB = '2026-01-31T10:00:00Z', cancelC = false): Feed {
  return makeFeed(
    [
      { id: 'a', title: 'Opening', start: '2026-01-31T08:00:00Z', end: '2026-01-31T08:30:00Z', roomId: 'Janson', links: [{ url: 'https://fosdem.example/2026/a', kind: 'other' }] },
      { id: 'b', title: 'Kernel talk', start: startOfB, end: new Date(Date.parse(startOfB) + 30 * 60_000).toISOString().replace('.000Z', 'Z') },
      { id: 'c', title: 'Maybe talk', start: '2026-01-31T13:00:00Z', end: '2026-01-31T13:50:00Z', cancelled: cancelC },
    ],
    { conference: { id: 'fosdem', title: 'FOSDEM', timeZone: 'Europe/Brussels', start: '2026-01-31', end: '2026-02-01', days: ['2026-01-31', '2026-02-01'], links: [] } },
  );
}
const nyc = makeFeed([{ id: 'n', title: 'After the DST change', start: '2024-03-10T14:00:00Z', end: '2024-03-10T15:00:00Z', day: '2024-03-10' }], {
  conference: { id: 'nyc', title: 'NYC', timeZone: 'America/New_York', start: '2024-03-10', end: '2024-03-10', days: ['2024-03-10'], links: [] },
});

function agenda(feed: Feed, stars: Record<string, Star>, revisions: AgendaCalendarPart['revisions'] = []): string {
  const picked = feed.sessions.filter((s) => stars[s.id]);
  const starMap = new Map(Object.entries(stars));
  const reminders = new Map(Object.entries(stars).filter(([, star]) => star === 'going').map(([id]) => [id, 10]));
  const updatedAt = new Map(picked.map((s) => [s.id, Date.UTC(2026, 0, 10)]));
  const parts = [partOf(feed, { sessions: picked, stars: starMap, reminders, updatedAt, revisions })];
  parts.push(partOf(nyc, { stars: new Map([['n', 'going']]), reminders: new Map([['n', 30]]), updatedAt: new Map([['n', Date.UTC(2024, 0, 1)]]) }));
  return agendaToICal(parts, { now: Date.UTC(2026, 0, 20), live: true, name: 'Lanyard agenda' });
}

const uid = (feed: Feed, id: string): string => {
  const session = feed.sessions.find((s) => s.id === id);
  if (!session) throw new Error(`no session ${id}`);
  return sessionUid(feed.conference, session);
};

describe.skipIf(missing !== undefined)('CalDAV, kept in step with a real Radicale, read back by python3-caldav', () => {
  let server: Radicale;
  let dir: string;
  let service: CalendarService;
  beforeAll(async () => {
    server = await startRadicale();
    dir = mkdtempSync(join(tmpdir(), 'lanyard-caldav-'));
    service = await startCalendarService({ dir, secrets: fileSecrets, port: 0 });
  }, 30_000);
  afterAll(async () => {
    await service.stop();
    await server.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong password in plain words and keeps nothing', async () => {
    await expect(service.connect({ serverUrl: server.url, username: server.user, password: 'wrong' })).rejects.toThrow('127.0.0.1');
    await expect(service.connect({ serverUrl: server.url, username: server.user, password: 'wrong' })).rejects.toThrow(/refused the user name or password \(401/);
    expect((await service.status()).caldav.state).toBe('off');
    expect(() => statSync(join(dir, CALDAV_FILE))).toThrow();
  });

  it('holds exactly the starred sessions after starring, moving, unstarring and cancelling; instants and zones read back right', async () => {
    const feed = brussels();
    await service.publish(agenda(feed, { a: 'going', b: 'going', c: 'maybe' }));
    const connected = await service.connect({ serverUrl: server.url, username: server.user, password: server.password });
    expect(connected.caldav).toMatchObject({ state: 'ok', events: 4, passwordStorage: 'file' });
    expect(statSync(join(dir, CALDAV_FILE)).mode & 0o777).toBe(0o600);

    let stored = readWithPythonCaldav(server, CALENDAR_NAME).events;
    expect(Object.keys(stored).sort()).toEqual([uid(feed, 'a'), uid(feed, 'b'), uid(feed, 'c'), uid(nyc, 'n')].sort());
    expect(stored[uid(feed, 'a')]).toMatchObject({ start: '2026-01-31T08:00:00Z', end: '2026-01-31T08:30:00Z', tzid: 'Europe/Brussels', status: 'CONFIRMED', location: 'Janson', url: 'https://fosdem.example/2026/a', alarms: [10] });
    expect(stored[uid(feed, 'c')]).toMatchObject({ start: '2026-01-31T13:00:00Z', status: 'TENTATIVE', alarms: [] });
    expect(stored[uid(nyc, 'n')]).toMatchObject({ start: '2024-03-10T14:00:00Z', tzid: 'America/New_York', alarms: [30] });

    // The organizers move "Kernel talk" by an hour: a new revision of the feed.
    const moved = brussels('2026-01-31T11:00:00Z');
    const revisions = [{ at: Date.UTC(2026, 0, 25), changes: [{ sessionId: 'b', title: 'Kernel talk', tags: ['moved-time'], changes: [] } satisfies SessionChange] }];
    await service.publish(agenda(moved, { a: 'going', b: 'going', c: 'maybe' }, revisions));
    expect((await service.syncNow()).caldav).toMatchObject({ state: 'ok', events: 4 });
    stored = readWithPythonCaldav(server, CALENDAR_NAME).events;
    expect(stored[uid(moved, 'b')]).toMatchObject({ start: '2026-01-31T11:00:00Z', end: '2026-01-31T11:30:00Z', tzid: 'Europe/Brussels', sequence: 1 });
    expect(Object.keys(stored)).toHaveLength(4);

    // Unstarring "Opening" removes its event.
    await service.publish(agenda(moved, { b: 'going', c: 'maybe' }, revisions));
    await service.syncNow();
    stored = readWithPythonCaldav(server, CALENDAR_NAME).events;
    expect(Object.keys(stored).sort()).toEqual([uid(moved, 'b'), uid(moved, 'c'), uid(nyc, 'n')].sort());

    // The organizers cancel "Maybe talk": its event goes too.
    const cancelled = brussels('2026-01-31T11:00:00Z', true);
    await service.publish(agenda(cancelled, { b: 'going', c: 'maybe' }, revisions));
    const after = await service.syncNow();
    stored = readWithPythonCaldav(server, CALENDAR_NAME).events;
    expect(Object.keys(stored).sort()).toEqual([uid(moved, 'b'), uid(nyc, 'n')].sort());
    expect(after.caldav).toMatchObject({ state: 'ok', events: 2 });
  }, 60_000);

  it('uploads nothing when nothing changed, and leaves events that are not Lanyard’s alone', async () => {
    const feed = brussels();
    const objects = splitCalendar(agenda(feed, { a: 'going' }));
    const account = { serverUrl: server.url, username: server.user, password: server.password };
    const first = await syncCaldav(account, objects, { sent: {} });
    const again = await syncCaldav(account, objects, first.state);
    expect(again.uploaded).toBe(0);
    expect(again.deleted).toBe(0);
    // Someone adds their own event to the calendar: Lanyard does not delete it.
    const own = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nBEGIN:VEVENT\r\nUID:dinner@me\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260131T190000Z\r\nDTEND:20260131T210000Z\r\nSUMMARY:Dinner\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const put = await fetch(new URL('dinner.ics', first.state.calendarUrl), { method: 'PUT', body: own, headers: { authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`, 'content-type': 'text/calendar' } });
    expect(put.status).toBe(201);
    const state: CaldavState = again.state;
    const emptied = await syncCaldav(account, [], state);
    expect(emptied.deleted).toBeGreaterThan(0);
    expect(Object.keys(readWithPythonCaldav(server, CALENDAR_NAME).events)).toEqual(['dinner@me']);
  }, 60_000);

  it('says in plain words when the server is down, and catches up with a retry once it is back', async () => {
    await service.publish(agenda(brussels(), { a: 'going' }));
    await server.stop();
    const down = await service.syncNow();
    expect(down.caldav.state).toBe('error');
    expect(down.caldav.message).toMatch(/Could not reach 127\.0\.0\.1:\d+: the connection was refused/);
    expect(down.caldav.nextRetryAt).toBeGreaterThan(Date.now() - 1_000);
    await server.restart();
    const back = await service.syncNow();
    expect(back.caldav).toMatchObject({ state: 'ok', events: 2 });
    expect(back.caldav.message).toBeUndefined();
    expect(Object.keys(readWithPythonCaldav(server, CALENDAR_NAME).events)).toContain(uid(brussels(), 'a'));
  }, 60_000);
});
