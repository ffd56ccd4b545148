import { describe, expect, it } from 'vitest';
import { parseSubscriptionLink } from '../../../core/live/subscription-link';

describe('subscription links pasted into the subscribe form', () => {
  it('reads lanyard:// and the app’s own #/subscribe links, with or without a live channel', () => {
    expect(parseSubscriptionLink('lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Ffeed.json&live=wss%3A%2F%2Fpush.example.org%2Fmqtt&topic=conf%2F2026')).toEqual({
      url: 'https://example.org/feed.json',
      live: { mqtt: 'wss://push.example.org/mqtt', topic: 'conf/2026' },
    });
    expect(parseSubscriptionLink(' http://127.0.0.1:5170/#/subscribe?url=https%3A%2F%2Fexample.org%2Ffeed.json ')).toEqual({ url: 'https://example.org/feed.json' });
    expect(parseSubscriptionLink('http://127.0.0.1:5170/#/subscribe?url=x&live=wss%3A%2F%2Fp.example.org')).toEqual({ url: 'x' });
  });

  it('leaves plain feed addresses and other links alone', () => {
    expect(parseSubscriptionLink('https://fosdem.org/2026/schedule/xml')).toBeUndefined();
    expect(parseSubscriptionLink('https://example.org/subscribe?url=https://x')).toBeUndefined();
    expect(parseSubscriptionLink('lanyard://subscribe')).toBeUndefined();
    expect(parseSubscriptionLink('not a link')).toBeUndefined();
  });
});
