import { describe, expect, it } from 'vitest';
import { cleanText, htmlToText, sanitizeRichText } from '../../../core/text/html';

describe('sanitizeRichText', () => {
  it('keeps allow-listed markup as it is', () => {
    const html = '<p>One <em>two</em> <strong>three</strong></p><ul><li>a</li></ul><p><a href="https://example.org/x">link</a><br/>next</p>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('removes scripts with their content, event handlers and unsafe links', () => {
    expect(sanitizeRichText('<p onclick="steal()">Hi<script>alert(1)</script></p>')).toBe('<p>Hi</p>');
    expect(sanitizeRichText('<p><a href="javascript:alert(1)">x</a></p>')).toBe('<p>x</p>');
    // A refused link goes with its closing tag, and only that one.
    expect(sanitizeRichText('<p><a href="javascript:x"><em>a</em></a> <a href=\'https://e.org/\'>b</a> <a>c</a></p>')).toBe('<p><em>a</em> <a href="https://e.org/">b</a> c</p>');
    expect(sanitizeRichText('<p><img src=x onerror=alert(1)>y</p>')).toBe('<p>y</p>');
    expect(sanitizeRichText('<p><a href="https://ok.example/?a=1&amp;b=2" title="t">x</a></p>')).toBe('<p><a href="https://ok.example/?a=1&amp;b=2" title="t">x</a></p>');
  });

  it('turns h1 and h2 into h3, whether or not the rest needs filtering', () => {
    expect(sanitizeRichText('<h1>Goal</h1>\n\n<p>Text</p><H2 >More</H2>')).toBe('<h3>Goal</h3>\n\n<p>Text</p><h3>More</h3>');
    expect(sanitizeRichText('<h1 class="big">Goal</h1><p>Text<script>x</script></p>')).toBe('<h3>Goal</h3><p>Text</p>');
    expect(sanitizeRichText('<h4>Kept</h4>')).toBe('<h4>Kept</h4>');
  });

  it('gives plain text paragraphs and line breaks, with markup characters escaped', () => {
    expect(sanitizeRichText('First line\nsecond line\n\nNext & last <3')).toBe('<p>First line<br>second line</p><p>Next &amp; last &lt;3</p>');
  });

  it('undoes one extra level of escaping', () => {
    expect(sanitizeRichText('&lt;p&gt;Tom &lt;em&gt;and&lt;/em&gt; Jerry&lt;/p&gt;')).toBe('<p>Tom <em>and</em> Jerry</p>');
    expect(sanitizeRichText('<p>It&amp;#39;s</p>')).toBe('<p>It&#39;s</p>');
  });

  it('returns undefined when nothing visible is left', () => {
    expect(sanitizeRichText(undefined)).toBeUndefined();
    expect(sanitizeRichText('  \n ')).toBeUndefined();
    expect(sanitizeRichText('<p> </p><br>')).toBeUndefined();
    expect(sanitizeRichText('<script>alert(1)</script>')).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('decodes entities (twice when double-escaped), collapses whitespace and keeps markup as text', () => {
    expect(cleanText('  Rock &amp;amp; roll\n\t<b>live</b>  ')).toBe('Rock & roll <b>live</b>');
    expect(cleanText('Already clean')).toBe('Already clean');
    expect(cleanText(' \u00A0 ')).toBeUndefined();
  });
});

describe('htmlToText', () => {
  it('keeps line structure and decodes entities', () => {
    expect(htmlToText('<h3>Goal</h3><p>A &amp; B<br>C</p>')).toBe('Goal\nA & B\nC');
  });
});
