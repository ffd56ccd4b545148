import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { hubXml } from '../unit/support/time-feeds';
import { subscribeByLink, useFeedHost } from './support/feed-host';

const host = useFeedHost(test);

/** A hand-written Pentabarf XML with local times only (no offsets, no zone, no known city): floating times. */
function floatingXml(revision: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>${revision}</version><conference><acronym>smallconf</acronym><title>SmallConf</title><city>Hometown</city><start>2025-02-01</start><end>2025-02-01</end><days>1</days></conference>
<day index="1" date="2025-02-01"><room name="A">
<event id="1"><start>09:30</start><duration>00:45</duration><room>A</room><slug>opening</slug><title>Opening</title><persons><person id="1">Ada</person></persons></event>
<event id="2"><start>14:00</start><duration>01:00</duration><room>A</room><slug>keynote</slug><title>Keynote</title><persons><person id="2">Grace</person></persons></event>
${extra}</room></day></schedule>`;
}

async function timeOf(page: Page, title: string): Promise<string> {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  return (await row.locator('time').first().textContent()) ?? '';
}

test.use({ timezoneId: 'UTC' });

test('rename a conference and change its time zone; the times are read again and both survive a new revision', async ({ page }) => {
  host().publish('small.xml', floatingXml('r1'));
  await subscribeByLink(page, `${host().url}small.xml`, 'SmallConf');
  await page.getByRole('button', { name: 'My time' }).click();
  await expect(page.getByText(/times in UTC/)).toBeVisible();
  expect(await timeOf(page, 'Keynote')).toBe('14:00–15:00');
  await page.goto(page.url().replace(/#.*$/, '#/c/smallconf/session/2'));
  await page.getByRole('main').getByRole('group', { name: 'My agenda: Keynote' }).getByRole('button', { name: 'Going' }).click();
  await page.goBack();

  // Name and time zone, from the conference header.
  await page.getByRole('button', { name: 'Name and time zone…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Name and time zone' });
  await expect(dialog.getByLabel('Conference name')).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByLabel('Conference name').fill('My SmallConf');
  await dialog.getByLabel('Time zone').selectOption('Europe/Brussels');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'My SmallConf' })).toBeVisible();

  // The feed's 14:00 is Brussels time now: 13:00 UTC. In conference time it still reads 14:00.
  await expect.poll(() => timeOf(page, 'Keynote')).toBe('13:00–14:00');
  await page.getByRole('button', { name: 'Conference time' }).click();
  await expect(page.getByText(/times in Europe\/Brussels/)).toBeVisible();
  expect(await timeOf(page, 'Keynote')).toBe('14:00–15:00');

  // The star stayed with its session.
  await page.goto(page.url().replace(/#.*$/, '#/c/smallconf/agenda'));
  await expect(page.getByRole('listitem', { name: 'Keynote' })).toBeVisible();

  // The organizers publish a new revision: the name and the zone are kept.
  host().publish('small.xml', floatingXml('r2', '<event id="3"><start>16:00</start><duration>00:30</duration><room>A</room><slug>late</slug><title>Late addition</title></event>'));
  await page.goto(page.url().replace(/#.*$/, '#/c/smallconf'));
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByRole('link', { name: 'Late addition', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'My SmallConf' })).toBeVisible();
  await expect(page.getByText(/times in Europe\/Brussels/)).toBeVisible();
  expect(await timeOf(page, 'Late addition')).toBe('16:00–16:30');
  await page.getByRole('button', { name: 'My time' }).click();
  await expect.poll(() => timeOf(page, 'Late addition')).toBe('15:00–15:30');
});

test('a CCC hub-style feed previews in Europe/Berlin with the Opening Ceremony at 10:30; the zone chosen in the form is used', async ({ page }) => {
  host().publish('hub.xml', hubXml());
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}hub.xml`)}`);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  const fact = (name: string) => preview.locator('dt', { hasText: name }).locator('+ dd');
  await expect(fact('Time zone')).toHaveText('Europe/Berlin');
  await expect(fact('Dates')).toHaveText(/^27\s*–\s*30 December 2024$/);
  await expect(preview.getByText(/gives no time zone/)).toHaveCount(0);

  // A zone chosen in the form is used, and the preview is read again at once.
  await page.getByLabel('Conference time zone').selectOption('Europe/London');
  await expect(fact('Time zone')).toHaveText('Europe/London (as you chose)');
  await page.getByLabel('Conference time zone').selectOption('');
  await expect(fact('Time zone')).toHaveText('Europe/Berlin');

  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '38C3' })).toBeVisible();
  await page.getByRole('button', { name: 'Conference time' }).click();
  await expect(page.getByText(/times in Europe\/Berlin/)).toBeVisible();
  expect(await timeOf(page, 'Opening Ceremony')).toBe('10:30–11:00');
  await expect(page.getByRole('navigation', { name: 'Days' }).getByRole('link')).toHaveCount(4);
});
