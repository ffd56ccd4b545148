import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { importFeed } from '../../core/formats/index';
import { writeTrustFigures } from '../unit/support/trust-figures';
import { xssFeeds, type XssFeed } from '../unit/support/xss-feeds';
import { FeedHost } from './support/feed-host';
import { installTrustProbe, probe } from './support/trust-probe';

/**
 * The XSS corpus, six payloads to a session, in every text field of a feed of every format,
 * subscribed to from a real 127.0.0.1 server and shown in every view of the real app.
 * Any payload that runs calls window.__xssHit(n); the test asserts none ever did.
 */
const FEEDS = xssFeeds({ perSession: 6 });
const hits = new Set<string>();
let tried = 0;
let feeds: FeedHost;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  feeds = new FeedHost();
  await feeds.start();
  for (const feed of FEEDS) feeds.publish(feed.fileName, feed.text);
});
test.afterAll(async () => {
  await feeds.dispose();
  writeTrustFigures('xss-e2e', { payloadsTried: tried, payloadsExecuted: hits.size }, { executed: [...hits] });
});

/** Shows a route and checks the DOM and the hook; returns once the view has rendered. */
async function visit(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await ready();
  expect(await probe.scanDom(page), hash).toEqual([]);
}

async function subscribe(page: Page, feed: XssFeed): Promise<string> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}${feed.fileName}`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview).toBeVisible();
  expect(await probe.scanDom(page), 'preview').toEqual([]);
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#\/c\//);
  const hash = await page.evaluate<string>('location.hash');
  return decodeURIComponent(hash.split('/')[2]!);
}

for (const feed of FEEDS) {
  test(`${feed.format}: ${feed.ids.length} payloads in every field, every view, nothing runs`, async ({ page, context }) => {
    test.setTimeout(240_000);
    const outside: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    const popups: string[] = [];
    context.on('page', (popup) => {
      popups.push(popup.url());
      void popup.close();
    });
    await installTrustProbe(page);
    const id = await subscribe(page, feed);
    const appUrl = page.url().split('#')[0];
    const model = importFeed(feed.text).feed;

    await visit(page, `#/c/${id}`, () => expect(page.getByRole('list', { name: 'Sessions' })).toBeVisible());
    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    expect(await probe.scanDom(page), 'timeline').toEqual([]);
    await page.screenshot({ path: `tests/e2e/screenshots/xss-${feed.format}-timeline.png` });
    await page.getByRole('button', { name: 'List' }).click();

    for (const [k, session] of model.sessions.entries()) {
      await visit(page, `#/c/${id}/session/${encodeURIComponent(session.id)}`, () => expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${feed.carriers[k]!.marker} `) })).toBeVisible());
      if (k === 0) await page.screenshot({ path: `tests/e2e/screenshots/xss-${feed.format}-session.png` });
      if (k < 3) {
        // Clicking any link a feed supplied never takes the app window anywhere.
        const links = page.locator('main a[href]:not([href^="#"])');
        // The first eight links of the page (each may make the opener ask, which is declined).
        const ask = page.locator('dialog.link-dialog[open]');
        // An unknown host makes the link opener ask first (after looking up the allowed hosts,
        // so the question may appear a moment later); it is always declined, so nothing leaves.
        const decline = async (): Promise<void> => {
          await page.keyboard.press('Escape');
          await expect(ask).toBeHidden();
        };
        for (let j = 0; j < Math.min(8, await links.count()); j += 1) {
          if (await ask.isVisible()) await decline();
          await links.nth(j).click({ modifiers: [] });
          expect(page.url().split('#')[0], 'the app did not navigate').toBe(appUrl);
          if (await ask.waitFor({ state: 'visible', timeout: 300 }).then(() => true, () => false)) await decline();
        }
        if (await ask.isVisible()) await decline();
      }
    }
    for (const speaker of model.speakers) {
      await visit(page, `#/c/${id}/speaker/${encodeURIComponent(speaker.id)}`, () => expect(page.locator('#speaker-name')).toBeVisible());
    }
    await visit(page, `#/c/${id}/speakers`, () => expect(page.getByRole('region', { name: 'Speakers' })).toBeVisible());
    await visit(page, `#/c/${id}/rooms`, () => expect(page.locator('main section').first()).toBeVisible());
    await visit(page, `#/c/${id}/tracks`, () => expect(page.locator('main section').first()).toBeVisible());
    for (const query of ['script', 'onerror', 'javascript', feed.carriers[1]!.marker]) {
      await visit(page, `#/search?q=${encodeURIComponent(query)}&in=${encodeURIComponent(id)}`, () => expect(page.getByRole('region', { name: 'Search' })).toBeVisible());
      await page.waitForTimeout(150);
      expect(await probe.scanDom(page), `search ${query}`).toEqual([]);
    }
    await page.screenshot({ path: `tests/e2e/screenshots/xss-${feed.format}-search.png` });

    await page.waitForTimeout(300);
    const executed = await probe.xssHits(page);
    for (const n of executed) hits.add(`${feed.format}#${n}`);
    tried += feed.ids.length;
    expect(executed, 'payloads that ran').toEqual([]);
    expect(await probe.violations(page), 'policy violations (a blocked payload would show here)').toEqual([]);
    expect(page.url().split('#')[0]).toBe(appUrl);
    // Links open outside the app window (a popup here; the link opener on the desktop), and only to http(s).
    for (const url of outside) expect(url, 'links leave only as http(s)').toMatch(/^https?:/);
    for (const url of popups) expect(url, 'no popup runs a script or data URL').not.toMatch(/^(javascript|data|vbscript|file):/i);
  });
}
