import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fresh-data';
import { makePng } from '../fixtures/png';
import { testConference, useFeedHost } from './support/feed-host';

/** What the test reads of an <img> (the Node-side tsconfig has no DOM types). */
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}

const host = useFeedHost(test);

test('speaker photos are cached at subscription and still shown with the server gone', async ({ page }) => {
  const remoteImages: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'image' && !request.url().startsWith('blob:')) remoteImages.push(request.url());
  });
  writeFileSync(join(host().dir, 'arrfab.png'), makePng(96, 96, [30, 90, 170]));
  writeFileSync(join(host().dir, 'michel.png'), makePng(96, 96, [170, 60, 30]));
  writeFileSync(join(host().dir, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  host().publish('testcon.json', testConference((feed) => {
    for (const speaker of feed.speakers) {
      if (speaker.id === 'arrfab') speaker.photoUrl = `${host().url}arrfab.png`;
      else if (speaker.id === 'michel') speaker.photoUrl = `${host().url}michel.png`;
      else if (speaker.id === 'areber') speaker.photoUrl = `${host().url}evil.svg`;
      else delete speaker.photoUrl;
    }
  }));

  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();

  await page.goto('/#/c/testcon-2023/speaker/arrfab');
  const photo = page.getByRole('img', { name: 'Photo of Fabian Arrotin' });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: unknown) => (img as ImageLike).naturalWidth)).toBe(96);
  expect(await photo.getAttribute('src')).toMatch(/^blob:/);

  // The organizer's server goes away; the cached photo stays.
  await host().stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Fabian Arrotin' })).toBeVisible();
  await expect.poll(() => photo.evaluate((img: unknown) => (img as ImageLike).complete && (img as ImageLike).naturalWidth)).toBe(96);
  await page.screenshot({ path: 'tests/e2e/screenshots/speaker-photo.png' });

  // The SVG was refused: that speaker gets initials, and no <img> at all.
  await page.goto('/#/c/testcon-2023/speaker/areber');
  await expect(page.getByRole('heading', { level: 2, name: 'Adrian Reber' })).toBeVisible();
  await expect(page.locator('.speaker-header .avatar-initials')).toHaveText('AR');
  await expect(page.locator('.speaker-header img')).toHaveCount(0);

  // The speakers list and session pages show the cached photos too.
  await page.goto('/#/c/testcon-2023/speakers');
  await expect(page.getByRole('link', { name: 'Fabian Arrotin' }).locator('img')).toHaveJSProperty('complete', true);
  await page.screenshot({ path: 'tests/e2e/screenshots/speakers-with-photos.png' });
  await page.goto('/#/c/testcon-2023/session/ebranch');
  await expect.poll(() => page.getByRole('link', { name: 'Michel Salim' }).locator('img').evaluate((img: unknown) => (img as ImageLike).naturalWidth)).toBe(96);
  await page.screenshot({ path: 'tests/e2e/screenshots/session-with-photo.png' });

  // Nothing was ever loaded from the remote URLs by the page itself, and the page may not:
  // images come from the app or from blob: URLs only.
  expect(remoteImages).toEqual([]);
  const csp = (await page.request.get('/')).headers()['content-security-policy'] ?? '';
  expect(csp.split('; ').find((d) => d.startsWith('img-src'))).toBe("img-src 'self' blob:");
});
