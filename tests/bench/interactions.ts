/**
 * The interaction figures of `npm run bench` (browser part): each timed by the app itself
 * (renderer/src/perf.ts: beginInteraction at the input event's time stamp, the measure ending
 * after the frame that shows the result is painted), plus the busiest-day timeline, the UI's
 * JS heap and the bundle sizes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { importFeed } from '../../core/formats/index';
import type { Feed } from '../../core/model/schema';

interface Measure {
  duration: number;
  detail: Record<string, string | number> | null;
}

async function count(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
}

/** Runs `act`, then waits for the app's next `lanyard:<name>` measure and returns it. */
async function timed(page: Page, name: string, act: () => Promise<void>): Promise<Measure> {
  const before = await count(page, `lanyard:${name}`);
  await act();
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(n, 'measure').length > c, [`lanyard:${name}`, before] as const, { timeout: 60_000 });
  return page.evaluate((n) => {
    const m = performance.getEntriesByName(n, 'measure').at(-1) as unknown as Measure;
    return { duration: m.duration, detail: m.detail };
  }, `lanyard:${name}`);
}

/** Lets the frame settle between two interactions, as a person's next click would. */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => (globalThis as unknown as { requestAnimationFrame: (run: () => void) => void }).requestAnimationFrame(() => setTimeout(done, 50))));

export interface InteractionSamples {
  star: number[];
  unstar: number[];
  switchDay: number[];
  openSession: number[];
  switchView: number[];
  filter: number[];
}

/**
 * On a stored FOSDEM schedule (list view, first day): star and unstar a session, switch day
 * and back, open a session and go back, switch list ↔ timeline, toggle a track filter on and off.
 */
export async function benchInteractions(page: Page, app: string, conferenceId: string, runs: number): Promise<InteractionSamples> {
  const samples: InteractionSamples = { star: [], unstar: [], switchDay: [], openSession: [], switchView: [], filter: [] };
  await page.goto(`${app}#/c/${encodeURIComponent(conferenceId)}`);
  const list = page.getByTestId('session-list');
  await list.waitFor({ timeout: 60_000 });
  const days = page.getByRole('navigation', { name: 'Days' }).getByRole('link');
  const firstDay = days.first();
  await firstDay.click();
  await list.waitFor();
  for (let run = 0; run < runs; run += 1) {
    // The run-th talk of the day that is not a break: its "Going" button.
    const row = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: '★ Going' }) }).nth(run % 8);
    const going = row.getByRole('button', { name: '★ Going' });
    samples.star.push((await timed(page, 'star', () => going.click())).duration);
    await settle(page);
    samples.unstar.push((await timed(page, 'unstar', () => going.click())).duration);
    await settle(page);

    samples.switchDay.push((await timed(page, 'day', () => days.nth(1).click())).duration);
    await settle(page);
    samples.switchDay.push((await timed(page, 'day', () => firstDay.click())).duration);
    await settle(page);

    const title = list.locator('a.session-title').nth(run % 8);
    samples.openSession.push((await timed(page, 'open-session', () => title.click())).duration);
    await settle(page);
    await page.goBack();
    await list.waitFor();
    await settle(page);

    samples.switchView.push((await timed(page, 'view-timeline', () => page.getByRole('button', { name: 'Timeline', exact: true }).click())).duration);
    await settle(page);
    samples.switchView.push((await timed(page, 'view-list', () => page.getByRole('button', { name: 'List', exact: true }).click())).duration);
    await settle(page);

    const filters = page.locator('details.filters');
    if (!(await filters.evaluate((d) => (d as unknown as { open: boolean }).open))) await filters.locator('summary').click();
    const chip = page.getByRole('group', { name: 'Track' }).getByRole('checkbox').nth(run % 4);
    samples.filter.push((await timed(page, 'filter', () => chip.click())).duration);
    await settle(page);
    samples.filter.push((await timed(page, 'filter', () => chip.click())).duration);
    await settle(page);
  }
  return samples;
}

/** Keystroke in the search box → the frame showing its results (`lanyard:search-painted`). */
export async function searchPainted(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('lanyard:search-painted', 'measure').map((m) => m.duration));
}

export const BUSY_ROOMS = 46;

/**
 * The corpus has no 39C3; its busiest day had 46 rooms. The largest multi-room feed in the
 * corpus, FOSDEM 2020, has 35 rooms a day at most, so this builds a 46-room day from it: the
 * Saturday, plus Sunday rooms moved onto Saturday (as rooms of their own) until there are 46,
 * written as a Lanyard JSON feed.
 */
export function busiestDayFeed(fosdem2020: Buffer): { text: string; sessions: number; rooms: number } {
  const { feed } = importFeed(fosdem2020);
  const [saturday, sunday] = [...new Set(feed.sessions.map((s) => s.day))].sort();
  const roomsOn = (day: string | undefined): string[] => [...new Set(feed.sessions.filter((s) => s.day === day && s.roomId).map((s) => s.roomId!))];
  const own = roomsOn(saturday);
  const moved = roomsOn(sunday).slice(0, Math.max(0, BUSY_ROOMS - own.length));
  const DAY_MS = 86_400_000;
  const shift = (iso: string): string => new Date(Date.parse(iso) - DAY_MS).toISOString().replace('.000Z', 'Z');
  const sessions: Feed['sessions'] = [
    ...feed.sessions.filter((s) => s.day === saturday && s.roomId && own.includes(s.roomId)),
    ...feed.sessions
      .filter((s) => s.day === sunday && s.roomId && moved.includes(s.roomId))
      .map((s) => ({ ...s, id: `sun-${s.id}`, guid: undefined, day: saturday!, start: shift(s.start), end: shift(s.end), roomId: `sun-${s.roomId}` })),
  ];
  const rooms = [
    ...feed.rooms.filter((r) => own.includes(r.id)),
    ...feed.rooms.filter((r) => moved.includes(r.id)).map((r) => ({ ...r, id: `sun-${r.id}`, name: `${r.name} (Sunday's)` })),
  ];
  const busy: Feed = {
    ...feed,
    conference: { ...feed.conference, id: 'busiest-day-46-rooms', title: `Busiest day: ${rooms.length} rooms (built from FOSDEM 2020)`, start: saturday!, end: saturday!, days: [saturday!] },
    sessions,
    rooms,
    revision: 'bench',
  };
  return { text: JSON.stringify(busy), sessions: sessions.length, rooms: rooms.length };
}

/** List → timeline on the 46-room day: the timeline painted (`lanyard:view-timeline`). */
export async function benchBusiestTimeline(page: Page, app: string, conferenceId: string, runs: number): Promise<number[]> {
  await page.goto(`${app}#/c/${encodeURIComponent(conferenceId)}`);
  await page.getByTestId('session-list').waitFor({ timeout: 60_000 });
  const samples: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    const m = await timed(page, 'view-timeline', () => page.getByRole('button', { name: 'Timeline', exact: true }).click());
    if (run > 0) samples.push(m.duration);
    await settle(page);
    await timed(page, 'view-list', () => page.getByRole('button', { name: 'List', exact: true }).click());
    await settle(page);
  }
  return samples;
}

/** The page's JS heap after a full garbage collection (DevTools protocol), in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

const PARSERS = [/node_modules\/ical\.js\//, /core\/formats\/(?!sniff)/, /core\/personal\/ical-import/, /core\/export\/agenda-ical/];

/**
 * The built bundles, gzip-compressed as a server would send them, and whether any parser
 * (ical.js, the importers, the .ics agenda import and export) is in the UI's bundle (read from its source map).
 */
export function bundleSizes(assets: string): { uiGzipKB: number; workerGzipKB: number; uiKB: number; workerKB: number; parsersInUi: string[] } {
  const files = readdirSync(assets);
  const size = (prefix: string): { raw: number; gzip: number; name: string } => {
    const name = files.find((f) => f.startsWith(prefix) && f.endsWith('.js'))!;
    const body = readFileSync(join(assets, name));
    return { raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength, name };
  };
  const ui = size('index-');
  const worker = size('worker-');
  const map = JSON.parse(readFileSync(join(assets, `${ui.name}.map`), 'utf8')) as { sources: string[] };
  const parsersInUi = map.sources.filter((s) => PARSERS.some((p) => p.test(s)));
  const kb = (bytes: number): number => Number((bytes / 1024).toFixed(1));
  return { uiGzipKB: kb(ui.gzip), workerGzipKB: kb(worker.gzip), uiKB: kb(ui.raw), workerKB: kb(worker.raw), parsersInUi };
}
