import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATA_DIR, expect, test } from './support/fresh-data';

/*
 * The backup copy is eventually written. The web-mode server runs with its test-only fault
 * switch (LANYARD_TEST_FAULT_FILE, see playwright.config.ts and main/services/mirror-faults.ts):
 * while that file holds ENOSPC, every backup write writes half its bytes and fails as a full
 * disk would.
 */

const FAULT = (): string => join(DATA_DIR, 'test-fault');
const MIRROR = (): string => join(DATA_DIR, 'personal-data.json');

function starredInMirror(): string[] {
  if (!existsSync(MIRROR())) return [];
  try {
    const envelope = JSON.parse(readFileSync(MIRROR(), 'utf8')) as { data: { agenda: Array<{ sessionId: string; star?: string }> } };
    return envelope.data.agenda.filter((e) => e.star).map((e) => e.sessionId).sort();
  } catch {
    return [];
  }
}

const leftovers = (): string[] => readdirSync(DATA_DIR).filter((n) => n.includes('.tmp-'));

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
}

async function star(page: Page, sessionId: string, title: string): Promise<void> {
  await page.goto(`/#/c/centos-connect-2023/session/${sessionId}`);
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: 'Going' }).click();
  await expect(control.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
}

test('stars made while the disk is full reach the backup file once it has room, and the shell says so meanwhile', async ({ page }) => {
  test.setTimeout(60_000);
  await openSample(page);
  writeFileSync(FAULT(), 'ENOSPC');
  await star(page, 'coffee', 'Connect over coffee');
  const banner = page.getByTestId('backup-banner');
  await expect(banner).toHaveText('Your stars and notes are not backed up yet: the disk is full. Lanyard keeps trying. Details');
  await star(page, 'hyperscale', 'Hyperscale SIG update');
  // The banner is part of the shell: also on Your data, search and the schedule.
  for (const path of ['/#/data', '/#/search', '/#/c/centos-connect-2023']) {
    await page.goto(path);
    await expect(banner).toBeVisible();
  }
  // Failed writes leave no partial temporary file behind, and the file holds none of it yet.
  expect(leftovers()).toEqual([]);
  expect(starredInMirror()).toEqual([]);

  // The disk has room again: the next retry (1 s, 2 s, 4 s… after the failures) writes both stars.
  rmSync(FAULT());
  await expect.poll(starredInMirror, { timeout: 30_000 }).toEqual(['coffee', 'hyperscale']);
  await expect(banner).toHaveCount(0);
  expect(leftovers()).toEqual([]);
});

test('a write that failed is tried again at once when the network comes back', async ({ page }) => {
  test.setTimeout(60_000);
  await openSample(page);
  let attempts = 0;
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/api/personal:write-mirror')) attempts += 1;
  });
  writeFileSync(FAULT(), 'EACCES');
  await star(page, 'alma', 'AlmaLinux Build System and Project Updates');
  const banner = page.getByTestId('backup-banner');
  await expect(banner).toContainText('Your stars and notes are not backed up yet: Lanyard is not allowed to write to its data folder. Lanyard keeps trying.');
  // After the first try and two retries (1 s, 2 s), the next retry waits 4 s…
  await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  rmSync(FAULT());
  // …but the network coming back makes it try at once.
  await page.evaluate("window.dispatchEvent(new Event('online'))");
  await expect.poll(starredInMirror, { timeout: 3_000 }).toEqual(['alma']);
  await expect(banner).toHaveCount(0);
});

test('when both backup files are damaged, the start says what could not be restored, and both are kept untouched', async ({ page }) => {
  writeFileSync(MIRROR(), '{"format":"lanyard-mirror","data":');
  writeFileSync(join(DATA_DIR, 'personal-data.prev.json'), 'not a backup at all');
  await page.goto('/');
  const notice = page.getByTestId('unrestorable-notice');
  await expect(notice).toContainText('Your stars, notes, reminder settings, watch list and subscriptions could not be restored from the backup copy: both backup files are damaged');
  await expect(notice).toContainText('Both were kept, untouched, as');
  const aside = readdirSync(DATA_DIR).filter((n) => n.includes('corrupt-')).sort();
  expect(aside).toHaveLength(2);
  const before = aside.map((n) => readFileSync(join(DATA_DIR, n), 'utf8'));

  // New stars are backed up as usual, and never over the damaged copies.
  await star(page, 'coffee', 'Connect over coffee');
  await expect.poll(starredInMirror).toEqual(['coffee']);
  await star(page, 'hyperscale', 'Hyperscale SIG update');
  await expect.poll(starredInMirror).toEqual(['coffee', 'hyperscale']);
  expect(aside.map((n) => readFileSync(join(DATA_DIR, n), 'utf8'))).toEqual(before);
  expect(before).toEqual(aside.map((n) => (n.startsWith('personal-data.prev.corrupt-') ? 'not a backup at all' : '{"format":"lanyard-mirror","data":')));
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
