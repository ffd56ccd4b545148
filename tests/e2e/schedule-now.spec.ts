import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { SIZES_AND_THEMES, WINDOW_SIZES } from './support/window-sizes';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';
import { busyDay } from './support/busy-day';
import { violations } from './support/axe';

const host = useFeedHost(test);

/** The scroll box of an element (the e2e project has no DOM types). */
interface Scrollable {
  scrollTop: number;
  scrollLeft: number;
  scrollWidth: number;
}

/** The browser's getComputedStyle, as far as these tests use it (the e2e project has no DOM types). */
declare const getComputedStyle: (element: unknown) => Record<string, string>;
/** One computed style property of an element. */
const styleOf = (element: Locator, property: string): Promise<string> => element.evaluate((el, name) => getComputedStyle(el)[name] ?? '', property);

async function openBusyDay(page: Page, rooms: number): Promise<ReturnType<typeof busyDay>> {
  const day = busyDay(Date.now(), rooms);
  host().publish('testcon.json', day.feed);
  await subscribeByLink(page, `${host().url}testcon.json`);
  return day;
}

for (const { size, colorScheme } of SIZES_AND_THEMES) {
  test(`the list at ${size.width}×${size.height}, ${colorScheme}: Jump to now passes over the all-day workshop to the talk on now, under a now line, ended talks dimmed`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(size);
    const day = await openBusyDay(page, 3);
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
    const list = page.getByTestId('session-list');
    const rowOf = (title: string): Locator => list.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

    // The first row in view: it must be a talk that has not ended.
    const first = list.getByRole('listitem').filter({ has: page.getByRole('link') });
    const expectFirstInViewNotEnded = async (): Promise<void> => {
      const top = (await list.boundingBox())!.y;
      let firstInView: Locator | undefined;
      for (let i = 0; i < (await first.count()); i += 1) {
        const box = await first.nth(i).boundingBox();
        if (box && box.y >= top - 1) {
          firstInView = first.nth(i);
          break;
        }
      }
      expect(firstInView).toBeDefined();
      await expect(firstInView!).not.toContainText('Ended:');
    };
    // Where the list lands shows the talks running now; in a 480 px window only the first two
    // or three of them (in Main hall's talk's place, depending on the minute, may be a talk in
    // another room that started a little earlier), so there Main hall's talk is checked a
    // scroll further down.
    const tall = size.height >= 700;
    const expectAtNow = async (): Promise<void> => {
      await expect(rowOf(day.allDay)).not.toBeInViewport();
      await expectFirstInViewNotEnded();
      if (tall) await expect(rowOf(day.onNow)).toBeInViewport();
    };

    // Today's list opens at what is on now, not at the all-day workshop that starts first.
    await expectAtNow();
    // Back at the top of the day, Jump to now comes back to it.
    await list.evaluate((el) => void ((el as unknown as Scrollable).scrollTop = 0));
    await expect(rowOf(day.allDay)).toBeInViewport();
    await page.getByRole('button', { name: 'Jump to now' }).click();
    await expectAtNow();
    // The now line comes after the talks running now (before the first one still to start): in
    // view with them where the window is tall enough, a scroll below them in a 480 px window.
    const marker = list.getByTestId('now-marker');
    if (!tall) await marker.scrollIntoViewIfNeeded();
    await expect(marker).toBeInViewport();
    await rowOf(day.onNow).scrollIntoViewIfNeeded();
    await expect(rowOf(day.onNow)).toBeInViewport();
    // The talk on now is at full strength.
    const onNowTitle = rowOf(day.onNow).getByRole('link', { name: day.onNow, exact: true });
    const fullColour = await styleOf(onNowTitle, 'color');
    const fullBackground = await styleOf(rowOf(day.onNow), 'backgroundColor');
    await expect(rowOf(day.onNow)).not.toContainText('Ended:');

    // The list around now, and the room and track choices open, pass axe's WCAG 2.1 AA checks (contrast of the dimmed rows too).
    await page.getByText('Rooms and tracks', { exact: true }).click();
    expect(await violations(page)).toEqual([]);

    // Ended talks are dimmed and say so.
    await list.evaluate((el) => void ((el as unknown as Scrollable).scrollTop = 0));
    const ended = rowOf(day.ended);
    await ended.scrollIntoViewIfNeeded();
    await expect(ended).toContainText('Ended:');
    expect(await styleOf(ended.getByRole('link', { name: day.ended, exact: true }), 'color')).not.toBe(fullColour);
    expect(await styleOf(ended, 'backgroundColor')).not.toBe(fullBackground);
  });
}

for (const size of WINDOW_SIZES) test(`the timeline at ${size.width}×${size.height}: the time axis and room headers stay put, short talks are readable, starred ones stand out`, async ({ page }) => {
  await page.setViewportSize(size);
  // Enough rooms to scroll sideways in the widest window too (39C3 had 46).
  const day = await openBusyDay(page, 30);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  // The hour it is now (the timeline opens a little above now).
  const nowHour = new Intl.DateTimeFormat('en-GB', { timeZone: day.zone, hour: '2-digit', hourCycle: 'h23' }).format(Date.now());
  const hour = timeline.locator('.timeline-hour').getByText(`${nowHour}:00`, { exact: true });
  await expect(hour).toBeInViewport();
  const header = timeline.locator('.timeline-room').filter({ hasText: 'Main hall' });
  const before = (await hour.boundingBox())!;
  const headerBefore = (await header.boundingBox())!;
  // Far to the right: the hour labels keep their place.
  const width = await timeline.evaluate((el) => (el as unknown as Scrollable).scrollWidth);
  expect(width).toBeGreaterThan(size.width + 1000);
  await timeline.evaluate((el) => void ((el as unknown as Scrollable).scrollLeft = 1500));
  await expect.poll(async () => timeline.evaluate((el) => (el as unknown as Scrollable).scrollLeft)).toBeGreaterThan(1000);
  expect((await hour.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect(hour).toBeInViewport();
  // Down: the room headers keep theirs.
  await timeline.evaluate((el) => void ((el as unknown as Scrollable).scrollLeft = 0));
  await timeline.evaluate((el) => void ((el as unknown as Scrollable).scrollTop += 400));
  await expect.poll(async () => (await header.boundingBox())!.y).toBeCloseTo(headerBefore.y, 0);

  // The all-day workshop began at 08:00, far above: its title stays in view under the room names.
  await expect(timeline.getByRole('link', { name: new RegExp(day.allDay.replace(/[()]/g, '\\$&')) }).locator('.timeline-title')).toBeInViewport();

  // A 10-minute talk is a whole line: its time and the start of its title, not a sliver.
  const lightning = page.getByRole('group', { name: 'Main hall' }).getByRole('link', { name: /Lightning talk/ }).first();
  const box = (await lightning.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(16);
  const title = lightning.locator('.timeline-title');
  const titleBox = (await title.boundingBox())!;
  expect(titleBox.y + 12).toBeLessThanOrEqual(box.y + box.height);
  expect(titleBox.x).toBeLessThan(box.x + box.width - 20);

  // Starred as going: framed and filled, not only a small star.
  await page.goto(`/#/c/testcon-2023/session/${day.onNowId}`);
  await page.getByRole('main').getByRole('group', { name: `My agenda: ${day.onNow}` }).getByRole('button', { name: 'Going' }).click();
  await page.goBack();
  const going = page.getByRole('group', { name: 'Main hall' }).getByRole('link', { name: new RegExp(day.onNow) });
  await expect(going).toContainText('Going');
  const look = async (link: Locator): Promise<string> => `${await styleOf(link, 'backgroundColor')} ${await styleOf(link, 'boxShadow')}`;
  const plain = page.getByRole('group', { name: 'Room A' }).getByRole('link').last();
  // Going, ended and short blocks and the now label keep WCAG AA contrast, light and dark.
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await look(going)).not.toBe(await look(plain));
  expect(await styleOf(going, 'boxShadow')).not.toBe('none');
});

test('hidden and pinned rooms and hidden tracks survive a reload, and Show all brings them back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const day = await openBusyDay(page, 6);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  const count = page.getByText(/^\d+ sessions · times in/);
  const total = Number((await count.textContent())?.match(/^\d+/)?.[0]);

  await page.getByText('Rooms and tracks', { exact: true }).click();
  const rooms = page.getByRole('group', { name: /^Rooms:/ });
  await rooms.getByRole('checkbox', { name: 'Room B' }).uncheck();
  await rooms.getByRole('button', { name: 'Pin Room D' }).click();
  await page.getByRole('group', { name: /^Tracks:/ }).getByRole('checkbox', { name: 'Kernel' }).uncheck();

  const check = async (): Promise<void> => {
    await expect(timeline.getByRole('group', { name: 'Room B' })).toHaveCount(0);
    // Pinned rooms come first, left of the others.
    await expect(timeline.getByRole('group').first()).toHaveAttribute('aria-label', 'Room D (pinned)');
    await expect(timeline.getByRole('link', { name: /on Kernel/ })).toHaveCount(0);
    await expect(page.getByTestId('hidden-note')).toContainText('1 room hidden · 1 track hidden');
    expect(Number((await count.textContent())?.match(/^\d+/)?.[0])).toBeLessThan(total);
  };
  await check();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await check();
  // Other conferences are not touched: the sample's schedule hides nothing.
  await page.goto('/#/c/centos-connect-2023');
  await expect(page.getByRole('heading', { level: 1, name: 'CentOS Connect at FOSDEM' })).toBeVisible();
  await expect(page.getByTestId('hidden-note')).toHaveCount(0);
  await page.goBack();

  await page.getByTestId('hidden-note').getByRole('button', { name: 'Show all' }).click();
  await expect(timeline.getByRole('group', { name: 'Room B' })).toHaveCount(1);
  await expect(timeline.getByRole('link', { name: /on Kernel/ }).first()).toBeAttached();
  await expect(page.getByTestId('hidden-note')).toHaveCount(0);
  await expect(count).toHaveText(new RegExp(`^${total} sessions`));
  // The pin stays until unpinned.
  await expect(timeline.getByRole('group').first()).toHaveAttribute('aria-label', 'Room D (pinned)');
  expect(day.rooms).toContain('Room D');
});

test('at 08:00 on a FOSDEM Sunday (days change at 09:00), the schedule opens on Sunday, and Jump to now lands on its first talk', async ({ page }) => {
  const now = Date.now();
  // A fixed-offset zone where it is now between 08:00 and 09:00.
  let offset = 8 - new Date(now).getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const dateOf = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const sunday = dateOf(now);
  const saturday = dateOf(now - 24 * 3600_000);
  const eight = Math.floor(now / 3600_000) * 3600_000; // 08:00 local
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const feed = testConference((f) => {
    const base = f.sessions[0]!;
    const talk = (id: string, title: string, start: number, day: string) => ({
      ...base, id, guid: undefined, sourceId: undefined, title, start: iso(start), end: iso(start + 50 * 60_000), day, roomId: f.rooms[0]!.id, speakerIds: [], links: [], cancelled: false, type: 'talk',
    });
    f.conference = { ...f.conference, timeZone: zone, start: saturday, end: sunday, days: [saturday, sunday], dayChange: '09:00' };
    f.sessions = [
      talk('sat-1', 'Saturday opening', eight - 22.5 * 3600_000, saturday), // 09:30
      talk('sat-2', 'Saturday closing', eight - 14 * 3600_000, saturday), // 18:00
      talk('sun-1', 'Sunday first talk', eight + 3600_000, sunday), // 09:00
      talk('sun-2', 'Sunday second talk', eight + 2 * 3600_000, sunday), // 10:00
    ];
  });
  host().publish('fosdem.json', feed);
  await subscribeByLink(page, `${host().url}fosdem.json`);
  const tabs = page.getByRole('navigation', { name: 'Days' });
  await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', new RegExp(`${sunday}$`));
  await expect(page.getByRole('link', { name: 'Sunday first talk' })).toBeVisible();
  // From Saturday's tab, Jump to now opens Sunday's, at its first talk.
  await tabs.locator(`a[href$="${saturday}"]`).click();
  await expect(page.getByRole('link', { name: 'Saturday opening' })).toBeVisible();
  await page.getByRole('button', { name: 'Jump to now' }).click();
  await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', new RegExp(`${sunday}$`));
  await expect(page.getByRole('link', { name: 'Sunday first talk' })).toBeInViewport();
});
