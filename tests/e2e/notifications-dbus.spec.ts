import { notificationDaemonProblem, startNotificationDaemon, type NotificationDaemon } from './support/notification-daemon';
import { expect, test } from './support/fresh-data';

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
