import { expect, test } from './support/fresh-data';
import { FAULTS, FaultServer } from '../unit/support/fault-server';
import { testConference } from './support/feed-host';

/**
 * A few of the network faults (all 18 run against the sync code in
 * tests/unit/renderer/sync-network-faults.test.ts), here end to end: the real app, the real
 * web-mode host, a real misbehaving server on 127.0.0.1.
 */
const CASES: Array<[string, RegExp]> = [
  ['503 with Retry-After', /^last attempt failed: server answered 503 Service Unavailable$/],
  ['truncated body (connection dropped mid-way)', /^last attempt failed: 127\.0\.0\.1:\d+ closed the connection before the whole feed had arrived$/],
  ['wrong content type (a login page)', /^last attempt failed: the new revision could not be read: This is a web page \(HTML\), not a schedule feed/],
  ['redirect to file://', /^last attempt failed: server redirected to a file: address, which is refused/],
];

let server: FaultServer;
test.beforeAll(async () => {
  server = new FaultServer();
  server.good = testConference();
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('refreshing against a misbehaving server keeps the conference and says why', async ({ page }) => {
  server.failGoodWith = undefined;
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${server.base}/good`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  for (const [name, shown] of CASES) {
    server.failGoodWith = FAULTS.findIndex((f) => f.name === name);
    expect(server.failGoodWith, name).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('freshness'), name).toHaveText(shown);
    await expect(page.getByText(/^18 sessions/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Connect over coffee' })).toBeVisible();
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/network-fault.png' });
  server.failGoodWith = undefined;
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/^updated/);
});
