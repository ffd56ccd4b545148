import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createHostHandlers } from '../../main/services/host-handlers';
import { createMirrorFile } from '../../main/services/mirror-file';
import { startSyncFolderHost, type SyncFolderHost } from '../../main/services/sync-folder-host';
import { startWebServer } from '../../main/web/server';
import { testConference, useFeedHost } from './support/feed-host';
import { DATA_DIR, expect, test } from './support/fresh-data';

/*
 * Two computers, honestly: the configured web-mode server (with its data folder) and a second
 * web-mode server started here with a data folder of its own, each opened in its own browser
 * context (its own IndexedDB), each syncing with its own copy of the sync folder. This test is
 * the sync tool between the two copies: it carries the first computer's log file over and
 * notes when it arrived.
 */

const TITLE = 'AlmaLinux Build System and Project Updates';
let root: string;
let second: { server: Server; url: string; sync: SyncFolderHost; dataDir: string };
const feeds = useFeedHost(test);
let run = 0;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lanyard-e2e-sync-'));
  const dataDir = join(root, 'desktop-data');
  mkdirSync(dataDir);
  const sync = startSyncFolderHost(dataDir, { hostName: 'desktop' });
  const handlers = createHostHandlers({ mode: 'web', version: 'e2e', platform: process.platform, mirror: createMirrorFile(dataDir), syncFolder: sync });
  const started = await startWebServer({ root: join(import.meta.dirname, '../../dist/renderer'), port: 0, handlers });
  second = { ...started, sync, dataDir };
});

test.afterAll(async () => {
  second.sync.watch.stop();
  await new Promise((done) => second.server.close(done));
  rmSync(root, { recursive: true, force: true });
});

async function chooseFolder(page: Page, folder: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/data');
  const section = page.getByRole('region', { name: 'Sync with other computers' });
  await section.getByLabel('Folder path').fill(folder);
  await section.getByRole('button', { name: 'Sync with this folder' }).click();
  await expect(section.getByTestId('sync-folder-path')).toHaveText(folder);
}

/** Both computers, each syncing with its own fresh copy of the folder; `carry` is the sync tool bringing the laptop's log over. */
async function twoComputers(page: Page, browser: Browser) {
  run += 1;
  const laptopFolder = join(root, `laptop-Sync-${run}`);
  const desktopFolder = join(root, `desktop-Sync-${run}`);
  mkdirSync(laptopFolder);
  mkdirSync(desktopFolder);
  // A fresh desktop: nothing in its data folder (no backup copy to restore from, no folder chosen).
  for (const name of readdirSync(second.dataDir)) rmSync(join(second.dataDir, name), { recursive: true, force: true });
  expect(DATA_DIR).not.toBe(second.dataDir);
  await page.goto('/#/data');
  await chooseFolder(page, laptopFolder);
  const desktopContext = await browser.newContext({ baseURL: second.url });
  const desktop = await desktopContext.newPage();
  await desktop.goto(`${second.url}#/data`);
  await chooseFolder(desktop, desktopFolder);
  const logName = (): string | undefined => readdirSync(laptopFolder).find((n) => n.startsWith('lanyard-') && n.endsWith('.jsonl'));
  /** Waits until the laptop's log holds `pattern`, then copies it into the desktop's folder (temp file + rename); returns when it arrived. */
  const carry = async (pattern: RegExp): Promise<number> => {
    await expect.poll(() => {
      const found = logName();
      return found !== undefined && pattern.test(readFileSync(join(laptopFolder, found), 'utf8'));
    }, { timeout: 10_000 }).toBe(true);
    const name = logName()!;
    const temp = join(desktopFolder, `.${name}.syncthing.tmp`);
    writeFileSync(temp, readFileSync(join(laptopFolder, name)));
    renameSync(temp, join(desktopFolder, name));
    return Date.now();
  };
  return { desktop, desktopContext, carry };
}

function starControl(page: Page) {
  return page.getByRole('main').getByRole('group', { name: `My agenda: ${TITLE}` });
}

test('a star made on one computer appears on the other within 2 seconds of its log file arriving', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const { desktop, desktopContext, carry } = await twoComputers(page, browser);
  await desktop.goto(`${second.url}#/c/centos-connect-2023/session/alma`);
  await expect(desktop.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await expect(starControl(desktop).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'false');

  await page.goto('/#/c/centos-connect-2023/session/alma');
  await starControl(page).getByRole('button', { name: 'Going' }).click();
  await expect(starControl(page).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');

  const arrived = await carry(/"k":\["star","centos-connect-2023","alma"\],"x":"going"/);
  await expect(starControl(desktop).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true', { timeout: 2_000 });
  const took = Date.now() - arrived;
  console.log(`the star appeared on the other computer ${took} ms after its log file arrived`);
  expect(took).toBeLessThan(2_000);

  // The desktop's status names both computers.
  await desktop.goto(`${second.url}#/data`);
  const devices = desktop.getByRole('list', { name: 'Computers seen' });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices.getByRole('listitem').filter({ hasText: '(this computer)' })).toContainText('desktop');
  await desktopContext.close();
});

test('a conference subscribed on one computer arrives on the other, downloaded from its feed, with its star', async ({ browser, page }) => {
  test.setTimeout(60_000);
  feeds().publish('testcon.json', testConference());
  const { desktop, desktopContext, carry } = await twoComputers(page, browser);
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds().url}testcon.json`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  // Subscribing is written by the sync worker, not the page: it reaches the log all the same.
  await carry(/"k":\["sub","testcon-2023"\],"x":\{[^}]*"url":"http:\/\/127\.0\.0\.1:\d+\/testcon\.json"/);
  await page.goto('/#/c/testcon-2023/session/alma');
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${TITLE}` });
  await control.getByRole('button', { name: 'Maybe' }).click();
  await expect(control.getByRole('button', { name: 'Maybe' })).toHaveAttribute('aria-pressed', 'true');

  await carry(/"k":\["star","testcon-2023","alma"\],"x":"maybe"/);
  await desktop.goto(`${second.url}#/c/testcon-2023/session/alma`);
  await expect(desktop.getByRole('heading', { level: 2, name: TITLE })).toBeVisible({ timeout: 15_000 });
  await expect(starControl(desktop).getByRole('button', { name: 'Maybe' })).toHaveAttribute('aria-pressed', 'true');
  await desktopContext.close();
});

test('a conference renamed on one computer shows the new name on the other', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const { desktop, desktopContext, carry } = await twoComputers(page, browser);
  await desktop.goto(`${second.url}#/c/centos-connect-2023`);
  await expect(desktop.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();

  await page.goto('/#/c/centos-connect-2023');
  await page.getByRole('button', { name: 'Name and time zone…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Name and time zone' });
  await dialog.getByLabel('Conference name').fill('CentOS at FOSDEM, with Ada');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS at FOSDEM, with Ada' })).toBeVisible();

  await carry(/"k":\["sub","centos-connect-2023"\],"x":\{[^}]*"title":"CentOS at FOSDEM, with Ada"/);
  await expect(desktop.getByRole('heading', { level: 1, name: 'CentOS at FOSDEM, with Ada' })).toBeVisible({ timeout: 10_000 });
  await expect(desktop.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /CentOS at FOSDEM, with Ada/ })).toBeVisible();
  await desktopContext.close();
});

test('a folder path that is not a folder is refused in plain words', async ({ page }) => {
  await page.goto('/#/data');
  const section = page.getByRole('region', { name: 'Sync with other computers' });
  await section.getByLabel('Folder path').fill('relative/path');
  await section.getByRole('button', { name: 'Sync with this folder' }).click();
  await expect(section.getByRole('alert')).toHaveText('"relative/path" is not a full path: start it with / (or a drive letter on Windows).');
});
