import { type Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { useFeedHost } from './support/feed-host';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);

async function subscribe(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
}

async function star(page: Page, sessionId: string, title: string, level: 'Going' | 'Maybe'): Promise<void> {
  await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: level }).click();
  await expect(control.getByRole('button', { name: level })).toHaveAttribute('aria-pressed', 'true');
}

test('star sessions, see conflicts and alternatives, and follow a revision that moves a starred session', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['notifications']);
  const conf = liveConference(Date.now());
  host().publish('testcon.json', conf.build(() => undefined));
  await subscribe(page);

  // Star from the schedule list (rows carry the control) and from session pages.
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'CentOS Stream: RHEL development in public' }) });
  await row.getByRole('button', { name: 'Going' }).click();
  await expect(row.getByRole('button', { name: 'Going' })).toHaveAttribute('aria-pressed', 'true');
  await star(page, 'alma', 'AlmaLinux Build System and Project Updates', 'Going');
  await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Maybe');
  await star(page, 'kmods', 'Kmods SIG Update', 'Going');
  const kmodsReminder = conf.clock(conf.kmodsStart - 10 * MIN);
  await expect(page.getByTestId('reminder-status')).toHaveText(`Reminder at ${kmodsReminder}`);
  await page.getByLabel('My notes').fill('Ask about signing kmods for Secure Boot');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // A session starting in 7 minutes: its reminder time has passed, so it fires at once, once.
  await star(page, 'hyperscale', 'Hyperscale SIG update', 'Going');
  await page.getByRole('button', { name: /Notifications/ }).click();
  const notices = page.getByRole('region', { name: 'Recent notifications' });
  await expect(notices.getByText(/^Starts in [678] min: Hyperscale SIG update$/)).toBeVisible();
  // The conference's clock; named ("UTC+2") when the browser's reads otherwise.
  await expect(notices.getByText(new RegExp(`${conf.clock(conf.soon)}–${conf.clock(conf.soon + 20 * MIN)}( UTC[+−]\\d+)? · Lab room · TestCon 2023`))).toBeVisible();
  // The Lab room streams: the notification offers it.
  await expect(notices.getByRole('link', { name: 'Watch the stream' })).toHaveAttribute('href', 'https://stream.example.org/lab');
  await page.keyboard.press('Escape');

  // "Next for me" is in the top bar on every page.
  await expect(page.getByRole('region', { name: 'Next for me' })).toContainText('Hyperscale SIG update');

  // The agenda: in order, with rooms, end times, gaps, and the conflict marked.
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'My agenda' }).click();
  const agenda = page.getByRole('region', { name: 'My agenda' });
  const conflict = agenda.getByRole('region', { name: /^Conflict .*: 2 sessions you are going to overlap$/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('link', { name: 'AlmaLinux Build System and Project Updates' })).toBeVisible();
  await expect(conflict.getByText('Lab room')).toBeVisible();
  await conflict.getByRole('button', { name: 'Show alternatives (1)' }).click();
  const alternatives = conflict.getByRole('list', { name: /^Alternatives/ });
  await expect(alternatives.getByRole('link', { name: 'Offered CentOS Infra services for SIGs' })).toBeVisible();
  await expect(agenda.getByText(/min free/).first()).toBeVisible();
  await expect(agenda.getByRole('listitem', { name: 'Kmods SIG Update' }).getByText(`Reminder at ${kmodsReminder}`)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: 'tests/e2e/screenshots/agenda.png' });
  // Choosing the alternative is one click.
  await alternatives.getByRole('button', { name: 'Maybe' }).click();
  const withMaybe = agenda.getByRole('region', { name: /^Conflict .*: 2 sessions you are going to overlap, and 1 maybe$/ });
  await expect(withMaybe.getByRole('listitem', { name: 'Offered CentOS Infra services for SIGs' })).toBeVisible();

  // The organizers publish a revision: Kmods moves 45 minutes later and to the Lab room; OKD is dropped.
  host().publish('testcon.json', conf.build((feed, at) => {
    feed.revision = 'r2';
    at('kmods', conf.kmodsStart + 45 * MIN, 30, 'lab');
    feed.sessions = feed.sessions.filter((s) => s.id !== 'okd');
  }));
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('freshness')).toHaveText(/updated/);

  const newReminder = conf.clock(conf.kmodsStart + 35 * MIN);
  const movedText = `Kmods SIG Update moved from ${conf.clock(conf.kmodsStart)} to ${conf.clock(conf.kmodsStart + 45 * MIN)} and moved from Pagoda room to Lab room; reminder now at ${newReminder}`;
  await page.getByRole('button', { name: /Notifications/ }).click();
  await expect(notices.getByText('2 sessions in your agenda changed · TestCon 2023')).toBeVisible();
  await expect(notices.getByText(movedText)).toBeVisible();
  await expect(notices.getByText('Introducing CentOS Stream CoreOS and OKD Streams removed by the organizers')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/notifications.png' });
  await page.keyboard.press('Escape');

  // The agenda follows: new time and room, the moved reminder, a "Changed" mark, and OKD kept as removed.
  const kmods = agenda.getByRole('listitem', { name: 'Kmods SIG Update' });
  await expect(kmods.getByText(`${conf.clock(conf.kmodsStart + 45 * MIN)}–${conf.clock(conf.kmodsStart + 75 * MIN)}`)).toBeVisible();
  await expect(kmods.getByText('Lab room', { exact: true })).toBeVisible();
  // It says what changed, not only "Changed".
  await expect(kmods.getByText(/^Moved from \w{3} \d\d:\d\d to \w{3} \d\d:\d\d · room Pagoda room → Lab room$/)).toBeVisible();
  await expect(kmods.getByText(`Reminder at ${newReminder}`)).toBeVisible();
  await expect(kmods.getByText('Changed', { exact: true })).toBeVisible();
  const removed = agenda.getByRole('region', { name: 'Removed by the organizers' });
  await expect(removed.getByText('Introducing CentOS Stream CoreOS and OKD Streams')).toBeVisible();
  await expect(removed.getByRole('link', { name: 'CentOS Stream: RHEL development in public' })).toBeVisible();

  // The Changes view, newest first, with before → after in conference time.
  const tabs = page.getByRole('navigation', { name: 'Conference sections' });
  await expect(tabs.getByLabel('1 unseen')).toBeVisible();
  await tabs.getByRole('link', { name: /Changes/ }).click();
  const update = page.getByRole('region', { name: /^Update of / }).first();
  const item = update.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Kmods SIG Update' }) });
  await expect(item.getByText('In my agenda')).toBeVisible();
  await expect(item.getByText('Unseen')).toBeVisible();
  await expect(item.getByText(`Start: ${conf.clock(conf.kmodsStart)} → ${conf.clock(conf.kmodsStart + 45 * MIN)}`)).toBeVisible();
  await expect(item.getByText('Room: Pagoda room → Lab room')).toBeVisible();
  await expect(update.getByText('Introducing CentOS Stream CoreOS and OKD Streams')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/changes.png' });

  // Opening the session shows what changed and counts as seen; the note survived the update.
  await item.getByRole('link', { name: 'Kmods SIG Update' }).click();
  await expect(page.getByRole('region', { name: 'What changed' })).toContainText('Lab room');
  await expect(page.getByLabel('My notes')).toHaveValue('Ask about signing kmods for Secure Boot');
  await expect(page.getByTestId('reminder-status')).toHaveText(`Reminder at ${newReminder}`);
  await expect(tabs.getByLabel(/unseen/)).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/session-changed.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'My agenda' }).click();
  await expect(agenda.getByRole('listitem', { name: 'Kmods SIG Update' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/agenda-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Nothing is shown twice after a reload (a restart): the list still has exactly these notifications.
  await page.reload();
  await page.getByRole('button', { name: /Notifications/ }).click();
  await expect(notices.getByRole('listitem')).toHaveCount(2);
});

test('a reminder fires at its time in every window only once, and a sleep gives one summary instead of late reminders', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['notifications']);
  const start = Date.now();
  await page.clock.install({ time: start });
  const conf = liveConference(start);
  const t = (minutes: number): number => Math.ceil(start / MIN) * MIN + minutes * MIN;
  host().publish('testcon.json', conf.build((_feed, at) => {
    at('hyperscale', t(30), 20, 'lab');
    at('mirrormanager', t(75), 20, 'lab');
    at('okd', t(78), 20, 'hall');
    at('network', t(100), 20, 'hall');
  }));
  await subscribe(page);
  // A second window on the same profile ticks too (the fake clock is the context's, shared by both).
  const other = await context.newPage();
  await other.goto('/#/c/testcon-2023/agenda');
  await star(page, 'hyperscale', 'Hyperscale SIG update', 'Going');
  await star(page, 'mirrormanager', 'MirrorManager and CentOS Stream 9', 'Going');
  await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Going');
  await star(page, 'network', 'Network management in Enterprise Linux: present and future', 'Going');
  await expect(page.getByTestId('reminder-status')).toHaveText(`Reminder at ${conf.clock(t(90))}`);

  const notices = page.getByRole('region', { name: 'Recent notifications' });
  const openList = async (): Promise<void> => {
    if ((await page.getByRole('button', { name: /Notifications/ }).getAttribute('aria-expanded')) !== 'true') await page.getByRole('button', { name: /Notifications/ }).click();
  };
  // Fake time still flows at real speed between steps, and a tick that finds one still running
  // reruns when it ends (at the then current time). So the clock goes to a fixed moment just
  // past a reminder's time; stepping in small increments could leave the tick that fires it to
  // run after the last step, minutes late on a loaded machine.
  const advanceTo = async (at: number): Promise<void> => {
    const now = await page.evaluate<number>('Date.now()');
    await page.clock.runFor(Math.max(0, at - now));
  };
  // Awake, ticking every 15 seconds: nothing before 10 minutes ahead of Hyperscale, then exactly one reminder.
  await advanceTo(t(20) - MIN);
  await openList();
  await expect(notices.getByText(/No notifications yet/)).toBeVisible();
  // One tick falls in every 15 s, so by 16 s past its time the reminder has fired, 9m44s or more ahead: "10 min".
  await advanceTo(t(20) + 16_000);
  await expect(notices.getByText('Starts in 10 min: Hyperscale SIG update')).toBeVisible();
  await other.getByRole('button', { name: /Notifications/ }).click();
  await expect(other.getByRole('region', { name: 'Recent notifications' }).getByRole('listitem')).toHaveCount(1);
  await expect(notices.getByRole('listitem')).toHaveCount(1);

  // The lid closes for 55 minutes: two reminders (due at +65 and +68 min) fall due while asleep.
  await other.close();
  await page.clock.fastForward('55:00');
  await expect(notices.getByText('2 reminders missed while your computer was asleep')).toBeVisible();
  await expect(notices.getByText(`${conf.clock(t(75))} MirrorManager and CentOS Stream 9 (Lab room)`)).toBeVisible();
  await expect(notices.getByText(/^Starts in .*(MirrorManager|OKD)/)).toHaveCount(0);
  await expect(notices.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: 'tests/e2e/screenshots/missed-summary.png' });
  // Awake again: the next reminder fires on time, and the missed ones never do.
  await advanceTo(t(90) - MIN);
  await expect(notices.getByRole('listitem')).toHaveCount(2);
  await advanceTo(t(90) + 16_000);
  await expect(notices.getByText('Starts in 10 min: Network management in Enterprise Linux: present and future')).toBeVisible();
  await expect(notices.getByRole('listitem')).toHaveCount(3);
});
