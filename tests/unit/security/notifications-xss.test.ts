import { describe, expect, it, vi } from 'vitest';
import { payload, payloadTemplates } from '../support/xss-feeds';

const made = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock('electron', () => ({
  Notification: class {
    static isSupported(): boolean {
      return true;
    }
    constructor(options: Record<string, unknown>) {
      made.push(options);
    }
    on(): void {}
    show(): void {}
    close(): void {}
  },
}));

const { createNotifier } = await import('../../../main/electron/notifications');

describe('notifications carry feed text as plain text', () => {
  it('every XSS payload, as title and body, reaches a Linux notification server with no markup left', () => {
    const notify = createNotifier({ openSession: () => undefined, openUrl: () => undefined }, 'linux', 0);
    const templates = payloadTemplates();
    templates.forEach((_, i) => {
      const text = payload(templates, i + 1);
      void notify({ tag: `t${i}`, title: text.slice(0, 300), body: text });
    });
    expect(made).toHaveLength(templates.length);
    for (const options of made) {
      // Notification servers read <b>, <i>, <a href>, <img> in bodies; none may survive.
      expect(String(options.body)).not.toMatch(/[<>]/);
      expect(String(options.title)).not.toMatch(/\n/);
    }
  });
});
