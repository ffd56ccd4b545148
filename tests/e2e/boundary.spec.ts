import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { subscribeByLink, testConference, useFeedHost } from './support/feed-host';
import { damageRow } from './support/store-rows';

/**
 * A feed with impossible dates never blanks the window: the model's boundary takes the
 * conference dates from the sessions, or holds the revision back with its reason, and the
 * copy (and the attendee's own data) stored before stays. Issue 12, part 1.
 */
const host = useFeedHost(test);

/** conference.start "0000-00-00" and one session ending before it starts: importable, dates taken from the other sessions. */
const yearZeroStart = (): string => testConference((feed) => {
  feed.revision = 'r2';
  feed.conference.start = '0000-00-00';
  feed.sessions[0]!.end = '2023-02-03T06:00:00Z';
});
/** Nothing in it has a possible date: refused at the boundary. */
const nothingPossible = (): string => testConference((feed) => {
  feed.revision = 'r3';
  feed.conference.start = '0000-00-00';
  feed.conference.end = '0000-00-00';
  for (const s of feed.sessions) s.start = '0000-01-01T10:00:00Z';
});

/** Uncaught errors in the page, and React's reports of render failures. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** The shell is there: the conference list, the way to add one, and Your data. */
async function expectShell(page: Page): Promise<void> {
  const sidebar = page.getByRole('navigation', { name: 'Conferences' });
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByRole('link', { name: /Your data/ })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: '+ Add conference' })).toBeVisible();
}

async function refresh(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Refresh now' });
  await button.click();
  await expect(button).toBeEnabled();
}

test('a revision with conference.start "0000-00-00" keeps the app usable; one with no possible date is held with its reason', async ({ page }) => {
  const errors = watchErrors(page);
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  // The attendee is going to a talk, before the organizers' export breaks.
  await page.goto('/#/c/testcon-2023/session/kmods');
  await page.getByRole('main').getByRole('group', { name: 'My agenda: Kmods SIG Update' }).getByRole('button', { name: 'Going' }).click();
  await page.goto('/#/c/testcon-2023');

  host().publish('testcon.json', yearZeroStart());
  await refresh(page);
  await expect(page.getByTestId('freshness')).toHaveText(/^updated just now$/);
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  // The conference dates come from its sessions.
  await expect(page.locator('.conference-meta')).toContainText(/Friday,? 3 February 2023/);
  // The header says what was repaired.
  const leftOut = page.getByTestId('left-out');
  await leftOut.getByText('1 session was left out of this revision: the feed gives impossible values for it').click();
  await expect(leftOut).toContainText('(the session ends before it starts)');
  await expect(leftOut).toContainText('The conference dates were taken from its sessions (2023-02-03 – 2023-02-03): its start "0000-00-00" is not a possible date.');
  await expectShell(page);
  await page.reload();
  await expect(page.getByText(/^17 sessions/)).toBeVisible();
  await expectShell(page);

  host().publish('testcon.json', nothingPossible());
  await refresh(page);
  await expect(page.getByTestId('freshness')).toHaveText(
    'last attempt failed: the new revision was held back, not applied: the conference dates are impossible: its start "0000-00-00" and end "0000-00-00" are not possible dates, and no session has a valid date to take them from (at conference); the previous copy is kept',
  );
  await expect(page.getByText(/^17 sessions/)).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/boundary-held.png' });
  await page.reload();
  await expectShell(page);
  // What the attendee had is still there.
  await page.goto('/#/c/testcon-2023/agenda');
  await expect(page.getByRole('region', { name: 'My agenda' })).toContainText('Kmods SIG Update');
  expect(errors).toEqual([]);
});

test('a revision whose sessions are mostly impossible is held for review, saying which were left out and why', async ({ page }) => {
  const errors = watchErrors(page);
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  host().publish('testcon.json', testConference((feed) => {
    feed.revision = 'r2';
    for (const s of feed.sessions.slice(3)) s.start = '20008-02-24T10:00:00Z';
  }));
  await refresh(page);
  const box = page.getByRole('region', { name: 'New revision held back' });
  await expect(box).toContainText('The new revision has 3 sessions instead of 18; kept the previous copy.');
  await box.getByText('15 sessions were left out of this revision: the feed gives impossible values for them').click();
  await expect(box.getByRole('listitem').first()).toContainText('was left out: start "20008-02-24T10:00:00Z"');
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/boundary-held-box.png' });
  expect(errors).toEqual([]);
});

test('previewing such a feed, from the form or from a subscribe link, never blanks the window', async ({ page }) => {
  const errors = watchErrors(page);
  host().publish('year-zero.json', yearZeroStart());
  host().publish('nothing.json', nothingPossible());
  await page.goto('/#/subscribe');
  await page.getByLabel('Schedule feed URL').fill(`${host().url}year-zero.json`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await expect(preview).toContainText(/Friday,? 3 February 2023/);
  await preview.getByText(/2 warnings/).click();
  await expect(preview).toContainText('its start "0000-00-00" is not a possible date');
  await expectShell(page);

  // A subscribe link (lanyard://subscribe opens the same route): the form, then the preview.
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}nothing.json`)}`);
  await expect(page.getByLabel('Schedule feed URL')).toHaveValue(`${host().url}nothing.json`);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert')).toContainText('The conference dates are impossible');
  await expect(page.getByRole('region', { name: 'Feed preview' })).toHaveCount(0);
  await expectShell(page);
  expect(errors).toEqual([]);
});

test('a view that fails to render shows what failed and the ways out; the shell and Your data stay', async ({ page }) => {
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  // A session title that is not text (an object) cannot be rendered by any view.
  await damageRow(page, 'schedules', 'testcon-2023', ['sessions', 0, 'title'], { hostile: true });
  await page.reload();
  const failure = page.getByRole('alert').filter({ hasText: 'could not be shown' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('The schedule of TestCon 2023 could not be shown');
  await expect(failure).toContainText('Something in the stored data could not be displayed: a stored value that should be text is not text.');
  await expect(failure.getByRole('button', { name: 'Copy the error for a bug report' })).toBeVisible();
  await expect(failure.getByRole('link', { name: 'Export my data' })).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Move this conference to the archive' })).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Remove this conference…' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/boundary-view.png' });
  await expectShell(page);

  // The bug report text is there to copy, by button or by hand.
  await failure.getByText('Error details').click();
  await expect(failure.getByRole('textbox', { name: 'Error report' })).toHaveValue(/Objects are not valid as a React child|Minified React error #31/);

  // Another conference opens; Your data opens.
  await page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /CentOS Connect/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /CentOS Connect/ })).toBeVisible();
  await page.getByRole('link', { name: /Your data/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();

  // Removing the broken conference from its failure box is a way out too.
  await page.goto('/#/c/testcon-2023');
  await page.getByRole('button', { name: 'Remove this conference…' }).click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Conferences' }).getByRole('link', { name: /TestCon 2023/ })).toHaveCount(0);
});

test('a conference list entry that fails to render leaves the rest of the sidebar and Your data', async ({ page }) => {
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  await damageRow(page, 'conferences', 'testcon-2023', ['conference', 'title'], { hostile: true });
  await page.goto('/#/data');
  await page.reload();
  const sidebar = page.getByRole('navigation', { name: 'Conferences' });
  await expect(sidebar.getByRole('alert')).toContainText('The list of conferences could not be shown: a stored value that should be text is not text.');
  await expect(sidebar.getByRole('link', { name: /Your data/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

test('a conference stored before the boundary with impossible dates shows placeholders, not a blank window', async ({ page }) => {
  const errors = watchErrors(page);
  host().publish('testcon.json', testConference());
  await subscribeByLink(page, `${host().url}testcon.json`);
  // What the issue's broken revision left in the store of an older version.
  await damageRow(page, 'conferences', 'testcon-2023', ['conference', 'start'], '0000-00-00');
  await damageRow(page, 'schedules', 'testcon-2023', ['sessions', 0, 'start'], '0000-01-01T00:00:00Z');
  await damageRow(page, 'schedules', 'testcon-2023', ['sessions', 1, 'day'], '20008-02-24');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(page.locator('.conference-meta')).toContainText('— – ');
  await expectShell(page);
  await page.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.getByRole('button', { name: 'List' }).click();
  for (const hash of ['#/c/testcon-2023/agenda', '#/c/testcon-2023/speakers', '#/search?q=SIG', '#/live', '#/data']) {
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    await expectShell(page);
    await expect(page.locator('.view-failure')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});
