import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { MIN_SIZE, type WindowBounds } from './window-state';

/**
 * The main window's web preferences, every security-relevant one written out (even where it
 * matches Electron's default) so that a review, and a unit test, can see each value.
 */
export function mainWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  bounds: WindowBounds;
  iconPath?: string;
}

/** Creates the one app window and loads the renderer from the app protocol. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds } = options;
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Lanyard',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: mainWebPreferences(options.preloadPath),
  });
  if (bounds.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error(`Lanyard could not load its window: ${String(error)}`);
  });
  return win;
}
