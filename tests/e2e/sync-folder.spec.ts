import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createHostHandlers } from '../../main/services/host-handlers';
import { createMirrorFile } from '../../main/services/mirror-file';
import { startSyncFolderHost, type SyncFolderHost } from '../../main/services/sync-folder-host';
import { startWebServer } from '../../main/web/server';
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
let second: { server: Server; url: string; sync: SyncFolderHost };

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lanyard-e2e-sync-'));
  const dataDir = join(root, 'desktop-data');
  mkdirSync(dataDir);
  const sync = startSyncFolderHost(dataDir, { hostName: 'desktop' });
  const handlers = createHostHandlers({ mode: 'web', version: 'e2e', platform: process.platform, mirror: createMirrorFile(dataDir), syncFolder: sync });
  const started = await startWebServer({ root: join(import.meta.dirname, '../../dist/renderer'), port: 0, handlers });
  second = { ...started, sync };
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

function starControl(page: Page) {
  return page.getByRole('main').getByRole('group', { name: `My agenda: ${TITLE}` });
}

test('a star made on one computer appears on the other within 2 seconds of its log file arriving', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const laptopFolder = join(root, 'laptop-Sync');
  const desktopFolder = join(root, 'desktop-Sync');
  mkdirSync(laptopFolder);
  mkdirSync(desktopFolder);
  expect(DATA_DIR).not.toBe(join(root, 'desktop-data'));

  // The laptop: the configured server.
  await page.goto('/#/data');
  await chooseFolder(page, laptopFolder);
  // The desktop: its own server, its own browser storage.
  const desktopContext = await browser.newContext({ baseURL: second.url });
  const desktop = await desktopContext.newPage();
  await desktop.goto(`${second.url}#/data`);
  await chooseFolder(desktop, desktopFolder);

  await desktop.goto(`${second.url}#/c/centos-connect-2023/session/alma`);
  await expect(desktop.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await expect(starControl(desktop).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'false');

  await page.goto('/#/c/centos-connect-2023/session/alma');
  await starControl(page).getByRole('button', { name: 'Going' }).click();
  await expect(starControl(page).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');

  // The laptop writes its log; the sync tool carries it to the desktop's folder (temp file + rename).
  const logName = (): string | undefined => readdirSync(laptopFolder).find((n) => n.startsWith('lanyard-') && n.endsWith('.jsonl'));
  await expect.poll(() => {
    const found = logName();
    return found !== undefined && /"k":\["star","centos-connect-2023","alma"\],"x":"going"/.test(readFileSync(join(laptopFolder, found), 'utf8'));
  }, { timeout: 10_000 }).toBe(true);
  const name = logName();
  const temp = join(desktopFolder, `.${name!}.syncthing.tmp`);
  writeFileSync(temp, readFileSync(join(laptopFolder, name!)));
  renameSync(temp, join(desktopFolder, name!));
  const arrived = Date.now();

  await expect(starControl(desktop).getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true', { timeout: 2_000 });
  const took = Date.now() - arrived;
  console.log(`the star appeared on the other computer ${took} ms after its log file arrived`);
  expect(took).toBeLessThan(2_000);

  // The desktop's status names the laptop it has seen.
  await desktop.goto(`${second.url}#/data`);
  const devices = desktop.getByRole('list', { name: 'Computers seen' });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices).toContainText('(this computer)');
  await expect(devices).toContainText('desktop');
  await desktopContext.close();
});

test('a folder path that is not a folder is refused in plain words', async ({ page }) => {
  await page.goto('/#/data');
  const section = page.getByRole('region', { name: 'Sync with other computers' });
  await section.getByLabel('Folder path').fill('relative/path');
  await section.getByRole('button', { name: 'Sync with this folder' }).click();
  await expect(section.getByRole('alert')).toHaveText('"relative/path" is not a full path: start it with / (or a drive letter on Windows).');
});
