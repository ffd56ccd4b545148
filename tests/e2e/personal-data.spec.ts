import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FeedHost, testConference } from './support/feed-host';
import { DATA_DIR, expect, test } from './support/fresh-data';

/*
 * The agenda UI (stars, notes) is built in parallel on another branch; here stars are set
 * through this branch's own UI instead: "Import agenda from .ics" and "Import my data" on the
 * Your data page, which write through the app's Dexie like the star button will.
 */

const MIRROR = (): string => join(DATA_DIR, 'personal-data.json');

interface MirrorEnvelope {
  writtenAt: number;
  data: { agenda: Array<{ conferenceId: string; sessionId: string; star?: string; note?: string }>; subscriptions: Array<{ id: string; source: string }>; prefs: unknown[]; watchLater: unknown[] };
}
function readMirror(): MirrorEnvelope | undefined {
  if (!existsSync(MIRROR())) return undefined;
  try {
    return JSON.parse(readFileSync(MIRROR(), 'utf8')) as MirrorEnvelope;
  } catch {
    return undefined;
  }
}

/** Another conference app's calendar export: events matched by title and time. */
function otherAppIcs(events: Array<{ uid: string; title: string; start: string; end: string }>): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Another conference app//EN'];
  for (const e of events) lines.push('BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20230101T000000Z', `DTSTART:${e.start}`, `DTEND:${e.end}`, `SUMMARY:${e.title}`, 'END:VEVENT');
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

async function importIcs(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import agenda from an .ics file').setInputFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text) });
}

/** Clears everything the browser keeps for the app (IndexedDB, local storage, …), as a wiped profile would. */
async function wipeBrowserStorage(page: Page, context: BrowserContext, baseURL: string | undefined): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL ?? '').origin, storageTypes: 'all' });
  await cdp.detach();
}

// Storage faults this suite puts the app through (see reports/trust/).
const figures = { storageFaultsTried: 0, storageFaultsSurvived: 0 };
test.afterAll(() => {
  mkdirSync('reports/trust', { recursive: true });
  writeFileSync('reports/trust/personal-data-e2e.json', `${JSON.stringify({ figures }, null, 2)}\n`);
});

let feeds: FeedHost;
test.beforeEach(async () => {
  feeds = new FeedHost();
  await feeds.start();
  // TestCon: the sample's programme under other titles, so a title matches one conference only.
  feeds.publish('testcon.json', testConference((feed) => feed.sessions.forEach((s) => (s.title = `TC ${s.title}`))));
});
test.afterEach(async () => {
  await feeds.dispose();
});

/** Opens Your data once the built-in sample is stored (calendar imports match against it). */
async function openDataPage(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  await page.goto('/#/data');
}

test('the browser storage wiped: stars, notes, settings and subscriptions come back from the mirror file', async ({ page, context, baseURL }) => {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();

  await page.getByRole('link', { name: /Your data/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await importIcs(
    page,
    'from-another-app.ics',
    otherAppIcs([
      { uid: 'a1@other.example', title: 'Kmods SIG Update', start: '20230203T143000Z', end: '20230203T150000Z' },
      { uid: 'a2@other.example', title: 'connect over coffee', start: '20230203T073000Z', end: '20230203T080000Z' },
      { uid: 'a3@other.example', title: 'TC Hyperscale SIG update', start: '20230203T091500Z', end: '20230203T094000Z' },
      { uid: 'a4@other.example', title: 'A talk nobody gave', start: '20230203T091500Z', end: '20230203T094000Z' },
    ]),
  );
  const report = page.getByTestId('ics-report');
  await expect(report).toContainText('4 events, 3 matched to sessions (3 newly starred, 0 already in your agenda), 1 not matched');
  await expect(report).toContainText('A talk nobody gave: no session of your conferences has this UID, or this title at this time');
  await page.screenshot({ path: 'tests/e2e/screenshots/data-ics-import.png', fullPage: true });

  // A note, reminder settings and a watch-later entry arrive through "Import my data".
  const personal = {
    format: 'lanyard-personal',
    version: 1,
    savedAt: 1,
    subscriptions: [],
    agenda: [{ conferenceId: 'centos-connect-2023', sessionId: 'kmods', identity: { id: 'kmods', title: 'Kmods SIG Update', speakers: ['Peter Georg'], day: '2023-02-03', start: '2023-02-03T14:30:00Z' }, star: 'going', note: 'Ask about kABI', updatedAt: Date.now() + 1000 }],
    prefs: [{ conferenceId: 'centos-connect-2023', remindersEnabled: true, reminderMinutes: 15 }],
    watchLater: [{ conferenceId: 'centos-connect-2023', sessionId: 'okd', identity: { id: 'okd', title: 'Introducing CentOS Stream CoreOS and OKD Streams', speakers: [], day: '2023-02-03', start: '2023-02-03T12:50:00Z' }, addedAt: 5 }],
  };
  await page.getByLabel('Import my data from a file').setInputFiles({ name: 'note.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(personal)) });
  await expect(page.getByTestId('import-report')).toContainText('Agenda entries (stars, notes, reminders): 0 added, 1 updated, 0 unchanged');
  await expect(page.getByTestId('data-counts')).toHaveText('3 starred sessions, 1 note, 1 to watch later, 2 conferences.');

  // The host mirrors it all to the file within about a second.
  await expect.poll(() => readMirror()?.data.agenda.find((e) => e.sessionId === 'kmods')?.note, { timeout: 10_000 }).toBe('Ask about kABI');
  const mirrored = readMirror()!;
  expect(mirrored.data.agenda).toHaveLength(3);
  expect(mirrored.data.watchLater).toHaveLength(1);
  expect(mirrored.data.subscriptions.map((s) => s.source).sort()).toEqual(['sample', 'url']);
  await expect(page.getByTestId('mirror-path')).toHaveText(MIRROR());

  // The browser storage is wiped under the running app: it says so and writes nothing empty.
  figures.storageFaultsTried += 1;
  await wipeBrowserStorage(page, context, baseURL);
  await expect(page.getByRole('alert').filter({ hasText: 'storage for Lanyard was cleared' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/data-storage-lost.png' });
  expect(readMirror()?.data.agenda).toHaveLength(3);
  // The page does not quietly re-create an empty database behind the user's back, even when
  // the user goes on starring: that would hide the backup from the restore at the next start.
  await importIcs(page, 'after-wipe.ics', otherAppIcs([{ uid: 'w@x', title: 'Hyperscale SIG update', start: '20230203T091500Z', end: '20230203T094000Z' }]));
  await expect(page.getByText(/^after-wipe\.ics: /)).toBeVisible();
  const databases = await page.evaluate(async () => {
    const idb = (globalThis as unknown as { indexedDB: { databases(): Promise<Array<{ name?: string }>> } }).indexedDB;
    return (await idb.databases()).map((d) => d.name);
  });
  expect(databases).not.toContain('lanyard');

  await page.getByRole('button', { name: 'Reload' }).click();
  const notice = page.getByTestId('restore-notice');
  await expect(notice).toContainText('Your agenda was restored from the backup copy');
  await expect(notice).toContainText('3 starred sessions, 1 note, 2 conferences');
  await expect(page.getByRole('navigation', { name: 'Conferences' }).getByText('TestCon 2023')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Conferences' }).getByText('CentOS Connect at FOSDEM')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/data-restored.png' });
  await page.goto('/#/data');
  await expect(page.getByTestId('data-counts')).toHaveText('3 starred sessions, 1 note, 1 to watch later, 2 conferences.');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // The restored rows were not written over by the sample or an empty store.
  await page.waitForTimeout(1_500);
  expect(readMirror()?.data.agenda).toHaveLength(3);
  expect(readMirror()?.data.prefs).toEqual([{ conferenceId: 'centos-connect-2023', remindersEnabled: true, reminderMinutes: 15 }]);
  figures.storageFaultsSurvived += 1;
});

test('export my data and import it again, with a real download; a broken file is refused with where', async ({ page, context, baseURL }) => {
  await openDataPage(page);
  await importIcs(
    page,
    'two.ics',
    otherAppIcs([
      { uid: 'k@x', title: 'Kmods SIG Update', start: '20230203T143000Z', end: '20230203T150000Z' },
      { uid: 'r@x', title: 'Introduction to Rocky Linux and Peridot: Maintaining a downstream fork of Red Hat Enterprise Linux', start: '20230203T134000Z', end: '20230203T140500Z' },
    ]),
  );
  await expect(page.getByTestId('ics-report')).toContainText('2 matched');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lanyard-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  const exported = JSON.parse(text) as MirrorEnvelope['data'] & { format: string };
  expect(exported.format).toBe('lanyard-personal');
  expect(exported.agenda.map((e) => e.sessionId).sort()).toEqual(['kmods', 'rocky']);

  const ics = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export agenda as .ics' }).click();
  const icsText = readFileSync(await (await ics).path(), 'utf8');
  expect(icsText).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
  expect(icsText.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(icsText).toContain('DTSTART;TZID=Europe/Brussels:20230203T153000');

  // One session from its page: the same event (same UID) as in the agenda export.
  await page.goto('/#/c/centos-connect-2023/session/kmods');
  const single = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
  const singleText = readFileSync(await (await single).path(), 'utf8');
  expect(singleText.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  const uid = /^UID:(.*)$/m.exec(singleText)?.[1];
  expect(uid).toBeTruthy();
  expect(icsText).toContain(`UID:${uid}`);
  await page.goto('/#/data');

  // A fresh start with no backup copy: the exported file brings everything back.
  await wipeBrowserStorage(page, context, baseURL);
  for (const name of readdirSync(DATA_DIR)) writeFileSync(join(DATA_DIR, name), '');
  await page.reload();
  await page.goto('/#/data');
  await expect(page.getByTestId('data-counts')).toHaveText('0 starred sessions, 0 notes, 0 to watch later, 1 conference.');
  const broken = text.replace('"star": "going"', '"star": "definitely"');
  await page.getByLabel('Import my data from a file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  // (When a backup file had been written before, the emptied file is a damaged one: the shell then also says nothing could be restored.)
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText(/broken\.json: .* \(at agenda\[\d\]\.star\)\. Nothing was changed\./);
  await page.getByLabel('Import my data from a file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-report')).toContainText('Agenda entries (stars, notes, reminders): 2 added, 0 updated, 0 unchanged');
  await expect(page.getByTestId('data-counts')).toHaveText('2 starred sessions, 0 notes, 0 to watch later, 1 conference.');
  await page.screenshot({ path: 'tests/e2e/screenshots/data-import.png', fullPage: true });

  // The calendar round trip: our own .ics matches every session by UID.
  await importIcs(page, 'again.ics', icsText);
  await expect(page.getByTestId('ics-report')).toContainText('2 events, 2 matched to sessions (0 newly starred, 2 already in your agenda), 0 not matched');

  // Starting over is the one way to empty the backup copy, and it asks first.
  await expect.poll(() => readMirror()?.data.agenda.length ?? 0, { timeout: 10_000 }).toBe(2);
  await page.getByRole('button', { name: 'Delete my stars, notes and settings…' }).click();
  await page.getByRole('group', { name: 'Confirm deleting' }).getByRole('button', { name: 'Keep them' }).click();
  await expect(page.getByTestId('data-counts')).toHaveText('2 starred sessions, 0 notes, 0 to watch later, 1 conference.');
  await page.getByRole('button', { name: 'Delete my stars, notes and settings…' }).click();
  await page.getByRole('button', { name: 'Yes, delete them' }).click();
  await expect(page.getByText('Deleted 2 entries; the backup copy is updated.')).toBeVisible();
  await expect(page.getByTestId('data-counts')).toHaveText('0 starred sessions, 0 notes, 0 to watch later, 1 conference.');
  expect(readMirror()?.data.agenda).toEqual([]);
});

test('a damaged mirror file: the previous good copy is used and the damaged one kept aside', async ({ page, context, baseURL }) => {
  await openDataPage(page);
  await importIcs(page, 'one.ics', otherAppIcs([{ uid: 'k@x', title: 'Kmods SIG Update', start: '20230203T143000Z', end: '20230203T150000Z' }]));
  await expect.poll(() => readMirror()?.data.agenda.length ?? 0, { timeout: 10_000 }).toBe(1);
  await importIcs(page, 'two.ics', otherAppIcs([{ uid: 'c@x', title: 'Connect over coffee', start: '20230203T073000Z', end: '20230203T080000Z' }]));
  await expect.poll(() => readMirror()?.data.agenda.length ?? 0, { timeout: 10_000 }).toBe(2);

  // Half the file is lost (a crash or a disk fault), then the browser store is wiped too.
  figures.storageFaultsTried += 1;
  const whole = readFileSync(MIRROR(), 'utf8');
  writeFileSync(MIRROR(), whole.slice(0, Math.floor(whole.length / 2)));
  await wipeBrowserStorage(page, context, baseURL);
  await page.reload();
  const notice = page.getByTestId('restore-notice');
  await expect(notice).toContainText('Your agenda was restored from the backup copy');
  await expect(notice).toContainText('1 starred session,');
  await expect(notice).toContainText('The latest backup was damaged, so the copy before it was used.');
  const aside = readdirSync(DATA_DIR).filter((n) => n.startsWith('personal-data.corrupt-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(DATA_DIR, aside[0]!), 'utf8')).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  await page.goto('/#/data');
  await expect(page.getByText(/was damaged: it is not complete JSON/)).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/data-damaged-mirror.png', fullPage: true });
  // A fresh, whole mirror is written again from the restored store.
  await expect.poll(() => readMirror()?.data.agenda.length ?? 0, { timeout: 10_000 }).toBe(1);
  figures.storageFaultsSurvived += 1;
});
