import { describe, expect, it } from 'vitest';
import { decideOpen, lookAlikeReason, type OpenDecision } from '../../../core/links/open-policy';
import { decodePunycodeLabel } from '../../../core/links/punycode';

type Expected = ['open' | 'ask' | 'confirm-http', string, string?] | ['refuse', RegExp];

/** [raw URL, expected action and href (or the refusal's reason), host shown when asking]. */
const TABLE: Array<[string, Expected]> = [
  // known providers open at once, with the parsed href
  ['https://www.youtube.com/watch?v=abc', ['open', 'https://www.youtube.com/watch?v=abc']],
  ['https://youtu.be/abc', ['open', 'https://youtu.be/abc']],
  ['https://meet.google.com/abc-defg-hij', ['open', 'https://meet.google.com/abc-defg-hij']],
  ['https://meet.jit.si/CentOS Connect', ['open', 'https://meet.jit.si/CentOS%20Connect']],
  ['https://us02web.zoom.us/j/123', ['open', 'https://us02web.zoom.us/j/123']],
  ['https://matrix.to/#/#fosdem:fosdem.org', ['open', 'https://matrix.to/#/#fosdem:fosdem.org']],
  ['https://video.fosdem.org/2020/Janson/x.webm', ['open', 'https://video.fosdem.org/2020/Janson/x.webm']],
  ['https://media.ccc.de/v/33c3-8429', ['open', 'https://media.ccc.de/v/33c3-8429']],
  ['  https://live.fosdem.org/watch/janson  ', ['open', 'https://live.fosdem.org/watch/janson']],
  // every host a stream rule makes (FOSDEM rooms, c3voc's streaming site and its HLS cdn, media.ccc.de recordings)
  ['https://live.fosdem.org/watch/k1105', ['open', 'https://live.fosdem.org/watch/k1105']],
  ['https://streaming.media.ccc.de/38c3/hall1', ['open', 'https://streaming.media.ccc.de/38c3/hall1']],
  ['https://cdn.c3voc.de/hls/s1_native_1080.m3u8', ['open', 'https://cdn.c3voc.de/hls/s1_native_1080.m3u8']],
  ['https://media.ccc.de/v/38c3-1234-hacking-the-schedule', ['open', 'https://media.ccc.de/v/38c3-1234-hacking-the-schedule']],
  ['HTTPS://WWW.YOUTUBE.COM/live/x', ['open', 'https://www.youtube.com/live/x']],
  // the default port is not an odd port: the parser drops it
  ['https://www.youtube.com:443/watch?v=abc', ['open', 'https://www.youtube.com/watch?v=abc']],
  // trailing-dot hosts are normalised (same site), never a way around the list
  ['https://meet.jit.si./room', ['open', 'https://meet.jit.si/room']],
  ['https://example.org./page', ['ask', 'https://example.org/page', 'example.org']],
  ['https://example.org../page', ['refuse', /malformed/]],
  // unknown hosts: ask once
  ['https://example.org/live', ['ask', 'https://example.org/live', 'example.org']],
  ['https://www.youtube.com.evil.example/watch', ['ask', 'https://www.youtube.com.evil.example/watch', 'www.youtube.com.evil.example']],
  ['https://notyoutube.com/', ['ask', 'https://notyoutube.com/', 'notyoutube.com']],
  ['https://peertube.example/w/abc', ['ask', 'https://peertube.example/w/abc', 'peertube.example']],
  // international names in one script are asked about, shown in punycode
  ['https://bücher.de/', ['ask', 'https://xn--bcher-kva.de/', 'xn--bcher-kva.de']],
  ['https://пример.рф/', ['ask', 'https://xn--e1afmkfd.xn--p1ai/', 'xn--e1afmkfd.xn--p1ai']],
  ['https://例え.jp/', ['ask', 'https://xn--r8jz45g.jp/', 'xn--r8jz45g.jp']],
  // a known provider's name in international letters is not that provider
  ['https://xn--yutube-wqf.com/', ['refuse', /looks like another site/]],
  // full-width letters are mapped by the URL parser to ASCII (the same host)
  ['https://ｍｅｅｔ.ｊｉｔ.ｓｉ/x', ['open', 'https://meet.jit.si/x']],
  // look-alikes
  ['https://аpple.com/', ['refuse', /mixes Cyrillic and Latin/]],
  ['https://xn--80ak6aa92e.com/', ['refuse', /Cyrillic letters that look like Latin/]],
  ['https://yоutube.com/watch', ['refuse', /looks like another site/]],
  ['https://gooɡle.com/', ['refuse', /pass for plain Latin/]],
  ['https://paypaı.com/', ['refuse', /pass for plain Latin/]],
  ['https://xn--zz-x.com/', ['refuse', /not a complete web address|not valid/]],
  // plain http: confirm every time, even for a known provider
  ['http://meet.jit.si/room', ['confirm-http', 'http://meet.jit.si/room', 'meet.jit.si']],
  ['http://example.org:80/', ['confirm-http', 'http://example.org/', 'example.org']],
  // credentials
  ['https://user:pw@www.youtube.com/', ['refuse', /user name or password/]],
  ['https://www.youtube.com@evil.example/', ['refuse', /user name or password/]],
  ['https://:secret@example.org/', ['refuse', /user name or password/]],
  // odd ports
  ['https://www.youtube.com:8443/', ['refuse', /port 8443/]],
  ['http://example.org:8080/', ['refuse', /port 8080/]],
  ['https://example.org:0/', ['refuse', /port 0/]],
  // addresses and local names
  ['https://127.0.0.1/', ['refuse', /bare network address/]],
  ['https://0x7f.1/', ['refuse', /bare network address \(127\.0\.0\.1\)/]],
  ['https://2130706433/', ['refuse', /bare network address/]],
  ['https://[::1]/', ['refuse', /bare network address/]],
  ['https://localhost/', ['refuse', /not a public web site/]],
  ['https://intranet/', ['refuse', /not a public web site/]],
  ['https://printer.local/', ['refuse', /not a public web site/]],
  // schemes
  ['javascript:alert(1)', ['refuse', /javascript: are never opened/]],
  ['JavaScript:alert(document.cookie)', ['refuse', /javascript:/]],
  [' javascript:alert(1)', ['refuse', /javascript:/]],
  ['file:///etc/passwd', ['refuse', /file: are never opened/]],
  ['file://server/share/x.pdf', ['refuse', /file:/]],
  ['data:text/html,<script>alert(1)</script>', ['refuse', /data:/]],
  ['vbscript:msgbox(1)', ['refuse', /vbscript:/]],
  ['ftp://example.org/x', ['refuse', /ftp:/]],
  ['mailto:someone@example.org', ['refuse', /mailto:/]],
  ['lanyard://subscribe?url=https://example.org/x', ['refuse', /lanyard:/]],
  ['chrome://settings', ['refuse', /chrome:/]],
  ['//www.youtube.com/watch', ['refuse', /not a complete web address/]],
  ['www.youtube.com/watch', ['refuse', /not a complete web address/]],
  ['', ['refuse', /not a complete web address/]],
  ['https://', ['refuse', /not a complete web address/]],
];

describe('decideOpen', () => {
  it.each(TABLE)('%s', (raw, expected) => {
    const decision: OpenDecision = decideOpen(raw);
    expect(decision.action).toBe(expected[0]);
    if (expected[0] === 'refuse') {
      expect(decision.action === 'refuse' && decision.reason).toMatch(expected[1]);
      expect(decision).not.toHaveProperty('href');
    } else if (decision.action !== 'refuse') {
      expect(decision.href).toBe(expected[1]);
      if (expected[2]) expect(decision.host).toBe(expected[2]);
    }
  });

  it('opens a host the user already allowed without asking, and only that host', () => {
    const trusted = new Set(['example.org']);
    expect(decideOpen('https://example.org/a', { trustedHosts: trusted })).toEqual({ action: 'open', href: 'https://example.org/a', host: 'example.org' });
    expect(decideOpen('https://sub.example.org/a', { trustedHosts: trusted }).action).toBe('ask');
    // Allowing a host never allows plain http to it.
    expect(decideOpen('http://example.org/a', { trustedHosts: trusted }).action).toBe('confirm-http');
  });

  it('shows international hosts in punycode and gives their letters too', () => {
    expect(decideOpen('https://bücher.de/x')).toMatchObject({ action: 'ask', host: 'xn--bcher-kva.de', unicodeHost: 'bücher.de' });
  });
});

describe('look-alike labels', () => {
  it.each([
    ['bücher', undefined],
    ['пример', undefined],
    ['例え', undefined],
    ['日本語テキスト', undefined],
    ['аpple', /mixes/],
    ['ѕсоре', /look like Latin/],
    ['ɡoogle', /pass for plain/],
  ])('%s', (label, reason) => {
    const got = lookAlikeReason(label);
    if (reason) expect(got).toMatch(reason);
    else expect(got).toBeUndefined();
  });
});

describe('decodePunycodeLabel', () => {
  it.each([
    ['bcher-kva', 'bücher'],
    ['80ak6aa92e', 'аррӏе'],
    ['e1afmkfd', 'пример'],
    ['r8jz45g', '例え'],
    ['mnchen-3ya', 'münchen'],
  ])('%s → %s', (label, text) => {
    expect(decodePunycodeLabel(label)).toBe(text);
  });

  it('rejects labels that are not punycode', () => {
    expect(decodePunycodeLabel('zz-!')).toBeUndefined();
    expect(decodePunycodeLabel('ü-abc')).toBeUndefined();
  });
});
