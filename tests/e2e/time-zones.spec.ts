import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';

// The built-in CentOS Connect 2023 sample: Friday 3 February 2023 in Brussels (UTC+1),
// 08:30–18:00 local. Seen from Tokyo (UTC+9) its last talks are on Saturday after midnight;
// seen from Los Angeles (UTC-8) its morning coffee is on Thursday evening.
const CONF = '/#/c/centos-connect-2023';

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
}

async function setZone(page: Page, name: 'My time' | 'Conference time'): Promise<void> {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
}

/** The part of a DOM element the page scrolls with (the e2e tests are typed without the DOM library). */
interface Scrollable {
  scrollHeight: number;
  scrollTo(x: number, y: number): void;
}

/** A session's row in the schedule list (virtualised: scrolled into the rendered range first). */
async function scheduleTime(page: Page, title: string): Promise<string> {
  const list = page.getByTestId('session-list');
  await list.evaluate((el: Scrollable, to: number) => el.scrollTo(0, to), title === 'Connect over coffee' ? 0 : 100_000);
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  return (await row.locator('time').textContent()) ?? '';
}

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `tests/e2e/screenshots/tz-${name}.png` });

test.describe('seen from Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });

  test('My time shows Saturday for the Friday evening talks, Conference time shows Friday', async ({ page }) => {
    test.setTimeout(60_000);
    await openSample(page);
    await setZone(page, 'My time');

    // Schedule list: the tab is the conference's day; the times after Tokyo's midnight carry their date.
    await expect(page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Fri 3 Feb' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(/^18 sessions · times in Asia\/Tokyo/)).toBeVisible();
    await expect(page.getByTestId('day-span')).toHaveText(': this conference day runs Fri 3 Feb 16:30 – Sat 4 Feb 02:00 there');
    expect(await scheduleTime(page, 'CentOS Board AMA')).toBe('01:00–02:00 Sat 4 Feb');
    expect(await scheduleTime(page, 'A year in review 2023 - CentOS Automotive SIG')).toBe('00:15–01:00 Sat 4 Feb');
    expect(await scheduleTime(page, 'Kmods SIG Update')).toBe('23:30–00:00');
    await shot(page, 'tokyo-schedule-list');

    // Timeline: hour lines on Tokyo's hours, Saturday named at midnight.
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline.getByText('16:00', { exact: true })).toBeVisible();
    await timeline.evaluate((el: Scrollable) => el.scrollTo(0, el.scrollHeight));
    await expect(timeline.getByText('Sat 4 Feb', { exact: true })).toHaveCount(1);
    await expect(timeline.getByRole('link').filter({ hasText: 'CentOS Board AMA' })).toHaveAttribute('title', 'Sat 4 Feb 01:00–02:00 CentOS Board AMA');
    await shot(page, 'tokyo-schedule-timeline');
    await page.getByRole('button', { name: 'List' }).click();

    // Session page: its own date in Tokyo, and Brussels' with its own date too.
    await page.goto(`${CONF}/session/board-ama`);
    await expect(page.getByRole('heading', { level: 2, name: 'CentOS Board AMA' })).toBeVisible();
    const when = page.getByRole('definition').first();
    await expect(when).toHaveText(/^Saturday,? 4 February 2023, 01:00–02:00 \(Asia\/Tokyo\) · Fri 3 Feb 17:00–18:00 \(Europe\/Brussels\)$/);
    await expect(page.getByRole('link', { name: /^← Friday,? 3 February 2023 \(conference day\)$/ })).toBeVisible();
    const control = page.getByRole('main').getByRole('group', { name: 'My agenda: CentOS Board AMA' });
    await control.getByRole('button', { name: 'Going' }).click();
    await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
    await shot(page, 'tokyo-session');
    await page.goto(`${CONF}/session/kmods`);
    await expect(page.getByRole('definition').first()).toHaveText(/^Friday,? 3 February 2023, 23:30–00:00 \(Asia\/Tokyo\) · 15:30–16:00 \(Europe\/Brussels\)$/);
    await page.getByRole('main').getByRole('group', { name: 'My agenda: Kmods SIG Update' }).getByRole('button', { name: 'Going' }).click();

    // Agenda: the starred late talk carries Saturday; the one before midnight does not.
    await page.goto(`${CONF}/agenda`);
    const agendaTime = (title: string) => page.getByRole('listitem', { name: title }).locator('time');
    await expect(agendaTime('CentOS Board AMA')).toHaveText('01:00–02:00 Sat 4 Feb');
    await expect(agendaTime('Kmods SIG Update')).toHaveText('23:30–00:00');
    await expect(page.getByTestId('day-span')).toHaveText('In Asia/Tokyo these sessions fall on more than one date: Fri 3 Feb 23:30 – Sat 4 Feb 02:00.');
    await shot(page, 'tokyo-agenda');

    // Speaker pages list each talk under its conference day, marked with its own date where that differs.
    await page.goto(`${CONF}/speaker/ecurtin`);
    await expect(page.getByRole('listitem').filter({ hasText: 'A year in review 2023' }).locator('time')).toHaveText('00:15–01:00 Sat 4 Feb');
    await shot(page, 'tokyo-speaker');
    await page.goto(`${CONF}/speaker/petergeorg`);
    await expect(page.getByRole('listitem').filter({ hasText: 'Kmods SIG Update' }).locator('time')).toHaveText('23:30–00:00');

    // Search already spoke in the zone shown: it still agrees.
    await page.goto('/#/search?q=board');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toContainText('Sat 4 Feb, 01:00–02:00');

    // Conference time: Brussels' Friday everywhere, no date marks.
    await setZone(page, 'Conference time');
    await page.goto(`${CONF}/speaker/ecurtin`);
    await expect(page.getByRole('listitem').filter({ hasText: 'A year in review 2023' }).locator('time')).toHaveText('16:15–17:00');
    await page.goto(`${CONF}/session/board-ama`);
    await expect(page.getByRole('definition').first()).toHaveText(/^Friday,? 3 February 2023, 17:00–18:00 \(Europe\/Brussels\) · Sat 4 Feb 01:00–02:00 \(Asia\/Tokyo\)$/);
    await expect(page.getByRole('link', { name: /^← Friday,? 3 February 2023$/ })).toBeVisible();
    await shot(page, 'tokyo-session-conference-time');
    await page.goto(`${CONF}/agenda`);
    await expect(agendaTime('CentOS Board AMA')).toHaveText('17:00–18:00');
    await expect(page.getByTestId('day-span')).toHaveCount(0);
    await page.goto(CONF);
    await expect(page.getByText(/^18 sessions · times in Europe\/Brussels$/)).toBeVisible();
    expect(await scheduleTime(page, 'CentOS Board AMA')).toBe('17:00–18:00');
    await shot(page, 'tokyo-schedule-conference-time');
  });
});

test.describe('seen from Los Angeles', () => {
  test.use({ timezoneId: 'America/Los_Angeles', viewport: { width: 1280, height: 900 } });

  test('My time puts the Friday morning coffee on Thursday evening', async ({ page }) => {
    await openSample(page);
    await setZone(page, 'My time');
    await expect(page.getByTestId('day-span')).toHaveText(': this conference day runs Thu 2 Feb 23:30 – Fri 3 Feb 09:00 there');
    expect(await scheduleTime(page, 'CentOS Stream: RHEL development in public')).toBe('00:00–00:25');
    expect(await scheduleTime(page, 'Connect over coffee')).toBe('23:30–00:00 Thu 2 Feb');
    await shot(page, 'la-schedule-list');
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByText('Thu 2 Feb', { exact: true })).toBeVisible();
    await expect(timeline.getByText('Fri 3 Feb', { exact: true })).toBeVisible();
    await shot(page, 'la-schedule-timeline');
    await page.goto(`${CONF}/session/coffee`);
    await expect(page.getByRole('definition').first()).toHaveText(/^Thursday,? 2 February 2023, 23:30–00:00 \(America\/Los_Angeles\) · Fri 3 Feb 08:30–09:00 \(Europe\/Brussels\)$/);
  });
});
