import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  opened: [] as string[],
  asked: [] as Array<{ message: string; detail: string }>,
  answer: 1,
}));
vi.mock('electron', () => ({
  shell: {
    openExternal: (url: string) => {
      fake.opened.push(url);
      return Promise.resolve();
    },
  },
  dialog: {
    showMessageBox: (...args: unknown[]) => {
      const options = args.at(-1) as { message: string; detail: string };
      fake.asked.push({ message: options.message, detail: options.detail });
      return Promise.resolve({ response: fake.answer, checkboxChecked: false });
    },
  },
}));

const { createLinkOpener } = await import('../../../main/electron/open-link');
const open = createLinkOpener({ window: () => undefined });

beforeEach(() => {
  fake.opened.length = 0;
  fake.asked.length = 0;
  fake.answer = 1;
});

describe('the main-process link opener', () => {
  it('opens known providers at once, passing the parsed href', async () => {
    await open(' https://meet.jit.si/CentOS Connect ', false);
    await open('https://www.youtube.com:443/live/x', false);
    expect(fake.opened).toEqual(['https://meet.jit.si/CentOS%20Connect', 'https://www.youtube.com/live/x']);
    expect(fake.asked).toEqual([]);
  });

  it('re-checks the policy itself: a page saying "confirmed" cannot open a refused link', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@youtube.com/', 'https://youtube.com:8443/', 'https://xn--80ak6aa92e.com/', 'https://127.0.0.1/']) {
      await expect(open(url, true)).rejects.toThrow(/./);
    }
    expect(fake.opened).toEqual([]);
  });

  it('opens an unknown host the page confirmed, without asking again', async () => {
    await open('https://bücher.de/', true);
    expect(fake.opened).toEqual(['https://xn--bcher-kva.de/']);
    expect(fake.asked).toEqual([]);
  });

  it('asks natively for an unconfirmed unknown host (in punycode) or http link, and respects the answer', async () => {
    await open('https://bücher.de/x', false);
    expect(fake.asked[0]?.message).toBe('Open a link to xn--bcher-kva.de?');
    expect(fake.opened).toEqual([]);
    fake.answer = 0;
    await open('http://example.org/', false);
    expect(fake.asked[1]?.message).toBe('Open an unencrypted link to example.org?');
    expect(fake.opened).toEqual(['http://example.org/']);
  });
});
