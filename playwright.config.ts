import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 5199);
// A fresh user-data folder (the personal-data mirror file) per run. Set in the environment so
// the test workers, which load this file again, see the same folder as the web server.
const DATA_DIR = (process.env.LANYARD_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'lanyard-e2e-')));

/** End-to-end tests drive Debian's Chromium (same engine generation as Electron 45) against web mode. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx main/web/run.ts',
    // LANYARD_TEST_FAULT_FILE: the web server's test-only switch that makes backup writes fail
    // (main/services/mirror-faults.ts); inside the data folder, so every test starts without it.
    env: { PORT: String(PORT), LANYARD_DATA_DIR: DATA_DIR, LANYARD_TEST_FAULT_FILE: join(DATA_DIR, 'test-fault') },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
