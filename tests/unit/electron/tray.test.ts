import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ menus: [] as unknown[] }));
vi.mock('electron', () => ({
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  Tray: class {
    setToolTip(): void {}
    on(): void {}
    isDestroyed(): boolean {
      return false;
    }
    setContextMenu(menu: unknown): void {
      fake.menus.push(menu);
    }
    destroy(): void {}
  },
}));

const { setupTray, trayLabel, trayMenuTemplate } = await import('../../../main/electron/tray');

const actions = () => ({ show: vi.fn(), openSession: vi.fn(), openLive: vi.fn(), quit: vi.fn() });

describe('the tray menu', () => {
  it('lists what is next, then Live now, Show Lanyard and Quit', () => {
    const a = actions();
    const template = trayMenuTemplate([{ title: 'Keynote', when: 'Sat 09:00', sessionRef: 'conf/keynote' }], a);
    expect(template.map((item) => item.label ?? item.type)).toEqual(['What’s next', 'Sat 09:00 · Keynote', 'separator', 'Live now', 'Show Lanyard', 'Quit']);
    const click = (label: string) => {
      const item = template.find((entry) => entry.label === label);
      (item?.click as (() => void) | undefined)?.();
    };
    click('Sat 09:00 · Keynote');
    click('Live now');
    click('Show Lanyard');
    click('Quit');
    expect(a.openLive).toHaveBeenCalledTimes(1);
    expect(a.openSession).toHaveBeenCalledWith('conf/keynote');
    expect(a.show).toHaveBeenCalledTimes(1);
    expect(a.quit).toHaveBeenCalledTimes(1);
  });

  it('says so when nothing is coming up', () => {
    const template = trayMenuTemplate([], actions());
    expect(template[1]).toEqual({ label: 'Nothing coming up', enabled: false });
  });

  it('flattens and caps feed text in labels', () => {
    const label = trayLabel({ title: `Line one\nline two ${'x'.repeat(200)}`, when: '10:00', sessionRef: 'r' });
    expect(label).not.toMatch(/\n/);
    expect(label.length).toBeLessThanOrEqual(80);
    expect(label.endsWith('…')).toBe(true);
  });

  it('rebuilds the menu on every update', () => {
    fake.menus.length = 0;
    const tray = setupTray('/icons/tray.png', actions());
    tray.update([{ title: 'Talk', when: '11:00', sessionRef: 'r1' }]);
    expect(fake.menus).toHaveLength(2);
  });
});
