import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { type FeedHost, testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);
test.beforeEach(() => host().publish('testcon.json', testConference()));

async function subscribeToTestCon(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
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
  await host().stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/last attempt failed: 127\.0\.0\.1:\d+ refused the connection/);
  await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();

  // It comes back with a new revision that moves a talk.
  await host().start(Number(new URL(host().url).port));
  host().publish('testcon.json', testConference((feed) => {
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
      await host().stop();
      const { createServer } = await import('node:http');
      const port = Number(new URL(host().url).port);
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
      breakIt(host());
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

test('the preview says what the feed is (dates, zone, counts, warnings) and stores nothing until Subscribe', async ({ page }) => {
  host().publish('warned.json', testConference((feed) => {
    feed.conference.end = '2023-02-04';
    feed.conference.days = ['2023-02-03', '2023-02-04'];
    const last = feed.sessions.at(-1)!;
    Object.assign(last, { start: '2023-02-04T09:00:00Z', end: '2023-02-04T09:30:00Z', day: '2023-02-04' });
    feed.sessions[0]!.links.push({ url: 'javascript:alert(1)', kind: 'other' });
    feed.sessions[1]!.speakerIds.push('nobody');
  }));
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}warned.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  const fact = (name: string) => preview.locator('dt', { hasText: name }).locator('+ dd');
  await expect(fact('Dates')).toHaveText(/^3\s*–\s*4 February 2023$/);
  await expect(fact('Time zone')).toHaveText('Europe/Brussels');
  await expect(fact('Sessions')).toHaveText('18');
  await expect(fact('Rooms')).toHaveText('1');
  await preview.getByText('2 warnings').click();
  await expect(preview.getByRole('listitem').filter({ hasText: 'javascript:' })).toContainText('it was left out. (at sessions[0].links[0])');
  await expect(preview.getByRole('listitem').filter({ hasText: 'nobody' })).toContainText('who the feed does not list');
  await page.screenshot({ path: 'tests/e2e/screenshots/subscribe-preview-warnings.png' });
  // Nothing is stored before Subscribe is pressed.
  const conferences = page.getByRole('navigation', { name: 'Conferences' });
  await expect(conferences.getByText('TestCon 2023')).toHaveCount(0);
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(conferences.getByText('TestCon 2023')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Days' }).getByRole('link')).toHaveCount(2);
});

test('subscribe from a local file, chosen or dropped', async ({ page }) => {
  const file = join(host().dir, 'testcon-local.json');
  writeFileSync(file, testConference());
  await page.goto('/#/subscribe');
  await page.getByLabel('choose a file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await expect(preview.locator('dt', { hasText: 'Sessions' }).locator('+ dd')).toHaveText('18');
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();

  // Dropped onto the page: a second copy of the same conference is added beside the first.
  await page.goto('/#/subscribe');
  const text = testConference((feed) => (feed.conference.title = 'TestCon 2023 (dropped)'));
  // Built in the page, as the browser builds one for a real drop (the e2e project has no DOM types).
  const dataTransfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], 'dropped.json', { type: 'application/json' }));
    return dt;
  })()`);
  const target = page.locator('.subscribe-page');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023 (dropped)' })).toBeVisible();
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023 (dropped)' })).toBeVisible();
  const conferences = page.getByRole('navigation', { name: 'Conferences' });
  await expect(conferences.getByText('TestCon 2023', { exact: true })).toBeVisible();
  await expect(conferences.getByText('TestCon 2023 (dropped)')).toBeVisible();
});
