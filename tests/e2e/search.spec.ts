import { expect, test } from './support/fresh-data';

test('search finds sessions while typing, ranked, with the match highlighted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search all conferences' })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Search all conferences' }).fill('kmo');
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
