import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Feed } from '../../core/model/schema';
import { expect, test } from './support/fresh-data';
import { SIZES_AND_THEMES } from './support/window-sizes';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);
const DAY_MS = 86_400_000;

/** `2023-02-03` moved by `days`. */
const dayPlus = (day: string, days: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Lennart Poettering gives the first talk of each day (the sample has no one by that name). */
function withPoettering(feed: Feed): void {
  feed.speakers.push({ id: 'lp', name: 'Lennart Poettering', links: [] });
  for (const day of feed.conference.days) feed.sessions.find((s) => s.type !== 'break' && s.day === day)?.speakerIds.push('lp');
}

/** TestCon over two days (Infra on the first, Rust on the second), moved to start `fromNow` days from today. */
function futureCon(fromNow: number): string {
  return testConference((feed) => {
    const first = new Date(Date.now() + fromNow * DAY_MS).toISOString().slice(0, 10);
    const shift = Math.round((Date.parse(`${first}T12:00:00Z`) - Date.parse('2023-02-03T12:00:00Z')) / DAY_MS);
    feed.conference.id = 'futurecon';
    feed.conference.title = 'FutureCon';
    feed.conference.start = first;
    feed.conference.end = dayPlus(first, 1);
    feed.conference.days = [first, dayPlus(first, 1)];
    feed.tracks.push({ id: 'infra', name: 'Infra' }, { id: 'rust', name: 'Rust' });
    feed.sessions.forEach((s, i) => {
      const extra = i >= 9 ? 1 : 0;
      s.start = new Date(Date.parse(s.start) + (shift + extra) * DAY_MS).toISOString();
      s.end = new Date(Date.parse(s.end) + (shift + extra) * DAY_MS).toISOString();
      s.day = dayPlus(s.day, shift + extra);
      if (s.type !== 'break') s.trackId = extra ? 'rust' : 'infra';
    });
    withPoettering(feed);
  });
}

async function subscribeBoth(page: Page): Promise<void> {
  host().publish('testcon.json', testConference(withPoettering));
  host().publish('futurecon.json', futureCon(7));
  await subscribeByLink(page, `${host().url}testcon.json`);
  await subscribeByLink(page, `${host().url}futurecon.json`, 'FutureCon');
}

for (const { size: viewport, colorScheme } of SIZES_AND_THEMES) {
  test(`from inside a conference, search looks in it, one click from all conferences and back; Poettering's page comes first (${viewport.width}×${viewport.height}, ${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, colorScheme, baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    try {
      await subscribeBoth(page);
      // The top bar's box says what it searches before anything is typed.
      await expect(page.getByRole('searchbox', { name: 'Search this conference' })).toHaveAttribute('placeholder', 'Search FutureCon…  ( / )');
      await page.keyboard.press('/');
      await page.getByRole('searchbox', { name: 'Search this conference' }).fill('poettering');
      await expect(page).toHaveURL(/#\/search\?q=poettering&in=futurecon$/);
      const scope = page.getByTestId('search-scope');
      await expect(scope).toHaveText('In FutureCon · Search all conferences');
      const people = page.getByRole('list', { name: 'Speakers, rooms and tracks' });
      await expect(people.getByRole('listitem')).toHaveCount(1);
      await expect(people.getByRole('listitem').first()).toHaveText('Speaker Lennart Poettering 2 sessions');
      const results = page.getByRole('list', { name: 'Search results' });
      await expect(results.getByRole('listitem')).toHaveCount(2);
      await expect(results.getByRole('listitem').filter({ hasText: 'TestCon 2023' })).toHaveCount(0);
      // Usable at the smallest window: the widening button and the first results are on screen.
      const widen = scope.getByRole('button', { name: 'Search all conferences' });
      await expect(widen).toBeInViewport();
      await expect(people.getByRole('link', { name: 'Lennart Poettering' })).toBeInViewport();
      await page.screenshot({ path: `tests/e2e/screenshots/search-scope-${viewport.width}x${viewport.height}-${colorScheme}.png` });

      // One click widens to every conference, the past TestCon included, and keeps the query.
      await widen.click();
      await expect(page).toHaveURL(/all=1/);
      await expect(scope).toHaveText('In all 3 conferences, past ones included · Only FutureCon');
      await expect(page.getByRole('searchbox', { name: 'Search sessions' })).toHaveValue('poettering');
      await expect(people.getByRole('listitem')).toHaveCount(2);
      await expect(people.getByRole('listitem').filter({ hasText: 'TestCon 2023' })).toHaveText('Speaker Lennart Poettering TestCon 2023 · 1 session');
      await expect(results.getByRole('listitem')).toHaveCount(3);
      await page.screenshot({ path: `tests/e2e/screenshots/search-scope-all-${viewport.width}x${viewport.height}-${colorScheme}.png` });
      // And back.
      await scope.getByRole('button', { name: 'Only FutureCon' }).click();
      await expect(scope).toHaveText('In FutureCon · Search all conferences');
      await expect(results.getByRole('listitem')).toHaveCount(2);

      // The speaker opens their page: both days, each talk with its star.
      await people.getByRole('link', { name: 'Lennart Poettering' }).click();
      const speaker = page.getByRole('article', { name: 'Lennart Poettering' });
      await expect(speaker.getByRole('list', { name: /^Lennart Poettering on / })).toHaveCount(2);
      await expect(speaker.getByRole('button', { name: /Going/ })).toHaveCount(2);
    } finally {
      await context.close();
    }
  });
}

test('from outside a conference, search looks in the current ones and says which past ones it leaves out', async ({ page }) => {
  await subscribeBoth(page);
  await page.goto('/#/search?q=poettering');
  const scope = page.getByTestId('search-scope');
  // The sample (2023) and TestCon 2023 are past; FutureCon is next week.
  await expect(scope).toHaveText('In current conferences (1); 2 past ones not included · Include past conferences');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await scope.getByRole('button', { name: 'Include past conferences' }).click();
  await expect(scope).toHaveText('In all 3 conferences, past ones included · Only current conferences');
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await scope.getByRole('button', { name: 'Only current conferences' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(2);
});

test('tracks and rooms are results of their own and open their pages across days', async ({ page }) => {
  await subscribeBoth(page);
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search this conference' }).fill('rust');
  const people = page.getByRole('list', { name: 'Speakers, rooms and tracks' });
  await expect(people.getByRole('listitem').first()).toContainText(/^Track Rust \d+ sessions$/);
  await people.getByRole('link', { name: 'Rust' }).click();
  await expect(page.getByRole('article', { name: 'Rust' }).getByText(/ sessions · only on /)).toBeVisible();

  await page.goBack();
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('pagoda');
  await expect(people.getByRole('listitem').first()).toContainText(/^Room Pagoda room \d+ sessions$/);
  await people.getByRole('link', { name: 'Pagoda room' }).click();
  await expect(page.getByRole('article', { name: 'Pagoda room' }).getByRole('heading', { level: 3 })).toHaveCount(2);
});

const FOSDEM_2024 = resolve(import.meta.dirname, '../../../shared/corpus/fosdem/fosdem-2024.xml');

test('FOSDEM 2024: "Poettering" lists his speaker page first, then his two talks', async ({ page }) => {
  test.skip(!existsSync(FOSDEM_2024), `the corpus is not at ${FOSDEM_2024}`);
  test.setTimeout(90_000);
  host().publish('fosdem-2024.xml', readFileSync(FOSDEM_2024, 'utf8'));
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}fosdem-2024.xml`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'FOSDEM 2024' })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search this conference' }).fill('Poettering');
  await expect(page.getByTestId('search-scope')).toHaveText(/^In FOSDEM 2024 · Search all conferences$/);
  const people = page.getByRole('list', { name: 'Speakers, rooms and tracks' });
  await expect(people.getByRole('listitem')).toHaveText(['Speaker Lennart Poettering 2 sessions']);
  // Counted independently in the XML: his two 2024 talks.
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  await people.getByRole('link', { name: 'Lennart Poettering' }).click();
  await expect(page.getByRole('article', { name: 'Lennart Poettering' }).getByRole('button', { name: /Going/ })).toHaveCount(2);
});
