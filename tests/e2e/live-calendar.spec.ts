import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { radicaleMissing, readWithPythonCaldav, startRadicale } from '../unit/support/radicale';

const SAMPLE = 'centos-connect-2023';

async function star(page: Page, sessionId: string, title: string, level: 'Going' | 'Maybe'): Promise<void> {
  await page.goto(`/#/c/${SAMPLE}/session/${sessionId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: level }).click();
  await expect(control.getByRole('button', { name: level })).toHaveAttribute('aria-pressed', 'true');
}

/** What a calendar app reads at the subscription address (a real HTTP request from outside the browser). */
async function subscribed(url: string): Promise<{ status: number; summaries: string[]; body: string }> {
  const response = await fetch(url);
  const body = await response.text();
  const summaries = [...body.matchAll(/^SUMMARY:(.*)\r$/gm)].map((m) => m[1] ?? '').sort();
  return { status: response.status, summaries, body };
}

test('the agenda as a calendar subscription on 127.0.0.1: starred sessions only, following changes; Reset link', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  await star(page, 'kmods', 'Kmods SIG Update', 'Going');
  await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Maybe');

  await page.goto('/#/data');
  const section = page.getByRole('region', { name: 'Live calendar' });
  const address = section.getByRole('textbox', { name: 'Calendar subscription address' });
  await expect(address).toHaveValue(/^webcal:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/agenda\.ics$/);
  const url = (await address.inputValue()).replace(/^webcal:/, 'http:');
  await expect.poll(async () => (await subscribed(url)).summaries).toEqual(['Introducing CentOS Stream CoreOS and OKD Streams', 'Kmods SIG Update']);
  const { body } = await subscribed(url);
  expect(body).toContain('STATUS:TENTATIVE');
  expect(body).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\n/);
  await expect(section.getByTestId('webcal-facts')).toContainText('2 events');
  await section.screenshot({ path: 'tests/e2e/screenshots/live-calendar.png' });

  // Unstar Kmods: it leaves the calendar.
  await page.goto(`/#/c/${SAMPLE}/session/kmods`);
  await page.getByRole('main').getByRole('group', { name: 'My agenda: Kmods SIG Update' }).getByRole('button', { name: 'Going' }).click();
  await expect.poll(async () => (await subscribed(url)).summaries).toEqual(['Introducing CentOS Stream CoreOS and OKD Streams']);

  // A wrong token is a 404; Reset link makes a new address and the old one stops working.
  const token = new URL(url).pathname.split('/')[1] ?? '';
  expect((await subscribed(url.replace(token, `${token.slice(0, -2)}xx`))).status).toBe(404);
  await page.goto('/#/data');
  await section.getByRole('button', { name: 'Reset link…' }).click();
  await section.getByRole('button', { name: 'Make a new address' }).click();
  await expect(address).not.toHaveValue(url.replace(/^http:/, 'webcal:'));
  const renewed = (await address.inputValue()).replace(/^webcal:/, 'http:');
  expect((await subscribed(url)).status).toBe(404);
  expect((await subscribed(renewed)).summaries).toEqual(['Introducing CentOS Stream CoreOS and OKD Streams']);
});

const missing = radicaleMissing();
test('CalDAV: connect to a Radicale and keep the "Lanyard agenda" calendar in step', async ({ page }) => {
  test.skip(missing !== undefined, `CalDAV against Radicale: ${missing}`);
  test.setTimeout(60_000);
  const server = await startRadicale();
  try {
    await page.goto('/');
    await star(page, 'kmods', 'Kmods SIG Update', 'Going');
    await page.goto('/#/data');
    // The web server outlives each test's browser: wait until it has this page's agenda.
    const url = (await page.getByRole('textbox', { name: 'Calendar subscription address' }).inputValue()).replace(/^webcal:/, 'http:');
    await expect.poll(async () => (await subscribed(url)).summaries).toEqual(['Kmods SIG Update']);
    const form = page.getByRole('form', { name: 'Connect a CalDAV calendar' });
    await form.getByLabel('CalDAV address').fill(server.url);
    await form.getByLabel('User name').fill(server.user);
    await form.getByLabel('Password').fill('not the password');
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect(form.getByRole('alert')).toContainText('refused the user name or password');
    await form.getByLabel('Password').fill(server.password);
    await form.getByRole('button', { name: 'Connect' }).click();
    const status = page.getByTestId('caldav-status');
    await expect(status).toContainText('In step: 1 event');
    await expect(status).toContainText('a file in Lanyard’s data folder that only you can read');
    expect(Object.values(readWithPythonCaldav(server, 'Lanyard agenda').events).map((e) => e.summary)).toEqual(['Kmods SIG Update']);

    await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Maybe');
    await expect.poll(() => Object.values(readWithPythonCaldav(server, 'Lanyard agenda').events).map((e) => `${e.summary} ${e.status}`).sort()).toEqual([
      'Introducing CentOS Stream CoreOS and OKD Streams TENTATIVE',
      'Kmods SIG Update CONFIRMED',
    ]);
    await page.goto('/#/data');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('form', { name: 'Connect a CalDAV calendar' })).toBeVisible();
  } finally {
    await server.remove();
  }
});
