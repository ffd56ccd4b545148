import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../main/services/feed-fetch';
import { startFeedServer } from '../../../main/services/feed-server';

describe('lanyard-feed serve: a static host with validators', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanyard-serve-'));
    writeFileSync(join(dir, 'feed.json'), '{"revision":1}');
    ({ server, url: base } = await startFeedServer({ dir, port: 0 }));
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with ETag and Last-Modified, then 304 for a matching conditional request', async () => {
    const first = await fetchFeed(`${base}feed.json`);
    expect(first.kind).toBe('fetched');
    if (first.kind !== 'fetched') return;
    expect(new TextDecoder().decode(first.bytes)).toBe('{"revision":1}');
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.lastModified).toBeDefined();
    expect(first.contentType).toMatch(/application\/json/);
    const second = await fetchFeed(`${base}feed.json`, { etag: first.etag });
    expect(second.kind).toBe('not-modified');
    const byDate = await fetchFeed(`${base}feed.json`, { lastModified: first.lastModified });
    expect(byDate.kind).toBe('not-modified');
  });

  it('serves a republished file as a new revision at once', async () => {
    const first = await fetchFeed(`${base}feed.json`);
    writeFileSync(join(dir, 'feed.json'), '{"revision":2}');
    utimesSync(join(dir, 'feed.json'), new Date(), new Date(Date.now() + 5_000));
    const next = await fetchFeed(`${base}feed.json`, first.kind === 'fetched' ? { etag: first.etag } : {});
    expect(next.kind).toBe('fetched');
    if (next.kind === 'fetched') expect(new TextDecoder().decode(next.bytes)).toBe('{"revision":2}');
  });

  it('never serves a file outside its folder', async () => {
    const response = await fetch(`${base}..%2f..%2fetc%2fpasswd`);
    expect([400, 404]).toContain(response.status);
    const missing = await fetch(`${base}nope.json`);
    expect(missing.status).toBe(404);
  });
});
