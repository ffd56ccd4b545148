import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

/**
 * The web server's user-data folder for this run (playwright.config.ts makes a fresh one and
 * passes it as LANYARD_DATA_DIR). It holds the personal-data mirror file, which outlives a
 * browser context: without emptying it, one test's stars and subscriptions would be
 * "restored" into the next test's fresh browser store.
 */
export const DATA_DIR = process.env.LANYARD_E2E_DATA_DIR ?? '';

/** Empties the user-data folder (the mirror file and its copies). */
function clearDataDir(): void {
  if (!DATA_DIR) throw new Error('LANYARD_E2E_DATA_DIR is not set; run the tests through playwright.config.ts');
  mkdirSync(DATA_DIR, { recursive: true });
  for (const name of readdirSync(DATA_DIR)) rmSync(join(DATA_DIR, name), { recursive: true, force: true });
}

/** `test` with a fresh user-data folder for every test, as a fresh browser context has a fresh store. Use it in every spec. */
export const test = base.extend<{ freshDataDir: string }>({
  freshDataDir: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      clearDataDir();
      await use(DATA_DIR);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
