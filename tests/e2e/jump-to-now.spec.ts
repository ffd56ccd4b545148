import type { Session } from '../../core/model/schema';
import { expect, test } from './support/fresh-data';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';
import { MIN } from './support/live-conference';

const host = useFeedHost(test);

/** The scroll box of an element (the e2e project has no DOM types). */
interface Scrollable {
  scrollTop: number;
  scrollHeight: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * TestCon today, in a fixed-offset zone where it is now about noon: a talk every 20 minutes
 * from 06:00 to 18:00 in one room, so the day is far taller than the window and the talk
 * on now sits in its middle.
 */
function busyDay(now: number): { feed: string; onNow: string } {
  let offset = 12 - new Date(now).getUTCHours();
  if (offset < -12) offset += 24;
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const slot = Math.floor(now / (20 * MIN)) * 20 * MIN;
  let onNow = '';
  const feed = testConference((f) => {
    const base = f.sessions[0]!;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    f.conference.timeZone = zone;
    f.conference.start = day;
    f.conference.end = day;
    f.conference.days = [day];
    f.sessions = [];
    for (let k = -18; k <= 17; k += 1) {
      const start = slot + k * 20 * MIN;
      const session: Session = { ...base, id: `talk-${k + 18}`, guid: undefined, sourceId: undefined, title: `Talk at slot ${k + 18}`, start: iso(start), end: iso(start + 20 * MIN), day, roomId: f.rooms[0]!.id, speakerIds: [], links: [], cancelled: false, type: 'lecture' };
      f.sessions.push(session);
      if (k === 0) onNow = session.title;
    }
  });
  return { feed, onNow };
}

test('jump to now brings the talk on now into view, in the list and the timeline, every time it is pressed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { feed, onNow } = busyDay(Date.now());
  host().publish('testcon.json', feed);
  await subscribeByLink(page, `${host().url}testcon.json`);
  const jump = page.getByRole('button', { name: 'Jump to now' });
  await expect(jump).toBeEnabled();

  // The list: scrolled to the top, the talk on now is far below; each press brings it back.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  const list = page.getByTestId('session-list');
  const nowRow = list.getByRole('link', { name: onNow });
  for (let press = 0; press < 2; press += 1) {
    await list.evaluate((el) => void ((el as unknown as Scrollable).scrollTop = 0));
    await expect(list.getByRole('link', { name: 'Talk at slot 0' })).toBeInViewport();
    await expect(nowRow).not.toBeInViewport();
    await jump.click();
    await expect(nowRow).toBeInViewport();
  }

  // The timeline: the same, with the now line.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  const nowLine = timeline.locator('.timeline-now');
  for (let press = 0; press < 2; press += 1) {
    await timeline.evaluate((el) => void ((el as unknown as Scrollable).scrollTop = (el as unknown as Scrollable).scrollHeight));
    await expect(nowLine).not.toBeInViewport();
    await jump.click();
    await expect(nowLine).toBeInViewport();
    await expect(timeline.getByRole('link', { name: new RegExp(onNow) })).toBeInViewport();
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/jump-to-now-timeline.png' });
});

test('at 01:30 during a congress whose days change at 04:00, the schedule opens on the day before, with Jump to now', async ({ page }) => {
  const now = Date.now();
  // A fixed-offset zone where it is now between 01:00 and 02:00.
  let offset = 1 - new Date(now).getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const dateOf = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const today = dateOf(now);
  const yesterday = dateOf(now - 24 * 60 * MIN);
  const hour = Math.floor(now / (60 * MIN)) * 60 * MIN; // 01:00 local
  const feed = testConference((f) => {
    const base = f.sessions[0]!;
    const talk = (id: string, title: string, start: number, day: string): Session => ({
      ...base, id, guid: undefined, sourceId: undefined, title, start: iso(start), end: iso(start + 60 * MIN), day, roomId: f.rooms[0]!.id, speakerIds: [], links: [], cancelled: false,
    });
    f.conference = { ...f.conference, timeZone: zone, start: yesterday, end: today, days: [yesterday, today], dayChange: '04:00' };
    f.sessions = [
      talk('evening', 'Evening keynote', hour - 5 * 60 * MIN, yesterday),
      talk('late', 'Late night lightning talks', hour, yesterday),
      talk('morning', 'Morning after', hour + 10 * 60 * MIN, today),
    ];
  });
  host().publish('congress.json', feed);
  await subscribeByLink(page, `${host().url}congress.json`);
  const tabs = page.getByRole('navigation', { name: 'Days' });
  await expect(tabs.locator('a[aria-current="page"]')).toHaveAttribute('href', new RegExp(`${yesterday}$`));
  await expect(page.getByRole('link', { name: /Late night lightning talks/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jump to now' })).toBeEnabled();
});
