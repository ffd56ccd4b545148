import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { FeedSchema, type Feed } from '../../../core/model/schema';

/** The shared corpus of real schedule exports, beside the project (never copied into it). */
const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
export const hasCorpus = existsSync(join(CORPUS_DIR, 'facts.json'));

/** `describe` that skips, printing why, when the corpus is not beside the project. */
export function describeCorpus(name: string, body: () => void): void {
  if (!hasCorpus) {
    console.warn(`[skip] ${name}: the corpus is not at ${CORPUS_DIR}; these tests need ../shared/corpus.`);
  }
  describe.skipIf(!hasCorpus)(name, body);
}

export function corpusPath(relative: string): string {
  return join(CORPUS_DIR, relative);
}

export function readCorpus(relative: string): string {
  return readFileSync(corpusPath(relative), 'utf8');
}

export type Facts = Record<string, Record<string, unknown>>;

let factsCache: Facts | undefined;
/** The independent counts computed outside the project (`facts.json`). */
export function facts(): Facts {
  factsCache ??= JSON.parse(readFileSync(corpusPath('facts.json'), 'utf8')) as Facts;
  return factsCache;
}

/** Every feed an importer returns must satisfy Lanyard's own schema. */
export function expectValidFeed(feed: Feed): void {
  const result = FeedSchema.safeParse(feed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    expect.fail(`feed does not match the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
}
