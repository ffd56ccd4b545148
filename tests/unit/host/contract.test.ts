import { describe, expect, it } from 'vitest';
import { feedUrlFromLink } from '../../../core/host/contract';

describe('feedUrlFromLink', () => {
  it('turns webcal:// and webcals:// into https', () => {
    expect(feedUrlFromLink('webcal://fosdem.org/2026/schedule/ical')).toBe('https://fosdem.org/2026/schedule/ical');
    expect(feedUrlFromLink('webcals://cal.example.org/feed.ics?token=a%20b')).toBe('https://cal.example.org/feed.ics?token=a%20b');
  });

  it('unwraps lanyard://subscribe?url=…', () => {
    expect(feedUrlFromLink('lanyard://subscribe?url=https%3A%2F%2Fexample.org%2Fschedule.json')).toBe('https://example.org/schedule.json');
    expect(feedUrlFromLink('lanyard://subscribe?url=http://example.org/x.xml')).toBe('http://example.org/x.xml');
    expect(feedUrlFromLink('lanyard:subscribe?url=https://example.org/x.xml')).toBe('https://example.org/x.xml');
  });

  it('refuses anything that is not an http(s) feed', () => {
    for (const link of [
      'lanyard://subscribe?url=javascript%3Aalert(1)',
      'lanyard://subscribe?url=file%3A%2F%2F%2Fetc%2Fpasswd',
      'lanyard://subscribe?url=data%3Atext%2Fplain%2Chi',
      'lanyard://subscribe',
      'lanyard://subscribe?url=',
      'lanyard://subscribe?url=not%20a%20url',
      'lanyard://open?url=https%3A%2F%2Fexample.org%2F',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://example.org/feed.ics',
      'not a link',
      '',
    ]) {
      expect(feedUrlFromLink(link), link).toBeUndefined();
    }
  });
});
