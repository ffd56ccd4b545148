import { expect, test } from './support/fresh-data';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { liveConference } from './support/live-conference';

const host = useFeedHost(test);

test('move a conference to the archive and back, then remove it after saying what goes with it', async ({ page }) => {
  host().publish('testcon.json', liveConference(Date.now()).build(() => undefined));
  await subscribeByLink(page, `${host().url}testcon.json`);
  const sidebar = page.getByRole('navigation', { name: 'Conferences' });
  const current = sidebar.locator('.sidebar-heading + .conference-list');
  const past = sidebar.locator('details.archive');
  await expect(current.getByText('TestCon 2023')).toBeVisible();

  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Kmods SIG Update' }) });
  await row.getByRole('button', { name: 'Going' }).click();
  await expect(row.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Move to the archive' }).click();
  await expect(page.getByText('In the archive', { exact: true })).toHaveAttribute('title', 'Not checked for new revisions unless you press Refresh now');
  await expect(past.getByText('TestCon 2023')).toBeAttached();
  await expect(current.getByText('TestCon 2023')).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/archived.png' });
  await page.getByRole('button', { name: 'Move back from the archive' }).click();
  await expect(current.getByText('TestCon 2023')).toBeVisible();
  await expect(page.getByText('In the archive')).toHaveCount(0);

  // Remove: the question says what of the user's own goes; Cancel keeps everything.
  await page.getByRole('button', { name: 'Remove…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove TestCon 2023?' });
  await expect(dialog).toContainText('Its schedule and your 1 starred session will be deleted from this computer.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'tests/e2e/screenshots/remove-confirm.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Remove…' }).click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(sidebar.getByText('TestCon 2023')).toHaveCount(0);
  await expect(page).not.toHaveURL(/testcon/);
  await page.reload();
  await expect(sidebar.getByText('CentOS Connect at FOSDEM')).toBeVisible();
  await expect(sidebar.getByText('TestCon 2023')).toHaveCount(0);
});
