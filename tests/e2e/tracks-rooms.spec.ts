import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feed } from '../../core/model/schema';
import { expect, test } from './support/fresh-data';
import { WINDOW_SIZES } from './support/window-sizes';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);
const DAY_MS = 86_400_000;

/** TestCon over two days: the first nine sessions on Friday (track Infra), the rest moved to Saturday (track Rust, only there). */
function twoDays(): string {
  return testConference((feed: Feed) => {
    feed.conference.end = '2023-02-04';
    feed.conference.days = ['2023-02-03', '2023-02-04'];
    feed.tracks.push({ id: 'infra', name: 'Infra' }, { id: 'rust', name: 'Rust' });
    feed.rooms.push({ id: 'lab', name: 'Lab room', links: [] });
    feed.sessions.forEach((s, i) => {
      if (i >= 9) {
        s.start = new Date(Date.parse(s.start) + DAY_MS).toISOString();
        s.end = new Date(Date.parse(s.end) + DAY_MS).toISOString();
        s.day = '2023-02-04';
        if (s.type !== 'break') s.trackId = 'rust';
      } else if (s.type !== 'break') s.trackId = 'infra';
      if (i % 4 === 0) s.roomId = 'lab';
    });
    // One speaker on both days.
    feed.speakers.push({ id: 'ada', name: 'Ada Twodays', links: [] });
    feed.sessions.filter((s) => s.type !== 'break' && s.day === '2023-02-03')[0]!.speakerIds.push('ada');
    feed.sessions.filter((s) => s.type !== 'break' && s.day === '2023-02-04')[0]!.speakerIds.push('ada');
  });
}

const SIZES = WINDOW_SIZES;

for (const viewport of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a Saturday-only track opens on its Saturday sessions, a room on all its days (${viewport.width}×${viewport.height}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      try {
        host().publish('testcon.json', twoDays());
        await subscribeByLink(page, `${host().url}testcon.json`);
        // The schedule opens on Friday (the first day); Tracks › Rust must not show an empty Friday.
        await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Tracks' }).click();
        const tracks = page.getByRole('region', { name: 'Tracks' });
        await expect(tracks.getByRole('listitem', { name: 'Rust' })).toContainText('Sat 4 Feb');
        await tracks.getByRole('link', { name: 'Rust', exact: true }).click();
        const track = page.getByRole('article', { name: 'Rust' });
        await expect(track.getByText(/^\d+ sessions · only on Sat 4 Feb/)).toBeVisible();
        await expect(track.getByRole('heading', { name: /Saturday/ })).toBeVisible();
        await expect(track.getByRole('heading', { name: /Friday/ })).toHaveCount(0);
        await expect(page.getByText('No sessions match')).toHaveCount(0);
        const saturday = track.getByRole('list', { name: /Rust on Saturday/ });
        expect(await saturday.getByRole('listitem').count()).toBeGreaterThan(3);
        // Each row has its time and a star: going from here puts it in the agenda.
        const first = saturday.getByRole('listitem').first();
        await expect(first.locator('time')).toHaveText(/^\d\d:\d\d–\d\d:\d\d/);
        await first.getByRole('button', { name: /Going/ }).click();
        await expect(first.getByRole('button', { name: /Going/ })).toHaveAttribute('aria-pressed', 'true');
        await expect(page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Tracks' })).toHaveAttribute('aria-current', 'page');
        await page.screenshot({ path: `tests/e2e/screenshots/track-page-${viewport.width}x${viewport.height}-${colorScheme}.png` });

        // A room spans both days, each under its own heading.
        await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Rooms' }).click();
        await page.getByRole('region', { name: 'Rooms' }).getByRole('link', { name: 'Lab room', exact: true }).click();
        const room = page.getByRole('article', { name: 'Lab room' });
        await expect(room.getByRole('heading', { name: /Friday/ })).toBeVisible();
        await expect(room.getByRole('heading', { name: /Saturday/ })).toBeVisible();
        await page.screenshot({ path: `tests/e2e/screenshots/room-page-${viewport.width}x${viewport.height}-${colorScheme}.png` });
      } finally {
        await context.close();
      }
    });
  }
}

test('the schedule filtered to a track on a day it is not on says which days have it', async ({ page }) => {
  host().publish('testcon.json', twoDays());
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Fri 3 Feb' }).click();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'Rust' }).check();
  const note = page.getByRole('status').filter({ hasText: 'Nothing here on' });
  await expect(note).toHaveText(/^Nothing here on Fri 3 Feb: Rust has \d+ sessions on Sat 4 Feb\.$/);
  await expect(page.getByText('0 sessions', { exact: false })).toBeVisible();
  await note.getByRole('link', { name: /sessions on Sat 4 Feb/ }).click();
  await expect(page.locator('.schedule-count')).toHaveText(/^[1-9]\d* sessions?/);
  await expect(note).toHaveCount(0);
});

test('a session page leads to its room and track pages', async ({ page }) => {
  host().publish('testcon.json', twoDays());
  await subscribeByLink(page, `${host().url}testcon.json`);
  await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Sat 4 Feb' }).click();
  await page.getByRole('list', { name: 'Sessions' }).getByRole('link').first().click();
  await page.getByRole('definition').getByRole('link', { name: 'Rust' }).click();
  await expect(page.getByRole('article', { name: 'Rust' }).getByText(/only on Sat 4 Feb/)).toBeVisible();
  // A speaker's page lists their sessions on every day, each with its star.
  await page.goto(page.url().replace(/\/track\/.*$/, '/speaker/ada'));
  const speaker = page.getByRole('article', { name: 'Ada Twodays' });
  await expect(speaker.getByRole('list', { name: /Ada Twodays on Friday/ }).getByRole('listitem')).toHaveCount(1);
  const saturday = speaker.getByRole('list', { name: /Ada Twodays on Saturday/ }).getByRole('listitem');
  await expect(saturday).toHaveCount(1);
  await saturday.getByRole('button', { name: /Going/ }).click();
  await expect(saturday.getByRole('button', { name: /Going/ })).toHaveAttribute('aria-pressed', 'true');
});

const FOSDEM_2020 = resolve(import.meta.dirname, '../../../shared/corpus/fosdem/fosdem-2020.xml');

test('FOSDEM 2020: Tracks › Rust (Sunday only) lists its Sunday talks', async ({ page }) => {
  test.skip(!existsSync(FOSDEM_2020), `the corpus is not at ${FOSDEM_2020}`);
  test.setTimeout(90_000);
  host().publish('fosdem-2020.xml', readFileSync(FOSDEM_2020, 'utf8'));
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}fosdem-2020.xml`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'FOSDEM 2020' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Tracks' }).click();
  await page.getByRole('region', { name: 'Tracks' }).getByRole('link', { name: 'Rust', exact: true }).click();
  const track = page.getByRole('article', { name: 'Rust' });
  await expect(track.getByText('13 sessions · only on Sun 2 Feb')).toBeVisible();
  await expect(track.getByRole('list', { name: 'Rust on Sunday, 2 February 2020' }).getByRole('listitem')).toHaveCount(13);
  await page.screenshot({ path: 'tests/e2e/screenshots/fosdem-track-rust.png' });
});

test.describe('seen from Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test("a track's page follows the time toggle: conference time, then the viewer's", async ({ page }) => {
    host().publish('testcon.json', twoDays());
    await subscribeByLink(page, `${host().url}testcon.json`);
    await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Tracks' }).click();
    await page.getByRole('region', { name: 'Tracks' }).getByRole('link', { name: 'Rust', exact: true }).click();
    const track = page.getByRole('article', { name: 'Rust' });
    await expect(track.getByText(/times in Europe\/Brussels$/)).toBeVisible();
    const rows = track.getByRole('listitem');
    const first = (await rows.first().locator('time').textContent()) ?? '';
    const [h, m] = first.split('–')[0]!.split(':').map(Number) as [number, number];
    await page.getByRole('group', { name: 'Show times in' }).getByRole('button', { name: 'My time' }).click();
    await expect(track.getByText(/times in Asia\/Tokyo$/)).toBeVisible();
    // Brussels in February is UTC+1, Tokyo UTC+9: eight hours later on the clock.
    const later = `${String((h + 8) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    await expect(rows.first().locator('time')).toHaveText(new RegExp(`^${later}–`));
    // The last talk ends after Tokyo's midnight: it carries its Tokyo date.
    await expect(rows.last().locator('time')).toContainText('Sun 5 Feb');
  });
});
