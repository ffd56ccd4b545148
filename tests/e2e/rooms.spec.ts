import { expect, test } from './support/fresh-data';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);

test('the rooms view shows each room’s links and what is on in it now, and opens its schedule', async ({ page }) => {
  const now = Date.now();
  const conf = liveConference(now);
  host().publish('testcon.json', conf.build((_feed, at) => at('alma', Math.floor(now / MIN) * MIN - 5 * MIN, 30, 'lab')));
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Rooms' }).click();

  const lab = page.getByRole('region', { name: 'Rooms' }).getByRole('listitem', { name: 'Lab room' });
  await expect(lab).toContainText('Now: AlmaLinux');
  await expect(lab.getByRole('link', { name: 'Live stream: stream.example.org' })).toHaveAttribute('href', 'https://stream.example.org/lab');
  const hall = page.getByRole('region', { name: 'Rooms' }).getByRole('listitem', { name: 'Great hall' });
  await expect(hall).not.toContainText('Now:');
  await expect(hall).toContainText('Great hall 1 session');
  await page.screenshot({ path: 'tests/e2e/screenshots/rooms.png' });

  await lab.getByRole('link', { name: 'Lab room' }).click();
  await expect(page.getByText('Filters (on)')).toBeVisible();
  const rows = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(rows.first()).toContainText('Lab room');
  await expect(rows.filter({ hasNotText: 'Lab room' })).toHaveCount(0);
});
