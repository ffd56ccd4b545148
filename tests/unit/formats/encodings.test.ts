import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, importFeed } from '../../../core/formats/index';

const xml = (encoding: string, title: string, abstract = 'About it') => `<?xml version="1.0" encoding="${encoding}"?>
<schedule><conference><title>Tagung</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2024-03-01"><room name="Saal"><event id="1" guid="g1"><date>2024-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>Saal</room>
<title>${title}</title><abstract>${abstract}</abstract></event></room></day></schedule>`;

/** Text → bytes in a single-byte encoding (every character below U+0100, or windows-1252's few extras). */
function singleByte(text: string, extras: Record<string, number> = {}): Uint8Array {
  return Uint8Array.from([...text].map((ch) => extras[ch] ?? ch.charCodeAt(0)));
}

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i += 1, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return out;
}

describe('feeds in other encodings', () => {
  const title = 'Über Größe – naïve Çà';
  it.each([
    ['UTF-16 LE with a BOM', utf16(xml('UTF-16', title), true)],
    ['UTF-16 BE with a BOM', utf16(xml('UTF-16', title), false)],
    ['UTF-16 LE without a BOM', utf16(xml('UTF-16', title), true, false)],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml('UTF-8', title))])],
  ])('%s is read', (_name, bytes) => {
    const { feed } = importFeed(bytes);
    expect(feed.sessions[0]!.title).toBe(title);
    expect(feed.conference.title).toBe('Tagung');
  });

  it('a declared ISO-8859-1 is honoured instead of garbling the text', () => {
    const latin = 'Über Größe naïve Çà';
    const { feed } = importFeed(singleByte(xml('ISO-8859-1', latin)));
    expect(feed.sessions[0]!.title).toBe(latin);
  });

  it('a declared windows-1252 is honoured, its dashes and quotes too', () => {
    const text = xml('windows-1252', 'Größe – „quoted“ €5');
    const { feed } = importFeed(singleByte(text, { '–': 0x96, '„': 0x84, '“': 0x93, '€': 0x80 }));
    expect(feed.sessions[0]!.title).toBe('Größe – „quoted“ €5');
  });

  it('an encoding the platform does not know falls back to UTF-8', () => {
    expect(decodeFeedBytes(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><a>ä</a>'))).toBe('<?xml version="1.0" encoding="x-klingon"?><a>ä</a>');
  });

  it('UTF-8 feeds are unchanged (with or without a declaration)', () => {
    expect(decodeFeedBytes(new TextEncoder().encode('{"a":"ä"}'))).toBe('{"a":"ä"}');
    expect(decodeFeedBytes(new TextEncoder().encode(xml('utf-8', 'ä')))).toBe(xml('utf-8', 'ä'));
  });
});

describe('a stray control character', () => {
  it('in an XML description is dropped with a warning naming where, and the feed is read', () => {
    const { feed, warnings } = importFeed(xml('UTF-8', 'Talk', 'Broken\u0006 text'));
    expect(feed.sessions[0]!.abstract).toBe('<p>Broken text</p>');
    const warning = warnings.find((w) => w.code === 'control-characters-dropped')!;
    expect(warning.message).toContain('U+0006 at line 4, column');
    expect(warning.where).toMatch(/^line 4, column \d+$/);
  });

  it('in a schedule.json string is dropped too', () => {
    const json = `{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2024-03-01","rooms":{"A":[{"guid":"g","date":"2024-03-01T10:00:00+01:00","duration":"00:30","title":"Ta\u0006lk"}]}}]}}}`;
    const { feed, warnings } = importFeed(json);
    expect(feed.sessions[0]!.title).toBe('Talk');
    expect(warnings.map((w) => w.code)).toContain('control-characters-dropped');
  });

  it('many are counted, the first few named', () => {
    const { warnings } = importFeed(xml('UTF-8', 'T\u0001a\u0002l\u0003k\u0004\u0005\u0007'));
    expect(warnings.find((w) => w.code === 'control-characters-dropped')!.message).toMatch(/contains 6 control character\(s\).*and 1 more/);
  });
});
