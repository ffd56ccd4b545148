import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';
import { expect, test } from './support/fresh-data';

const host = useFeedHost(test);

test('search finds sessions while typing, ranked, with the match highlighted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search this conference' })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Search this conference' }).fill('kmo');
  await expect(page).toHaveURL(/#\/search\?q=kmo/);
  const box = page.getByRole('searchbox', { name: 'Search sessions' });
  await expect(box).toHaveValue('kmo');
  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('listitem').first();
  await expect(first).toContainText('Kmods SIG Update');
  await expect(first.locator('mark').first()).toHaveText(/^kmo/i);

  // Speakers and rooms are searched too, and results follow each keystroke.
  await box.fill('Peridot');
  await expect(results.getByRole('listitem').first()).toContainText('Introduction to Rocky Linux and Peridot');
  await box.fill('Alessandro');
  await expect(results.getByRole('listitem').first()).toContainText('Introducing CentOS Stream CoreOS and OKD Streams');
  await page.screenshot({ path: 'tests/e2e/screenshots/search.png' });
  await box.fill('zzzzqqq');
  await expect(page.getByText(/No sessions match/)).toBeVisible();

  await box.fill('kmods');
  await page.getByRole('link', { name: /Kmods SIG Update/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
});

test('a late session a feed files under the day before is found on the date it is really on', async ({ page }) => {
  // The board AMA moved to 00:30 Brussels on Saturday, still filed under Friday (FOSDEM and CCC feeds do this).
  host().publish('testcon.json', testConference((feed) => {
    const ama = feed.sessions.find((s) => s.id === 'board-ama')!;
    ama.start = '2023-02-03T23:30:00Z';
    ama.end = '2023-02-04T00:00:00Z';
  }));
  await subscribeByLink(page, `${host().url}testcon.json`);
  // The day view keeps it under Friday, marked with its date.
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'CentOS Board AMA', exact: true }) });
  await page.getByTestId('session-list').evaluate((el: unknown) => (el as { scrollTo(x: number, y: number): void }).scrollTo(0, 100_000));
  await expect(row.locator('time')).toHaveText('00:30–01:00 Sat 4 Feb');
  // Search says Saturday, in conference time as in the user's.
  await page.goto('/#/search?q=board%20ama');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem').filter({ hasText: 'TestCon 2023' }).first()).toContainText('Sat 4 Feb, 00:30–01:00');
});
