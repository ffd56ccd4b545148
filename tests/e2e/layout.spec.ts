import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { WINDOW_SIZES } from './support/window-sizes';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { busyDay } from './support/busy-day';
import { putRows } from './support/store-rows';
import { violations } from './support/axe';

const host = useFeedHost(test);

const SIZES = WINDOW_SIZES;

/** A box's width in CSS pixels (the e2e project has no DOM types). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
}

/**
 * TestCon on today, with the widest top bar there is: a talk starred as going (Next for me
 * filled) and two new notifications.
 */
async function busyTopBar(page: Page): Promise<ReturnType<typeof busyDay>> {
  const day = busyDay(Date.now());
  host().publish('testcon.json', day.feed);
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.goto(`/#/c/testcon-2023/session/${day.onNowId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${day.onNow}` });
  await control.getByRole('button', { name: 'Going' }).click();
  await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
  const at = Date.now();
  await putRows(page, {
    notices: [
      { at: at - 60_000, kind: 'reminder', title: `Starting soon: ${day.onNow}`, body: 'Main hall', outcome: 'not-allowed' },
      { at: at - 30_000, kind: 'changes', title: 'TestCon 2023 changed your agenda', body: 'A room moved', outcome: 'not-allowed' },
    ],
  });
  // A reload: the rows were written past the app, which reads them when it starts.
  await page.goto('/#/c/testcon-2023');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  // Two, or three when the reminder of the talk starred (on now) was missed as well.
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notifications \([23] new\)$/ })).toBeAttached();
  return day;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`at 640×480 (${colorScheme}) every top-bar control is on screen and works`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 640, height: 480 });
    const day = await busyTopBar(page);
    const bar = page.getByRole('banner');
    const sidebar = page.getByRole('navigation', { name: 'Conferences' });

    // The sidebar is a drawer here, closed until asked for; Escape closes it, focus back on its button.
    await expect(sidebar).toBeHidden();
    const toggle = bar.getByRole('button', { name: 'Navigation' });
    await toggle.click();
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('link', { name: '+ Add conference' })).toBeInViewport();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
    await expect(toggle).toBeFocused();
    // Following a link in the drawer closes it.
    await toggle.click();
    await sidebar.getByRole('link', { name: /Live now/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Live now' })).toBeVisible();
    await expect(sidebar).toBeHidden();

    // Next for me folds into More.
    const nextForMe = page.getByRole('region', { name: 'Next for me' });
    await expect(nextForMe).toBeHidden();
    await bar.getByRole('button', { name: 'More' }).click();
    await expect(nextForMe.getByRole('link', { name: day.onNow })).toBeInViewport();
    await nextForMe.getByRole('link', { name: day.onNow }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: day.onNow })).toBeVisible();
    await expect(nextForMe).toBeHidden();

    // Notifications opens its list, on screen.
    await bar.getByRole('button', { name: /^Notifications \(\d new\)$/ }).click();
    const panel = page.getByRole('region', { name: 'Recent notifications' });
    await expect(panel.getByText(`Starting soon: ${day.onNow}`)).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // The zone toggle, on one line.
    for (const name of ['My time', 'Conference time']) {
      const button = bar.getByRole('button', { name });
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      expect((await button.boundingBox())!.height).toBeLessThan(40);
    }

    // The search box has room to type in, and searching works.
    const search = bar.getByRole('searchbox');
    expect((await search.boundingBox())!.width).toBeGreaterThanOrEqual(120);
    await search.fill('lightning');
    await expect(page.getByRole('main').getByRole('link', { name: /Lightning talk/ }).first()).toBeVisible();
    // The app's name leads home (the first conference: here the built-in sample).
    await bar.getByRole('link', { name: 'Lanyard' }).click();
    await expect(page.getByRole('main').getByRole('navigation', { name: 'Conference sections' })).toBeVisible();
  });
}

test('the top bar fits on one line at 640, 900, 1280 and 1920 px, with Next for me filled and new notifications', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await busyTopBar(page);
  const bar = page.getByRole('banner');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const fits = await bar.evaluate((el) => (el as unknown as Box).scrollWidth <= (el as unknown as Box).clientWidth);
    expect(fits, `the top bar overflows at ${size.width} px`).toBe(true);
    const barBox = (await bar.boundingBox())!;
    expect(barBox.height, `the top bar wraps at ${size.width} px`).toBeLessThan(56);
    for (const name of ['Conference time', 'My time']) {
      const box = (await bar.getByRole('button', { name }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.height).toBeLessThan(40);
    }
    const search = (await bar.getByRole('searchbox').boundingBox())!.width;
    expect(search, `the search box at ${size.width} px`).toBeGreaterThanOrEqual(size.width >= 1280 ? 240 : 120);
    // Next for me is in the bar where there is room for it, in More where there is not.
    const nextForMe = page.getByRole('region', { name: 'Next for me' });
    if (size.width >= 1280) await expect(nextForMe.getByRole('link')).toBeVisible();
    else await expect(bar.getByRole('button', { name: 'More' })).toBeVisible();
  }
});

test('the sidebar folds away with its button, is remembered, and is a closed drawer in a narrow window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const day = busyDay(Date.now(), 3);
  host().publish('testcon.json', day.feed);
  await subscribeByLink(page, `${host().url}testcon.json`);
  const sidebar = page.getByRole('navigation', { name: 'Conferences' });
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Navigation' });
  await expect(sidebar).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const wide = (await page.getByRole('main').boundingBox())!.width;
  await toggle.click();
  await expect(sidebar).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // The content takes the room the sidebar left.
  expect((await page.getByRole('main').boundingBox())!.width).toBeGreaterThan(wide + 200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(sidebar).toBeHidden();
  await toggle.click();
  await expect(sidebar).toBeVisible();

  // Narrow: a drawer, closed by default, over the content (which keeps its full width).
  await page.setViewportSize({ width: 900, height: 700 });
  await expect(sidebar).toBeHidden();
  await toggle.click();
  await expect(sidebar).toBeVisible();
  expect((await page.getByRole('main').boundingBox())!.width).toBeGreaterThan(850);
  await expect(sidebar.getByRole('link', { name: /TestCon 2023/ })).toBeInViewport();
  await sidebar.getByRole('button', { name: /Close/ }).click();
  await expect(sidebar).toBeHidden();
  await expect(toggle).toBeFocused();
});
