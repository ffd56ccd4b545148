import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as UiModule from '../../../renderer/src/store/ui';

let ui: typeof UiModule;

beforeAll(async () => {
  // The store persists view choices in localStorage; Node has none, so give it a plain one.
  const stored = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  };
  // zustand's persist reads `window.localStorage`.
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('window', { localStorage });
  ui = await import('../../../renderer/src/store/ui');
});

const filtersOf = (id: string): UiModule.Filters => ui.useUi.getState().filters[id] ?? ui.NO_FILTERS;

describe('schedule filters', () => {
  it('belong to one conference: a FOSDEM room filter does not empty another conference’s schedule', () => {
    const { toggleFilter, clearFilters } = ui.useUi.getState();
    toggleFilter('fosdem-2020', 'rooms', 'janson');
    toggleFilter('fosdem-2020', 'tracks', 'rust');
    toggleFilter('centos', 'types', 'workshop');
    expect(filtersOf('fosdem-2020')).toEqual({ tracks: ['rust'], rooms: ['janson'], types: [], languages: [] });
    expect(filtersOf('centos')).toEqual({ tracks: [], rooms: [], types: ['workshop'], languages: [] });
    expect(filtersOf('scale-2024')).toEqual(ui.NO_FILTERS);
    // Toggling again removes; clearing one conference leaves the other's.
    toggleFilter('fosdem-2020', 'rooms', 'janson');
    expect(filtersOf('fosdem-2020').rooms).toEqual([]);
    clearFilters('fosdem-2020');
    expect(filtersOf('fosdem-2020')).toEqual(ui.NO_FILTERS);
    expect(filtersOf('centos').types).toEqual(['workshop']);
  });

  it('are not written to storage (only view choices are)', () => {
    ui.useUi.getState().toggleFilter('centos', 'rooms', 'pagoda');
    ui.useUi.getState().setView('timeline');
    const saved = localStorage.getItem('lanyard-ui') ?? '';
    expect(saved).toContain('timeline');
    expect(saved).not.toContain('pagoda');
  });
});
