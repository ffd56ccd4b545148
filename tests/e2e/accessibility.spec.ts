import { expect, test } from './support/fresh-data';
import { violations } from './support/axe';

const VIEWS: Array<[string, string]> = [
  ['schedule list', '/#/c/centos-connect-2023'],
  ['session', '/#/c/centos-connect-2023/session/kmods'],
  ['speakers', '/#/c/centos-connect-2023/speakers'],
  ['agenda', '/#/c/centos-connect-2023/agenda'],
  ['search', '/#/search?q=centos'],
  ['search with speakers and rooms', '/#/search?q=pagoda&in=centos-connect-2023'],
  ['room page', '/#/c/centos-connect-2023/room/pagoda-room'],
  ['subscribe', '/#/subscribe'],
  ['live', '/#/live'],
  ['your data', '/#/data'],
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every main view passes axe-core's WCAG 2.1 AA checks (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const found: string[] = [];
    for (const [name, url] of VIEWS) {
      await page.goto(url);
      await expect(page.getByRole('main')).toBeVisible();
      await page.waitForTimeout(300);
      found.push(...(await violations(page)).map((v) => `${name}: ${v}`));
    }
    await page.goto('/#/c/centos-connect-2023');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `timeline: ${v}`));
    expect(found).toEqual([]);
  });
}

test('the keyboard reaches everything from the top: a visible focus ring, and Skip to content stays on the page', async ({ page }) => {
  await page.goto('/#/c/centos-connect-2023/session/kmods');
  await expect(page.getByRole('heading', { level: 2, name: 'Kmods SIG Update' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const ring = await page.evaluate('(({ outlineStyle, outlineWidth }) => ({ style: outlineStyle, width: outlineWidth }))(getComputedStyle(document.activeElement))');
  expect(ring).toEqual({ style: 'solid', width: '3px' });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/c\/centos-connect-2023\/session\/kmods$/);
  await expect(page.getByRole('main')).toBeFocused();
  // From the content, Tab goes to the session's own controls, not back to the top bar.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate('document.activeElement?.closest("main") !== null');
  expect(inMain).toBe(true);
});
