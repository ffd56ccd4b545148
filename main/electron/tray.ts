import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';

export interface TrayItem {
  title: string;
  when: string;
  sessionRef: string;
}

export interface TrayActions {
  show(): void;
  openSession(sessionRef: string): void;
  /** Opens the Live view (what is on now, with stream and hallway buttons). */
  openLive(): void;
  quit(): void;
}

export interface TrayHandle {
  update(next: readonly TrayItem[]): void;
  destroy(): void;
}

const MAX_LABEL = 80;

/** One line of feed text as a menu label: whitespace collapsed, length capped. */
export function trayLabel(item: TrayItem): string {
  const text = `${item.when} · ${item.title}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** The tray menu as data, so it can be checked without a real tray. */
export function trayMenuTemplate(next: readonly TrayItem[], actions: TrayActions): MenuItemConstructorOptions[] {
  const upcoming: MenuItemConstructorOptions[] =
    next.length === 0
      ? [{ label: 'Nothing coming up', enabled: false }]
      : next.map((item) => ({ label: trayLabel(item), click: () => actions.openSession(item.sessionRef) }));
  return [
    { label: 'What’s next', enabled: false },
    ...upcoming,
    { type: 'separator' },
    { label: 'Live now', click: () => actions.openLive() },
    { label: 'Show Lanyard', click: () => actions.show() },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

/** The tray icon and its "What's next" menu, refreshed whenever the renderer sends tray:update. */
export function setupTray(iconPath: string, actions: TrayActions): TrayHandle {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Lanyard');
  const update = (next: readonly TrayItem[]): void => {
    if (!tray.isDestroyed()) tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(next, actions)));
  };
  tray.on('click', () => actions.show());
  update([]);
  return { update, destroy: () => tray.destroy() };
}
