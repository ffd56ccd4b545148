import { type Browser, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearDataDir, DATA_DIR, expect, test } from './support/fresh-data';
import { testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);

async function star(page: Page, sessionId: string, title: string, level: 'Going' | 'Maybe'): Promise<void> {
  await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: level }).click();
  await expect(control.getByRole('button', { name: level })).toHaveAttribute('aria-pressed', 'true');
}

async function subscribe(page: Page, url: string): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(url)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
}

/** A second person: a fresh browser profile, and no backup copy of the first one's data to restore. */
async function friend(browser: Browser): Promise<Page> {
  clearDataDir();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  return page;
}

test('share my picks: a link and QR code on one profile, opened in another that subscribes and adds them as maybe', async ({ page, browser }) => {
  test.setTimeout(60_000);
  host().publish('testcon.json', testConference());
  const feedUrl = `${host().url}testcon.json`;
  await subscribe(page, feedUrl);
  await star(page, 'kmods', 'Kmods SIG Update', 'Going');
  await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Maybe');
  await star(page, 'alma', 'AlmaLinux Build System and Project Updates', 'Going');

  await page.goto('/#/c/testcon-2023/agenda');
  const share = page.getByRole('region', { name: 'Share my picks' });
  await share.getByRole('button', { name: 'Share my picks…' }).click();
  const link = await share.getByRole('textbox', { name: 'Link to my picks' }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/picks\?c=testcon-2023&u=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Ftestcon\.json&s=/);
  expect(link.length).toBeLessThan(200);
  // The QR code is an image from a blob: URL (the CSP allows no data: images), and it really loads.
  const qr = share.getByRole('img', { name: 'QR code of the link to my picks' });
  await expect(qr).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() =>
      qr.evaluate((element) => {
        const img = element as unknown as { complete: boolean; naturalWidth: number };
        return img.complete && img.naturalWidth > 0;
      }),
    )
    .toBe(true);
  await share.screenshot({ path: 'tests/e2e/screenshots/share-picks.png' });
  // Let the first profile's backup copy catch up first, so no late write of it lands after the friend's start.
  const mirror = join(DATA_DIR, 'personal-data.json');
  await expect.poll(() => existsSync(mirror) && readFileSync(mirror, 'utf8').includes('"alma"')).toBe(true);
  await page.context().close();

  // The friend has never heard of TestCon; the link also names a session that no longer exists.
  const other = await friend(browser);
  await other.goto(`${link},ghost-talk`);
  await expect(other.getByRole('heading', { level: 1, name: 'Shared picks' })).toBeVisible();
  await expect(other.getByText('These picks are for a conference you do not follow yet.')).toBeVisible();
  // An unknown conference is offered, never fetched before the person asks for the preview.
  await other.getByRole('button', { name: 'Preview', exact: true }).click();
  await other.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  const picks = other.getByRole('list', { name: 'Shared picks' });
  await expect(picks.getByRole('listitem')).toHaveCount(3);
  await expect(picks.getByRole('listitem').filter({ hasText: 'Kmods SIG Update' })).toContainText('15:30–16:00');
  await expect(other.getByRole('list', { name: 'Not found' })).toHaveText('ghost-talk');

  // The friend already goes to AlmaLinux: that star stays "going".
  await star(other, 'alma', 'AlmaLinux Build System and Project Updates', 'Going');
  await other.goBack();
  await expect(picks.getByRole('listitem').filter({ hasText: 'AlmaLinux' })).toContainText('in your agenda (★ going)');
  await other.getByRole('button', { name: 'Add 2 to my agenda as maybe' }).click();
  await expect(other.getByRole('status')).toHaveText('Added 2 sessions to your agenda as maybe.');
  await expect(picks.getByRole('listitem').filter({ hasText: 'Kmods SIG Update' })).toContainText('in your agenda (☆ maybe)');
  await expect(other.getByText('All of them are in your agenda.')).toBeVisible();

  await other.goto('/#/c/testcon-2023/session/alma');
  await expect(other.getByRole('main').getByRole('group', { name: 'My agenda: AlmaLinux Build System and Project Updates' }).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
  await other.goto('/#/c/testcon-2023/session/kmods');
  await expect(other.getByRole('main').getByRole('group', { name: 'My agenda: Kmods SIG Update' }).getByRole('button', { name: 'Maybe' })).toHaveAttribute('aria-pressed', 'true');
  await other.context().close();
});

test('a picks link that cannot be read says why and changes nothing', async ({ page }) => {
  await page.goto('/#/picks?c=centos-connect-2023&n=1.!');
  await expect(page.getByRole('alert')).toHaveText('This picks link cannot be read: Session 2 in the link is not a number ("!").');
  await page.goto('/#/picks?c=somewhere-else&s=a,b');
  await expect(page.getByRole('alert')).toContainText('These picks are for a conference you do not follow (“somewhere-else”)');
});
