import type { Page } from '@playwright/test';
import { expect, test } from './support/fresh-data';
import { testConference, useFeedHost } from './support/feed-host';

/**
 * A revision that loses most of its sessions is held back, not applied: the attendee sees why,
 * can review what would go, and either applies it anyway (the organizers really cut the
 * program) or keeps the current copy (that revision is then not offered again).
 */
const host = useFeedHost(test);
test.beforeEach(() => host().publish('testcon.json', testConference()));

/** The organizers' export, cut down to its first `keep` sessions. */
function cut(keep: number, revision: string): string {
  return testConference((feed) => {
    feed.revision = revision;
    feed.sessions = feed.sessions.slice(0, keep);
  });
}

async function subscribe(page: Page): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(`${host().url}testcon.json`)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await expect(preview.getByRole('heading', { name: 'TestCon 2023' })).toBeVisible();
  await preview.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TestCon 2023' })).toBeVisible();
  await expect(page.getByTestId('freshness')).toHaveText(/updated/);
}

async function refresh(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Refresh now' });
  await button.click();
  await expect(button).toBeEnabled();
}

const heldBox = (page: Page) => page.getByRole('region', { name: 'New revision held back' });

test('a revision with most sessions gone is held, reviewed, and applied anyway', async ({ page }) => {
  await subscribe(page);
  // The attendee is going to a talk the cut-down revision drops.
  await page.goto('/#/c/testcon-2023/session/kmods');
  await page.getByRole('main').getByRole('group', { name: 'My agenda: Kmods SIG Update' }).getByRole('button', { name: 'Going' }).click();
  await page.goto('/#/c/testcon-2023');

  host().publish('testcon.json', cut(3, 'r2'));
  await refresh(page);
  await expect(page.getByTestId('freshness')).toHaveText(/^new revision held back: it has 3 sessions instead of 18; showing the previous copy \(checked just now\)$/);
  const box = heldBox(page);
  await expect(box).toContainText('The new revision has 3 sessions instead of 18; kept the previous copy.');
  await expect(box).toContainText('(revision r2)');
  await expect(box).toContainText('1 session in your agenda would be removed');
  // The old copy is what the schedule shows.
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hyperscale SIG update' })).toBeVisible();

  // Polling again (the server answers 304 to the held revision's ETag) and reloading keep the hold, once.
  await refresh(page);
  await page.reload();
  await expect(heldBox(page)).toHaveCount(1);
  await expect(page.getByText(/^18 sessions/)).toBeVisible();

  // The notification about the hold (once) opens the conference, where the review is offered.
  await page.goto('/#/live');
  await page.getByRole('button', { name: /Notifications/ }).click();
  const notices = page.getByRole('region', { name: 'Recent notifications' });
  await expect(notices.getByRole('listitem')).toHaveCount(1);
  await notices.getByRole('button', { name: /New schedule held back/ }).click();
  await expect(page).toHaveURL(/#\/c\/testcon-2023$/);
  await expect(heldBox(page)).toBeVisible();

  await heldBox(page).getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'What the held revision would change' });
  await expect(review).toContainText('15 removed');
  const kmods = review.getByRole('listitem').filter({ hasText: 'Kmods SIG Update' });
  await expect(kmods.getByText('Removed', { exact: true })).toBeVisible();
  await expect(kmods.getByText('In my agenda')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/held-review.png', fullPage: true });

  await heldBox(page).getByRole('button', { name: 'Apply anyway' }).click();
  await expect(heldBox(page)).toHaveCount(0);
  await expect(page.getByTestId('freshness')).toHaveText(/^updated just now$/);
  await expect(page.getByText(/^3 sessions/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hyperscale SIG update' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'AlmaLinux Build System and Project Updates' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/held-applied.png', fullPage: true });

  // Like any update: in the change log, and the starred talk stays in the agenda as removed.
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'Changes' }).click();
  await expect(page.getByRole('region', { name: /^Update of / }).first()).toContainText('revision r2');
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'My agenda' }).click();
  await expect(page.getByRole('region', { name: 'My agenda' })).toContainText('Kmods SIG Update');

  // Still applied after a reload and another poll (the server has r2, now the stored copy).
  await page.goto('/#/c/testcon-2023');
  await refresh(page);
  await expect(page.getByText(/^3 sessions/)).toBeVisible();
  await expect(heldBox(page)).toHaveCount(0);
});

test('keeping the current copy dismisses that revision, and a later different one is offered afresh', async ({ page }) => {
  await subscribe(page);
  host().publish('testcon.json', cut(3, 'r2'));
  await refresh(page);
  await expect(heldBox(page)).toBeVisible();
  const sidebarMark = page.getByRole('navigation', { name: 'Conferences' }).getByTitle('A new revision was held back for your review');
  await expect(sidebarMark).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/held-banner.png' });

  await heldBox(page).getByRole('button', { name: 'Keep the current copy' }).click();
  await expect(heldBox(page)).toHaveCount(0);
  const note = page.getByTestId('held-dismissed');
  await expect(note).toContainText(/You kept this copy instead of the revision of .* with 3 sessions\./);
  await expect(page.getByTestId('freshness')).toHaveText(/^updated just now$/);
  await expect(sidebarMark).toHaveCount(0);
  // Keyboard focus is not lost with the box: it is on the undo.
  await expect(page.getByRole('button', { name: 'Offer it again' })).toBeFocused();
  await page.screenshot({ path: 'tests/e2e/screenshots/held-dismissed.png' });

  // The same revision again: nothing is offered, the old copy stays.
  await refresh(page);
  await page.reload();
  await expect(page.getByText(/^18 sessions/)).toBeVisible();
  await expect(heldBox(page)).toHaveCount(0);
  await expect(page.getByTestId('held-dismissed')).toBeVisible();

  // Changed mind: offer it again, then keep the copy once more.
  await page.getByRole('button', { name: 'Offer it again' }).click();
  await expect(heldBox(page)).toBeVisible();
  await heldBox(page).getByRole('button', { name: 'Keep the current copy' }).click();
  await expect(heldBox(page)).toHaveCount(0);

  // The organizers publish a different cut-down export later: it is checked afresh and offered.
  host().publish('testcon.json', cut(4, 'r3'));
  await refresh(page);
  await expect(heldBox(page)).toContainText('The new revision has 4 sessions instead of 18; kept the previous copy.');
  await expect(page.getByTestId('held-dismissed')).toHaveCount(0);
  await expect(page.getByText(/^18 sessions/)).toBeVisible();

  // And a real update that keeps the program replaces the hold.
  host().publish('testcon.json', testConference((feed) => {
    feed.revision = 'r4';
    feed.sessions.find((s) => s.id === 'kmods')!.title = 'Kmods SIG Update (moved to the big room)';
  }));
  await refresh(page);
  await expect(heldBox(page)).toHaveCount(0);
  await expect(page.getByTestId('freshness')).toHaveText(/^updated just now$/);
  await expect(page.getByRole('link', { name: 'Kmods SIG Update (moved to the big room)' })).toBeVisible();
});
