import { readFileSync } from 'node:fs';
import { importFeed } from '../../core/formats';
import { SCHEMA_V1, SCHEMA_V2 } from '../../renderer/src/db/schema';
import { expect, test } from './support/fresh-data';

const SAMPLE = readFileSync(new URL('../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
const ID = 'centos-connect-2023';

/**
 * Creates, with the browser's own IndexedDB and before the app first runs, the database a
 * version 2 build of Lanyard left behind: Dexie's layout (IndexedDB version 20, compound keys
 * as arrays), one row per session, speaker, room and track.
 */
const WRITE_VERSION_2 = `async ({ schema, rows }) => {
  const keyPath = (spec) => {
    const name = spec.replace(/^\\+\\+/, '');
    return name.startsWith('[') ? name.slice(1, -1).split('+') : name;
  };
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('lanyard', 20);
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => {
      for (const [table, spec] of Object.entries(schema)) {
        const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
        const store = open.result.createObjectStore(table, { keyPath: keyPath(primary), autoIncrement: primary.startsWith('++') });
        for (const index of indexes) store.createIndex(index, keyPath(index));
      }
    };
    open.onsuccess = () => {
      const tx = open.result.transaction(Object.keys(rows), 'readwrite');
      for (const [table, list] of Object.entries(rows)) for (const row of list) tx.objectStore(table).put(row);
      tx.oncomplete = () => { open.result.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  });
}`;

test('a database written by version 2 opens in the app with its conference, star and note intact', async ({ page }) => {
  const { feed } = importFeed(SAMPLE);
  const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
  const at = Date.parse('2023-01-20T10:00:00Z');
  const rows = {
    subscriptions: [{ id: ID, source: 'sample', addedAt: at, archived: 0, failures: 0, lastSuccessAt: at, lastAttemptAt: at }],
    conferences: [{
      id: ID, conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length,
      firstStart: Math.min(...feed.sessions.map((s) => Date.parse(s.start))), lastEnd: Math.max(...feed.sessions.map((s) => Date.parse(s.end))), storedAt: at,
    }],
    sessions: feed.sessions.map((s) => ({ ...s, conferenceId: ID })),
    speakers: feed.speakers.map((s) => ({ ...s, conferenceId: ID })),
    rooms: feed.rooms.map((r, order) => ({ ...r, conferenceId: ID, order })),
    tracks: feed.tracks.map((t) => ({ ...t, conferenceId: ID })),
    agenda: [{
      conferenceId: ID, sessionId: 'kmods', star: 'going', note: 'Ask about kABI', updatedAt: at,
      identity: { id: 'kmods', title: kmods.title, speakers: ['Peter Georg'], day: kmods.day, start: kmods.start },
    }],
  };
  // Any page of the app's origin will do for writing its database; an API address does not start the app.
  await page.goto('/api/version-2-store');
  await page.evaluate(`(${WRITE_VERSION_2})(${JSON.stringify({ schema: { ...SCHEMA_V1, ...SCHEMA_V2 }, rows })})`);

  await page.goto(`/#/c/${ID}`);
  await expect(page.getByRole('heading', { level: 1, name: feed.conference.title })).toBeVisible();
  await expect(page.getByText(kmods.title).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name: 'My agenda' }).click();
  const agenda = page.getByRole('region', { name: 'My agenda' });
  const entry = agenda.getByRole('listitem', { name: kmods.title });
  await expect(entry).toBeVisible();
  await expect(entry.getByText('Ask about kABI')).toBeVisible();

  // The store is now version 5 or later: one schedule row, the per-row tables gone.
  const stored = await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('lanyard');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('schedules').objectStore('schedules').get(${JSON.stringify(ID)});
      get.onsuccess = () => {
        resolve({ version: db.version, stores: [...db.objectStoreNames], sessions: get.result?.sessions.length });
        db.close();
      };
    };
  })`);
  expect(stored).toMatchObject({ sessions: feed.sessions.length });
  const { stores, version } = stored as { stores: string[]; version: number };
  // Dexie opens IndexedDB at ten times its schema version.
  expect(version).toBeGreaterThanOrEqual(50);
  expect(stores).toContain('schedules');
  expect(stores).not.toContain('sessions');
  expect(stores).not.toContain('speakers');
});
