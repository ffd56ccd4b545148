import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ appListeners: new Map<string, (...args: unknown[]) => void>() }));
vi.mock('electron', () => ({
  app: { on: (name: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(name, listener) },
}));

const { hardenWebContents, onPermissionCheck, onPermissionRequest, setupSecurity } = await import('../../../main/electron/security');

type Listener = (event: NavEvent) => void;
interface NavEvent {
  url?: string;
  isMainFrame?: boolean;
  preventDefault: () => void;
}

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, event: Omit<NavEvent, 'preventDefault'> = {}): boolean => {
    const preventDefault = vi.fn();
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener({ ...event, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation and windows', () => {
  it('blocks navigation away from the app origin and allows it within', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://other/index.html' })).toBe(true);
    expect(fire('will-navigate', { url: 'javascript:alert(1)' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://lanyard/index.html' })).toBe(false);
  });

  it('blocks every redirect, every subframe navigation and main-frame navigation off the app', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-redirect', { url: 'app://lanyard/index.html', isMainFrame: true })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://lanyard/index.html', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://lanyard/index.html', isMainFrame: true })).toBe(false);
  });

  it('never attaches a webview and denies every window.open', () => {
    const { contents, fire, open } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('app://lanyard/index.html')).toEqual({ action: 'deny' });
  });

  it('hands http(s) links to the link opener instead of dropping them, and nothing else', () => {
    const { contents, fire, open } = fakeContents();
    const opener = vi.fn();
    hardenWebContents(contents, opener);
    expect(fire('will-navigate', { url: 'https://www.youtube.com/live/x' })).toBe(true);
    expect(open('https://meet.jit.si/room')).toEqual({ action: 'deny' });
    expect(open('http://example.org/')).toEqual({ action: 'deny' });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://lanyard/index.html', 'data:text/html,x']) {
      fire('will-navigate', { url });
      open(url);
    }
    expect(opener.mock.calls).toEqual([['https://www.youtube.com/live/x'], ['https://meet.jit.si/room'], ['http://example.org/']]);
  });
});

describe('permissions', () => {
  const request = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | undefined;
    const handler = onPermissionRequest as unknown as (c: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl: string }) => void;
    handler({}, permission, (value) => (granted = value), { requestingUrl });
    if (granted === undefined) throw new Error('callback not called');
    return granted;
  };
  const check = onPermissionCheck as unknown as (c: unknown, p: string, origin: string) => boolean;

  it('grants notifications to the app only', () => {
    expect(request('notifications', 'app://lanyard/index.html')).toBe(true);
    expect(request('notifications', 'https://evil.example/')).toBe(false);
    expect(check(null, 'notifications', 'app://lanyard')).toBe(true);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
  });

  it('lets the app write the clipboard (Copy), never read it', () => {
    expect(request('clipboard-sanitized-write', 'app://lanyard/index.html')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://lanyard')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(request('clipboard-read', 'app://lanyard/index.html')).toBe(false);
  });

  it('refuses everything else, even to the app', () => {
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen', 'midiSysex', 'unknown']) {
      expect(request(permission, 'app://lanyard/index.html')).toBe(false);
      expect(check(null, permission, 'app://lanyard')).toBe(false);
    }
  });

  it('installs both handlers and hardens every new webContents', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    const opener = vi.fn();
    setupSecurity(session as unknown as Session, opener);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(onPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(onPermissionCheck);
    const { contents, fire } = fakeContents();
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(opener).toHaveBeenCalledWith('https://evil.example/');
  });
});
