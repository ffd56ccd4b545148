import { expect, test } from './support/fresh-data';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);

test('the rooms view shows each room’s links and what is on in it now, and opens its page', async ({ page }) => {
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

  // The room's page: its sessions on every day (as many as the list counts), and its links.
  const count = Number((await lab.textContent())?.match(/(\d+) sessions?/)?.[1]);
  await lab.getByRole('link', { name: 'Lab room' }).click();
  const room = page.getByRole('article', { name: 'Lab room' });
  await expect(room.getByText(new RegExp(`^${count} sessions? · `))).toBeVisible();
  await expect(room.getByRole('listitem')).toHaveCount(count);
  await expect(room.getByRole('listitem').filter({ hasText: 'AlmaLinux' })).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'About Lab room' }).getByRole('link', { name: 'Live stream: stream.example.org' })).toBeVisible();
});
