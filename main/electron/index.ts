// The Electron main process entry: the only module that runs code when loaded.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, powerMonitor, screen, session, type BrowserWindow } from 'electron';
import type { SubscribeRequest } from '../../core/host/contract';
import { createHostHandlers } from '../services/host-handlers';
import { createMirrorFile } from '../services/mirror-file';
import { calendarPortFromEnv, startCalendarService } from '../services/calendar-service';
import { keyringSecrets } from './secret-store';
import { setupAppMenu, type AppMenuHandle } from './app-menu';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { startSyncFolderHost } from '../services/sync-folder-host';
import { chooseSyncFolder, openFeedFile } from './dialogs';
import { sendHostEvent, setupIpc } from './ipc';
import { createLinkInbox, picksFromArgv, registerProtocolClients, setupSingleInstance, subscribeRequestsFromArgv } from './links';
import { createNotifier } from './notifications';
import { createLinkOpener } from './open-link';
import { setupSecurity } from './security';
import { setupTray, type TrayHandle } from './tray';
import { createMainWindow } from './window';
import { readWindowState, restoreBounds, trackWindowState, type WindowBounds } from './window-state';

// Bundled to dist/main/index.js; the preload, renderer and assets sit beside it (also in app.asar).
const here = dirname(fileURLToPath(import.meta.url));
const PATHS = {
  preload: join(here, '..', 'preload', 'index.js'),
  renderer: join(here, '..', 'renderer'),
  trayIcon: join(here, '..', '..', 'assets', 'icons', 'tray.png'),
  windowIcon: join(here, '..', '..', 'assets', 'icons', '512x512.png'),
};

let mainWindow: BrowserWindow | undefined;
let tray: TrayHandle | undefined;
let appMenu: AppMenuHandle | undefined;
const inbox = createLinkInbox<SubscribeRequest>();
const picksInbox = createLinkInbox();

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openSession(sessionRef: string): void {
  showWindow();
  if (mainWindow) sendHostEvent(mainWindow.webContents, 'tray:open-session', { sessionRef });
}

const openLink = createLinkOpener({ window: () => mainWindow });

/** Notification buttons and links the page tried to follow: the one link opener, asking natively when needed. */
function openExternalLink(url: string): void {
  openLink(url, false).catch((error: unknown) => console.warn(`Not opening ${url}: ${error instanceof Error ? error.message : String(error)}`));
}

function openLive(): void {
  showWindow();
  if (mainWindow) sendHostEvent(mainWindow.webContents, 'tray:open-live', {});
}

function openWindow(bounds: WindowBounds, stateFile: string): void {
  const win = createMainWindow({ preloadPath: PATHS.preload, bounds, iconPath: PATHS.windowIcon });
  trackWindowState(win, stateFile);
  win.webContents.on('did-finish-load', () => {
    inbox.attach(({ url, live }) => sendHostEvent(win.webContents, 'links:subscribe', live ? { url, live: live.mqtt, topic: live.topic } : { url }));
    picksInbox.attach((query) => sendHostEvent(win.webContents, 'links:picks', { query }));
  });
  win.on('closed', () => {
    inbox.detach();
    picksInbox.detach();
    mainWindow = undefined;
  });
  mainWindow = win;
}

async function onReady(): Promise<void> {
  setupSecurity(session.defaultSession, openExternalLink);
  setupAppProtocol(PATHS.renderer);
  const calendar = startCalendarService({ dir: app.getPath('userData'), secrets: keyringSecrets(), port: calendarPortFromEnv() });
  calendar.catch((error: unknown) => console.warn(`The calendar subscription could not start: ${String(error)}`));
  const syncFolder = startSyncFolderHost(app.getPath('userData'));
  syncFolder.watch.onChange((version) => {
    if (mainWindow) sendHostEvent(mainWindow.webContents, 'syncfolder:changed', { version });
  });
  const handlers = createHostHandlers({
    mode: 'desktop',
    version: app.getVersion(),
    platform: process.platform,
    openFeedFile: () => openFeedFile(mainWindow),
    updateTray: (next) => {
      tray?.update(next);
      appMenu?.update(next);
    },
    showNotification: createNotifier({ openSession, openUrl: openExternalLink }),
    openLink,
    mirror: createMirrorFile(app.getPath('userData')),
    calendar,
    syncFolder,
    chooseFolder: () => chooseSyncFolder(mainWindow),
  });
  setupIpc(handlers, () => mainWindow?.webContents);
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const restore = async (): Promise<WindowBounds> =>
    restoreBounds(await readWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  openWindow(await restore(), stateFile);
  appMenu = setupAppMenu({ show: showWindow, openSession, openLive, quit: () => app.quit() });
  try {
    tray = setupTray(PATHS.trayIcon, {
      show: showWindow,
      openSession,
      openLive,
      quit: () => app.quit(),
    });
  } catch (error) {
    console.warn(`No tray icon on this desktop: ${String(error)}`);
  }
  // After sleep the page's timers only catch up slowly: tell it at once, so sync and reminders look again.
  powerMonitor.on('resume', () => {
    if (mainWindow) sendHostEvent(mainWindow.webContents, 'power:resume', {});
  });
  app.on('activate', () => {
    if (mainWindow) showWindow();
    else restore().then((bounds) => openWindow(bounds, stateFile), (error: unknown) => console.error(String(error)));
  });
}

if (!setupSingleInstance({ focus: showWindow, onFeedUrl: (url, live) => inbox.push(live ? { url, live } : { url }), onPicks: (query) => picksInbox.push(query) })) {
  app.quit();
} else {
  registerAppScheme();
  registerProtocolClients();
  for (const request of subscribeRequestsFromArgv(process.argv)) inbox.push(request);
  for (const query of picksFromArgv(process.argv)) picksInbox.push(query);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
    console.error(`Lanyard could not start: ${String(error)}`);
    app.exit(1);
  });
}
