import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { FeedHost, testConference } from './support/feed-host';

let feeds: FeedHost;
test.beforeEach(async () => {
  feeds = new FeedHost();
  await feeds.start();
  feeds.publish('testcon.json', testConference());
});
test.afterEach(async () => {
  await feeds.dispose();
});

async function subscribeToTestCon(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}testcon.json`)}`);
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await expect(preview.getByText('18', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/subscribe-preview.png' });
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
}

test('subscribe by link, keep it offline, and pick up a new revision', async ({ page }) => {
  await subscribeToTestCon(page);
  await expect(page.getByTestId('freshness')).toHaveText(/updated (just now|\d+ min ago)/);
  await expect(page.getByRole('navigation', { name: 'Conferences' }).getByText('TestCon 2023')).toBeVisible();

  // The organizer's server goes away: everything is still there after a reload.
  await feeds.stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/last attempt failed: 127\.0\.0\.1:\d+ refused the connection/);
  await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();

  // It comes back with a new revision that moves a talk.
  await feeds.start(Number(new URL(feeds.url).port));
  feeds.publish('testcon.json', testConference((feed) => {
    feed.revision = 'r2';
    const kmods = feed.sessions.find((s) => s.title === 'Kmods SIG Update')!;
    kmods.start = '2023-02-03T15:15:00Z';
    kmods.end = '2023-02-03T15:45:00Z';
  }));
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/updated/);
  // The list is virtualised, so read the moved talk on its own page.
  await page.goto('/#/c/testcon-2023/session/kmods');
  await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
  await expect(page.getByText('16:15–16:45')).toBeVisible();
});

const BROKEN: Array<[string, (host: FeedHost) => void, RegExp]> = [
  ['a server error', (h) => h.publish('testcon.json', ''), /./],
  ['a truncated revision', (h) => h.publish('testcon.json', testConference().slice(0, 4000)), /could not be read: The JSON is malformed/],
  ['garbage', (h) => h.publish('testcon.json', 'Service temporarily replaced by a cat picture'), /could not be read/],
  ['an empty schedule', (h) => h.publish('testcon.json', testConference((f) => { f.sessions = []; })), /new revision held back: it has no sessions instead of 18/],
];

for (const [name, breakIt, reason] of BROKEN) {
  test(`keeps the last good copy after ${name}`, async ({ page }) => {
    await subscribeToTestCon(page);
    if (name === 'a server error') {
      await feeds.stop();
      const { createServer } = await import('node:http');
      const port = Number(new URL(feeds.url).port);
      const failing = createServer((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'));
      await new Promise<void>((resolve) => failing.listen(port, '127.0.0.1', resolve));
      try {
        await page.getByRole('button', { name: 'Refresh now' }).click();
        await expect(page.getByTestId('freshness')).toHaveText('last attempt failed: server answered 500 Internal Server Error');
      } finally {
        failing.closeAllConnections();
        failing.close();
      }
    } else {
      breakIt(feeds);
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect(page.getByTestId('freshness')).toHaveText(reason);
    }
    await expect(page.getByText(/^18 sessions/)).toBeVisible();
    // The old sessions are still listed (one near the top: a held revision's notice pushes the virtualised list down).
    await expect(page.getByRole('link', { name: 'Hyperscale SIG update' })).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^18 sessions/)).toBeVisible();
    if (name === 'an empty schedule') await page.screenshot({ path: 'tests/e2e/screenshots/held-revision.png' });
  });
}
