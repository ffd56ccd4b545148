import { expect, test } from './support/fresh-data';
import { subscribeByLink, useFeedHost } from './support/feed-host';
import { SIZES_AND_THEMES } from './support/window-sizes';

/**
 * A session's page shows its own recording among its links and the videos it only refers to
 * apart, as related videos; the Recordings page lists only the own recordings.
 */
const host = useFeedHost(test);
const SNOWDEN = 'https://www.youtube.com/watch?v=QWEbtDiEUsU';
const OWN = 'https://media.ccc.de/v/31c3_-_6258_-_en_-_saal_1_-_201412271715_-_reconstructing_narratives';

const event = (id: string, time: string, title: string, links: string): string =>
  `<event id="${id}" guid="4a1b6d4c-0000-4000-8000-00000000${id}"><date>2014-12-27T${time}:00+01:00</date><start>${time}</start><duration>01:00</duration><room>Saal 1</room><slug>e${id}</slug><title>${title}</title><links>${links}</links></event>`;

/** A small frab XML export of a past congress: one talk with its recording and a reference, one with only a reference. */
const SCHEDULE = `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>1</version><conference><acronym>31c3</acronym><title>31C3</title><start>2014-12-27</start><end>2014-12-27</end><days>1</days><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2014-12-27"><room name="Saal 1">
${event('6258', '17:15', 'Reconstructing narratives', `<link href="${SNOWDEN}">Snowden speaks at HOPE X</link><link href="${OWN}">media.ccc.de</link>`)}
${event('6259', '19:00', 'Answering a keynote', '<link href="https://vimeo.com/101">The keynote I answer</link><link href="https://example.org/project">Project</link>')}
</room></day></schedule>`;

for (const { size, colorScheme } of SIZES_AND_THEMES) test(`at ${size.width}×${size.height}, ${colorScheme}, a session page splits its recording from related videos, and Recordings lists only its own recording`, async ({ page }) => {
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme });
  host().publish('31c3.xml', SCHEDULE);
  await subscribeByLink(page, `${host().url}31c3.xml`, '31C3');
  await page.getByRole('link', { name: 'Reconstructing narratives' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Reconstructing narratives' })).toBeVisible();

  const links = page.getByRole('list', { name: 'Links' });
  await expect(links.getByRole('link', { name: 'Recording: media.ccc.de' })).toHaveAttribute('href', OWN);
  await expect(links.getByRole('link', { name: /Snowden/ })).toHaveCount(0);
  const related = page.getByRole('region', { name: 'Related videos' });
  await expect(related.getByRole('link', { name: 'Snowden speaks at HOPE X' })).toHaveAttribute('href', SNOWDEN);
  await expect(related.getByRole('link')).toHaveCount(1);
  await page.screenshot({ path: `tests/e2e/screenshots/session-related-videos-${size.width}-${colorScheme}.png`, fullPage: true });

  // A talk with only a related video has no recording: no watch-later, not on the Recordings page.
  await page.goBack();
  await page.getByRole('link', { name: 'Answering a keynote' }).click();
  await expect(page.getByRole('region', { name: 'Related videos' }).getByRole('link', { name: 'The keynote I answer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Watch later/ })).toHaveCount(0);

  // In a narrow window the sidebar is a drawer, opened from the top bar.
  if (size.width < 960) await page.getByRole('banner').getByRole('button', { name: 'Navigation' }).click();
  await page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /Recordings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recordings' })).toBeVisible();
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Reconstructing narratives' }) });
  await expect(row.getByRole('link', { name: /media\.ccc\.de/ })).toHaveAttribute('href', OWN);
  await expect(page.getByRole('link', { name: /Snowden/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Answering a keynote' })).toHaveCount(0);
});
