import { expect, test } from '@playwright/test';

test.describe('first start', () => {
  test('shows the built-in CentOS Connect sample with no network', async ({ page, context }) => {
    const outside: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /CentOS Connect/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Friday,? 3 February 2023/ })).toBeVisible();
    await expect(page.locator('.session-row')).toHaveCount(18);
    await expect(page.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/schedule.png', fullPage: true });

    await page.getByRole('link', { name: 'Kmods SIG Update' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kmods SIG Update' })).toBeVisible();
    await expect(page.getByText('15:30–16:00 (Europe/Brussels)')).toBeVisible();
    await expect(page.getByText(/kABI tracking kernel modules/)).toBeVisible();
    await page.getByRole('link', { name: 'Peter Georg' }).click();
    await expect(page.getByText(/Chair of the CentOS Kmods SIG/)).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/speaker.png' });
    expect(outside).toEqual([]);
  });

  test('the web-mode server sends the security headers', async ({ request }) => {
    const response = await request.get('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});
