import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { nextPollDelay } from '../../../core/sync/schedule';
import { makeFeed } from '../support/feeds';

const withLive = (conference: Record<string, unknown>): string => {
  const feed = makeFeed([{ id: 's1', title: 'Talk' }]);
  return JSON.stringify({ ...feed, conference: { ...feed.conference, ...conference } });
};

describe('live declarations in a Lanyard feed', () => {
  it('keeps a usable stream pattern, room-status address and live channel', () => {
    const { feed, warnings } = importFeed(withLive({
      streams: { pattern: 'https://live.example.org/watch/{room}' },
      roomStatus: { url: 'https://api.example.org/roomstatus' },
      live: { mqtt: 'wss://push.example.org/mqtt', topic: 'testconf/2023' },
    }));
    expect(warnings).toEqual([]);
    expect(feed.conference.streams).toEqual({ pattern: 'https://live.example.org/watch/{room}' });
    expect(feed.conference.roomStatus).toEqual({ url: 'https://api.example.org/roomstatus', format: 'fosdem' });
    expect(feed.conference.live).toEqual({ mqtt: 'wss://push.example.org/mqtt', topic: 'testconf/2023' });
  });

  it('drops each unusable one with a warning saying what and where, and reads the rest', () => {
    const { feed, warnings } = importFeed(withLive({
      streams: { pattern: 'http://live.example.org/{room}' },
      roomStatus: { url: 'http://api.example.org/roomstatus' },
      live: { mqtt: 'ws://push.example.org/mqtt', topic: 'testconf/#' },
    }));
    expect(feed.sessions).toHaveLength(1);
    expect(feed.conference.streams?.pattern).toBeUndefined();
    expect(feed.conference.roomStatus).toBeUndefined();
    expect(feed.conference.live).toBeUndefined();
    expect(warnings.map((w) => w.where)).toEqual(['conference.streams.pattern', 'conference.roomStatus.url', 'conference.live']);
    expect(warnings[2]!.message).toMatch(/only allowed for this machine/);
  });

  it('leaves out a room status in a format it does not know (never read as FOSDEM\'s), with a warning, and reads the rest', () => {
    const { feed, warnings } = importFeed(withLive({ roomStatus: { url: 'https://x.example.org/', format: 'other' } }));
    expect(feed.sessions).toHaveLength(1);
    expect(feed.conference.roomStatus).toBeUndefined();
    expect(warnings.map((w) => w.where)).toEqual(['conference.roomStatus.format']);
  });
});

describe('polling while a live channel is connected', () => {
  it('slows the regular pace threefold, and not the retries after a failure', () => {
    const base = { now: 1_000, conferenceStart: 0, conferenceEnd: 10_000_000, random: 0.5 };
    expect(nextPollDelay({ ...base, failures: 0 })).toBe(5 * 60_000);
    expect(nextPollDelay({ ...base, failures: 0, isPushConnected: true })).toBe(15 * 60_000);
    expect(nextPollDelay({ ...base, failures: 1, isPushConnected: true })).toBe(nextPollDelay({ ...base, failures: 1 }));
  });
});
