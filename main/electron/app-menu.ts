import { Menu, type MenuItemConstructorOptions } from 'electron';
import { trayLabel, type TrayActions, type TrayItem } from './tray';

export interface AppMenuHandle {
  update(next: readonly TrayItem[]): void;
}

/**
 * The application menu as data: Edit (so copy and paste work in every text field, on macOS
 * too), View (zoom, full screen; no developer tools), and Go with Live now and what is next,
 * so "What's next" is there even on desktops without a tray.
 */
export function appMenuTemplate(next: readonly TrayItem[], actions: TrayActions, platform: string): MenuItemConstructorOptions[] {
  const upcoming: MenuItemConstructorOptions[] =
    next.length === 0
      ? [{ label: 'Nothing coming up', enabled: false }]
      : next.map((item) => ({ label: trayLabel(item), click: () => actions.openSession(item.sessionRef) }));
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : [{ label: '&File', submenu: [{ label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }] }]),
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: '&Go',
      submenu: [
        { label: 'Live now', accelerator: 'CmdOrCtrl+L', click: () => actions.openLive() },
        { type: 'separator' },
        { label: 'What’s next', enabled: false },
        ...upcoming,
      ],
    },
    { role: 'windowMenu' },
  ];
}

/** Sets the application menu and keeps its "What's next" entries current. */
export function setupAppMenu(actions: TrayActions, platform: string = process.platform): AppMenuHandle {
  const update = (next: readonly TrayItem[]): void => Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(next, actions, platform)));
  update([]);
  return { update };
}
