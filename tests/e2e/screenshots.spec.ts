import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { WINDOW_SIZES } from './support/window-sizes';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { busyDay } from './support/busy-day';
import { putRows } from './support/store-rows';

const host = useFeedHost(test);

/** Where the suite writes its pictures (git-ignored, like all of test-results/). */
const FOLDER = 'test-results/screenshots';
const SIZES = WINDOW_SIZES;

/** The main views: their address, and something each shows once it has drawn. */
function views(page: Page): Array<{ name: string; hash: string; ready: Locator }> {
  const main = page.getByRole('main');
  return [
    { name: 'schedule-list', hash: '#/c/testcon-2023', ready: page.getByTestId('session-list') },
    { name: 'timeline', hash: '#/c/testcon-2023', ready: page.getByTestId('timeline') },
    { name: 'session', hash: '#/c/testcon-2023/session/main-hall-2', ready: main.getByRole('heading', { level: 2 }) },
    { name: 'agenda', hash: '#/c/testcon-2023/agenda', ready: main.getByRole('heading', { level: 1, name: 'TestCon 2023' }) },
    { name: 'live-now', hash: '#/live', ready: main.getByRole('heading', { level: 1 }) },
    { name: 'rooms', hash: '#/c/testcon-2023/rooms', ready: main.getByRole('link', { name: 'Main hall' }).first() },
    { name: 'speakers', hash: '#/c/testcon-2023/speakers', ready: main.getByRole('heading', { level: 1, name: 'TestCon 2023' }) },
    { name: 'search', hash: '#/search?q=lightning', ready: main.getByRole('link', { name: /Lightning talk/ }).first() },
    { name: 'your-data', hash: '#/data', ready: main.getByRole('heading', { level: 1 }) },
    { name: 'subscribe', hash: '#/subscribe', ready: main.getByRole('button', { name: 'Preview', exact: true }) },
  ];
}

/** How far the page and the top bar are wider than the window (0: they fit). */
async function overflow(page: Page): Promise<{ page: number; topBar: number }> {
  return page.evaluate<{ page: number; topBar: number }>(`(() => {
    const root = document.documentElement;
    const bar = document.querySelector('.top-bar');
    return { page: root.scrollWidth - root.clientWidth, topBar: bar ? bar.scrollWidth - bar.clientWidth : -1 };
  })()`);
}

/** Every control of the top bar is on screen, whole. */
async function expectTopBarInView(page: Page, size: { width: number; height: number }): Promise<void> {
  const bar = page.getByRole('banner');
  const controls = [
    bar.getByRole('button', { name: 'Navigation' }),
    bar.getByRole('link', { name: 'Lanyard' }),
    bar.getByRole('button', { name: /^Notifications/ }),
    bar.getByRole('button', { name: 'Conference time' }),
    bar.getByRole('button', { name: 'My time' }),
  ];
  for (const control of controls) {
    const box = await control.first().boundingBox();
    expect(box, 'a top-bar control is not drawn').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
    // One line: no control of the bar is taller than a line of it.
    expect(box!.height).toBeLessThan(48);
  }
}

test('screenshots of every main view at 640×480, 900×700, 1280×800 and 1920×1080, light and dark', async ({ page }) => {
  test.setTimeout(150_000);
  mkdirSync(FOLDER, { recursive: true });
  const day = busyDay(Date.now());
  host().publish('testcon.json', day.feed);
  await page.setViewportSize({ width: 1280, height: 800 });
  await subscribeByLink(page, `${host().url}testcon.json`);
  // Next for me filled, and Notifications with new ones: the widest the top bar gets.
  await page.goto(`/#/c/testcon-2023/session/${day.onNowId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${day.onNow}` });
  await control.getByRole('button', { name: 'Going' }).click();
  await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
  const at = Date.now();
  await putRows(page, {
    notices: [
      { at: at - 60_000, kind: 'reminder', title: `Starting soon: ${day.onNow}`, body: 'Main hall', outcome: 'not-allowed', sessionRef: 'testcon-2023/main-hall-2' },
      { at: at - 30_000, kind: 'changes', title: 'TestCon 2023 changed a session in your agenda', body: 'Room moved', outcome: 'not-allowed' },
    ],
  });
  await page.reload();
  await expect(page.getByRole('button', { name: /^Notifications \([23] new\)$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Next for me' }).getByRole('link')).toHaveCount(1);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const view of views(page)) {
        await page.evaluate(`location.hash = ${JSON.stringify(view.hash)}`);
        if (view.name === 'schedule-list' || view.name === 'timeline') {
          const name = view.name === 'timeline' ? 'Timeline' : 'List';
          await page.getByRole('group', { name: 'View' }).getByRole('button', { name }).click();
        }
        await expect(view.ready).toBeVisible();
        // Taken before the checks, so a failure has its picture.
        await page.screenshot({ path: `${FOLDER}/${size.width}x${size.height}-${colorScheme}-${view.name}.png` });
        await expectTopBarInView(page, size);
        expect(await overflow(page), `${view.name} at ${size.width}×${size.height}, ${colorScheme}`).toEqual({ page: 0, topBar: 0 });
      }
      // In a narrow window: the sidebar's drawer and the More menu, open.
      if (size.width < 960) {
        const bar = page.getByRole('banner');
        await bar.getByRole('button', { name: 'Navigation' }).click();
        await expect(page.getByRole('navigation', { name: 'Conferences' })).toBeInViewport();
        await page.screenshot({ path: `${FOLDER}/${size.width}x${size.height}-${colorScheme}-drawer.png` });
        await page.keyboard.press('Escape');
        await bar.getByRole('button', { name: 'More' }).click();
        await expect(page.getByRole('region', { name: 'Next for me' })).toBeInViewport();
        await page.screenshot({ path: `${FOLDER}/${size.width}x${size.height}-${colorScheme}-more.png` });
        await page.keyboard.press('Escape');
      }
    }
  }
});
