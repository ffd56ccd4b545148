import { describe, expect, it } from 'vitest';
import { type FeedError } from '../../../core/errors';
import { LIMITS } from '../../../core/limits';
import { parseXml, type XmlElement } from '../../../core/formats/xml';
import { lineAndColumn } from '../../../core/formats/xml-chars';
import { thrown } from '../support/errors';

const failure = (xml: string): FeedError => thrown(() => parseXml(xml));

/** The error for `xml`, checked to be malformed-xml at `where`, and its message. */
function malformedAt(xml: string, where: string): string {
  const error = failure(xml);
  expect(error.code).toBe('malformed-xml');
  expect(error.where).toBe(where);
  expect(error.message).toMatch(/^The XML is malformed: /);
  return error.message;
}

/** Element, attribute names and text as a nested plain value, for whole-tree comparisons. */
function shape(el: XmlElement): unknown {
  return { name: el.name, attrs: { ...el.attrs }, text: el.text, line: el.line, children: el.children.map(shape) };
}

describe('well-formed documents', () => {
  it('reads elements, attributes, text and the line each element starts on', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<schedule v=\'1\'>\n  <title lang="en">Hello &amp; welcome</title>\n  <empty/>\n  <day\n    date="2020-02-01"\n    index="1"><event id="9"/></day>\n</schedule>\n');
    expect(shape(root)).toEqual({
      name: 'schedule', attrs: { v: '1' }, text: '\n  \n  \n  \n', line: 2,
      children: [
        { name: 'title', attrs: { lang: 'en' }, text: 'Hello & welcome', line: 3, children: [] },
        { name: 'empty', attrs: {}, text: '', line: 4, children: [] },
        {
          name: 'day', attrs: { date: '2020-02-01', index: '1' }, text: '', line: 5,
          children: [{ name: 'event', attrs: { id: '9' }, text: '', line: 7, children: [] }],
        },
      ],
    });
  });

  it('accepts the XML declaration in its forms, a BOM, and no declaration at all', () => {
    for (const head of [
      '',
      '\uFEFF',
      '<?xml version="1.0"?>',
      "<?xml version='1.1' encoding='utf-8' ?>",
      '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>\n',
      '\uFEFF<?xml version="1.0"\n  standalone=\'no\'?>',
    ]) {
      expect(parseXml(`${head}<a>x</a>`).text).toBe('x');
    }
  });

  it('skips comments and processing instructions anywhere, joining the text around them', () => {
    const root = parseXml('<!-- before --><?style x?>\n<a>one<!-- - inside - -->two<?pi data?>three<!---->four</a>\n<!-- after --><?end?>\n');
    expect(root.text).toBe('onetwothreefour');
    expect(parseXml('<a><?xml-stylesheet href="s.css"?></a>').children).toEqual([]);
  });

  it('keeps CDATA literally, markup characters included', () => {
    const root = parseXml('<a>x <![CDATA[<p>Tom & Jerry ]] ]> &amp;</p>]]> y<![CDATA[]]></a>');
    expect(root.text).toBe('x <p>Tom & Jerry ]] ]> &amp;</p> y');
  });

  it('decodes the five predefined entities and numeric references, astral ones too', () => {
    const root = parseXml('<a t="&lt;&gt;&amp;&quot;&apos;">&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x63; &#x1F600;&#128512; &#xE9;</a>');
    expect(root.text).toBe('<>&"\' ABc 😀😀 é');
    expect(root.attrs.t).toBe('<>&"\'');
  });

  it('allows ">" in text and attribute values, and either quote inside the other', () => {
    const root = parseXml('<a x="it\'s > 1" y=\'say "hi"\'>a > b</a>');
    expect(root.attrs).toEqual({ x: "it's > 1", y: 'say "hi"' });
    expect(root.text).toBe('a > b');
  });

  it('normalises line ends: CRLF and CR become LF in text, and line ends and tabs spaces in attributes', () => {
    const root = parseXml('<a\r\n b="1\r\n2\t3\n4\r5&#10;6&#9;7">x\r\ny\rz<![CDATA[\r\n]]></a>');
    expect(root.text).toBe('x\ny\nz\n');
    expect(root.attrs.b).toBe('1 2 3 4 5\n6\t7');
  });

  it('counts lines across LF, CRLF and lone CR line ends alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const root = parseXml(`<a>${nl}<b/>${nl}${nl}<c>${nl}</c></a>`);
      expect(root.children.map((c) => c.line)).toEqual([2, 4]);
      expect(malformedAt(`<a>${nl}<b>${nl}  </x></a>`, 'line 3, column 3')).toMatch(/<\/x> does not close <b> \(opened at line 2\)/);
    }
  });

  it('reads names with namespace prefixes, digits, dots, hyphens and non-ASCII letters', () => {
    const root = parseXml('<ical:vevent xmlns:ical="urn:x"><x-wr.name_2>1</x-wr.name_2><café/><日程/><𐀀a/></ical:vevent>');
    expect(root.name).toBe('ical:vevent');
    expect(root.attrs['xmlns:ical']).toBe('urn:x');
    expect(root.children.map((c) => c.name)).toEqual(['x-wr.name_2', 'café', '日程', '𐀀a']);
  });

  it('accepts whitespace around "=" and before ">" or "/>", and in closing tags', () => {
    const root = parseXml('<a  x = "1"\n\ty=\'2\' ><b z="3" /></a >');
    expect(root.attrs).toEqual({ x: '1', y: '2' });
    expect(root.children[0]!.attrs).toEqual({ z: '3' });
  });

  it('gives attribute maps no inherited members, so names like __proto__ are plain data', () => {
    const root = parseXml('<a __proto__="p" constructor="c"><b/><c toString="t"/></a>');
    expect(Object.keys(root.attrs)).toEqual(['__proto__', 'constructor']);
    expect(root.attrs.__proto__).toBe('p');
    expect(root.attrs.constructor).toBe('c');
    expect('hasOwnProperty' in root.attrs).toBe(false);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(root.attrs))).toBeNull();
    const [bare, other] = root.children.map((c) => c.attrs);
    expect(bare!.constructor).toBeUndefined();
    expect('toString' in bare!).toBe(false);
    expect(Object.entries(other!)).toEqual([['toString', 't']]);
    expect(() => {
      bare!.injected = 'x';
    }).toThrow(TypeError);
  });

  it('never lets one element change another through shared empty attributes or children', () => {
    const root = parseXml('<a><b/><c/></a>');
    const [b, c] = root.children;
    expect(() => b!.children.push(root)).toThrow(TypeError);
    expect(c!.children).toEqual([]);
    expect(() => {
      b!.attrs.x = '1';
    }).toThrow(TypeError);
    expect(c!.attrs.x).toBeUndefined();
  });

  it('keeps every kind of whitespace between tags as text', () => {
    const root = parseXml('<a>\n  <b/>\n\t<c/> \n<d/>\n' + ' '.repeat(80) + '<e/>\n</a>');
    expect(root.text).toBe('\n  \n\t \n\n' + ' '.repeat(80) + '\n');
    expect(root.children).toHaveLength(4);
  });

  it('keeps surrogate pairs and the whole allowed character range in text', () => {
    const text = '\t tab, \u00A0nbsp, \uD7FF, \uE000, \uFFFD, \uD83D\uDE00, \uDBFF\uDFFF';
    expect(parseXml(`<a>${text}</a>`).text).toBe(text);
  });

  it('calls onClose with the open ancestors and drops the elements it handled', () => {
    const seen: string[] = [];
    const root = parseXml('<s><d><e id="1"><t>x</t></e><e id="2"/><k/></d></s>', {
      onClose: (element, ancestors) => {
        seen.push(`${element.name}<${ancestors.map((a) => a.name).join('/')}`);
        return element.name === 'e';
      },
    });
    expect(seen).toEqual(['t<#document/s/d/e', 'e<#document/s/d', 'e<#document/s/d', 'k<#document/s/d', 'd<#document/s', 's<#document']);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['k']);
  });
});

describe('refused documents, each with where it goes wrong', () => {
  it('refuses any DOCTYPE or markup declaration, in any case, before or inside the root', () => {
    for (const xml of [
      '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>',
      '\n<!doctype a>\n<a/>',
      '<a>\n\n<!ENTITY x SYSTEM "file:///etc/passwd"></a>',
      '<a>\n<!ELEMENT a ANY>\n\n</a>',
    ]) {
      const error = failure(xml);
      expect(error.code).toBe('doctype-refused');
      expect(error.where).toBe(xml.startsWith('<a>\n\n') ? 'line 3' : 'line 2');
    }
  });

  it('never expands an entity: undefined ones are errors where they stand', () => {
    expect(malformedAt('<a>\n  <b>&nbsp;</b></a>', 'line 2, column 6')).toMatch(/&nbsp; is not defined/);
    expect(malformedAt('<a x="&copy;"/>', 'line 1, column 7')).toMatch(/&copy; is not defined/);
    expect(malformedAt('<a>&;</a>', 'line 1, column 4')).toMatch(/&; is not defined/);
  });

  it('refuses a bare ampersand', () => {
    expect(malformedAt('<a>AT&T rocks</a>', 'line 1, column 6')).toMatch(/bare "&"/);
    expect(malformedAt('<a>x & y; z</a>', 'line 1, column 6')).toMatch(/& y; is not defined|bare "&"/);
    expect(malformedAt('<a href="?a=1&b=2"/>', 'line 1, column 14')).toMatch(/bare "&"/);
  });

  it('refuses references to characters XML does not allow', () => {
    for (const ref of ['&#0;', '&#x0;', '&#8;', '&#xB;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#99999999;', '&#x;', '&#-1;']) {
      malformedAt(`<a>\nok ${ref}</a>`, 'line 2, column 4');
    }
  });

  it('refuses characters XML does not allow, raw', () => {
    expect(malformedAt('<a>\nx\u0000</a>', 'line 2, column 2')).toMatch(/disallowed character U\+0000/);
    expect(malformedAt('<a b="\u000B"/>', 'line 1, column 7')).toMatch(/U\+000B/);
    expect(malformedAt('<a>\uFFFF</a>', 'line 1, column 4')).toMatch(/U\+FFFF/);
    expect(malformedAt('<a>x\uD800y</a>', 'line 1, column 5')).toMatch(/U\+D800/);
    expect(malformedAt('<a>x\uDC00</a>', 'line 1, column 5')).toMatch(/U\+DC00/);
    // The first problem is the one reported, whichever kind it is.
    expect(malformedAt('<a>\u0001</b>', 'line 1, column 4')).toMatch(/U\+0001/);
    expect(malformedAt('<a></b>\u0001', 'line 1, column 4')).toMatch(/does not close/);
  });

  it('refuses end tags that do not match, with the tag that was open', () => {
    expect(malformedAt('<schedule>\n<title>Broken</titel>\n</schedule>', 'line 2, column 14')).toMatch(/<\/titel> does not close <title> \(opened at line 2\)/);
    expect(malformedAt('<a><ab></a></ab>', 'line 1, column 8')).toMatch(/<\/a> does not close <ab>/);
    expect(malformedAt('<a></a></a>', 'line 1, column 8')).toMatch(/closing tag with no element open/);
    expect(malformedAt('<a></a x>', 'line 1, column 8')).toMatch(/expected ">" to end <\/a>/);
  });

  it('detects a document that was cut short, wherever it was cut', () => {
    const full = '<s>\n<e id="1">\n<t>Title</t><!-- c --><![CDATA[d]]><?p q?></e>\n</s>';
    for (let cut = 1; cut < full.length; cut += 1) {
      const error = failure(full.slice(0, cut));
      expect(error.code).toBe('malformed-xml');
      expect(error.where).toMatch(/^line [1-4], column \d+$/);
    }
    expect(malformedAt('<s>\n<e>', 'line 2, column 4')).toMatch(/ends before <e> \(line 2\) is closed; it may have been cut short/);
    expect(malformedAt('<s><e id="1', 'line 1, column 10')).toMatch(/value of id in <e> is not closed/);
    expect(malformedAt('<s>\n<e', 'line 2, column 3')).toMatch(/ends inside <e>/);
    expect(malformedAt('<s><!-- x', 'line 1, column 4')).toMatch(/comment that is never closed/);
    expect(malformedAt('<s><![CDATA[x', 'line 1, column 4')).toMatch(/CDATA section that is never closed/);
    expect(malformedAt('<s><?p x', 'line 1, column 4')).toMatch(/processing instruction that is never closed/);
    expect(malformedAt('<s></s', 'line 1, column 7')).toMatch(/ends inside <\/s>/);
  });

  it('insists on exactly one root and nothing but markup around it', () => {
    expect(malformedAt('<a/>\n<b/>', 'line 2, column 1')).toMatch(/second root element/);
    expect(malformedAt('hello <a/>', 'line 1, column 1')).toMatch(/text before the root element/);
    expect(malformedAt('<a/>\n  x', 'line 2, column 3')).toMatch(/text after the root element/);
    expect(malformedAt('<a/>&amp;', 'line 1, column 5')).toMatch(/text after the root element/);
    expect(malformedAt('<!-- only a comment -->\n', 'line 2, column 1')).toMatch(/no root element/);
    expect(malformedAt('', 'line 1, column 1')).toMatch(/no root element/);
    expect(malformedAt('<![CDATA[x]]><a/>', 'line 1, column 1')).toMatch(/CDATA section outside the root element/);
  });

  it('refuses malformed attributes', () => {
    expect(malformedAt('<a x="1" x="2"/>', 'line 1, column 10')).toMatch(/attribute x appears twice in <a>/);
    expect(malformedAt('<a x="1<2"/>', 'line 1, column 8')).toMatch(/"<" is not allowed in an attribute value/);
    expect(malformedAt('<a x=1/>', 'line 1, column 6')).toMatch(/value of x in <a> must be quoted/);
    expect(malformedAt('<a x/>', 'line 1, column 5')).toMatch(/attribute x of <a> has no "="/);
    expect(malformedAt('<a x="1"y="2"/>', 'line 1, column 9')).toMatch(/must be separated by whitespace/);
    expect(malformedAt('<a 1x="1"/>', 'line 1, column 4')).toMatch(/"1" cannot start an attribute name/);
    expect(malformedAt('<a x="1" / >', 'line 1, column 11')).toMatch(/expected ">" after "\/"/);
  });

  it('refuses malformed tags, comments and text', () => {
    expect(malformedAt('<a>< b/></a>', 'line 1, column 5')).toMatch(/U\+0020 cannot start a tag name/);
    expect(malformedAt('<a><1/></a>', 'line 1, column 5')).toMatch(/"1" cannot start a tag name/);
    expect(malformedAt('<a><b c="1"d/></a>', 'line 1, column 12')).toMatch(/separated by whitespace/);
    expect(malformedAt('<a><b%/></a>', 'line 1, column 6')).toMatch(/unexpected "%" in <b>/);
    expect(malformedAt('<a>x ]]> y</a>', 'line 1, column 6')).toMatch(/"]]>" is not allowed in text/);
    expect(malformedAt('<a><!-- a -- b --></a>', 'line 1, column 11')).toMatch(/"--" is not allowed inside a comment/);
    expect(malformedAt('<a><!--x---></a>', 'line 1, column 9')).toMatch(/"--" is not allowed inside a comment/);
    expect(malformedAt('<a><!x></a>', 'line 1, column 4')).toMatch(/"<!" must start a comment or a CDATA section/);
  });

  it('refuses misplaced or malformed XML declarations and processing instructions', () => {
    expect(malformedAt('\n<?xml version="1.0"?><a/>', 'line 2, column 1')).toMatch(/only allowed at the very start/);
    expect(malformedAt('<a><?XML x?></a>', 'line 1, column 4')).toMatch(/only allowed at the very start/);
    expect(malformedAt('<?xml version="2.0"?><a/>', 'line 1, column 1')).toMatch(/XML declaration is malformed/);
    expect(malformedAt('<?xml encoding="UTF-8"?><a/>', 'line 1, column 1')).toMatch(/XML declaration is malformed/);
    expect(malformedAt('<a><? x?></a>', 'line 1, column 6')).toMatch(/cannot start a processing instruction/);
    expect(malformedAt('<a><?p"x?></a>', 'line 1, column 7')).toMatch(/unexpected '"' after <\?p/);
    expect(parseXml('<a><?p-x?></a>').children).toEqual([]);
  });

  it('caps nesting depth with the line where the cap is passed', () => {
    const ok = `${'<a>'.repeat(LIMITS.maxDepth)}${'</a>'.repeat(LIMITS.maxDepth)}`;
    expect(parseXml(ok).name).toBe('a');
    const deep = `<a>\n${'<a>'.repeat(LIMITS.maxDepth)}${'</a>'.repeat(LIMITS.maxDepth + 1)}`;
    const error = failure(deep);
    expect(error.code).toBe('too-deep');
    expect(error.where).toBe('line 2');
  });

  it('caps the number of elements', () => {
    const many = `<a>${'<b/>'.repeat(LIMITS.maxXmlElements)}</a>`;
    const error = thrown(() => parseXml(many, { onClose: () => true }));
    expect(error.code).toBe('too-many');
    expect(error.message).toMatch(new RegExp(`more than ${LIMITS.maxXmlElements} elements`));
  });
});

describe('lineAndColumn', () => {
  it('counts from 1, treating CRLF as one line end', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('ab\rcd\n', 6)).toEqual({ line: 3, column: 1 });
  });
});
