import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import type { Feed, Session } from '../../core/model/schema';
import { FeedHost, testConference } from './support/feed-host';

const STREAM = 'https://www.youtube.com/live/lanyard-e2e?feature=share';
const HALLWAY = 'https://meet.jit.si/LanyardE2E';
const UNKNOWN_HALLWAY = 'https://bücher.example/hallway';
const UNKNOWN_PUNYCODE = 'https://xn--bcher-kva.example/hallway';
const RECORDING = 'https://video.fosdem.org/2023/kmods-sig-update.webm';
const DEMO = 'https://www.youtube.com/watch?v=lanyard-demo';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** TestCon with one session on now (stream + hallway) and one starting in 10 minutes, generated at test time. */
function liveConference(now: number, change: (feed: Feed) => void = () => undefined): string {
  return testConference((feed) => {
    const today = iso(now).slice(0, 10);
    feed.conference.timeZone = 'UTC';
    feed.conference.start = today < feed.conference.start ? today : feed.conference.start;
    feed.conference.end = today;
    feed.conference.days = [...new Set([...feed.conference.days, today])].sort();
    const room = feed.rooms[0]!.id;
    const base = feed.sessions[0]!;
    const make = (id: string, title: string, startMs: number, minutes: number, links: Session['links']): Session => ({
      ...base, id, guid: undefined, sourceId: undefined, title, start: iso(startMs), end: iso(startMs + minutes * 60_000),
      day: iso(startMs).slice(0, 10), roomId: room, speakerIds: [], links, cancelled: false, type: 'lecture',
    });
    const minute = Math.floor(now / 60_000) * 60_000;
    feed.sessions.push(
      {
        ...make('on-now', 'Hallway track live keynote', minute - 10 * 60_000, 40, [
          { url: STREAM, kind: 'stream', title: 'Watch live' },
          { url: HALLWAY, kind: 'hallway', title: 'Hallway' },
        ]),
        abstract: `<p>Slides and demo: <a href="${DEMO}">the demo video</a>.</p>`,
      },
      make('soon', 'Starting soon workshop', minute + 10 * 60_000, 30, [{ url: UNKNOWN_HALLWAY, kind: 'hallway', title: 'Workshop room' }]),
    );
    const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
    kmods.links.push({ url: RECORDING, kind: 'recording', title: 'Video recording (WebM)' });
    change(feed);
  });
}

/** Writes a "going" star for the workshop into IndexedDB, as the agenda feature stores it. */
const STAR_SOON = `new Promise((resolve, reject) => {
  const open = indexedDB.open('lanyard');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction('agenda', 'readwrite');
    tx.objectStore('agenda').put({ conferenceId: 'testcon-2023', sessionId: 'soon', star: 'going', updatedAt: Date.now(),
      identity: { id: 'soon', title: 'Starting soon workshop', speakers: [], day: '', start: '' } });
    tx.oncomplete = () => { open.result.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/** External sites are not reachable from the test machine: answer them locally so popups load. */
async function fakeTheWeb(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/(www\.youtube\.com|meet\.jit\.si|xn--bcher-kva\.example|video\.fosdem\.org)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>outside</title><p>An outside page</p>' }),
  );
}

async function subscribe(page: Page, url: string): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(url)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
}

/** Clicks and returns the page the click opened, with its URL once it has loaded. */
async function clickOpensPage(context: BrowserContext, click: () => Promise<void>): Promise<string> {
  const opened = context.waitForEvent('page');
  await click();
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  // Opened detached: the outside page cannot reach back into Lanyard.
  expect(await popup.evaluate('window.opener === null')).toBe(true);
  const url = popup.url();
  await popup.close();
  return url;
}

test.describe('Live now and recordings', () => {
  let feeds: FeedHost;
  test.beforeEach(async () => {
    feeds = new FeedHost();
    await feeds.start();
  });
  test.afterEach(async () => {
    await feeds.dispose();
  });

  test('a live session’s buttons open the exact links in new tabs and never navigate the app', async ({ page, context }) => {
    await fakeTheWeb(context);
    feeds.publish('testcon.json', liveConference(Date.now()));
    await subscribe(page, `${feeds.url}testcon.json`);
    await page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /Live now/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Live now' })).toBeVisible();
    const appUrl = page.url();
    expect(appUrl).toMatch(/#\/live$/);

    const onNow = page.getByRole('article', { name: 'Hallway track live keynote' });
    const soon = page.getByRole('article', { name: 'Starting soon workshop' });
    await expect(onNow.getByText('Live', { exact: true })).toBeVisible();
    await expect(soon.getByText(/^in (9|10) min$/)).toBeVisible();
    // Sessions of 2023 are long over: only what is on now or soon is listed.
    await expect(page.getByRole('article')).toHaveCount(2);
    // Starring the workshop (the agenda's table, written as the agenda feature does) puts it first.
    await page.evaluate(STAR_SOON);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'From my agenda' })).toBeVisible();
    await expect(page.getByRole('article').first()).toHaveAccessibleName('Starting soon workshop');
    await expect(soon.getByText('★ Going')).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/live-now.png' });

    // Known providers open at once, with the exact (parsed) URL, in a new page.
    expect(await clickOpensPage(context, () => onNow.getByRole('button', { name: 'Watch stream' }).click())).toBe(STREAM);
    expect(await clickOpensPage(context, () => onNow.getByRole('button', { name: 'Join hallway' }).click())).toBe(HALLWAY);
    expect(page.url()).toBe(appUrl);

    // An unknown host is asked about first, shown in punycode; cancelling opens nothing.
    await soon.getByRole('button', { name: 'Join hallway' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a link to a new site?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('link-host')).toHaveText('xn--bcher-kva.example');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: 'tests/e2e/screenshots/link-dialog.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(context.pages()).toHaveLength(1);
    // Asked once: after "Open", the same host opens without asking.
    await soon.getByRole('button', { name: 'Join hallway' }).click();
    expect(await clickOpensPage(context, () => dialog.getByRole('button', { name: 'Open xn--bcher-kva.example' }).click())).toBe(UNKNOWN_PUNYCODE);
    expect(await clickOpensPage(context, () => soon.getByRole('button', { name: 'Join hallway' }).click())).toBe(UNKNOWN_PUNYCODE);
    await expect(dialog).toBeHidden();
    // Your data lists the allowed site; forgetting it makes Lanyard ask again.
    await page.goto('/#/data');
    const allowed = page.getByRole('list', { name: 'Allowed sites' }).getByRole('listitem', { name: 'xn--bcher-kva.example' });
    await allowed.getByRole('button', { name: 'Forget' }).click();
    await expect(page.getByRole('region', { name: 'Sites you allowed' })).toContainText('None yet.');
    await page.goto(appUrl);
    await soon.getByRole('button', { name: 'Join hallway' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The session page offers the same inherited links as real anchors, intercepted the same way.
    await onNow.getByRole('link', { name: 'Hallway track live keynote' }).click();
    const stream = page.getByRole('link', { name: 'Live stream: Watch live' });
    await expect(stream).toHaveAttribute('href', STREAM);
    const sessionUrl = page.url();
    expect(await clickOpensPage(context, () => stream.click())).toBe(STREAM);
    // So do links inside the abstract (feed HTML), by mouse and by keyboard.
    const demo = page.getByRole('link', { name: 'the demo video' });
    expect(await clickOpensPage(context, () => demo.click())).toBe(DEMO);
    expect(await clickOpensPage(context, async () => {
      await demo.focus();
      await page.keyboard.press('Enter');
    })).toBe(DEMO);
    expect(page.url()).toBe(sessionUrl);
    expect(context.pages()).toHaveLength(1);
  });

  test('recordings are listed with a watch-later list, and marked as needing a connection offline', async ({ page, context }) => {
    await fakeTheWeb(context);
    feeds.publish('testcon.json', liveConference(Date.now()));
    await subscribe(page, `${feeds.url}testcon.json`);
    await page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /Recordings/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Recordings' })).toBeVisible();
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Kmods SIG Update' }) }).last();
    const video = row.getByRole('link', { name: /Video recording/ });
    await expect(video).toHaveAttribute('href', RECORDING);
    await row.getByRole('button', { name: 'Watch later: Kmods SIG Update' }).click();
    const later = page.getByRole('region', { name: /Watch later/ });
    await expect(later.getByRole('link', { name: 'Kmods SIG Update' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Watch later (1)' })).toBeVisible();
    expect(await clickOpensPage(context, () => video.click())).toBe(RECORDING);

    await context.setOffline(true);
    await expect(page.getByText('You are offline: recordings are listed, but watching them needs a connection.')).toBeVisible();
    await expect(row.getByText('needs a connection')).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/screenshots/recordings.png' });
    await context.setOffline(false);
    await later.getByRole('button', { name: 'Mark watched' }).click();
    await expect(page.getByRole('heading', { name: 'Watch later (0)' })).toBeVisible();
    // The session's own page has the same toggle, in step with the list.
    await later.getByRole('link', { name: 'Kmods SIG Update' }).click();
    const toggle = page.getByRole('button', { name: 'Watch later: Kmods SIG Update' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /Recordings/ }).click();
    await expect(page.getByRole('heading', { name: 'Watch later (0)' })).toBeVisible();
    await expect(page.getByText('Nothing yet: use “+ Watch later” on a recording.')).toBeVisible();
  });
});

/**
 * Runs in the page before the app: wraps the browser's Notification constructor so the test
 * observes the browser API (not the app), keeping a log in localStorage across reloads and tabs.
 */
const COUNT_NOTIFICATIONS = `
  (() => {
    const Original = window.Notification;
    class Counting extends Original {
      constructor(title, options) {
        const seen = JSON.parse(localStorage.getItem('e2e-notifications') ?? '[]');
        seen.push({ title, body: options && options.body, tag: options && options.tag });
        localStorage.setItem('e2e-notifications', JSON.stringify(seen));
        super(title, options);
      }
    }
    Object.defineProperty(Counting, 'permission', { get: () => Original.permission });
    window.Notification = Counting;
  })();
`;

test.describe('announcements', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanyard-announce-e2e-'));
  });
  test.afterEach(() => {
    if (server?.pid) process.kill(server.pid);
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** `lanyard-feed serve <dir> --port 0`, the organizer's rehearsal server; resolves with its URL. */
  function serve(): Promise<string> {
    const child = spawn(process.execPath, ['bin/lanyard-feed.mjs', 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`lanyard-feed serve exited with ${String(code)}: ${out}`)));
    });
  }

  test('an announcement published with the CLI appears after Refresh now and notifies exactly once', async ({ page, context, baseURL }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(['notifications'], { origin: baseURL! });
    // Count what reaches the browser's Notification API (kept in localStorage across reloads and tabs).
    await context.addInitScript({ content: COUNT_NOTIFICATIONS });
    type Seen = Array<{ title: string; body: string; tag: string }>;
    const notifications = (p: Page): Promise<Seen> => p.evaluate<Seen>('JSON.parse(localStorage.getItem("e2e-notifications") ?? "[]")');

    const file = join(dir, 'testcon.lanyard.json');
    // An announcement made before the attendee subscribed is history, not news.
    writeFileSync(file, liveConference(Date.now(), (feed) => {
      feed.announcements.push({ id: 'welcome', time: iso(Date.now() - 3_600_000), severity: 'info', text: 'Welcome to TestCon', sessionIds: [], roomIds: [] });
    }));
    const url = await serve();
    await subscribe(page, `${url}testcon.lanyard.json`);
    await expect(page.getByText('All announcements (1)')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await notifications(page)).toEqual([]);

    const cli = execFileSync(process.execPath, ['bin/lanyard-feed.mjs', 'announce', file, '--text', 'Room K.1.105 is full', '--severity', 'warning', '--session', 'kmods'], { encoding: 'utf8' });
    expect(cli).toMatch(/announced a-\S+ \(warning\), revision r1 → r2: Room K\.1\.105 is full/);
    expect((JSON.parse(readFileSync(file, 'utf8')) as Feed).revision).toBe('r2');

    await page.getByRole('button', { name: 'Refresh now' }).click();
    const panel = page.getByRole('region', { name: 'Announcements' });
    await expect(panel.getByText('Room K.1.105 is full').first()).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Kmods SIG Update' }).first()).toBeVisible();
    await expect.poll(async () => (await notifications(page)).length).toBe(1);
    expect((await notifications(page))[0]).toMatchObject({ title: 'Important · TestCon 2023', body: 'Room K.1.105 is full' });
    await page.screenshot({ path: 'tests/e2e/screenshots/announcement.png' });

    // Refreshing again, reloading, and a second window never notify it again.
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.reload();
    await expect(panel.getByText('Room K.1.105 is full').first()).toBeVisible();
    const second = await context.newPage();
    await second.goto('/#/live');
    await expect(second.getByRole('heading', { level: 1, name: 'Live now' })).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await notifications(page)).toHaveLength(1);
    await second.close();
  });
});
