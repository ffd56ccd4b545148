import { expect, test } from './support/fresh-data';
import { SECURITY_HEADERS } from '../../core/security/headers';
import { installTrustProbe, probe } from './support/trust-probe';

test.describe('content security policy and Trusted Types', () => {
  test('the page, its scripts and the API are served with the one set of security headers', async ({ page, request }) => {
    const response = await page.goto('/');
    expect(response).not.toBeNull();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response!.headers()[name], name).toBe(value);
    const script = await page.locator('script[type="module"]').first().getAttribute('src');
    const asset = await request.get(new URL(script!, response!.url()).href);
    expect(asset.headers()['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
    const api = await request.post('/api/app:info', { data: { args: [] }, headers: { 'x-lanyard-request': '1' } });
    expect(api.headers()['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
  });

  test('the app runs under the policy without a single violation, rich text included', async ({ page }) => {
    await installTrustProbe(page);
    await page.goto('/#/c/centos-connect-2023/session/kmods');
    await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
    await expect(page.getByText(/kABI tracking kernel modules/)).toBeVisible();
    await page.getByRole('link', { name: 'Peter Georg' }).click();
    await expect(page.getByText(/Chair of the CentOS Kmods SIG/)).toBeVisible();
    expect(await probe.violations(page)).toEqual([]);
  });

  test('an unsanitised HTML sink fails loudly instead of rendering', async ({ page }) => {
    await installTrustProbe(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    const outcome = { thrown: await probe.trySinks(page) };
    for (const [name, message] of Object.entries(outcome.thrown)) {
      expect(message, name).not.toBe('did not throw');
      expect(message, name).toMatch(/Trusted|Content Security Policy|Refused|policy/i);
    }
    // DevTools-driven evaluation is exempt from the eval check, so eval itself is tested by
    // the CSP (no 'unsafe-eval'), which the csp_evaluator check in `npm run trust` reads.
    await page.waitForTimeout(300);
    expect(await probe.sinkHits(page)).toEqual([]);
  });
});
