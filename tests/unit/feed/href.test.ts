import { describe, expect, it } from 'vitest';
import { httpBase, isPlaceholderImage, resolveFeedHref } from '../../../core/feed/href';
import { importFeed } from '../../../core/formats/index';

describe('resolveFeedHref: one rule for links in every format', () => {
  const base = 'https://frab.example.org/en/conf/public/events/12.html';
  it.each([
    ['www.example.org', 'https://www.example.org'],
    ['github.com/x/y', 'https://github.com/x/y'],
    ['www.example.org:8080/x', 'https://www.example.org:8080/x'],
    ['//cdn.example.org/a.pdf', 'https://cdn.example.org/a.pdf'],
    ['/system/attachments/1/slides.pdf', 'https://frab.example.org/system/attachments/1/slides.pdf'],
    ['slides/1.pdf', 'https://frab.example.org/en/conf/public/events/slides/1.pdf'],
    ['https://example.org/a', 'https://example.org/a'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    // A label is not a page: left as it is, for makeLink to refuse with a warning.
    ['Homepage', 'Homepage'],
    ['Sporangium v1.0 bei der Bits&Bäume 2018', 'Sporangium v1.0 bei der Bits&Bäume 2018'],
  ])('%s → %s', (raw, expected) => {
    expect(resolveFeedHref(raw, base)).toBe(expected);
  });

  it('leaves relative paths alone without a base, and drops frab\'s missing.png placeholder', () => {
    expect(resolveFeedHref('/system/a.pdf', undefined)).toBe('/system/a.pdf');
    expect(resolveFeedHref('/attachments/original/missing.png', base)).toBeUndefined();
    expect(resolveFeedHref('https://frab.example.org/people/avatars/original/missing.png?123', base)).toBeUndefined();
    expect(isPlaceholderImage('https://x.org/attachments/original/missing.png')).toBe(true);
    expect(isPlaceholderImage('https://x.org/photos/missing.png')).toBe(false);
    expect(resolveFeedHref('  ', base)).toBeUndefined();
  });

  it('httpBase takes the first absolute http(s) address', () => {
    expect(httpBase(undefined, '/relative', 'webcal://x.org/a.ics', 'https://x.org/a')).toBe('https://x.org/a');
    expect(httpBase(undefined)).toBeUndefined();
  });
});

const frabXml = (event: string, conference = '<base_url>https://fahrplan.example.org/</base_url>') => `<?xml version="1.0"?>
<schedule><conference><title>T</title><acronym>t</acronym>${conference}<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2024-03-01" index="1"><room name="A"><event id="1" guid="g-1"><date>2024-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>
<room>A</room><title>Talk</title>${event}</event></room></day></schedule>`;

const frabJson = (event: Record<string, unknown>, baseUrl?: string) => JSON.stringify({
  schedule: {
    version: '1', ...(baseUrl ? { base_url: baseUrl } : {}),
    conference: {
      acronym: 't', title: 'T', time_zone_name: 'Europe/Berlin',
      days: [{ index: 1, date: '2024-03-01', rooms: { A: [{ id: 1, guid: 'g-1', date: '2024-03-01T10:00:00+01:00', start: '10:00', duration: '00:30', room: 'A', title: 'Talk', persons: [], ...event }] } }],
    },
  },
});

const urls = (text: string, sourceUrl?: string) => importFeed(text, sourceUrl ? { sourceUrl } : {}).feed.sessions[0]!.links.map((l) => l.url);

describe('links read the same in XML and JSON', () => {
  it('a bare host gets https:// in both', () => {
    expect(urls(frabXml('<links><link href="www.example.org">Home</link></links>'))).toEqual(['https://www.example.org/']);
    expect(urls(frabJson({ links: [{ url: 'www.example.org', title: 'Home' }] }, 'https://fahrplan.example.org/'))).toEqual(['https://www.example.org/']);
  });

  it('keeps <link> with no href, its text being the address', () => {
    expect(urls(frabXml('<links><link>https://example.org/paper.pdf</link><link> </link><link href="">https://example.org/b</link></links>'))).toEqual(['https://example.org/paper.pdf', 'https://example.org/b']);
    expect(urls(frabXml('<attachments><attachment>/system/a/slides.pdf</attachment></attachments>'))).toEqual(['https://fahrplan.example.org/system/a/slides.pdf']);
  });

  it('resolves relative links against the subscription URL when the feed has no base URL', () => {
    const xml = frabXml('<attachments><attachment href="/system/a/slides.pdf">Slides</attachment></attachments>', '');
    expect(urls(xml)).toEqual([]);
    expect(urls(xml, 'https://cfp.example.org/conf/schedule.xml')).toEqual(['https://cfp.example.org/system/a/slides.pdf']);
    const json = frabJson({ attachments: [{ url: '/system/a/slides.pdf', title: 'Slides' }] });
    expect(urls(json, 'https://cfp.example.org/conf/schedule.json')).toEqual(['https://cfp.example.org/system/a/slides.pdf']);
  });

  it('resolves attachments against the event\'s own page first (aggregated schedules), in both formats', () => {
    const page = 'https://other.example.net/en/c/public/events/5.html';
    expect(urls(frabXml(`<url>${page}</url><attachments><attachment href="/system/s.pdf">Slides</attachment></attachments>`))).toContain('https://other.example.net/system/s.pdf');
    expect(urls(frabJson({ url: page, attachments: [{ url: '/system/s.pdf', title: 'Slides' }] }, 'https://fahrplan.example.org/'))).toContain('https://other.example.net/system/s.pdf');
  });

  it('frab\'s missing.png placeholder is neither a link nor a photo', () => {
    expect(urls(frabXml('<attachments><attachment href="/attachments/original/missing.png">x</attachment></attachments>'))).toEqual([]);
    const result = importFeed(frabJson({ attachments: [{ url: '/attachments/original/missing.png' }], persons: [{ id: 2, public_name: 'Ada', avatar: '/people/avatars/original/missing.png' }] }, 'https://fahrplan.example.org/'));
    expect(result.feed.sessions[0]!.links).toEqual([]);
    expect(result.feed.speakers[0]!.photoUrl).toBeUndefined();
  });
});
