import { subscribeByLink, useFeedHost } from './support/feed-host';
import { expect, test } from './support/fresh-data';
import { liveConference, MIN } from './support/live-conference';

const host = useFeedHost(test);

test('FOSDEM rooms get their live.fosdem.org stream, and the room status the conference publishes shows with its age', async ({ page }) => {
  const now = Date.now();
  const live = liveConference(now);
  host().publish('rooms.json', JSON.stringify([{ roomname: 'Great hall', state: '1' }, { roomname: 'Lab room', state: '0' }]));
  host().publish('fosdem.json', live.build((feed, at) => {
    feed.conference.title = 'FOSDEM 2026';
    feed.conference.roomStatus = { url: `${host().url}rooms.json`, format: 'fosdem' };
    at('hyperscale', live.soon, 20, 'hall');
  }));
  await subscribeByLink(page, `${host().url}fosdem.json`, 'FOSDEM 2026');

  // Rooms: the hall (no stream in the feed) gets FOSDEM's, the lab keeps its own; both show their status.
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Rooms' }).click();
  const hall = page.getByRole('listitem', { name: 'Great hall' });
  await expect(hall.getByRole('link', { name: /^Live stream: / })).toHaveAttribute('href', 'https://live.fosdem.org/watch/greathall');
  await expect(hall.getByTestId('room-status')).toHaveText('Full · just now', { timeout: 10_000 });
  const lab = page.getByRole('listitem', { name: 'Lab room' });
  await expect(lab.getByRole('link', { name: /^Live stream: / })).toHaveAttribute('href', 'https://stream.example.org/lab');
  await expect(lab.getByTestId('room-status')).toHaveText('Open · just now');

  // Live now: the talk starting soon in the hall offers FOSDEM's stream and says the room is full.
  await page.goto('/#/live');
  const card = page.getByRole('article').filter({ hasText: 'Great hall' }).filter({ hasText: 'in ' }).first();
  await expect(card.getByRole('button', { name: 'Watch stream' })).toHaveAttribute('title', 'https://live.fosdem.org/watch/greathall');
  await expect(card.getByTestId('room-status')).toHaveText('Full · just now');
  await page.screenshot({ path: 'tests/e2e/screenshots/live-room-status.png' });

  // The session page too.
  await page.goto('/#/c/testcon-2023/session/hyperscale');
  await expect(page.getByRole('definition').filter({ hasText: 'Great hall' }).getByTestId('room-status')).toHaveText('Full · just now');

  // Starring a talk in the full hall that starts in half an hour: one notice says its room is full.
  await page.goto('/#/c/testcon-2023/session/infra');
  await page.getByRole('button', { name: /Going/ }).first().click();
  await page.getByRole('button', { name: /^Notifications/ }).click();
  const notices = page.getByRole('region', { name: 'Recent notifications' });
  await expect(notices.getByText(/^The room of your next talk is full: Great hall for “.+” at \d\d:\d\d\.$/)).toHaveCount(1, { timeout: 10_000 });
  await expect(notices.getByText('Room full · FOSDEM 2026')).toHaveCount(1);
});

test('the recording of a starred talk arriving in a later revision is announced once and listed under Recordings', async ({ page }) => {
  const now = Date.now();
  const live = liveConference(now);
  const past = (feed: Parameters<Parameters<typeof live.build>[0]>[0], at: Parameters<Parameters<typeof live.build>[0]>[1]): void => {
    at('rheldevel', now - 90 * MIN, 30, 'hall');
  };
  host().publish('testcon.json', live.build(past));
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.goto('/#/c/testcon-2023/session/rheldevel');
  await page.getByRole('button', { name: /Going/ }).first().click();
  await expect(page.getByRole('button', { name: /Going/ }).first()).toHaveAttribute('aria-pressed', 'true');

  host().publish('testcon.json', live.build((feed, at) => {
    past(feed, at);
    feed.revision = 'r2';
    feed.sessions.find((s) => s.id === 'rheldevel')!.links.push({ url: 'https://video.fosdem.org/2023/hall/rheldevel.webm', title: 'Video recording (WebM)', kind: 'recording' });
  }));
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await page.getByRole('button', { name: /^Notifications/ }).click();
  const notices = page.getByRole('region', { name: 'Recent notifications' });
  await expect(notices.getByText(/^The recording of “CentOS Stream: RHEL development in public.*” is out\.$/)).toHaveCount(1, { timeout: 10_000 });
  await expect(notices.getByRole('link', { name: 'Watch the recording' })).toHaveAttribute('href', 'https://video.fosdem.org/2023/hall/rheldevel.webm');

  // Once: another refresh and a reload say nothing more.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await page.reload();
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(notices.getByText(/^The recording of “CentOS Stream: RHEL development in public.*” is out\.$/)).toHaveCount(1);
  await page.goto('/#/recordings');
  await expect(page.getByRole('link', { name: /RHEL development in public/ }).first()).toBeVisible();
});
