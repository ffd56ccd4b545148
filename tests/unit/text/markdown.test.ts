import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { sanitizeRichText } from '../../../core/text/html';
import { sanitizeFeedText } from '../../../core/text/rich-text';

const md = (text: string) => sanitizeFeedText(text, 'markdown');

describe('Markdown fields (pretalx, CCC hub) become safe HTML', () => {
  it('paragraphs, line breaks, emphasis, lists, code and headings', () => {
    expect(md('# Title\n\nSome **bold** and _em_ text\nnext line.\n\n- one\n- two\n\n1. first\n2. second\n\nRun `make`.\n\n```sh\nrm -rf /\n```')).toBe(
      '<h3>Title</h3>\n<p>Some <strong>bold</strong> and <em>em</em> text<br>next line.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n<p>Run <code>make</code>.</p>\n<pre><code>rm -rf /\n</code></pre>',
    );
  });

  it('links become clickable: written, bare and e-mail, only http(s) and mailto', () => {
    expect(md('See [the repo](https://example.org/repo "Repo").')).toBe('<p>See <a href="https://example.org/repo" title="Repo">the repo</a>.</p>');
    expect(md('Slides: https://example.org/s.pdf')).toBe('<p>Slides: <a href="https://example.org/s.pdf">https://example.org/s.pdf</a></p>');
    expect(md('Write to ada@example.org')).toBe('<p>Write to <a href="mailto:ada@example.org">ada@example.org</a></p>');
  });

  it('hostile Markdown: script links, raw HTML and event handlers are dropped, their text kept', () => {
    for (const [input, forbidden] of [
      ['[x](javascript:alert(1))', /javascript:/i],
      ['[x](JaVaScRiPt&#58;alert(1))', /javascript/i],
      ['[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
      ['<script>alert(1)</script> hi', /script|alert/i],
      ['<img src=x onerror=alert(1)> hi', /onerror|<img/i],
      ['<a href="javascript:alert(1)" onclick="x()">hi</a>', /javascript|onclick/i],
      ['[x](https://example.org/"onmouseover="alert(1))', /onmouseover="/i],
      ['<iframe src="https://evil.example"></iframe> hi', /iframe/i],
    ] as const) {
      const html = md(input) ?? '';
      expect(html, input).not.toMatch(forbidden);
    }
    expect(md('Hello <b>world</b> <span style="color:red">red</span>')).toBe('<p>Hello <b>world</b> red</p>');
  });

  it('images are never loaded: they become a link to the picture, labelled by their alt text', () => {
    expect(md('![Our logo](https://example.org/logo.png)')).toBe('<p><a href="https://example.org/logo.png">Our logo</a></p>');
    expect(md('![](https://example.org/logo.png)')).toBe('<p><a href="https://example.org/logo.png">image</a></p>');
    expect(md('![tracker](javascript:alert(1))')).toBe('<p>tracker</p>');
    expect(md('<img src="https://tracker.example/p.gif">text')).not.toMatch(/<img|tracker/);
  });

  it('tables (not on the allow-list) become one line per row', () => {
    expect(md('| Day | Room |\n|---|---|\n| Fri | *A* |')).toBe('<p><strong>Day | Room</strong><br>Fri | <em>A</em></p>');
  });

  it('what it gives survives the renderer\'s second pass through the sanitiser unchanged', () => {
    const once = md('# T\n\nSome **b** [l](https://x.org/?a=1&b=2)\nx\n\n- a\n\n```\n<b>\n```')!;
    expect(sanitizeRichText(once)).toBe(once);
  });

  it('Markdown a parser would choke on is shown as plain text (quadratic or too deep)', () => {
    const underscores = 'a_'.repeat(2_000);
    expect(md(underscores)).toBe(`<p>${underscores}</p>`);
    // Thousands of nested quotes overflow marked's stack; the text is still shown.
    expect(md(`${'>'.repeat(5_000)} deep`)).toBe(`<p>${'&gt;'.repeat(5_000)} deep</p>`);
    const ladder = Array.from({ length: 40 }, (_, i) => `${' '.repeat(16 + i)}- step`).join('\n');
    expect(md(ladder)).toMatch(/^<p>\s*- step<br>/);
    const long = `${'word '.repeat(5_000)}**not bold**`;
    expect(md(long)).toContain('**not bold**');
    // Within the bounds, Markdown is Markdown.
    expect(md(`${'a_'.repeat(10)} **b**`)).toContain('<strong>b</strong>');
  });

  it('empty Markdown is no text', () => {
    expect(md('  \n ')).toBeUndefined();
    expect(md('<script>x</script>')).toBeUndefined();
  });
});

describe('plain text with an inline tag keeps its paragraphs', () => {
  it('blank lines stay paragraphs and newlines line breaks around one <b>', () => {
    expect(sanitizeRichText('First paragraph with <b>bold</b>.\n\nSecond paragraph\nwith a break.\n\nThird.')).toBe(
      '<p>First paragraph with <b>bold</b>.</p><p>Second paragraph<br>with a break.</p><p>Third.</p>',
    );
  });
  it('HTML that lays out its own blocks is left as it is', () => {
    expect(sanitizeRichText('<p>One</p>\n\n<p>Two</p>')).toBe('<p>One</p>\n\n<p>Two</p>');
  });
  it('HTML fields are not read as Markdown: stars stay stars', () => {
    expect(sanitizeRichText('Use *args and **kwargs')).toBe('<p>Use *args and **kwargs</p>');
  });
});

const widget = (talk: Record<string, unknown>, speaker: Record<string, unknown> = {}) => JSON.stringify({
  timezone: 'Europe/Berlin', rooms: [{ id: 1, name: 'A' }], speakers: [{ code: 'SPK', name: 'Ada', ...speaker }],
  talks: [{ code: 'TLK01', title: 'T', start: '2024-03-01T10:00:00+01:00', end: '2024-03-01T10:30:00+01:00', room: 1, speakers: ['SPK'], ...talk }],
});
const frabXml = (head: string, event: string) => `<?xml version="1.0"?><schedule>${head}<conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2024-03-01"><room name="A"><event id="1" guid="g1"><date>2024-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>A</room><title>T</title>${event}</event></room></day></schedule>`;

describe('which fields are Markdown, per format', () => {
  it('pretalx widget: abstract, description and bios', () => {
    const { feed } = importFeed(widget({ abstract: 'A **bold** claim', description: 'See [docs](https://example.org/d)' }, { biography: '_Ada_ writes' }));
    expect(feed.sessions[0]).toMatchObject({ abstract: '<p>A <strong>bold</strong> claim</p>', description: '<p>See <a href="https://example.org/d">docs</a></p>' });
    expect(feed.speakers[0]!.bio).toBe('<p><em>Ada</em> writes</p>');
  });

  it('frab XML from pretalx (<generator name="pretalx">) is Markdown; plain frab XML is HTML', () => {
    const pretalx = importFeed(frabXml('<generator name="pretalx" version="2.3"/>', '<abstract>A **bold** claim</abstract>')).feed;
    expect(pretalx.sessions[0]!.abstract).toBe('<p>A <strong>bold</strong> claim</p>');
    const frab = importFeed(frabXml('', '<abstract>A **bold** claim</abstract>')).feed;
    expect(frab.sessions[0]!.abstract).toBe('<p>A **bold** claim</p>');
  });

  it('an aggregated XML decides per session: a pretalx talk page or a person with a pretalx code', () => {
    const byPage = importFeed(frabXml('', '<url>https://cfp.example.org/c/talk/ABCDEF/</url><abstract>**yes**</abstract>')).feed;
    expect(byPage.sessions[0]!.abstract).toBe('<p><strong>yes</strong></p>');
    const byCode = importFeed(frabXml('', '<abstract>**yes**</abstract><persons><person><code>QWERTY</code><public_name>Ada</public_name><biography>*bio*</biography></person></persons>')).feed;
    expect(byCode.sessions[0]!.abstract).toBe('<p><strong>yes</strong></p>');
    expect(byCode.speakers[0]!.bio).toBe('<p><em>bio</em></p>');
  });

  it('schedule.json: pretalx persons (with codes) and the hub\'s schema 2 are Markdown; frab\'s is HTML', () => {
    const v1 = (event: Record<string, unknown>) => JSON.stringify({ schedule: { conference: { title: 'C', time_zone_name: 'Europe/Berlin', days: [{ date: '2024-03-01', rooms: { A: [{ guid: 'g', date: '2024-03-01T10:00:00+01:00', duration: '00:30', title: 'T', abstract: '**x**', ...event }] } }] } } });
    expect(importFeed(v1({ persons: [{ code: 'ABCDE', public_name: 'Ada', biography: '*b*' }] })).feed.sessions[0]!.abstract).toBe('<p><strong>x</strong></p>');
    expect(importFeed(v1({ persons: [{ id: 1, public_name: 'Ada' }] })).feed.sessions[0]!.abstract).toBe('<p>**x**</p>');
    const v2 = JSON.stringify({ schedule: { version: '1', conference: { title: 'C', time_zone_name: 'Europe/Berlin', days: [] }, events: [{ guid: 'g', start: '2024-03-01T10:00:00+01:00', duration: '00:30', title: 'T', abstract: '**x**' }] } });
    expect(importFeed(v2).feed.sessions[0]!.abstract).toBe('<p><strong>x</strong></p>');
  });

  it('iCalendar: pretalx\'s DESCRIPTION is Markdown; other calendars\' is plain text', () => {
    const ics = (prodid: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${prodid}`, 'BEGIN:VEVENT', 'UID:u', 'DTSTART:20240301T090000Z', 'DTEND:20240301T093000Z', 'SUMMARY:T', 'DESCRIPTION:A **bold** claim', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(importFeed(ics('-//pretalx//cfp.example.org//')).feed.sessions[0]!.abstract).toBe('<p>A <strong>bold</strong> claim</p>');
    expect(importFeed(ics('-//Example Corp//Calendar//EN')).feed.sessions[0]!.abstract).toBe('<p>A **bold** claim</p>');
  });
});
