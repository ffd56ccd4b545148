import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type BrowserContext } from '@playwright/test';

/**
 * The web server's user-data folder for this run (playwright.config.ts makes a fresh one and
 * passes it as LANYARD_DATA_DIR). It holds the personal-data mirror file, which outlives a
 * browser context: without emptying it, one test's stars and subscriptions would be
 * "restored" into the next test's fresh browser store.
 */
export const DATA_DIR = process.env.LANYARD_E2E_DATA_DIR ?? '';

/** Empties the user-data folder (the mirror file and its copies). */
export function clearDataDir(): void {
  if (!DATA_DIR) throw new Error('LANYARD_E2E_DATA_DIR is not set; run the tests through playwright.config.ts');
  mkdirSync(DATA_DIR, { recursive: true });
  for (const name of readdirSync(DATA_DIR)) rmSync(join(DATA_DIR, name), { recursive: true, force: true });
}

/**
 * Ends a test's browser so that none of its backup-copy writes can land after the next test
 * emptied the folder. The app writes the copy once more as a page goes away (a `keepalive`
 * request, which Playwright neither reports nor routes); such a write from the end of one test
 * used to arrive after the next test's start, which then restored the previous test's
 * subscriptions: with no stored copy they looked current, and closed the "Past conferences"
 * group the test looked into. Closing the context tears down its network, so nothing more is
 * sent; the server runs backup-file operations one at a time, so asking it for the backup
 * status returns only after every write it has received is on disk.
 */
async function endBrowser(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  await context.close();
  if (!baseURL) return;
  const answer = await fetch(new URL('api/personal:mirror-status', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lanyard-request': '1' },
    body: JSON.stringify({ args: [] }),
  });
  if (!answer.ok) throw new Error(`The web server did not answer the backup status: HTTP ${answer.status}`);
}

/**
 * `test` with a fresh user-data folder for every test, as a fresh browser context has a fresh
 * store, and nothing of this test's browser arriving after it. Use it in every spec.
 */
export const test = base.extend<{ freshDataDir: string }>({
  freshDataDir: [
    async ({ context, baseURL }, use) => {
      clearDataDir();
      await use(DATA_DIR);
      await endBrowser(context, baseURL);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
