import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
