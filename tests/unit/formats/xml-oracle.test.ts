import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../core/errors';
import { readXml, type XmlElement } from '../../../core/formats/xml-reader';
import { describeCorpus, readCorpus } from '../support/corpus';

/*
 * The hand-written XML reader (core/formats/xml-reader.ts) held against saxes, a
 * conformance-tested XML parser, on real feeds of the corpus and on many mutated copies of
 * them: for every input both must build the same tree, or both must refuse it. The only
 * allowed differences are what Lanyard refuses on purpose and saxes reads: DOCTYPE and other
 * markup declarations, documents past Lanyard's caps, and lone UTF-16 surrogates (no
 * character at all, so not XML; saxes does not look at surrogates).
 */

interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Node[];
}

/** saxes' reading of `src` as the same small tree, or the reason it refuses. */
function saxesTree(src: string): { tree: Node } | { error: string } {
  const parser = new SaxesParser({ xmlns: false });
  const document: Node = { name: '#document', attrs: {}, text: '', children: [] };
  const stack: Node[] = [document];
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string): void => {
    if (stack.length > 1) stack.at(-1)!.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(src).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  if (error !== undefined) return { error };
  return { tree: document.children[0]! };
}

/** Lanyard's reading, in the same shape, or its refusal. */
function lanyardTree(src: string): { tree: Node } | { error: string; code: string } {
  let root: XmlElement;
  try {
    root = readXml(src);
  } catch (e) {
    if (e instanceof FeedError) return { error: e.message, code: e.code };
    throw e;
  }
  const convert = (el: XmlElement): Node => ({ name: el.name, attrs: { ...el.attrs }, text: el.text, children: el.children.map(convert) });
  return { tree: convert(root) };
}

/** The path to the first difference between two trees, or undefined when they are the same. */
function firstDifference(a: Node, b: Node, path = ''): string | undefined {
  const here = `${path}/${a.name}`;
  if (a.name !== b.name) return `${here}: name ${JSON.stringify(a.name)} vs ${JSON.stringify(b.name)}`;
  const keysA = Object.keys(a.attrs).sort();
  const keysB = Object.keys(b.attrs).sort();
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${here}: attributes ${JSON.stringify(keysA)} vs ${JSON.stringify(keysB)}`;
  for (const key of keysA) if (a.attrs[key] !== b.attrs[key]) return `${here}@${key}: ${JSON.stringify(a.attrs[key])} vs ${JSON.stringify(b.attrs[key])}`;
  if (a.text !== b.text) return `${here}: text ${JSON.stringify(a.text.slice(0, 80))} vs ${JSON.stringify(b.text.slice(0, 80))}`;
  if (a.children.length !== b.children.length) return `${here}: ${a.children.length} vs ${b.children.length} children`;
  for (let k = 0; k < a.children.length; k += 1) {
    const diff = firstDifference(a.children[k]!, b.children[k]!, `${here}[${k}]`);
    if (diff) return diff;
  }
  return undefined;
}

/** What Lanyard refuses on purpose although saxes reads it. */
const DELIBERATE = new Set(['doctype-refused', 'too-deep', 'too-many']);
const LONE_SURROGATE = /disallowed character U\+D[89A-F][0-9A-F]{2}\b/;

/** Compares both readers on `src`; returns a description of the disagreement, if any. */
function disagreement(src: string): string | undefined {
  const ours = lanyardTree(src);
  const theirs = saxesTree(src);
  if ('error' in ours) {
    if ('error' in theirs || DELIBERATE.has(ours.code) || LONE_SURROGATE.test(ours.error)) return undefined;
    return `Lanyard refuses what saxes reads: ${ours.error}`;
  }
  if ('error' in theirs) return `Lanyard reads what saxes refuses: ${theirs.error}`;
  const diff = firstDifference(ours.tree, theirs.tree);
  return diff ? `different trees at ${diff}` : undefined;
}

/** A small, seeded PRNG (mulberry32): the same mutations on every run, any failure reproducible by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments that exercise every rule of the reader: markup, references, line ends, forbidden characters. */
const PIECES = ['<', '>', '&', '"', "'", '/', '=', ' ', '\t', '\r', '\r\n', '\n', ']]>', '<!--', '-->', '--', '<![CDATA[', '<?pi x?>', '<?xml version="1.0"?>',
  '&amp;', '&lt;', '&quot;', '&#65;', '&#x1F600;', '&#0;', '&#xD800;', '&#xFFFE;', '&#1114112;', '&bogus;', '&#x;', '\u0000', '\u0001', '\uFFFE', '\uD800', '\u00e9',
  '\u{1F600}', ':', '-', '.', '1', 'a', '<a>', '</a>', '<a/>', '<b x="1"/>', ' y="2"', '<!DOCTYPE x>', '<!ENTITY e "x">', '\u2028', '\u0085'];

/** One mutation of `src`, mostly at or near markup so that most runs test the reader's rules. */
function mutate(src: string, next: () => number): string {
  const anchors = ['<', '>', '&', '"', '=', '/'];
  let at = Math.floor(next() * src.length);
  if (next() < 0.7) {
    const found = src.indexOf(anchors[Math.floor(next() * anchors.length)]!, at);
    if (found >= 0) at = found + (next() < 0.5 ? 0 : 1);
  }
  const piece = PIECES[Math.floor(next() * PIECES.length)]!;
  switch (Math.floor(next() * 6)) {
    case 0:
      return src.slice(0, at) + src.slice(at + 1);
    case 1:
      return src.slice(0, at) + piece + src.slice(at);
    case 2:
      return src.slice(0, at) + piece + src.slice(at + 1);
    case 3: {
      const length = 1 + Math.floor(next() * 40);
      return src.slice(0, at) + src.slice(at, at + length) + src.slice(at);
    }
    case 4:
      return src.slice(0, at + 1) + src.slice(at + 1 + Math.floor(next() * 20));
    default:
      return src.slice(0, at);
  }
}

describe('the reader agrees with saxes on small hand-made documents', () => {
  it.each([
    '<a x="1 &#10; 2" y=\'\t\r\n\'>t<![CDATA[<&>]]>u<!-- c -->v<b/></a>',
    '<?xml version="1.0" encoding="utf-8"?>\n<r>\r\n<e a="&lt;&amp;&gt;&quot;&apos;">&#x1F600;</e></r>',
    '<r><a></b></r>',
    '<r>&unknown;</r>',
    '<r a="1" a="2"/>',
    '<r>]]></r>',
    '<r>\u0001</r>',
    '<r/><r/>',
    '<r>\uD800</r>',
  ])('%j', (src) => {
    expect(disagreement(src)).toBeUndefined();
  });

  it('finds a difference when there is one (the comparison itself can fail)', () => {
    expect(firstDifference({ name: 'r', attrs: { a: '1' }, text: '', children: [] }, { name: 'r', attrs: { a: '2' }, text: '', children: [] })).toBe('/r@a: "1" vs "2"');
  });
});

const FEEDS = [
  'pretalx/democon-export-2022/schedule-export-schedule.xml',
  'pretalx/democon-export-2022/schedule-export-schedule.xcal',
  'pretalx/democon-export-2022/schedule-feed.xml',
  'ccc/rc3-2020-schedule.xml',
  'ccc/33c3/schedule.xcal',
  'fosdem/fosdem-2007.xml',
];
/** Mutated copies per feed: enough to reach every rule, small enough for a unit run (~10 s). */
const MUTANTS_PER_FEED = 40;

describeCorpus('the reader agrees with saxes on real feeds and their mutations', () => {
  it.each(FEEDS)('%s, as published', (file) => {
    expect(disagreement(readCorpus(file))).toBeUndefined();
  });

  it.each(FEEDS)('%s, mutated', (file) => {
    const original = readCorpus(file);
    const failures: string[] = [];
    let refused = 0;
    for (let k = 0; k < MUTANTS_PER_FEED; k += 1) {
      const seed = 1000 * FEEDS.indexOf(file) + k;
      const next = random(seed);
      let src = original;
      const count = 1 + Math.floor(next() * 3);
      for (let m = 0; m < count; m += 1) src = mutate(src, next);
      const problem = disagreement(src);
      if (problem) failures.push(`seed ${seed}: ${problem}`);
      if ('error' in lanyardTree(src)) refused += 1;
    }
    expect(failures).toEqual([]);
    // Both kinds of outcome were reached, so the comparison covered refusals and trees alike.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(MUTANTS_PER_FEED);
  }, 60_000);
});
