import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { FeedHost } from './support/feed-host';

const FOSDEM_2020 = resolve(import.meta.dirname, '../../../shared/corpus/fosdem/fosdem-2020.xml');
const hasCorpus = existsSync(FOSDEM_2020);

let feeds: FeedHost;
test.beforeEach(async () => {
  test.skip(!hasCorpus, `the corpus is not at ${FOSDEM_2020}`);
  feeds = new FeedHost();
  await feeds.start();
  feeds.publish('fosdem-2020.xml', readFileSync(FOSDEM_2020, 'utf8'));
});
test.afterEach(async () => {
  await feeds?.dispose();
});

async function subscribeToFosdem(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}fosdem-2020.xml`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'FOSDEM 2020' })).toBeVisible({ timeout: 20_000 });
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'FOSDEM 2020' })).toBeVisible({ timeout: 20_000 });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main views on FOSDEM-size data (${colorScheme})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `tests/e2e/screenshots/fosdem-${name}-${colorScheme}.png` });
    try {
      await subscribeToFosdem(page);
      await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Sat 1 Feb' }).click();
      const count = page.getByText(/^\d+ sessions · times in Europe\/Brussels/);
      await expect(count).toBeVisible();
      const total = Number((await count.textContent())?.match(/^\d+/)?.[0]);
      expect(total).toBeGreaterThan(400);
      // Virtualised: only the rows on screen exist.
      const rows = await page.getByRole('listitem').count();
      expect(rows).toBeGreaterThan(5);
      expect(rows).toBeLessThan(60);
      await shot('schedule-list');

      await page.getByRole('button', { name: 'Timeline' }).click();
      // Rooms are labelled groups of session links (the visible header row is for the eye).
      await expect(page.getByRole('group', { name: 'Janson' })).toBeVisible();
      expect(await page.getByTestId('timeline').getByRole('group').count()).toBeGreaterThan(20);
      // Short talks (the 5-minute devroom openings) never hide the next talk in their room.
      const blocks = page.getByRole('group', { name: 'H.1309 (Van Rijn)' }).getByRole('link');
      const boxes = await blocks.evaluateAll((els: unknown[]) => els.map((e) => (e as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      expect(boxes.length).toBeGreaterThan(5);
      for (let i = 1; i < boxes.length; i += 1) expect(boxes[i - 1]!.bottom).toBeLessThanOrEqual(boxes[i]!.top + 0.5);
      await shot('schedule-timeline');
      // Hovering a block shows all of its title above its neighbours.
      const opening = blocks.first();
      const closed = (await opening.boundingBox())!.height;
      await opening.hover();
      await expect.poll(async () => (await opening.boundingBox())!.height).toBeGreaterThan(closed);
      await shot('schedule-timeline-hover');
      // Arrow keys: along the room, then across to what is on in the next room.
      await blocks.nth(1).focus();
      await page.keyboard.press('ArrowDown');
      await expect(blocks.nth(2)).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(blocks.first()).toBeFocused();
      const focusedRoom = (): Promise<string | null> => page.evaluate<string | null>('document.activeElement?.closest("[role=group]")?.getAttribute("aria-label") ?? null');
      await page.keyboard.press('ArrowRight');
      expect(await focusedRoom()).not.toBe('H.1309 (Van Rijn)');
      await expect(page.locator(':focus')).toHaveClass(/timeline-block/);
      await page.keyboard.press('ArrowLeft');
      expect(await focusedRoom()).toBe('H.1309 (Van Rijn)');
      await page.getByRole('button', { name: 'List' }).click();

      await page.goto('/#/c/fosdem-2020/speakers');
      await expect(page.getByText(/^\d+ speakers$/)).toBeVisible();
      const speakerCount = Number((await page.getByText(/^\d+ speakers$/).textContent())?.match(/^\d+/)?.[0]);
      expect(speakerCount).toBeGreaterThan(800);
      // A phone-book index under letter headings; virtualised, so only the lines on screen exist.
      const index = page.getByRole('list', { name: 'Speakers' });
      await expect(index.getByRole('heading', { name: 'A', exact: true })).toBeVisible();
      expect(await index.getByRole('listitem').count()).toBeLessThan(250);
      await shot('speakers');
      // The letter bar jumps to N: its heading is at the top and has the focus, Tab goes to its first name.
      await page.getByRole('navigation', { name: 'Jump to letter' }).getByRole('button', { name: 'Speakers under N' }).click();
      const letterN = index.getByRole('heading', { name: 'N', exact: true });
      await expect(letterN).toBeFocused();
      await expect(letterN).toBeInViewport();
      await expect(index.getByRole('heading', { name: 'A', exact: true })).toHaveCount(0);
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toHaveText(/^N/);
      await shot('speakers-n');
      // The filter narrows the index; a speaker far down the alphabet is one click away.
      await page.getByRole('searchbox', { name: 'Filter speakers' }).fill('zaitsev');
      await expect(page.getByText('1 speaker', { exact: true })).toBeVisible();
      await index.getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2, name: /Zaitsev/ })).toBeVisible();

      // Every recording of a past FOSDEM, virtualised: the last one is reached by scrolling.
      await page.goto('/#/recordings');
      const recordedHeading = page.getByRole('heading', { name: /^Recorded sessions \(\d+\)$/ });
      await expect(recordedHeading).toBeVisible();
      const recorded = Number((await recordedHeading.textContent())?.match(/\((\d+)\)/)?.[1]);
      expect(recorded).toBeGreaterThan(500);
      const recordings = page.getByRole('list', { name: 'Recorded sessions' });
      expect(await recordings.getByRole('listitem').count()).toBeLessThan(40);
      await shot('recordings');
      const scroller = page.getByTestId('recording-list');
      // Each scroll to the bottom renders more rows (measured heights grow the list): scroll until the last one is there.
      await expect.poll(async () => {
        await scroller.evaluate((el: unknown) => {
          const box = el as { scrollTop: number; scrollHeight: number };
          box.scrollTop = box.scrollHeight;
        });
        return recordings.locator(`[data-index="${recorded - 1}"]`).count();
      }).toBe(1);
      await expect(recordings.locator(`[data-index="${recorded - 1}"]`)).toBeVisible();

      await page.keyboard.press('/');
      await page.getByRole('searchbox', { name: 'Search conferences' }).fill('rust');
      const results = page.getByRole('list', { name: 'Search results' });
      // FOSDEM 2020 was just added: its sessions join the index in the background.
      await expect(page.getByText(/Updating the index/)).toHaveCount(0, { timeout: 20_000 });
      await expect(results.getByRole('listitem').first()).toContainText(/rust/i);
      await expect(results.getByRole('listitem').first()).toContainText('FOSDEM 2020');
      await shot('search');
      await results.getByRole('link').first().click();
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByText('When', { exact: true })).toBeVisible();
      await shot('session');
    } finally {
      await context.close();
    }
  });
}
