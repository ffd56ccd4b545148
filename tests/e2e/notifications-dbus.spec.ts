import { notificationDaemonProblem, startNotificationDaemon, type NotificationDaemon } from './support/notification-daemon';
import { FeedHost } from './support/feed-host';
import { expect, test } from './support/fresh-data';
import { liveConference, MIN } from './support/live-conference';

/*
 * Harness self-test: the notification is raised with `new Notification(...)` in the app's
 * page, because this branch has no UI yet that calls the app's notify() (reminders arrive with
 * the agenda). It proves that headless Chromium's notifications reach a D-Bus notification
 * server and that the test can read them back, with the text exactly as given.
 */
/** The page's Notification, typed here because the tests compile without the DOM library. */
interface PageNotification {
  onshow: (() => void) | null;
  onerror: (() => void) | null;
}
interface PageNotificationClass {
  new (title: string, options: { body: string; tag: string }): PageNotification;
  readonly permission: string;
}

const problem = notificationDaemonProblem();
if (problem) console.warn(`[skip] D-Bus notification harness: ${problem}`);

let daemon: NotificationDaemon | undefined;
test.beforeAll(async () => {
  if (!problem) daemon = await startNotificationDaemon();
});
test.afterAll(async () => {
  await daemon?.stop();
});

test('harness self-test: a web notification from the app page arrives on D-Bus as plain text', async ({ playwright, launchOptions, baseURL }) => {
  test.skip(problem !== undefined, problem ?? '');
  const bus = daemon!;
  const browser = await playwright.chromium.launch({ ...launchOptions, env: { ...process.env, ...bus.env } });
  try {
    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(['notifications'], { origin: new URL(baseURL ?? '').origin });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
    const title = 'Kmods SIG Update starts in 10 min';
    const body = 'Pagoda room <b>not bold</b> & "quoted"';
    const permission = await page.evaluate(
      ([t, b]) => {
        const PageNotification = (globalThis as unknown as { Notification: PageNotificationClass }).Notification;
        const n = new PageNotification(t, { body: b, tag: 'reminder:centos-connect-2023:kmods' });
        return new Promise<string>((resolve) => {
          n.onshow = () => resolve(PageNotification.permission);
          n.onerror = () => resolve('error');
          setTimeout(() => resolve(`no show event (${PageNotification.permission})`), 5_000);
        });
      },
      [title, body] as const,
    );
    expect(permission).toBe('granted');
    const [call] = await bus.waitForCalls(1);
    expect(call?.summary).toBe(title);
    expect(call?.body.split('\n\n').pop()).toBe(body);
    expect(call?.body).toContain(new URL(baseURL ?? '').host);
    expect(call?.appName).toMatch(/chromium/i);
  } finally {
    await browser.close();
  }
});

test('the app’s own reminder and change notifications reach the desktop, once each, as plain text', async ({ playwright, launchOptions, baseURL }) => {
  test.skip(problem !== undefined, problem ?? '');
  test.setTimeout(90_000);
  const bus = daemon!;
  const feeds = new FeedHost();
  await feeds.start();
  const browser = await playwright.chromium.launch({ ...launchOptions, env: { ...process.env, ...bus.env } });
  try {
    const before = (await bus.calls()).length;
    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(['notifications'], { origin: new URL(baseURL ?? '').origin });
    const page = await context.newPage();
    const conf = liveConference(Date.now());
    feeds.publish('testcon.json', conf.build(() => undefined));
    await page.goto(`/#/subscribe?url=${encodeURIComponent(`${feeds.url}testcon.json`)}`);
    // A subscribe link only fills the form in: nothing is fetched before Preview.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();

    // Hyperscale starts in about 7 minutes: going to it is past its 10-minute reminder time, so it reminds at once.
    const starGoing = async (sessionId: string, title: string): Promise<void> => {
      await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
      await page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` }).getByRole('button', { name: 'Going' }).click();
    };
    await starGoing('hyperscale', 'Hyperscale SIG update');
    const reminder = (await bus.waitForCalls(before + 1)).slice(before);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.summary).toContain('Hyperscale SIG update');
    expect(reminder[0]?.body).toContain('Lab room');

    // The organizers move a starred session: one notification names it and what changed.
    await starGoing('kmods', 'Kmods SIG Update');
    feeds.publish('testcon.json', conf.build((_feed, at) => at('kmods', conf.kmodsStart + 45 * MIN, 30, 'lab')));
    await page.goto('/#/c/testcon-2023');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    const calls = (await bus.waitForCalls(before + 2)).slice(before);
    expect(calls[1]?.body).toContain(`Kmods SIG Update moved from ${conf.clock(conf.kmodsStart)} to ${conf.clock(conf.kmodsStart + 45 * MIN)}`);
    // Once each: a reload does not show them again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
    await page.waitForTimeout(2_000);
    expect((await bus.calls()).length - before).toBe(2);
  } finally {
    await browser.close();
    await feeds.dispose();
  }
});
