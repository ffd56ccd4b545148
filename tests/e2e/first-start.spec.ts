import { expect, test } from './support/fresh-data';

test.describe('first start', () => {
// The list renders the rows on screen: at 1280×800 the afternoon's Kmods talk is among them under the header's participation links.
test.use({ viewport: { width: 1280, height: 800 } });
  test('shows the built-in CentOS Connect sample with no network', async ({ page, context }) => {
    const outside: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    await expect(page.getByText('built-in sample')).toBeVisible();
    await expect(page.getByText(/^18 sessions/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/schedule-list.png' });

    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expect(page.getByTestId('timeline').getByRole('group', { name: 'Pagoda room' }).getByRole('link', { name: /Kmods SIG Update/ })).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/schedule-timeline.png' });
    await page.getByRole('button', { name: 'List' }).click();

    await page.getByRole('link', { name: 'Kmods SIG Update' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
    await expect(page.getByText('15:30–16:00')).toBeVisible();
    await expect(page.getByText(/kABI tracking kernel modules/)).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/session.png' });
    await page.getByRole('link', { name: 'Peter Georg' }).click();
    await expect(page.getByText(/Chair of the CentOS Kmods SIG/)).toBeVisible();
    expect(outside).toEqual([]);
  });

  test('the time-zone toggle switches every time shown', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Kmods SIG Update' }).click();
    await expect(page.getByText('15:30–16:00')).toBeVisible();
    await page.getByRole('button', { name: 'My time' }).click();
    // The browser runs in UTC here: Brussels 15:30 is 14:30 UTC.
    await expect(page.getByText('14:30–15:00').first()).toBeVisible();
    await page.getByRole('button', { name: 'Conference time' }).click();
    await expect(page.getByText('15:30–16:00').first()).toBeVisible();
  });

  test('the web-mode server sends the security headers and guards its API', async ({ request, baseURL }) => {
    const response = await request.get('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const forged = await request.post('/api/app:info', { data: { args: [] }, headers: { origin: 'https://evil.example' } });
    expect(forged.status()).toBe(403);
    const ok = await request.post('/api/app:info', { data: { args: [] }, headers: { 'x-lanyard-request': '1', origin: (baseURL ?? '').replace(/\/$/, '') } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { mode: 'web' } });
  });
});
