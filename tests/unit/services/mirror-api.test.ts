import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../main/services/host-handlers';
import { createMirrorFile } from '../../../main/services/mirror-file';
import { startWebServer } from '../../../main/web/server';
import { agendaEntry, personalData } from '../support/personal';

let server: Server;
let port: number;
const root = mkdtempSync(join(tmpdir(), 'lanyard-web-'));
const dataDir = mkdtempSync(join(tmpdir(), 'lanyard-data-'));

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lanyard</title>');
  const handlers = createHostHandlers({ mode: 'web', version: '1', platform: 'test', mirror: createMirrorFile(dataDir) });
  const started = await startWebServer({ root, port: 0, handlers });
  server = started.server;
  port = Number(new URL(started.url).port);
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function post(channel: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-lanyard-request': '1' };
    const req = request({ host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(JSON.parse(text) as unknown));
    });
    req.on('error', (error) => resolve({ transportError: error.message }));
    req.end(JSON.stringify({ args }));
  });
}

describe('the mirror over the web-mode API', () => {
  it('writes a large personal dataset (beyond the usual 64 KB cap) and reads it back', async () => {
    const agenda = Array.from({ length: 600 }, (_, n) => agendaEntry('fosdem-2024', `s${n}`, { note: 'n'.repeat(200) }));
    const data = personalData({ agenda });
    expect(JSON.stringify(data).length).toBeGreaterThan(64 * 1024);
    expect(await post('personal:write-mirror', [data, {}])).toMatchObject({ ok: true, value: { path: join(dataDir, 'personal-data.json') } });
    const read = (await post('personal:read-mirror', [])) as { ok: true; value: { source: string; data: { agenda: unknown[] } } };
    expect(read.value.source).toBe('current');
    expect(read.value.data.agenda).toHaveLength(600);
    expect(await post('personal:mirror-status', [])).toMatchObject({ ok: true, value: { hasPrevious: false } });
  });

  it('refuses malformed personal data with the field that is wrong, and an empty set over a full one', async () => {
    const bad = await post('personal:write-mirror', [{ ...personalData(), agenda: [{ conferenceId: 'x' }] }, {}]);
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Invalid arguments for personal:write-mirror at 0\.agenda\.0/) as unknown } });
    const empty = await post('personal:write-mirror', [personalData(), {}]);
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Refusing to replace/) as unknown } });
  });

  it('keeps the small cap for every other call', async () => {
    const answer = await post('app:info', ['x'.repeat(100 * 1024)]);
    expect(JSON.stringify(answer)).not.toContain('"ok":true');
  });
});
