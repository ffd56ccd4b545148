import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => void;
const fake = vi.hoisted(() => ({ made: [] as Array<{ options: Record<string, unknown>; handlers: Map<string, Handler>; shown: number; closed: number }>, isSupported: true }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported(): boolean {
      return fake.isSupported;
    }
    record: (typeof fake.made)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, handlers: new Map(), shown: 0, closed: 0 };
      fake.made.push(this.record);
    }
    on(name: string, handler: Handler): void {
      this.record.handlers.set(name, handler);
    }
    show(): void {
      this.record.shown += 1;
    }
    close(): void {
      this.record.closed += 1;
    }
  },
}));

const { createNotifier, plainNotificationText } = await import('../../../main/electron/notifications');

describe('desktop notifications', () => {
  beforeEach(() => {
    fake.made.length = 0;
    fake.isSupported = true;
  });

  it('escapes markup in the body on Linux and flattens feed text', () => {
    expect(plainNotificationText('<b>Keynote</b>\n & more', 100, true)).toBe('&lt;b&gt;Keynote&lt;/b&gt; &amp; more');
    expect(plainNotificationText('<b>Keynote</b>', 100, false)).toBe('<b>Keynote</b>');
    expect(plainNotificationText('x'.repeat(50), 10, false)).toHaveLength(10);
  });

  it('opens the session on click and the link on an action, and replaces a notification with the same tag', () => {
    const actions = { openSession: vi.fn(), openUrl: vi.fn() };
    const show = createNotifier(actions, 'linux');
    const request = { tag: 'reminder:c/s', title: 'In 10 min: <i>Talk</i>', body: 'Room <K.1.105>', sessionRef: 'c\ns', actions: [{ label: 'Watch stream', url: 'https://example.org/live' }] };
    void show(request);
    void show(request);
    expect(fake.made).toHaveLength(2);
    const [first, second] = fake.made;
    expect(first?.closed).toBe(1);
    expect(second?.shown).toBe(1);
    expect(second?.options.body).toBe('Room &lt;K.1.105&gt;');
    expect(second?.options.title).toBe('In 10 min: <i>Talk</i>');
    expect(second?.options.actions).toEqual([{ type: 'button', text: 'Watch stream' }]);
    second?.handlers.get('click')?.();
    second?.handlers.get('action')?.({}, 0);
    second?.handlers.get('action')?.({}, 5);
    expect(actions.openSession).toHaveBeenCalledWith('c\ns');
    expect(actions.openUrl).toHaveBeenCalledTimes(1);
    expect(actions.openUrl).toHaveBeenCalledWith('https://example.org/live');
  });

  it('reports a notification the desktop cannot show, so the page shows the reminder itself', async () => {
    const actions = { openSession: vi.fn(), openUrl: vi.fn() };
    const request = { tag: 't', title: 'Starts in 10 min: Talk', body: 'Room' };
    fake.isSupported = false;
    await expect(createNotifier(actions, 'linux')(request)).rejects.toThrow('This desktop has no notification service.');
    expect(fake.made).toHaveLength(0);
    fake.isSupported = true;
    // Windows refuses it (notifications turned off for the app): the failure reaches the caller.
    const refused = createNotifier(actions, 'win32', 60_000)(request);
    fake.made[0]?.handlers.get('failed')?.({}, 'notifications are disabled');
    await expect(refused).rejects.toThrow('The desktop did not show the notification: notifications are disabled');
    // Shown: resolves on the desktop's word, without waiting for the failure window.
    const shown = createNotifier(actions, 'linux', 60_000)(request);
    fake.made[1]?.handlers.get('show')?.({});
    await expect(shown).resolves.toBeUndefined();
    // A desktop that says nothing either way (Linux, macOS): counted as shown after the window.
    await expect(createNotifier(actions, 'linux', 0)(request)).resolves.toBeUndefined();
  });
});
