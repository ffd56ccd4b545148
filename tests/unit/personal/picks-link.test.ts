import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PICKS_LINK, parsePicksQuery, picksAppLink, picksQuery, picksQueryFromLink, picksWebLink, PicksLinkError } from '../../../core/personal/picks-link';

describe('share my picks: the link', () => {
  it('carries FOSDEM-style numeric ids compactly, as sorted base-36 differences', () => {
    const query = picksQuery({ conferenceId: 'fosdem-2026', feedUrl: 'https://fosdem.org/2026/schedule/xml', sessionIds: ['18232', '18001', '18240', '18001'] });
    expect(query).toBe('c=fosdem-2026&u=https%3A%2F%2Ffosdem.org%2F2026%2Fschedule%2Fxml&n=dw1.6f.8');
    expect(parsePicksQuery(query)).toEqual({ conferenceId: 'fosdem-2026', feedUrl: 'https://fosdem.org/2026/schedule/xml', sessionIds: ['18001', '18232', '18240'] });
    // 150 five-digit ids fit in a QR-sized link.
    const many = Array.from({ length: 150 }, (_, i) => String(18_000 + i * 7));
    expect(picksQuery({ conferenceId: 'fosdem-2026', sessionIds: many }).length).toBeLessThan(500);
  });

  it('carries any other ids percent-encoded, and round-trips whatever they are', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 40 }), (ids, conferenceId) => {
        const back = parsePicksQuery(picksQuery({ conferenceId, sessionIds: ids }));
        expect(back.conferenceId).toBe(conferenceId);
        expect(new Set(back.sessionIds)).toEqual(new Set(ids));
      }),
    );
    expect(picksQuery({ conferenceId: 'centos-connect-2023', sessionIds: ['kmods', 'okd, streams'] })).toBe('c=centos-connect-2023&s=kmods,okd%2C%20streams');
  });

  it('makes lanyard:// and web-mode links, and reads the query back from a lanyard:// link only', () => {
    const picks = { conferenceId: 'centos-connect-2023', sessionIds: ['kmods'] };
    expect(picksAppLink(picks)).toBe('lanyard://picks?c=centos-connect-2023&s=kmods');
    expect(picksWebLink('http://127.0.0.1:5170', picks)).toBe('http://127.0.0.1:5170/#/picks?c=centos-connect-2023&s=kmods');
    expect(picksQueryFromLink('lanyard://picks?c=centos-connect-2023&s=kmods')).toBe('c=centos-connect-2023&s=kmods');
    expect(picksQueryFromLink('lanyard://subscribe?url=https://x.example/feed')).toBeUndefined();
    expect(picksQueryFromLink('https://picks?c=a&s=b')).toBeUndefined();
  });

  it('refuses what it cannot carry, with a reason', () => {
    expect(() => picksQuery({ conferenceId: 'c', sessionIds: [] })).toThrow('Nothing to share');
    const long = Array.from({ length: 120 }, (_, i) => `session-with-a-long-name-${i}`);
    expect(() => picksQuery({ conferenceId: 'c', sessionIds: long })).toThrow(new RegExp(`at most ${MAX_PICKS_LINK}\\): share fewer sessions`));
  });

  it('treats an opened link as untrusted: every part checked and capped', () => {
    const bad = (query: string): string => {
      try {
        parsePicksQuery(query);
      } catch (error) {
        expect(error).toBeInstanceOf(PicksLinkError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${query}`);
    };
    expect(bad('s=1')).toBe('The link names no conference');
    expect(bad('c=x')).toBe('The link names no sessions');
    expect(bad('c=x&n=1.!')).toBe('Session 2 in the link is not a number ("!")');
    expect(bad('c=x&n=zzzzzzzzzz.zzzzzzzzzz.zzzzzzzzzz.zzzzzzzzzz.zzzzzzzzzz')).toMatch(/out of range/);
    expect(bad(`c=x&s=${Array.from({ length: 301 }, (_, i) => i).join(',')}`)).toBe('The link lists 301 sessions; at most 300 are read');
    expect(bad('c=x&s=a,,b')).toBe('Session 2 in the link is empty or too long');
    expect(bad('c=x&s=%E0%A4%A')).toMatch(/not readable/);
    expect(bad('c=x&s=a&u=javascript:alert(1)')).toMatch(/not a web address \(javascript:\)/);
    expect(bad(`c=x&s=${'a'.repeat(5_000)}`)).toMatch(/characters long/);
  });
});
