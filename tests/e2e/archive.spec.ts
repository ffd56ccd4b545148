import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, expect, test } from './support/fresh-data';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { liveConference } from './support/live-conference';

const host = useFeedHost(test);
// The list renders the rows on screen: at 1280×800 the afternoon's Kmods talk is among them under the header's participation links.
test.use({ viewport: { width: 1280, height: 800 } });

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

  // The backup copy (the mirror file) has the subscription and the star.
  const mirrored = (): { subscriptions: Array<{ id: string }>; agenda: Array<{ conferenceId: string }> } | undefined => {
    const file = join(DATA_DIR, 'personal-data.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { data: { subscriptions: Array<{ id: string }>; agenda: Array<{ conferenceId: string }> } }).data : undefined;
  };
  await expect.poll(() => mirrored()?.agenda.map((e) => e.conferenceId), { timeout: 10_000 }).toEqual(['testcon-2023']);

  await page.getByRole('button', { name: 'Remove…' }).click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(sidebar.getByText('TestCon 2023')).toHaveCount(0);
  await expect(page).not.toHaveURL(/testcon/);
  // A deliberate removal reaches the backup copy too, although nothing of the user's is left
  // (otherwise a restore would bring the conference back): no complaint, no stale copy.
  await expect.poll(() => mirrored()?.subscriptions.map((s) => s.id), { timeout: 10_000 }).toEqual(['centos-connect-2023']);
  expect(mirrored()?.agenda).toEqual([]);
  await expect(page.getByText(/Refusing to replace|backup copy/)).toHaveCount(0);
  await page.reload();
  await expect(sidebar.getByText('CentOS Connect at FOSDEM')).toBeVisible();
  await expect(sidebar.getByText('TestCon 2023')).toHaveCount(0);
});
