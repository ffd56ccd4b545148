import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const fake = vi.hoisted(() => ({ isPrimary: true, listeners: new Map<string, (...args: unknown[]) => void>(), protocols: [] as unknown[][] }));
vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => fake.isPrimary,
    on: (name: string, listener: (...args: unknown[]) => void) => fake.listeners.set(name, listener),
    setAsDefaultProtocolClient: (...args: unknown[]) => fake.protocols.push(args),
  },
}));

const { createLinkInbox, feedUrlsFromArgv, picksFromArgv, registerProtocolClients, setupSingleInstance, subscribeRequestsFromArgv } = await import('../../../main/electron/links');

function fire(name: string, ...args: unknown[]): void {
  const listener: Listener | undefined = fake.listeners.get(name);
  if (!listener) throw new Error(`no ${name} listener`);
  listener(...args);
}

describe('links from the command line', () => {
  it('turns lanyard: and webcal: arguments into feed URLs and ignores everything else', () => {
    const argv = [
      '/opt/Lanyard/lanyard',
      '--enable-features=Foo',
      'webcal://fosdem.org/2026/schedule/ical',
      'lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Fschedule.json',
      'lanyard://subscribe?url=javascript%3Aalert(1)',
      'lanyard://subscribe?url=file%3A%2F%2F%2Fetc%2Fpasswd',
      'https://example.org/not-a-link-argument',
      '/home/me/file.ics',
    ];
    expect(feedUrlsFromArgv(argv)).toEqual(['https://fosdem.org/2026/schedule/ical', 'https://example.org/schedule.json']);
  });

  it('keeps the live channel a lanyard:// link carries, and only when it names both broker and topic', () => {
    const live = 'lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Ffeed.json&live=wss%3A%2F%2Fpush.example.org%2Fmqtt&topic=conf%2F2026';
    const half = 'lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Fb.json&live=wss%3A%2F%2Fpush.example.org%2Fmqtt';
    expect(subscribeRequestsFromArgv(['/opt/Lanyard/lanyard', live, half, 'webcal://cal.example.org/x.ics?live=wss://x&topic=t'])).toEqual([
      { url: 'https://example.org/feed.json', live: { mqtt: 'wss://push.example.org/mqtt', topic: 'conf/2026' } },
      { url: 'https://example.org/b.json' },
      { url: 'https://cal.example.org/x.ics?live=wss://x&topic=t' },
    ]);
  });
});

describe('single instance', () => {
  beforeEach(() => {
    fake.listeners.clear();
    fake.protocols.length = 0;
    fake.isPrimary = true;
  });

  it('tells a second instance to quit and registers nothing', () => {
    fake.isPrimary = false;
    expect(setupSingleInstance({ focus: vi.fn(), onFeedUrl: vi.fn() })).toBe(false);
    expect(fake.listeners.size).toBe(0);
  });

  it('focuses the window and forwards the links of a second instance', () => {
    const focus = vi.fn();
    const onFeedUrl = vi.fn();
    expect(setupSingleInstance({ focus, onFeedUrl })).toBe(true);
    fire('second-instance', {}, ['/opt/Lanyard/lanyard', '--flag', 'webcals://cal.example.org/feed.ics?k=1'], '/home/me', {});
    expect(focus).toHaveBeenCalledTimes(1);
    expect(onFeedUrl).toHaveBeenCalledWith('https://cal.example.org/feed.ics?k=1');
  });

  it('forwards macOS open-url links and keeps them from the default handler', () => {
    const onFeedUrl = vi.fn();
    setupSingleInstance({ focus: vi.fn(), onFeedUrl });
    const event = { preventDefault: vi.fn() };
    fire('open-url', event, 'lanyard://subscribe?url=https://example.org/a.xml');
    fire('open-url', { preventDefault: vi.fn() }, 'lanyard://subscribe');
    expect(event.preventDefault).toHaveBeenCalled();
    fire('open-url', { preventDefault: vi.fn() }, 'lanyard://subscribe?url=https://example.org/b.xml&live=wss://push.example.org&topic=b');
    expect(onFeedUrl.mock.calls).toEqual([['https://example.org/a.xml'], ['https://example.org/b.xml', { mqtt: 'wss://push.example.org', topic: 'b' }]]);
  });

  it('forwards shared-picks links (command line, second instance, open-url) apart from feed links', () => {
    expect(picksFromArgv(['lanyard', 'lanyard://picks?c=fosdem&n=dw1', 'lanyard://subscribe?url=https://x.example/a', 'https://picks?c=x'])).toEqual(['c=fosdem&n=dw1']);
    const onFeedUrl = vi.fn();
    const onPicks = vi.fn();
    setupSingleInstance({ focus: vi.fn(), onFeedUrl, onPicks });
    fire('second-instance', {}, ['/opt/Lanyard/lanyard', 'lanyard://picks?c=centos&s=kmods'], '/home/me', {});
    fire('open-url', { preventDefault: vi.fn() }, 'lanyard://picks?c=centos&s=okd');
    expect(onPicks.mock.calls).toEqual([['c=centos&s=kmods'], ['c=centos&s=okd']]);
    expect(onFeedUrl).not.toHaveBeenCalled();
  });

  it('registers Lanyard for lanyard:// and webcal://', () => {
    registerProtocolClients();
    expect(fake.protocols.map((args) => args[0])).toEqual(['lanyard', 'webcal']);
  });
});

describe('the link inbox', () => {
  it('queues links until the renderer is ready, then delivers each as it comes', () => {
    const inbox = createLinkInbox();
    inbox.push('https://a.example/');
    inbox.push('https://b.example/');
    const deliver = vi.fn();
    inbox.attach(deliver);
    inbox.push('https://c.example/');
    expect(deliver.mock.calls).toEqual([['https://a.example/'], ['https://b.example/'], ['https://c.example/']]);
    inbox.detach();
    inbox.push('https://d.example/');
    expect(deliver).toHaveBeenCalledTimes(3);
  });

  it('keeps a bounded queue', () => {
    const inbox = createLinkInbox();
    for (let i = 0; i < 100; i += 1) inbox.push(`https://x.example/${i}`);
    const deliver = vi.fn();
    inbox.attach(deliver);
    expect(deliver).toHaveBeenCalledTimes(20);
  });
});
