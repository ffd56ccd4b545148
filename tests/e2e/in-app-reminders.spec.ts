import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { SIZES_AND_THEMES } from './support/window-sizes';
import { useFeedHost } from './support/feed-host';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);

async function subscribe(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
}

async function goTo(page: Page, sessionId: string, title: string): Promise<void> {
  await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: 'Going' }).click();
  await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
}

for (const { size, colorScheme } of SIZES_AND_THEMES) {
  test(`at ${size.width}×${size.height}, ${colorScheme}, a reminder the browser may not show appears in the app until seen, and the Reminders box says why`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme });
    // Notifications were never allowed (the browser's default): no system notification can be shown.
    const conf = liveConference(Date.now());
    host().publish('testcon.json', conf.build((_feed, at) => at('mirrormanager', conf.soon + 2 * MIN, 20, 'hall')));
    await subscribe(page);
    expect(await page.evaluate<string>('Notification.permission')).toBe('default');

    // The Reminders box says, before anything fires, that reminders stay in the app, and how to change that.
    await page.goto('/#/c/testcon-2023/agenda');
    const box = page.getByRole('group', { name: 'Reminders' });
    await expect(box.getByTestId('reminder-delivery')).toContainText('Reminders are shown inside Lanyard only');
    await expect(box.getByTestId('reminder-delivery')).toContainText('this browser has not been allowed to show notifications yet');
    await expect(box.getByRole('button', { name: 'Allow notifications' })).toBeVisible();

    // Two sessions start within 10 minutes: both reminders are due at once, and both stay on screen, stacked.
    await goTo(page, 'hyperscale', 'Hyperscale SIG update');
    await goTo(page, 'mirrormanager', 'MirrorManager and CentOS Stream 9');
    const region = page.getByRole('region', { name: 'Reminders shown in Lanyard' });
    const first = region.getByRole('listitem', { name: /^Starts in \d+ min: Hyperscale SIG update$/ });
    const second = region.getByRole('listitem', { name: /^Starts in \d+ min: MirrorManager and CentOS Stream 9$/ });
    await expect(first).toBeVisible();
    await expect(second).toBeVisible();
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expect(first).toContainText('Shown here because this browser is not allowed to show Lanyard’s notifications.');
    await expect(first.getByRole('link', { name: 'Watch the stream' })).toHaveAttribute('href', 'https://stream.example.org/lab');
    // Both fit in the window, one above the other.
    for (const toast of [first, second]) {
      const box = (await toast.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
    expect((await first.boundingBox())!.y).toBeLessThan((await second.boundingBox())!.y);
    await page.screenshot({ path: `tests/e2e/screenshots/in-app-reminders-${size.width}-${colorScheme}.png` });

    // They stay: a reload (or another page) does not drop an unseen reminder.
    await page.goto('/#/c/testcon-2023/agenda');
    await page.reload();
    await expect(first).toBeVisible();
    // The Reminders box now also lists nothing new, but still says why; the Notifications list keeps both.
    await page.getByRole('button', { name: /Notifications/ }).click();
    await expect(page.getByRole('region', { name: 'Recent notifications' }).getByText('not shown: notifications are not allowed')).toHaveCount(2);
    await page.keyboard.press('Escape');

    // Clicking one opens its session and it leaves the screen; the dismiss button removes the other.
    await first.getByRole('button', { name: /Hyperscale SIG update/ }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Hyperscale SIG update' })).toBeVisible();
    await expect(first).toHaveCount(0);
    await expect(second).toBeVisible();
    await second.getByRole('button', { name: 'Dismiss: ' + (await second.getAttribute('aria-label'))! }).click();
    await expect(second).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Hyperscale SIG update' })).toBeVisible();
    await expect(region.getByRole('listitem')).toHaveCount(0);
  });
}

test('with notifications allowed, a reminder is a system notification and nothing stays in the app', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  const conf = liveConference(Date.now());
  host().publish('testcon.json', conf.build(() => undefined));
  await subscribe(page);
  await page.goto('/#/c/testcon-2023/agenda');
  await expect(page.getByTestId('reminder-delivery')).toHaveText('Reminders are shown as system notifications.');
  await goTo(page, 'hyperscale', 'Hyperscale SIG update');
  await page.getByRole('button', { name: /Notifications/ }).click();
  await expect(page.getByRole('region', { name: 'Recent notifications' }).getByText(/^Starts in \d+ min: Hyperscale SIG update$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Reminders shown in Lanyard' }).getByRole('listitem')).toHaveCount(0);
});

test('with notifications blocked, the Reminders box says how to unblock them', async ({ browser }) => {
  const context = await browser.newContext();
  const blocked = await context.newPage();
  // Chromium answers "denied" once the user has blocked the site; the page reads it from Notification.permission.
  await blocked.addInitScript({ content: "Object.defineProperty(Notification, 'permission', { get: () => 'denied' });" });
  const conf = liveConference(Date.now());
  host().publish('testcon.json', conf.build(() => undefined));
  await subscribe(blocked);
  await blocked.goto('/#/c/testcon-2023/agenda');
  await expect(blocked.getByTestId('reminder-delivery')).toContainText('notifications are blocked for Lanyard in this browser');
  await expect(blocked.getByTestId('reminder-delivery')).toContainText('set Notifications to Allow');
  await goTo(blocked, 'hyperscale', 'Hyperscale SIG update');
  await expect(blocked.getByRole('region', { name: 'Reminders shown in Lanyard' }).getByRole('listitem')).toContainText('Shown here because this browser is not allowed');
  await context.close();
});

test('in a browser with no notifications at all, reminders appear in the app and the Reminders box says so', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: 'delete window.Notification;' });
  const conf = liveConference(Date.now());
  host().publish('testcon.json', conf.build(() => undefined));
  await subscribe(page);
  await page.goto('/#/c/testcon-2023/agenda');
  await expect(page.getByTestId('reminder-delivery')).toContainText('Reminders are shown inside Lanyard only');
  await expect(page.getByTestId('reminder-delivery')).toContainText('this browser cannot show system notifications');
  await goTo(page, 'hyperscale', 'Hyperscale SIG update');
  await expect(page.getByRole('region', { name: 'Reminders shown in Lanyard' }).getByRole('listitem')).toContainText('Shown here because this browser cannot show notifications.');
  await context.close();
});
