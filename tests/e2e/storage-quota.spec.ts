import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { writeTrustFigures } from '../unit/support/trust-figures';
import { FeedHost, testConference } from './support/feed-host';

/**
 * A full disk in the middle of a sync, played for real: Chromium's DevTools protocol lowers
 * the origin's storage quota just above what the stored conference uses, and the organizer
 * publishes a revision that cannot fit. The write must roll back as one transaction, the old
 * copy must stay, and the user must be told.
 */
let feeds: FeedHost;
let tried = 0;
let survived = 0;
test.beforeEach(async () => {
  feeds = new FeedHost();
  await feeds.start();
  feeds.publish('testcon.json', testConference());
});
test.afterEach(async () => {
  await feeds.dispose();
});
test.afterAll(() => writeTrustFigures('storage-quota', { storageFaultsTried: tried, storageFaultsSurvived: survived }));

/** A revision of TestCon some megabytes larger than the first: 60 more sessions with 95 kB abstracts. */
function bigRevision(): string {
  // Incompressible text (Chromium compresses what IndexedDB stores): a fixed pseudo-random sequence.
  let seed = 20261124;
  const noise = (length: number): string => {
    let out = '';
    while (out.length < length) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      out += seed.toString(36);
      if (seed % 7 === 0) out += ' ';
    }
    return out;
  };
  return testConference((feed) => {
    feed.revision = 'r2-big';
    const template = feed.sessions[0]!;
    for (let i = 0; i < 60; i += 1) {
      feed.sessions.push({ ...template, id: `big-${i}`, guid: undefined, title: `Big session ${i}`, abstract: `<p>${noise(95_000)}</p>` });
    }
  });
}

/**
 * Sets the origin's quota. Chromium applies an override only to storage it has not looked at
 * yet in this session, so call it first thing after launch, before the app opens its database.
 */
async function setQuota(context: BrowserContext, page: Page, origin: string, bytes: number | undefined): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin } : { origin, quotaSize: bytes });
}

test('a full disk mid-sync: the write rolls back, the old copy stays, the user is told', async ({ baseURL, launchOptions }) => {
  test.setTimeout(90_000);
  tried += 1;
  // A real profile on disk (an incognito context keeps IndexedDB in memory), whose quota is
  // lowered before the app first opens its database (Chromium ignores a later override):
  // room for the small conference (about 150 kB stored), not for the 6 MB revision that
  // follows. Its abstracts are large because Chromium checks the quota for values it stores
  // outside its database files; many small records slip under a lowered quota.
  const profile = mkdtempSync(join(tmpdir(), 'lanyard-quota-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await setQuota(context, page, new URL(baseURL!).origin, 1024 * 1024);
    await subscribe(page);
    await fullDisk(page);
    await setQuota(context, page, new URL(baseURL!).origin, undefined);
    survived += 1;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a full disk while subscribing: nothing half-stored, the user is told', async ({ baseURL, launchOptions }) => {
  tried += 1;
  const profile = mkdtempSync(join(tmpdir(), 'lanyard-quota-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await setQuota(context, page, new URL(baseURL!).origin, 1024 * 1024);
    feeds.publish('testcon.json', bigRevision());
    await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}testcon.json`)}`);
    // A subscribe link only fills the form in: nothing is fetched before Preview.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('alert')).toHaveText('TestCon 2023 could not be stored: there is not enough storage space (the disk or the browser\'s quota is full). Nothing was saved; free some space and try again.');
    await page.screenshot({ path: 'tests/e2e/screenshots/quota-subscribe.png' });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Conferences' }).getByText('TestCon 2023')).toHaveCount(0);
    await page.goto('/#/c/testcon-2023');
    await expect(page.getByText(/sessions ·/)).toHaveCount(0);
    survived += 1;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function subscribe(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
}

async function fullDisk(page: Page): Promise<void> {
  await page.goto('/#/c/testcon-2023');
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  feeds.publish('testcon.json', bigRevision());
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText('last attempt failed: the new revision could not be stored: there is not enough storage space (the disk or the browser\'s quota is full); the previous copy is kept', { timeout: 20_000 });
  await page.screenshot({ path: 'tests/e2e/screenshots/quota-exceeded.png' });
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Connect over coffee' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  await expect(page.getByTestId('freshness')).toHaveText(/could not be stored/);
}
