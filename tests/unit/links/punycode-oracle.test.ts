import punycode from 'node:punycode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycodeLabel } from '../../../core/links/punycode';

/*
 * The hand-written punycode decoder (core/links/punycode.ts, core/ may not use node:*) held
 * against Node's own RFC 3492 implementation: Node encodes any label, ours must decode it
 * back; and on any string of the punycode alphabet both decode to the same text or both
 * refuse it.
 */

/** Node's decoding, or undefined where it refuses (it throws RangeError). */
function nodeDecode(label: string): string | undefined {
  try {
    return punycode.decode(label);
  } catch {
    return undefined;
  }
}

const SEED = 20261206;

describe('the punycode decoder against node:punycode', () => {
  it('decodes what Node encodes, for any Unicode label', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(decodePunycodeLabel(punycode.encode(text))).toBe(text);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('decodes what Node encodes for labels of real scripts (accents, CJK, emoji, right-to-left)', () => {
    for (const text of ['münchen', 'bücher', '日本語', 'пример', 'مثال', 'עברית', '😀smile', 'ﬁ', 'a-b-c', '']) {
      expect(decodePunycodeLabel(punycode.encode(text))).toBe(text);
    }
  });

  it('agrees with Node on any string of the punycode alphabet, valid or not', () => {
    const alphabet = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 30 }), (label) => {
        expect(decodePunycodeLabel(label)).toBe(nodeDecode(label));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('agrees with Node on labels with characters outside the alphabet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 3 }), (ascii, other) => {
        const label = `${ascii}-${other}`;
        expect(decodePunycodeLabel(label)).toBe(nodeDecode(label));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
