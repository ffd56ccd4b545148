import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ menus: [] as unknown[] }));
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
  },
}));

const { appMenuTemplate, setupAppMenu } = await import('../../../main/electron/app-menu');

const actions = () => ({ show: vi.fn(), openSession: vi.fn(), openLive: vi.fn(), quit: vi.fn() });
const NEXT = [{ title: 'Kmods SIG Update', when: 'Fri 15:30', sessionRef: 'centos\nkmods' }];

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const click = (template: MenuItemConstructorOptions[], label: string): void => {
  (items(template).find((i) => i.label === label)?.click as (() => void) | undefined)?.();
};

describe('the application menu', () => {
  it('offers Go › Live now and what is next, so both are there without a tray', () => {
    const a = actions();
    const template = appMenuTemplate(NEXT, a, 'linux');
    const go = template.find((i) => i.label === '&Go');
    expect((go?.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.type)).toEqual(['Live now', 'separator', 'What’s next', 'Fri 15:30 · Kmods SIG Update']);
    click(template, 'Fri 15:30 · Kmods SIG Update');
    click(template, 'Live now');
    click(template, 'Quit');
    expect(a.openSession).toHaveBeenCalledWith('centos\nkmods');
    expect(a.openLive).toHaveBeenCalledTimes(1);
    expect(a.quit).toHaveBeenCalledTimes(1);
    expect(items(appMenuTemplate([], a, 'linux')).some((i) => i.label === 'Nothing coming up')).toBe(true);
  });

  it('has an Edit menu (copy and paste in text fields) and no developer tools or reload', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const all = items(appMenuTemplate(NEXT, actions(), platform));
      expect(all.some((i) => i.role === 'editMenu')).toBe(true);
      expect(all.filter((i) => ['toggleDevTools', 'reload', 'forceReload'].includes(String(i.role)))).toEqual([]);
    }
    expect(appMenuTemplate(NEXT, actions(), 'darwin')[0]?.role).toBe('appMenu');
    expect(appMenuTemplate(NEXT, actions(), 'linux')[0]?.label).toBe('&File');
  });

  it('is set at start and rebuilt with each update', () => {
    const handle = setupAppMenu(actions(), 'linux');
    handle.update(NEXT);
    expect(fake.menus).toHaveLength(2);
    const latest = fake.menus.at(-1) as { template: MenuItemConstructorOptions[] };
    expect(items(latest.template).some((i) => i.label === 'Fri 15:30 · Kmods SIG Update')).toBe(true);
  });
});
