import { createServer, type Server } from 'node:http';
import { expect, test } from './support/fresh-data';
import { testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);

/** A feed server that counts every request it receives. */
async function countingServer(body: string): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/testcon.json`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('a subscribe link opens the form filled in and fetches nothing until Preview is pressed', async ({ page }) => {
  const feed = await countingServer(testConference());
  try {
    const fetchCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/feeds:fetch')) fetchCalls.push(request.url());
    });
    await page.goto(`/#/subscribe?url=${encodeURIComponent(feed.url)}`);
    await expect(page.getByLabel('Schedule feed URL')).toHaveValue(feed.url);
    await expect(page.getByTestId('subscribe-link-note')).toHaveText('A link filled in this address. Check it, then press Preview: nothing is fetched before you do.');
    await expect(page.getByRole('region', { name: 'Feed preview' })).toHaveCount(0);
    expect(feed.requests()).toBe(0);

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Feed preview' }).getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
    // Exactly one request, the one Preview asked for: an automatic preview would have made two.
    expect(feed.requests()).toBe(1);
    expect(fetchCalls).toHaveLength(1);
  } finally {
    await feed.close();
  }
});

/** 300 bytes whose repeat rule matches no date at all: it used to hang the worker for ever. */
const HOPELESS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'X-WR-CALNAME:Leap Nothing Con', 'X-WR-TIMEZONE:Europe/Brussels',
  'BEGIN:VEVENT', 'UID:never@example.org', 'DTSTART:20260101T100000Z', 'DURATION:PT1H', 'SUMMARY:Never',
  'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

test('previewing a calendar whose repeat rule matches no date answers, and the next preview and refresh still work', async ({ page }) => {
  host().publish('never.ics', HOPELESS);
  host().publish('testcon.json', testConference());
  await page.goto('/#/subscribe');
  await page.getByLabel('Schedule feed URL').fill(`${host().url}never.ics`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'Leap Nothing Con' })).toBeVisible();
  await preview.getByText(/\d+ warnings?/).click();
  await expect(preview.getByText(/"Never" has a repeat rule that matches few or no dates: Lanyard stopped looking after 10000 tries/)).toBeVisible();

  // Another preview is not stuck behind it, and a subscribed conference refreshes.
  await page.getByLabel('Schedule feed URL').fill(`${host().url}testcon.json`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/^updated/);
});
