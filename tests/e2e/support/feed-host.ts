import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Feed } from '../../../core/model/schema';
import { startFeedServer } from '../../../main/services/feed-server';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');

/** A conference of our own, derived from the sample, that tests publish revisions of. */
export function testConference(change: (feed: Feed) => void = () => undefined): string {
  const feed = JSON.parse(SAMPLE) as Feed;
  feed.conference.id = 'testcon-2023';
  feed.conference.title = 'TestCon 2023';
  feed.revision = 'r1';
  change(feed);
  return JSON.stringify(feed, null, 1);
}

/** A real HTTP server on 127.0.0.1 serving a folder of feeds, like an organizer's static host. */
export class FeedHost {
  readonly dir = mkdtempSync(join(tmpdir(), 'lanyard-e2e-'));
  private server: Server | undefined;
  url = '';

  async start(port = 0): Promise<void> {
    const started = await startFeedServer({ dir: this.dir, port });
    this.server = started.server;
    this.url = started.url;
  }

  publish(name: string, body: string): void {
    writeFileSync(join(this.dir, name), body);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A FeedHost started before and disposed after every test of the calling spec; call at the
 * top level of a spec and read the host through the returned function.
 */
export function useFeedHost(hooks: { beforeEach: (fn: () => Promise<void>) => void; afterEach: (fn: () => Promise<void>) => void }): () => FeedHost {
  let feeds: FeedHost | undefined;
  hooks.beforeEach(async () => {
    feeds = new FeedHost();
    await feeds.start();
  });
  hooks.afterEach(async () => {
    await feeds?.dispose();
    feeds = undefined;
  });
  return () => {
    if (!feeds) throw new Error('The feed host runs only inside a test');
    return feeds;
  };
}

/** Subscribes the way a person does: the subscribe link, the preview, Subscribe; waits for the schedule. */
export async function subscribeByLink(page: Page, feedUrl: string, title = 'TestCon 2023'): Promise<void> {
  await page.goto(`/#/subscribe?url=${encodeURIComponent(feedUrl)}`);
  // A subscribe link only fills the form in: nothing is fetched before Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('region', { name: 'Feed preview' }).getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
