import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import type { Feed } from '../../../core/model/schema';
import { payloadTemplates, XSS_FORMATS, xssFeeds, type XssFormat } from '../support/xss-feeds';

/** The markup RichText may receive: allow-listed tags, no attributes but a safe href/title on <a>. */
const ALLOWED_TAG = /^<\/?(?:p|br|em|strong|b|i|u|s|code|pre|blockquote|ul|ol|li|h3|h4|h5|h6|hr|sub|sup)\s*\/?>$|^<a(?: href="(?:https?:\/\/|mailto:)[^"<>]*")?(?: title="[^"<>]*")?>$|^<\/a>$/i;

/** Why `html` could do something in a page, or undefined when it is inert. */
function unsafeHtml(html: string): string | undefined {
  for (const tag of html.match(/<[^>]*>?/g) ?? []) {
    if (!ALLOWED_TAG.test(tag)) return `tag ${tag.slice(0, 120)}`;
  }
  const text = html.replace(/<[^>]*>/g, '');
  if (text.includes('<')) return `a raw "<" in text: ${text.slice(text.indexOf('<'), text.indexOf('<') + 60)}`;
  return undefined;
}

function unsafeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a URL: ${url.slice(0, 80)}`;
  }
  if (!['https:', 'http:', 'mailto:'].includes(parsed.protocol)) return `protocol ${parsed.protocol}`;
  if (parsed.href !== url) return `not normalised: ${url.slice(0, 80)}`;
  return undefined;
}

/** Every rich-text field and every URL of an imported feed, with where it is. */
function* richTexts(feed: Feed): Generator<[string, string]> {
  if (feed.conference.description) yield ['conference.description', feed.conference.description];
  for (const s of feed.sessions) {
    if (s.abstract) yield [`session ${s.id} abstract`, s.abstract];
    if (s.description) yield [`session ${s.id} description`, s.description];
  }
  for (const p of feed.speakers) if (p.bio) yield [`speaker ${p.id} bio`, p.bio];
}

function* urls(feed: Feed): Generator<[string, string]> {
  const c = feed.conference;
  for (const [where, url] of [['conference.url', c.url], ['venue.url', c.venue?.url], ['codeOfConduct.url', c.codeOfConduct?.url]] as const) if (url) yield [where, url];
  for (const contact of c.codeOfConduct?.contacts ?? []) if (contact.url) yield ['contact.url', contact.url];
  for (const l of c.links) yield ['conference link', l.url];
  for (const r of feed.rooms) for (const l of r.links) yield [`room ${r.id} link`, l.url];
  for (const s of feed.sessions) for (const l of s.links) yield [`session ${s.id} link`, l.url];
  for (const p of feed.speakers) {
    for (const l of p.links) yield [`speaker ${p.id} link`, l.url];
    if (p.photoUrl) yield [`speaker ${p.id} photo`, p.photoUrl];
  }
}

/** Which model fields each format can carry; the marker of every payload must reach each of them. */
const CARRIED: Record<XssFormat, Array<'title' | 'abstract' | 'speaker' | 'bio' | 'room' | 'track' | 'linkTitle'>> = {
  lanyard: ['title', 'abstract', 'speaker', 'bio', 'room', 'track', 'linkTitle'],
  'frab-xml': ['title', 'abstract', 'speaker', 'room', 'track', 'linkTitle'],
  'frab-json': ['title', 'abstract', 'speaker', 'bio', 'room', 'track', 'linkTitle'],
  'pretalx-widget': ['title', 'abstract', 'speaker', 'bio', 'room', 'track', 'linkTitle'],
  sessionize: ['title', 'abstract', 'speaker', 'bio', 'room', 'track', 'linkTitle'],
  ical: ['title', 'abstract', 'speaker', 'room', 'track'],
  xcal: ['title', 'abstract', 'speaker', 'room', 'track'],
};

describe('the XSS corpus', () => {
  it('has at least 100 payloads of every kind the issue lists, each calling the hook with its number', () => {
    const templates = payloadTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(100);
    expect(new Set(templates).size).toBe(templates.length);
    for (const t of templates.filter((t) => !t.includes('base64'))) expect(t).toContain('{n}');
    const kinds: Array<[string, RegExp]> = [['script tags', /<script/i], ['event handlers', /\son\w+=/i], ['javascript: URLs', /javascript:/i], ['data: URLs', /data:text\/html/i], ['SVG', /<svg/i], ['entity-encoded', /&#x?[0-9a-f]+;|&lt;/i], ['double-encoded', /&amp;(lt|#)/i], ['broken markup', /<[a-z]+[^>]*$|<<|<!--|<!\[CDATA/im]];
    for (const [kind, re] of kinds) expect(templates.filter((t) => re.test(t)).length, kind).toBeGreaterThanOrEqual(2);
  });
});

describe.each(XSS_FORMATS)('every payload in every text field of a %s feed', (format) => {
  const [feed] = xssFeeds({ formats: [format], perSession: 1 });
  const imported = importFeed(feed!.text, { timeZone: 'Europe/Berlin' });

  it('imports as that format, one session per payload', () => {
    expect(imported.format).toBe(format);
    expect(imported.feed.sessions).toHaveLength(feed!.carriers.length);
  });

  it('every payload reached every field the format carries', () => {
    const { feed: model } = imported;
    for (const carrier of feed!.carriers) {
      const marker = `${carrier.marker} `;
      const session = model.sessions.find((s) => s.title.startsWith(marker));
      expect(session, `${carrier.marker} title`).toBeDefined();
      const fields = CARRIED[format];
      if (fields.includes('abstract')) expect(`${session!.abstract ?? ''}${session!.description ?? ''}`, `${carrier.marker} abstract`).toContain(carrier.marker);
      const speaker = model.speakers.find((p) => session!.speakerIds.includes(p.id));
      if (fields.includes('speaker')) expect(speaker?.name, `${carrier.marker} speaker`).toContain(carrier.marker);
      if (fields.includes('bio')) expect(speaker?.bio, `${carrier.marker} bio`).toContain(carrier.marker);
      if (fields.includes('room')) expect(model.rooms.find((r) => r.id === session!.roomId)?.name, `${carrier.marker} room`).toContain(carrier.marker);
      if (fields.includes('track')) expect(model.tracks.find((t) => t.id === session!.trackId)?.name, `${carrier.marker} track`).toContain(carrier.marker);
      if (fields.includes('linkTitle')) {
        const titles = [...session!.links, ...(speaker?.links ?? [])].map((l) => l.title ?? '');
        expect(titles.some((t) => t.includes(carrier.marker)), `${carrier.marker} link title`).toBe(true);
      }
    }
  });

  it('leaves only allow-listed markup in rich text', () => {
    const problems = [...richTexts(imported.feed)].flatMap(([where, html]) => {
      const why = unsafeHtml(html);
      return why ? [`${where}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('keeps only absolute http(s) and mailto URLs', () => {
    const problems = [...urls(imported.feed)].flatMap(([where, url]) => {
      const why = unsafeUrl(url);
      return why ? [`${where}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('never lets the hook name appear inside a tag', () => {
    for (const [where, html] of richTexts(imported.feed)) {
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, where).not.toMatch(/xssHit/);
    }
  });
});
