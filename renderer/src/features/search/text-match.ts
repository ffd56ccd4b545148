/**
 * Case- and accent-folding, tokenising and highlighting shared by the search index and the
 * results view. Pure: no React, no DOM, no HTML strings.
 */

/** What separates words, for indexing, querying and highlighting alike. */
export const WORD_SEPARATOR = /[\s\p{Z}\p{P}]+/u;
const WORD = /[^\s\p{Z}\p{P}]+/gu;

/** Letters that carry no combining mark but are commonly typed without their stroke or ligature. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ς: 'σ' };
const FOLDABLE = /[ßæœøłđðþıς]/g;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** `Müller` → `muller`, `Łukasz` → `lukasz`: lower case, no accents. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(FOLDABLE, (c) => FOLDS[c] ?? c);
}

/** A text's words, split the way the index splits them. */
export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((t) => t.length > 0);
}

export interface HighlightPart {
  text: string;
  isMatch: boolean;
}

/** Folded, distinct, non-empty terms, longest first so the longest prefix wins. */
function prepareTerms(terms: readonly string[]): string[] {
  const set = new Set<string>();
  for (const term of terms) {
    for (const t of tokenize(fold(term))) set.add(t);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

/**
 * How many characters at the start of `word` match one of `terms` (folded, longest
 * first) as a prefix of the folded word; 0 when none does.
 */
function matchLength(word: string, terms: readonly string[]): number {
  if (!NON_ASCII.test(word)) {
    const lower = word.toLowerCase();
    for (const term of terms) if (lower.startsWith(term)) return term.length;
    return 0;
  }
  // Fold character by character, remembering where each folded character ends in the original.
  let folded = '';
  const ends: number[] = [];
  let offset = 0;
  for (const ch of word) {
    offset += ch.length;
    const f = fold(ch);
    folded += f;
    for (let i = 0; i < f.length; i += 1) ends.push(offset);
  }
  for (const term of terms) if (folded.startsWith(term)) return ends[term.length - 1] ?? word.length;
  return 0;
}

/** Calls `onMatch(start, end)` for each matching word part, in order, until it returns false. */
function scan(text: string, terms: readonly string[], onMatch: (start: number, end: number) => boolean): void {
  if (terms.length === 0) return;
  for (const m of text.matchAll(WORD)) {
    const len = matchLength(m[0], terms);
    if (len > 0 && !onMatch(m.index, m.index + len)) return;
  }
}

/**
 * Splits `text` into plain and matching parts: a word matches when one of `terms` (or a
 * prefix of it being typed) starts it, ignoring case and accents; the matched part is the
 * longest such term. Concatenating the parts' text gives `text` back.
 */
export function highlight(text: string, terms: readonly string[]): HighlightPart[] {
  if (text.length === 0) return [];
  const parts: HighlightPart[] = [];
  let last = 0;
  scan(text, prepareTerms(terms), (start, end) => {
    if (start > last) parts.push({ text: text.slice(last, start), isMatch: false });
    parts.push({ text: text.slice(start, end), isMatch: true });
    last = end;
    return true;
  });
  if (last < text.length) parts.push({ text: text.slice(last), isMatch: false });
  return parts;
}

/**
 * About `size` characters of `text` around its first match, cut at word boundaries with
 * `…` where text was left out, every term highlighted. The first match of `anchors` (say,
 * exact and prefix matches rather than typo-tolerant ones) wins when there is one. Without
 * a match: the text's beginning.
 */
export function snippet(text: string, terms: readonly string[], size = 160, anchors: readonly string[] = []): HighlightPart[] {
  const prepared = prepareTerms(terms);
  let first = -1;
  for (const candidates of [prepareTerms(anchors), prepared]) {
    scan(text, candidates, (start) => {
      first = start;
      return false;
    });
    if (first >= 0) break;
  }
  if (text.length <= size) return highlight(text, prepared);
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(size / 3));
  let end = Math.min(text.length, start + size);
  if (end === text.length) start = Math.max(0, end - size);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (first < 0 ? start + 20 : first)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + size / 2) end = space;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const parts = highlight(body, prepared);
  if (start > 0) parts.unshift({ text: '…', isMatch: false });
  if (end < text.length) parts.push({ text: '…', isMatch: false });
  return parts;
}
