import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, routeOfRef } from '../../../renderer/src/route';

describe('routes', () => {
  it('a notification or tray ref opens its session, or its conference when it names none', () => {
    expect(routeOfRef('fosdem-2020\nrust_webgpu')).toEqual({ page: 'session', conferenceId: 'fosdem-2020', sessionId: 'rust_webgpu' });
    expect(routeOfRef('fosdem-2020\n')).toEqual({ page: 'schedule', conferenceId: 'fosdem-2020' });
    expect(routeOfRef('fosdem-2020')).toEqual({ page: 'schedule', conferenceId: 'fosdem-2020' });
    expect(routeOfRef('')).toBeUndefined();
    expect(routeOfRef(undefined)).toBeUndefined();
  });

  it('reads a subscription link with its live channel, and ignores half a channel', () => {
    expect(parseRoute('#/subscribe?url=https%3A%2F%2Fexample.org%2Ffeed.json&live=wss%3A%2F%2Fpush.example.org%2Fmqtt&topic=conf%2F2026')).toEqual({
      page: 'subscribe',
      url: 'https://example.org/feed.json',
      live: 'wss://push.example.org/mqtt',
      topic: 'conf/2026',
    });
    expect(parseRoute('#/subscribe?url=https%3A%2F%2Fexample.org%2Ffeed.json&live=wss%3A%2F%2Fpush.example.org')).toEqual({ page: 'subscribe', url: 'https://example.org/feed.json' });
  });

  it('reads back every link it makes, ids with odd characters included', () => {
    for (const route of [
      { page: 'session', conferenceId: 'ccc/38c3', sessionId: 'a b#c?d' },
      { page: 'schedule', conferenceId: 'fosdem-2020', day: '2020-02-01' },
      { page: 'speaker', conferenceId: 'x', speakerId: 'Zoë' },
      { page: 'picks', query: 'c=fosdem-2026&u=https%3A%2F%2Ffosdem.org%2F2026%2Fschedule%2Fxml&n=dw1.6f.8' },
      { page: 'subscribe', url: 'https://example.org/feed.json?a=1&b=2', live: 'wss://push.example.org/mqtt', topic: 'conf/2026' },
      { page: 'subscribe', url: 'https://example.org/feed.json' },
      { page: 'room', conferenceId: 'fosdem-2026', roomId: 'K.3.401' },
      { page: 'track', conferenceId: 'fosdem-2026', trackId: 'Rust & friends' },
      { page: 'search', query: 'poettering', conferenceId: 'fosdem-2026' },
      { page: 'search', query: 'poettering', conferenceId: 'fosdem-2026', all: true },
      { page: 'search', query: 'poettering', all: true },
      { page: 'search', query: '' },
    ] as const) {
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });

  it('never throws on hostile ids or hashes: a lone surrogate becomes U+FFFD, a malformed escape stays as written', () => {
    expect(hrefFor({ page: 'session', conferenceId: 'c', sessionId: 'lone \uD800 one' })).toBe('#/c/c/session/lone%20%EF%BF%BD%20one');
    expect(parseRoute(hrefFor({ page: 'speaker', conferenceId: 'c', speakerId: '\uDC00' }))).toEqual({ page: 'speaker', conferenceId: 'c', speakerId: '\uFFFD' });
    expect(hrefFor({ page: 'session', conferenceId: 'c', sessionId: '🎉' })).toBe('#/c/c/session/%F0%9F%8E%89');
    expect(parseRoute('#/c/%E0%A4%A/session/%')).toEqual({ page: 'session', conferenceId: '%E0%A4%A', sessionId: '%' });
  });
});
