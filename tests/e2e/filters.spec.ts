import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);

/** TestCon with a second room, tracks, and talks in German: something to filter by. */
function filterable(): string {
  return testConference((feed) => {
    feed.rooms.push({ id: 'lab', name: 'Lab room', links: [] });
    feed.tracks.push({ id: 'infra', name: 'Infrastructure' }, { id: 'desktop', name: 'Desktop' });
    feed.sessions.forEach((s, i) => {
      if (i % 3 === 0) s.roomId = 'lab';
      s.trackId = i % 2 === 0 ? 'infra' : 'desktop';
      s.language = i < 4 ? 'de' : 'en';
    });
  });
}

async function count(page: Page): Promise<number> {
  const text = await page.locator('.schedule-count').innerText();
  return Number(/^(\d+) session/.exec(text)?.[1]);
}

test('filters by room, track, type and language, and each conference keeps its own', async ({ page }) => {
  host().publish('testcon.json', filterable());
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  const all = await count(page);
  expect(all).toBe(18);

  await page.getByText('Filters', { exact: true }).click();
  const room = page.getByRole('group', { name: 'Room' });
  await room.getByRole('checkbox', { name: 'Lab room' }).check();
  await expect.poll(() => count(page)).toBe(6);
  await page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'Infrastructure' }).check();
  await expect.poll(() => count(page)).toBe(3);
  await page.getByRole('group', { name: 'Language' }).getByRole('checkbox', { name: 'de' }).check();
  await expect.poll(() => count(page)).toBe(1);
  await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('Filters (on)')).toBeVisible();

  // The built-in sample is not filtered by TestCon's choices (it has no Lab room at all)…
  await page.getByRole('link', { name: /CentOS Connect/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /CentOS Connect/ })).toBeVisible();
  await expect.poll(() => count(page)).toBe(18);
  await expect(page.getByText('Filters (on)')).toHaveCount(0);
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'break' }).check();
  await expect.poll(() => count(page)).toBe(4);

  // …and TestCon's filters are still there when we come back; clearing them shows everything.
  await page.getByRole('link', { name: 'TestCon 2023' }).first().click();
  await expect.poll(() => count(page)).toBe(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => count(page)).toBe(all);
  await page.screenshot({ path: 'tests/e2e/screenshots/filters.png' });
});
