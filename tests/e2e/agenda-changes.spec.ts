import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import type { Feed } from '../../core/model/schema';
import { expect, test } from './support/fresh-data';
import { SIZES_AND_THEMES } from './support/window-sizes';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);
// The page writes the backup copy a second after each change: closed here, before the next
// test empties the data folder, no late write of this test is "restored" into the next one.
test.afterEach(async ({ page }) => {
  await page.close();
});
const DAY = 86_400_000;
const SUNDAY = new Set(['rocky', 'arm', 'automotive', 'board-ama']);
const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString().replace('.000Z', 'Z');

/** TestCon over a weekend in Brussels: most of the sample on Saturday 4 February, four talks on Sunday, a Lab room and a SIG track. */
function weekend(change: (feed: Feed) => void = () => undefined): string {
  return testConference((feed) => {
    feed.rooms.push({ id: 'lab', name: 'Lab room', links: [] });
    feed.tracks = [{ id: 'sig', name: 'SIG updates' }];
    for (const s of feed.sessions) {
      const by = SUNDAY.has(s.id) ? 2 * DAY : DAY;
      s.start = shift(s.start, by);
      s.end = shift(s.end, by);
      s.day = SUNDAY.has(s.id) ? '2023-02-05' : '2023-02-04';
      if (s.id === 'rocky' || s.id === 'board-ama') s.trackId = 'sig';
    }
    // The Automotive SIG runs against Rocky Linux on Sunday, in the Lab room.
    const automotive = feed.sessions.find((s) => s.id === 'automotive')!;
    automotive.start = '2023-02-05T13:40:00Z';
    automotive.end = '2023-02-05T14:25:00Z';
    automotive.roomId = 'lab';
    feed.conference.start = '2023-02-04';
    feed.conference.end = '2023-02-05';
    feed.conference.days = ['2023-02-04', '2023-02-05'];
    change(feed);
  });
}

async function star(page: Page, sessionId: string, title: string, level: 'Going' | 'Maybe'): Promise<void> {
  await page.goto(`/#/c/testcon-2023/session/${sessionId}`);
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const control = page.getByRole('main').getByRole('group', { name: `My agenda: ${title}` });
  await control.getByRole('button', { name: level }).click();
  await expect(control.getByRole('button', { name: level })).toHaveAttribute('aria-pressed', 'true');
}

/** The VEVENT of one summary in an .ics text, unfolded. */
function eventOf(ics: string, summary: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const event = unfolded.split('BEGIN:VEVENT').find((e) => e.includes(`\r\nSUMMARY:${summary}\r\n`));
  if (!event) throw new Error(`No event "${summary}" in the export`);
  return event;
}

const ROCKY = 'Introduction to Rocky Linux and Peridot: Maintaining a downstream fork of Red Hat Enterprise Linux';

for (const { size, colorScheme } of SIZES_AND_THEMES) {
  test(`at ${size.width}×${size.height}, ${colorScheme}, the agenda exports itself and says what changed, a removed Sunday talk stays under Sunday`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme });
    host().publish('testcon.json', weekend());
    await subscribeByLink(page, `${host().url}testcon.json`);
    await star(page, 'kmods', 'Kmods SIG Update', 'Going');
    await star(page, 'okd', 'Introducing CentOS Stream CoreOS and OKD Streams', 'Maybe');
    await star(page, 'alma', 'AlmaLinux Build System and Project Updates', 'Going');
    await star(page, 'rocky', ROCKY, 'Going');

    // Export from the agenda itself: maybe is TENTATIVE, going CONFIRMED with the reminder as an alarm.
    await page.goto('/#/c/testcon-2023/agenda');
    const agenda = page.getByRole('region', { name: 'My agenda' });
    const downloading = page.waitForEvent('download');
    await agenda.getByRole('button', { name: 'Export agenda (.ics)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('testcon-2023-my-agenda.ics');
    await expect(agenda.getByRole('status').filter({ hasText: 'Saved testcon-2023-my-agenda.ics with 4 sessions' })).toBeVisible();
    const ics = readFileSync(await download.path(), 'utf8');
    expect(eventOf(ics, 'Introducing CentOS Stream CoreOS and OKD Streams')).toContain('\r\nSTATUS:TENTATIVE\r\n');
    const kmodsEvent = eventOf(ics, 'Kmods SIG Update');
    expect(kmodsEvent).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(kmodsEvent).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\n/);
    expect(kmodsEvent).toContain('DTSTART;TZID=Europe/Brussels:20230204T153000');

    // The organizers publish a revision: Kmods moves 1 h 45 later and to the Lab room, OKD is
    // cancelled, AlmaLinux is retitled, and Sunday's Rocky Linux talk is dropped.
    host().publish('testcon.json', weekend((feed) => {
      feed.revision = 'r2';
      const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
      kmods.start = '2023-02-04T16:15:00Z';
      kmods.end = '2023-02-04T16:45:00Z';
      kmods.roomId = 'lab';
      feed.sessions.find((s) => s.id === 'okd')!.cancelled = true;
      feed.sessions.find((s) => s.id === 'alma')!.title = 'AlmaLinux: the build system';
      feed.sessions = feed.sessions.filter((s) => s.id !== 'rocky' && s.id !== 'arm');
    }));
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('freshness')).toHaveText(/updated/);

    // Saturday: each changed session says what changed, not only "Changed".
    await page.getByRole('navigation', { name: 'Agenda days' }).getByRole('link', { name: /^Sat 4 Feb/ }).click();
    await expect(agenda.getByRole('listitem', { name: 'Kmods SIG Update' })).toContainText('Moved from Sat 15:30 to Sat 17:15 · room Pagoda room → Lab room');
    await expect(agenda.getByRole('listitem', { name: 'Introducing CentOS Stream CoreOS and OKD Streams' })).toContainText('Cancelled');
    await expect(agenda.getByRole('listitem', { name: 'AlmaLinux: the build system' })).toContainText('Title changed (was “AlmaLinux Build System and Project Updates”)');
    // The removed Sunday talk is not under Saturday …
    await expect(agenda.getByRole('region', { name: 'Removed by the organizers' })).toHaveCount(0);
    await page.screenshot({ path: `tests/e2e/screenshots/agenda-changes-${size.width}-${colorScheme}.png`, fullPage: true });

    // … but under Sunday, with what it was and what else there is.
    await page.getByRole('navigation', { name: 'Agenda days' }).getByRole('link', { name: 'Sun 5 Feb (1)' }).click();
    const removed = agenda.getByRole('region', { name: 'Removed by the organizers' });
    await expect(removed.getByRole('heading', { name: ROCKY })).toBeVisible();
    await expect(removed.getByRole('list', { name: `At the same time as ${ROCKY}` })).toContainText('A year in review 2023 - CentOS Automotive SIG');

    // Its own page (reached by its old id, as Changes and notifications link it) shows what it was: time, room, track, speakers.
    await page.goto('/#/c/testcon-2023/session/rocky');
    const was = page.getByRole('main').getByRole('article', { name: `Removed: ${ROCKY}` });
    await expect(was.getByRole('heading', { level: 2, name: ROCKY })).toBeVisible();
    const facts = was.getByRole('definition');
    await expect(facts.nth(0)).toHaveText('Sun 5 Feb 14:40–15:05');
    await expect(facts.nth(1)).toHaveText('Pagoda room');
    await expect(facts.nth(2)).toHaveText('SIG updates');
    await expect(facts.nth(3)).toHaveText('Neil Hanlon');
    await expect(was.getByRole('list', { name: `At the same time as ${ROCKY}` }).getByRole('link', { name: 'A year in review 2023 - CentOS Automotive SIG' })).toBeVisible();
    await expect(was.getByRole('list', { name: 'Also in SIG updates' }).getByRole('link', { name: 'CentOS Board AMA' })).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/removed-session-${size.width}-${colorScheme}.png`, fullPage: true });

    // A removed session nobody starred still says what it was, not a bare "not in the schedule".
    await page.goto('/#/c/testcon-2023/session/arm');
    const gone = page.getByRole('main').getByRole('article', { name: /^Removed: Running Cloud Native Applications/ });
    await expect(gone).toContainText('Removed by the organizers');
    await expect(gone.getByRole('link', { name: 'See what else changed' })).toHaveAttribute('href', '#/c/testcon-2023/changes');

    // Opening a changed session marks it seen: the agenda then shows neither the mark nor the text.
    await page.goto('/#/c/testcon-2023/session/kmods');
    await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
    await page.goto('/#/c/testcon-2023/agenda/2023-02-04');
    await expect(agenda.getByRole('listitem', { name: 'Kmods SIG Update' })).not.toContainText('Moved from');
  });
}
