import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agendaToICal, sessionUid } from '../../../core/export/agenda-ical';
import type { Feed } from '../../../core/model/schema';
import { CALENDAR_FILE } from '../../../main/services/calendar-server';
import { fileSecrets, LINK_FILE, startCalendarService, type CalendarService } from '../../../main/services/calendar-service';
import { partOf, sampleFeed } from '../support/agenda-ical';

/** A raw HTTP request, so the Host header is exactly what a calendar app (or an attacker) sends. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function agendaOf(feed: Feed, ids: string[]): string {
  const sessions = feed.sessions.filter((s) => ids.includes(s.id));
  return agendaToICal([partOf(feed, { sessions, stars: new Map(ids.map((id) => [id, 'going'])), updatedAt: new Map(ids.map((id) => [id, 1_700_000_000_000])) })], { now: 0, live: true });
}

const uids = (ics: string): string[] =>
  new ICAL.Component(ICAL.parse(ics) as unknown[])
    .getAllSubcomponents('vevent')
    .map((e) => String(e.getFirstPropertyValue('uid')))
    .sort();

describe('the calendar subscription on 127.0.0.1', () => {
  let dir: string;
  let service: CalendarService;
  const feed = sampleFeed();
  const [a, b, c] = feed.sessions.map((s) => s.id);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanyard-webcal-'));
    service = await startCalendarService({ dir, secrets: fileSecrets, port: 0 });
  });
  afterEach(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves exactly the starred sessions at the secret address, and 404 to anything else', async () => {
    if (!a || !b || !c) throw new Error('the sample has fewer than three sessions');
    const { subscription } = await service.status();
    expect(subscription.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/agenda\.ics$/);
    expect(subscription.webcalUrl).toBe(subscription.url.replace('http:', 'webcal:'));
    expect((await get(subscription.url)).status).toBe(503);

    await service.publish(agendaOf(feed, [a, b]));
    const ok = await get(subscription.url);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(uids(ok.body)).toEqual([a, b].map((id) => sessionUid(feed.conference, feed.sessions.find((s) => s.id === id)!)).sort());
    const etag = String(ok.headers.etag);
    expect(ok.headers['last-modified']).toMatch(/GMT$/);
    expect((await get(subscription.url, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(subscription.url, { 'if-modified-since': String(ok.headers['last-modified']) })).status).toBe(304);
    expect((await get(subscription.url, {}, 'HEAD')).body).toBe('');

    const port = new URL(subscription.url).port;
    const token = new URL(subscription.url).pathname.split('/')[1]!;
    const wrongToken = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await get(`http://127.0.0.1:${port}/${wrongToken}/agenda.ics`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${port}/${token}/other.ics`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${port}/`)).status).toBe(404);
    // A web page that rebinds its own name to 127.0.0.1 sends its own Host header.
    expect((await get(subscription.url, { host: `evil.example:${port}` })).status).toBe(404);
    expect((await get(subscription.url, { host: `localhost:${port}` })).status).toBe(200);

    // After unstarring b, the calendar no longer has it, under a new ETag.
    await service.publish(agendaOf(feed, [a]));
    const after = await get(subscription.url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(uids(after.body)).toEqual([sessionUid(feed.conference, feed.sessions.find((s) => s.id === a)!)]);
    expect((await service.status()).subscription.events).toBe(1);
  });

  it('keeps its token private (0600), survives a restart, and Reset link makes the old address 404', async () => {
    if (!a) throw new Error('no session');
    await service.publish(agendaOf(feed, [a]));
    const before = (await service.status()).subscription.url;
    expect(statSync(join(dir, LINK_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, CALENDAR_FILE)).mode & 0o777).toBe(0o600);
    await service.stop();
    service = await startCalendarService({ dir, secrets: fileSecrets });
    expect((await service.status()).subscription.url).toBe(before);
    // The last published agenda is served at once after a restart, before the page publishes again.
    expect((await get(before)).status).toBe(200);

    const reset = (await service.resetLink()).subscription.url;
    expect(reset).not.toBe(before);
    expect(new URL(reset).port).toBe(new URL(before).port);
    expect((await get(before)).status).toBe(404);
    expect((await get(reset)).status).toBe(200);
  });

  it('moves to a free port when its port was taken meanwhile, and says the address changed', async () => {
    const port = Number(new URL((await service.status()).subscription.url).port);
    await service.stop();
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      service = await startCalendarService({ dir, secrets: fileSecrets });
      const { subscription } = await service.status();
      expect(Number(new URL(subscription.url).port)).not.toBe(port);
      expect(subscription.notice).toMatch(new RegExp(`port ${port} is taken by another program\\): add the new address to your calendar app`));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('refuses text that is not a calendar, and keeps serving the last good one', async () => {
    if (!a) throw new Error('no session');
    await service.publish(agendaOf(feed, [a]));
    await expect(service.publish('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).rejects.toThrow('Event 1 of the agenda calendar has no UID');
    await expect(service.publish('hello')).rejects.toThrow(/not valid iCalendar/);
    expect(uids((await get((await service.status()).subscription.url)).body)).toHaveLength(1);
  });
});
