import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createHostHandlers } from '../services/host-handlers';
import { faultSwitchFromEnv } from '../services/mirror-faults';
import { createMirrorFile, webDataDir } from '../services/mirror-file';
import { calendarPortFromEnv, fileSecrets, startCalendarService } from '../services/calendar-service';
import { startSyncFolderHost } from '../services/sync-folder-host';
import { startWebServer } from './server';

const root = join(import.meta.dirname, '../../dist/renderer');
if (!existsSync(join(root, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build:renderer` (npm start and npm run web do it for you).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5170);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number.`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
const calendar = startCalendarService({ dir: webDataDir(), secrets: fileSecrets, port: calendarPortFromEnv() });
calendar.catch((error: unknown) => console.error(`The calendar subscription could not start: ${String(error)}`));
const handlers = createHostHandlers({ mode: 'web', version, platform: process.platform, mirror: createMirrorFile(webDataDir(), faultSwitchFromEnv()), calendar, syncFolder: startSyncFolderHost(webDataDir()) });
if (process.env.LANYARD_TEST_FAULT_FILE) console.warn(`Test fault switch on: backup writes fail while ${process.env.LANYARD_TEST_FAULT_FILE} holds an error code.`);
startWebServer({ root, port, handlers }).then(
  ({ url }) => console.log(`Lanyard is running in web mode at ${url} (loopback only). Press Ctrl+C to stop.`),
  (error: unknown) => {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    console.error(code === 'EADDRINUSE' ? `Port ${port} is in use; start with PORT=<another port> npm start.` : `Could not start: ${String(error)}`);
    process.exit(1);
  },
);
