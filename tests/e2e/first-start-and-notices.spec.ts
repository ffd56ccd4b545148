import { type Page } from '@playwright/test';
import { zoneName } from '../../core/time/zone-label';
import { expect, test } from './support/fresh-data';
import { SIZES_AND_THEMES } from './support/window-sizes';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);
const MEET = 'Google Meet, link for registered online attendees';

for (const { size, colorScheme } of SIZES_AND_THEMES) {
  test(`at ${size.width}×${size.height}, ${colorScheme}, the first start shows the sample as a sample, with the way to a conference of your own`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    const sidebar = page.getByRole('navigation', { name: 'Conferences' });
    // In a narrow window the sidebar is a closed drawer: open it.
    if (size.width < 960) {
      await expect(sidebar).toBeHidden();
      await page.getByRole('banner').getByRole('button', { name: 'Navigation' }).click();
      await expect(sidebar).toBeVisible();
    }
    // Not filed under "Past conferences": a group of its own.
    await expect(sidebar.getByText(/Past conferences/)).toHaveCount(0);
    await expect(sidebar.getByRole('heading', { name: 'Sample conference' })).toBeVisible();
    if (size.width < 960) await page.keyboard.press('Escape');
    const note = page.getByTestId('sample-note');
    await expect(note).toContainText('Sample conference');
    await expect(note.getByRole('link', { name: 'Add your conference' })).toHaveAttribute('href', '#/subscribe');
    await expect(page.getByRole('button', { name: 'Move to the archive' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remove…' })).toBeVisible();
    // Jump to now is greyed, and says why.
    const jump = page.getByRole('button', { name: 'Jump to now' });
    await expect(jump).toHaveAttribute('aria-disabled', 'true');
    await expect(jump).toHaveAccessibleDescription('The conference is not on today');
    await expect(page.getByText('The conference is not on today', { exact: true })).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/first-start-${size.width}-${colorScheme}.png` });
    // A session page says where the hallway track is and who gets its link.
    await page.goto('/#/c/centos-connect-2023/session/kmods');
    await expect(page.getByRole('list', { name: 'Links' }).getByRole('link', { name: `Hallway / chat: ${MEET}` })).toHaveAttribute('href', 'https://connect.centos.org/');
    await note.getByRole('link', { name: 'Add your conference' }).click();
    await expect(page.getByRole('button', { name: 'Preview', exact: true })).toBeVisible();
  });

  test(`at ${size.width}×${size.height}, ${colorScheme}, during the sample conference its Live now cards say where the hallway is`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme });
    // 15:25 in Brussels on the day: Kmods SIG Update starts in five minutes.
    await page.clock.install({ time: Date.parse('2023-02-03T14:25:00Z') });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    await page.goto('/#/live');
    const card = page.getByRole('article', { name: 'Kmods SIG Update' });
    await expect(card.getByRole('button', { name: 'Join hallway' })).toBeVisible();
    await expect(card).toContainText(MEET);
    await expect(card).not.toContainText('No hallway room');
    await page.screenshot({ path: `tests/e2e/screenshots/live-sample-${size.width}-${colorScheme}.png` });
  });
}

/** A viewer's zone whose clock differs from the conference's. */
function elsewhere(conferenceZone: string): string {
  return conferenceZone === 'Etc/GMT-9' ? 'America/New_York' : 'Asia/Tokyo';
}

async function star(page: Page, sessionId: string, title: string): Promise<void> {
  await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: 'Going' }).click();
  await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
}

for (const { size, colorScheme } of SIZES_AND_THEMES) {
  test(`at ${size.width}×${size.height}, ${colorScheme}, a reminder says "Starts in 10 min" even a minute late, in the toggle's zone, named`, async ({ browser }) => {
    test.setTimeout(60_000);
    const start = Date.now();
    const conf = liveConference(start);
    const viewerZone = elsewhere(conf.zone);
    const context = await browser.newContext({ timezoneId: viewerZone, viewport: size, colorScheme });
    await context.grantPermissions(['notifications']);
    const page = await context.newPage();
    await page.clock.install({ time: start });
    const t = (minutes: number): number => Math.ceil(start / MIN) * MIN + minutes * MIN;
    host().publish('testcon.json', conf.build((_feed, at) => {
      at('hyperscale', t(30), 20, 'lab');
      at('mirrormanager', t(60), 20, 'hall');
    }));
    await subscribeByLink(page, `${host().url}testcon.json`);
    await star(page, 'hyperscale', 'Hyperscale SIG update');
    await star(page, 'mirrormanager', 'MirrorManager and CentOS Stream 9');
    const advanceTo = async (at: number): Promise<void> => {
      const now = await page.evaluate<number>('Date.now()');
      await page.clock.runFor(Math.max(0, at - now));
    };
    await page.getByRole('button', { name: /Notifications/ }).click();
    const notices = page.getByRole('region', { name: 'Recent notifications' });
    // Shown 50 s after its time (a hidden window ticks once a minute): still "10 min", not "9 min".
    await advanceTo(t(20) + 50_000);
    await expect(notices.getByText('Starts in 10 min: Hyperscale SIG update')).toBeVisible();
    // Conference time (the default): the conference's clock, named, since the viewer's reads otherwise.
    await expect(notices.getByText(`${conf.clock(t(30))}–${conf.clock(t(50))} ${zoneName(conf.zone)} · Lab room · TestCon 2023`)).toBeVisible();
    await page.keyboard.press('Escape');

    // My time: the viewer's clock, said to be theirs.
    await page.getByRole('group', { name: 'Show times in' }).getByRole('button', { name: 'My time' }).click();
    const mine = (ms: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: viewerZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
    await advanceTo(t(50) + 20_000);
    await page.getByRole('button', { name: /Notifications/ }).click();
    await expect(notices.getByText('Starts in 10 min: MirrorManager and CentOS Stream 9')).toBeVisible();
    await expect(notices.getByText(`${mine(t(60))}–${mine(t(80))} your time · Great hall · TestCon 2023`)).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/notices-zone-${size.width}-${colorScheme}.png` });
    await context.close();
  });
}
