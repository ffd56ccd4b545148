import type { Page } from '@playwright/test';
import type { Feed } from '../../core/model/schema';
import { writeTrustFigures } from '../unit/support/trust-figures';
import { expect, test } from './support/fresh-data';
import { hostileConferences } from './support/hostile-conference';
import { putRows } from './support/store-rows';

/**
 * Fuzzing the renderer: conferences that pass the model's schema but are hostile in content
 * (tests/e2e/support/hostile-conference.ts) are stored in the real app's IndexedDB as sync
 * would store them (duplicate ids and all, which only the importers would have untangled), and
 * every view of each is rendered in Chromium. Zero blank windows, zero uncaught errors (page
 * errors, console errors, error-boundary fallbacks). A fixed seed keeps it repeatable; the
 * count keeps it to about a minute. Figures go to `npm run trust`.
 */
const SEED = 20_261_206;
const CONFERENCES = 16;
const FEEDS = hostileConferences(CONFERENCES, SEED);

const figures = { conferences: 0, views: 0, blank: 0, errors: [] as string[] };

/** encodeURIComponent for any string: a lone surrogate (which it refuses) becomes U+FFFD, as the app's own links do. */
const enc = (text: string): string => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** The rows storeFeed would write for a feed (db/feeds.ts), written raw. */
function rowsOf(feed: Feed, now: number): Record<string, unknown[]> {
  const id = feed.conference.id;
  const starts = feed.sessions.map((s) => Date.parse(s.start));
  const ends = feed.sessions.map((s) => Date.parse(s.end));
  const byStart = [...feed.sessions].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    subscriptions: [{ id, source: 'file', fileName: `${id}.json`, addedAt: now, archived: 0, failures: 0, lastSuccessAt: now, lastAttemptAt: now, lastChangeAt: now }],
    conferences: [{
      id, conference: feed.conference, format: 'lanyard', revision: feed.revision, warnings: [], sessionCount: feed.sessions.length,
      firstStart: starts.length ? Math.min(...starts) : Date.parse(`${feed.conference.start}T00:00:00Z`),
      lastEnd: ends.length ? Math.max(...ends) : Date.parse(`${feed.conference.end}T23:59:59Z`), storedAt: now, photoUrls: [],
    }],
    schedules: [{ id, sessions: byStart, speakers: byId(feed.speakers), rooms: feed.rooms, tracks: byId(feed.tracks) }],
    announcements: feed.announcements.map((a) => ({ ...a, conferenceId: id })),
  };
}

/** The routes of every view of one conference, the hostile ones included (a day that is no date). */
function routesOf(feed: Feed): string[] {
  const id = enc(feed.conference.id);
  const routes = [`#/c/${id}`, `#/c/${id}/day/${feed.conference.start}`, `#/c/${id}/day/0000-00-00`];
  for (const s of feed.sessions.slice(0, 2)) routes.push(`#/c/${id}/session/${enc(s.id)}`);
  for (const p of feed.speakers.slice(0, 1)) routes.push(`#/c/${id}/speaker/${enc(p.id)}`);
  routes.push(`#/c/${id}/speakers`, `#/c/${id}/rooms`, `#/c/${id}/tracks`, `#/c/${id}/agenda`, `#/c/${id}/changes`);
  routes.push(`#/search?q=${enc(Array.from(feed.sessions[0]?.title ?? 'x').slice(0, 20).join(''))}&in=${id}`);
  return routes;
}

/** Whether the window still has its shell (a blank window has none: React unmounted it). */
async function hasShell(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`Boolean(document.querySelector('#root .app nav.sidebar') && document.querySelector('#root main'))`);
}

/** Waits until the view has rendered something other than "Loading…", then two frames more. */
async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate<string>(`(document.querySelector('main')?.innerText ?? '').trim()`), { timeout: 20_000 }).toMatch(/^(?!Loading…$)[\s\S]+/);
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await settle(page).catch(() => figures.errors.push(`${hash}: still loading after 20 s`));
  figures.views += 1;
  const fallbacks = await page.locator('.view-failure, .list-failure').count();
  if (fallbacks > 0) figures.errors.push(`${hash}: an error boundary showed its fallback`);
  if (!(await hasShell(page))) {
    figures.blank += 1;
    figures.errors.push(`${hash}: blank window`);
    await page.reload();
  }
}

test.afterAll(() => {
  writeTrustFigures('render-fuzz', {
    renderFuzzConferences: figures.conferences,
    renderFuzzViews: figures.views,
    renderFuzzBlankWindows: figures.blank,
    renderFuzzUncaughtErrors: figures.errors.length,
  }, { seed: SEED, errors: figures.errors.slice(0, 50) });
});

test(`${CONFERENCES} hostile conferences (seed ${SEED}), every view: no blank window, no uncaught error`, async ({ page }) => {
  test.setTimeout(150_000);
  page.on('pageerror', (error) => figures.errors.push(`page error: ${error.message.slice(0, 300)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) figures.errors.push(`console: ${message.text().slice(0, 300)}`);
  });
  await page.goto('/');
  // The first start stores the built-in sample; the hostile conferences come after it.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const now = Date.now();
  const rows: Record<string, unknown[]> = {};
  for (const feed of FEEDS) {
    for (const [table, list] of Object.entries(rowsOf(feed, now))) (rows[table] ??= []).push(...list);
  }
  await putRows(page, rows);
  await page.reload();
  await settle(page);
  for (const feed of FEEDS) {
    figures.conferences += 1;
    for (const hash of routesOf(feed)) {
      await show(page, hash);
      if (hash === `#/c/${enc(feed.conference.id)}` && (await page.getByRole('button', { name: 'Timeline' }).count()) > 0) {
        await page.getByRole('button', { name: 'Timeline' }).click();
        await settle(page).catch(() => figures.errors.push(`${hash} timeline: still loading after 20 s`));
        figures.views += 1;
        if (!(await hasShell(page))) figures.blank += 1;
        const shown = (await page.getByTestId('timeline').count()) + (await page.getByText('No sessions match.').count());
        if (shown === 0) figures.errors.push(`${hash}: neither the timeline nor "No sessions match." showed`);
        await page.getByRole('button', { name: 'List' }).click();
      }
    }
  }
  for (const hash of ['#/live', '#/recordings', '#/search?q=W', '#/data']) await show(page, hash);
  expect(figures.blank, 'blank windows').toBe(0);
  expect(figures.errors, 'uncaught errors').toEqual([]);
});
