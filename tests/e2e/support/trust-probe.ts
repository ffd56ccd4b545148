import type { Page } from '@playwright/test';

/** Install before the first navigation: records violations, XSS hook calls and sink hits in the page. */
export async function installTrustProbe(page: Page): Promise<void> {
  await page.addInitScript({ path: 'tests/e2e/support/browser-checks.js' });
}

/** Reads what the in-page probe (tests/e2e/support/browser-checks.js) recorded. */
export const probe = {
  violations: (page: Page): Promise<string[]> => page.evaluate('window.__trust.violations.slice()'),
  xssHits: (page: Page): Promise<string[]> => page.evaluate('window.__trust.xssHits.slice()'),
  sinkHits: (page: Page): Promise<string[]> => page.evaluate('window.__trust.sinkHits.slice()'),
  trySinks: (page: Page): Promise<Record<string, string>> => page.evaluate('window.__trust.trySinks()'),
  scanDom: (page: Page): Promise<string[]> => page.evaluate('window.__trust.scanDom()'),
};
