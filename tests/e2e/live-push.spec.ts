import type { Page } from '@playwright/test';
import { hasMosquitto, MOSQUITTO_MISSING, startMosquitto, type Broker } from '../unit/support/mosquitto';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { expect, test } from './support/fresh-data';
import { liveConference } from './support/live-conference';

const host = useFeedHost(test);
const TOPIC = 'testcon/2023';
let broker: Broker | undefined;

if (!hasMosquitto) console.warn(`[skip] live push end to end: ${MOSQUITTO_MISSING}`);
test.skip(!hasMosquitto, MOSQUITTO_MISSING);

test.beforeEach(async () => {
  broker = await startMosquitto();
});
test.afterEach(async () => {
  await broker?.stop();
  broker = undefined;
});

const mqtt = (): Broker => {
  if (!broker) throw new Error('no broker');
  return broker;
};

async function connected(page: Page): Promise<void> {
  await expect(page.getByTestId('live-channel')).toHaveText(/Live updates: connected/, { timeout: 10_000 });
}

/**
 * Publishes until the app shows `check` passing: the first message can race the app's
 * subscription (it subscribes right after connecting), and MQTT brokers only queue for
 * sessions that have subscribed. Each later assertion times one message from one publish.
 */
async function primed(page: Page): Promise<void> {
  await expect(async () => {
    mqtt().publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'hello', text: 'Welcome to TestCon' }));
    await expect(page.getByText('Welcome to TestCon').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

test('an organizer pushes an announcement, a new revision and a room state; each shows within seconds', async ({ page }) => {
  const live = liveConference(Date.now());
  host().publish('testcon.json', live.build((feed) => {
    feed.conference.live = { mqtt: mqtt().wsUrl, topic: TOPIC };
  }));
  await subscribeByLink(page, `${host().url}testcon.json`);
  await connected(page);
  await primed(page);

  // An announcement published with mosquitto_pub, as an organizer would.
  let sent = Date.now();
  mqtt().publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'lunch', text: 'Lunch moved to 12:30', severity: 'warning' }));
  await expect(page.getByText('Lunch moved to 12:30').first()).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - sent).toBeLessThan(5_000);

  // A new revision: polling would look again in five minutes or more; the ping fetches it now.
  host().publish('testcon.json', live.build((feed) => {
    feed.conference.live = { mqtt: mqtt().wsUrl, topic: TOPIC };
    feed.revision = 'r2';
    feed.sessions.find((s) => s.id === 'alma')!.title = 'AlmaLinux, moved to the big screen';
  }));
  sent = Date.now();
  mqtt().publish(`${TOPIC}/revision`, 'r2');
  await expect(page.getByRole('link', { name: 'AlmaLinux, moved to the big screen' })).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - sent).toBeLessThan(5_000);

  // A retained room state, shown on the rooms page with its age.
  mqtt().publish(`${TOPIC}/rooms/Lab room`, JSON.stringify({ state: 'full' }), { retain: true });
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Rooms' }).click();
  await expect(page.getByRole('listitem', { name: 'Lab room' }).getByTestId('room-status')).toHaveText('Full · just now', { timeout: 5_000 });
  await page.screenshot({ path: 'tests/e2e/screenshots/live-push-rooms.png' });

  // Hostile payloads are refused or shown as text, never as markup.
  mqtt().publish(`${TOPIC}/announcements`, JSON.stringify({ id: 'x', text: '<img src=x onerror="window.__pushHit=1">Doors close at 18:00' }));
  await expect(page.getByText('<img src=x onerror="window.__pushHit=1">Doors close at 18:00').first()).toBeVisible({ timeout: 5_000 });
  expect(await page.evaluate(() => (globalThis as unknown as { __pushHit?: number }).__pushHit)).toBeUndefined();
});

test('a subscription link can carry the live channel; the retained room state shows after a reload', async ({ page }) => {
  const live = liveConference(Date.now());
  host().publish('testcon.json', live.build(() => undefined));
  mqtt().publish(`${TOPIC}/rooms/Lab room`, JSON.stringify({ state: 'filling' }), { retain: true });
  const feedUrl = `${host().url}testcon.json`;
  await page.goto(`/#/subscribe?url=${encodeURIComponent(feedUrl)}&live=${encodeURIComponent(mqtt().wsUrl)}&topic=${encodeURIComponent(TOPIC)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('subscribe-live')).toHaveText(`Live updates from ${mqtt().wsUrl}/ (topic ${TOPIC}): changes, announcements and room status arrive in seconds.`);
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await connected(page);
  await page.reload();
  await connected(page);
  await page.goto('/#/live');
  // Hyperscale starts in the Lab room within minutes: its Live now card carries the room's state.
  await expect(page.getByRole('article').filter({ hasText: 'Lab room' }).first().getByTestId('room-status')).toHaveText(/^Filling up · (just now|1 min ago)$/, { timeout: 5_000 });
});

test('a link with a plain ws:// broker elsewhere is refused, and the feed is still offered', async ({ page }) => {
  host().publish('testcon.json', liveConference(Date.now()).build(() => undefined));
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}&live=${encodeURIComponent('ws://push.example.org/mqtt')}&topic=x`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The link’s live channel is not used: plain ws:// is only allowed for this machine; use wss://push.example.org/mqtt. The schedule is still checked every few minutes.');
  await expect(page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' })).toBeVisible();
});

test('a subscription link pasted into the form brings its live channel along', async ({ page }) => {
  host().publish('testcon.json', liveConference(Date.now()).build(() => undefined));
  const link = `lanyard://subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}&live=${encodeURIComponent(mqtt().wsUrl)}&topic=${encodeURIComponent(TOPIC)}`;
  await page.goto('/#/subscribe');
  await page.getByLabel('Schedule feed URL').fill(link);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('subscribe-live')).toContainText(`Live updates from ${mqtt().wsUrl}/`);
  await expect(page.getByLabel('Schedule feed URL')).toHaveValue(`${host().url}testcon.json`);
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await connected(page);
});
