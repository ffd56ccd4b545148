import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fresh-data';
import { useFeedHost } from './support/feed-host';

const host = useFeedHost(test);

/** A pretalx widget feed whose texts are Markdown, as pretalx writes them. */
const widget = JSON.stringify({
  event_slug: 'mdcon', event_name: 'MarkdownCon', timezone: 'Europe/Berlin',
  rooms: [{ id: 1, name: 'Main hall' }],
  speakers: [{ code: 'SPK01', name: 'Ada Example', biography: 'Builds _engines_; see https://ada.example.org' }],
  talks: [{
    code: 'TLK01', title: 'Markdown talk', start: '2030-03-01T10:00:00+01:00', end: '2030-03-01T10:30:00+01:00', room: 1, speakers: ['SPK01'],
    abstract: 'A **bold** claim.\n\nRead [the repo](https://example.org/repo) or [this](javascript:window.__mdHit=1).\n\n- first\n- second\n\n![Our logo](https://example.org/logo.png)',
  }],
});

test('pretalx Markdown shows as formatted text with clickable links, and no remote image', async ({ page }) => {
  host().publish('widget.json', widget);
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}widget.json`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'MarkdownCon' })).toBeVisible();
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MarkdownCon' })).toBeVisible();

  await page.goto('/#/c/mdcon/session/TLK01');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Markdown talk' })).toBeVisible();
  await expect(main.locator('strong', { hasText: 'bold' })).toBeVisible();
  await expect(main.getByRole('listitem').filter({ hasText: 'second' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'the repo' })).toHaveAttribute('href', 'https://example.org/repo');
  // The script link keeps its words but is no link; the image is a link to it, never loaded.
  await expect(main.getByText('or this.')).toBeVisible();
  await expect(main.locator('a', { hasText: /^this$/ })).toHaveCount(0);
  await expect(main.getByRole('link', { name: 'Our logo' })).toHaveAttribute('href', 'https://example.org/logo.png');
  await expect(main.locator('img[src^="http"]')).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/markdown-session.png' });

  await page.goto('/#/c/mdcon/speaker/SPK01');
  await expect(page.getByRole('main').locator('em', { hasText: 'engines' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'https://ada.example.org' })).toBeVisible();
  expect(await page.evaluate('window.__mdHit')).toBeUndefined();
});

test('a UTF-16 schedule chosen as a file is read in its encoding', async ({ page }) => {
  const xml = `<?xml version="1.0" encoding="UTF-16"?>
<schedule><conference><acronym>utf16con</acronym><title>Größe Tagung</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2030-03-01"><room name="Saal"><event id="1" guid="g1"><date>2030-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>Saal</room><title>Über Zeichen</title></event></room></day></schedule>`;
  const bytes = Buffer.alloc(2 + xml.length * 2);
  bytes.writeUInt16LE(0xfeff, 0);
  for (let i = 0; i < xml.length; i += 1) bytes.writeUInt16LE(xml.charCodeAt(i), 2 + i * 2);
  const file = join(host().dir, 'utf16.xml');
  writeFileSync(file, bytes);
  await page.goto('/#/subscribe');
  await page.getByLabel('choose a file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'Größe Tagung' })).toBeVisible();
  await expect(preview.locator('dt', { hasText: 'Sessions' }).locator('+ dd')).toHaveText('1');
});
