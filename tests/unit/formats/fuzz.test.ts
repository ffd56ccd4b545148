import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../../core/errors';
import { importFeed } from '../../../core/formats/index';
import { FeedSchema } from '../../../core/model/schema';
import { corpusPath, hasCorpus } from '../support/corpus';
import { writeTrustFigures } from '../support/trust-figures';

const SAMPLE = new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url);

/** Real feeds of every format, small enough to mutate many times. */
function seeds(): Array<[string, string]> {
  const out: Array<[string, string]> = [['sample', readFileSync(SAMPLE, 'utf8')]];
  if (!hasCorpus) {
    console.warn('[skip] corpus-based fuzz seeds: ../shared/corpus is absent; fuzzing the built-in sample only.');
    return out;
  }
  for (const file of [
    'ccc/33c3/events-7860.ics',
    'pretalx/democon-export-2022/schedule-export-schedule.xml',
    'pretalx/democon-export-2022/schedule-export-schedule.json',
    'pretalx/democon-export-2022/schedule-export-schedule.ics',
    'pretalx/democon-export-2022/schedule-export-schedule.xcal',
    'pretalx/democon-export-2022/schedule-widget-v2.json',
    'sessionize/global-azure-austria-2024-all.json',
    'c3voc-examples/json-invalid-example.json',
  ]) {
    if (existsSync(corpusPath(file))) out.push([file, readFileSync(corpusPath(file), 'utf8')]);
  }
  return out;
}

/** A mutation of a text: cut, duplicate, delete, insert or swap a slice. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('<', '>', '&', '"', '{', '}', '[', ']', ',', ':', '\n', 'BEGIN:VEVENT\r\n', 'END:VCALENDAR', '<event>', '</room>', '&amp;', 'null', '1e5', '-1', '"1984"', '\u0000', '\uFEFF'),
  ) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
  }
}

let casesRun = 0;
afterAll(() => writeTrustFigures('importer-fuzz', { fuzzCasesRun: casesRun }));

describe('mutated real feeds', () => {
  for (const [name, text] of seeds()) {
    it(`${name}: every mutation imports to a valid feed or fails with a typed error`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const input = mutations.reduce(apply, text);
          casesRun += 1;
          try {
            const result = importFeed(input);
            expect(FeedSchema.safeParse(result.feed).success).toBe(true);
          } catch (error) {
            if (!(error instanceof FeedError)) throw error;
            expect(error.message.length).toBeGreaterThan(10);
          }
        }),
        { numRuns: 150, seed: 20261124 },
      );
    });
  }
});
