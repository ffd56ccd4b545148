/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { SECURITY_HEADERS } from '../../core/security/headers';

/** Collects every CSP violation the page reports, from before the app's first script runs. */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`));
};

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
    await page.addInitScript(RECORD_VIOLATIONS);
    await page.goto('/#/c/centos-connect-2023/session/kmods');
    await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
    await expect(page.getByText(/kABI tracking kernel modules/)).toBeVisible();
    await page.getByRole('link', { name: 'Peter Georg' }).click();
    await expect(page.getByText(/Chair of the CentOS Kmods SIG/)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  test('an unsanitised HTML sink fails loudly instead of rendering', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    const outcome = await page.evaluate(() => {
      const hit: string[] = [];
      (window as unknown as { __sinkHit: (what: string) => void }).__sinkHit = (what) => hit.push(what);
      const tries: Array<[string, () => void]> = [
        ['innerHTML', () => { document.body.appendChild(document.createElement('div')).innerHTML = '<img src=x onerror="__sinkHit(\'innerHTML\')">'; }],
        ['outerHTML', () => { document.body.appendChild(document.createElement('div')).outerHTML = '<img src=x onerror="__sinkHit(\'outerHTML\')">'; }],
        ['insertAdjacentHTML', () => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="__sinkHit(\'adjacent\')">')],
        ['document.write', () => document.write('<script>__sinkHit("write")</script>')],
        ['script.text', () => { document.createElement('script').text = '__sinkHit("script")'; }],
        ['timer string', () => { (setTimeout as unknown as (code: string) => void)('__sinkHit("timer")'); }],
        ['remote script src', () => { document.createElement('script').src = 'https://evil.example/x.js'; }],
        ['second HTML policy', () => { (window as unknown as { trustedTypes: { createPolicy: (n: string, r: object) => unknown } }).trustedTypes.createPolicy('evil', { createHTML: (s: string) => s }); }],
      ];
      const thrown: Record<string, string> = {};
      for (const [name, attempt] of tries) {
        try {
          attempt();
          thrown[name] = 'did not throw';
        } catch (error) {
          thrown[name] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
      return { thrown, hit };
    });
    for (const [name, message] of Object.entries(outcome.thrown)) {
      expect(message, name).not.toBe('did not throw');
      expect(message, name).toMatch(/Trusted|Content Security Policy|Refused|policy/i);
    }
    // DevTools-driven evaluation is exempt from the eval check, so eval itself is tested by
    // the CSP (no 'unsafe-eval'), which the csp_evaluator check in `npm run trust` reads.
    await page.waitForTimeout(200);
    expect(outcome.hit).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sinkHit?: unknown }).__sinkHit !== undefined)).toBe(true);
  });
});
