import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';
import { damageRow } from './support/store-rows';

/**
 * Right-to-left overrides cannot reverse the layout around them, and unbroken 10,000-character
 * words cannot widen it, in any view. Checked without screenshots: scroll widths, the
 * sidebar's box, and the computed bidi isolation of any text that carries a control.
 */
const host = useFeedHost(test);
const RLO = '\u202E';
const LONG = 'W'.repeat(10_000);

const hostile = (): string => testConference((feed) => {
  feed.sessions[0]!.title = `Opening ${RLO}desrever${'\u202C'} session`;
  feed.sessions[1]!.title = 'T'.repeat(1_000);
  feed.sessions[1]!.subtitle = `${RLO}${'S'.repeat(999)}`;
  feed.sessions[1]!.abstract = `<p>${LONG}</p><p>${RLO}after the override</p>`;
  feed.speakers[0]!.name = `${RLO}${'N'.repeat(499)}`;
  feed.speakers[0]!.bio = `<p>${LONG}</p>`;
  feed.rooms[0]!.name = `${'R'.repeat(499)}${RLO}`;
  feed.conference.subtitle = LONG.slice(0, 1_000);
  feed.sessions[1]!.links.push({ url: `https://example.org/${'p'.repeat(1_900)}`, title: 'L'.repeat(500), kind: 'slides' });
});

/** Problems with the layout now shown: horizontal overflow, a widened sidebar, bidi controls not isolated. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push('the window scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
    const content = document.querySelector('.content');
    if (content && content.scrollWidth > content.clientWidth + 1) problems.push('the content scrolls sideways: ' + content.scrollWidth + ' > ' + content.clientWidth);
    const sidebar = document.querySelector('.sidebar');
    const rem = parseFloat(getComputedStyle(doc).fontSize);
    if (sidebar && Math.round(sidebar.getBoundingClientRect().width) !== Math.round(16 * rem)) problems.push('the sidebar is ' + sidebar.getBoundingClientRect().width + ' px wide');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\\u202A-\\u202E\\u2066-\\u2069]/.test(node.data)) continue;
      const parent = node.parentElement;
      const style = parent ? getComputedStyle(parent) : undefined;
      const isolated = style && (/isolate|plaintext/.test(style.unicodeBidi) || style.display !== 'inline') && parent.childNodes.length === 1;
      if (!isolated) problems.push('a bidi control is not isolated in <' + (parent ? parent.tagName.toLowerCase() : '?') + '>');
    }
    return problems;
  })()`);
}

async function visit(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await ready();
  expect(await layoutProblems(page), hash).toEqual([]);
}

test('hostile titles, names and words keep every view inside the window, in reading order', async ({ page }) => {
  test.setTimeout(90_000);
  host().publish('hostile.json', hostile());
  await page.goto('/#/subscribe');
  await page.getByLabel('Schedule feed URL').fill(`${host().url}hostile.json`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await preview.getByText(/warning/).click();
  await expect(preview).toContainText('bidirectional control characters were removed from titles and names');
  expect(await layoutProblems(page)).toEqual([]);
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();

  const id = 'testcon-2023';
  await visit(page, `#/c/${id}`, () => expect(page.getByRole('link', { name: 'Opening desrever session' })).toBeVisible());
  await page.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  expect(await layoutProblems(page), 'timeline').toEqual([]);
  await page.getByRole('button', { name: 'List' }).click();
  const sessions = JSON.parse(hostile()) as { sessions: Array<{ id: string }>; speakers: Array<{ id: string }> };
  await visit(page, `#/c/${id}/session/${sessions.sessions[1]!.id}`, () => expect(page.getByRole('heading', { level: 2, name: /^T{1000}$/ })).toBeVisible());
  await visit(page, `#/c/${id}/speaker/${sessions.speakers[0]!.id}`, () => expect(page.locator('#speaker-name')).toBeVisible());
  await visit(page, `#/c/${id}/speakers`, () => expect(page.getByRole('region', { name: 'Speakers' })).toBeVisible());
  await visit(page, `#/c/${id}/rooms`, () => expect(page.locator('main section').first()).toBeVisible());
  await visit(page, `#/search?q=TTTT`, () => expect(page.getByRole('region', { name: 'Search' })).toBeVisible());
  await page.screenshot({ path: 'tests/e2e/screenshots/hostile-layout-search.png' });
  const text = await page.evaluate<string>('document.body.innerText');
  expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});

test('an override already stored (before the import removed them) stays isolated in its own element', async ({ page }) => {
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  await damageRow(page, 'schedules', 'testcon-2023', ['sessions', 0, 'title'], `Coffee ${RLO}reversed`);
  await damageRow(page, 'conferences', 'testcon-2023', ['conference', 'title'], `TestCon ${RLO}2023`);
  await page.reload();
  await expect(page.getByText(`Coffee ${RLO}reversed`).first()).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
});
