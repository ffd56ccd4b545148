import { readFile, stat } from 'node:fs/promises';
import { importFeed, type ImportResult } from '../core/formats/index';
import { LIMITS } from '../core/limits';
import { fetchFeed } from '../main/services/feed-fetch';

/** Reads a feed from a file path or an http(s) URL, with the same caps as the app. */
async function readSource(source: string): Promise<Uint8Array> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const outcome = await fetchFeed(source);
    if (outcome.kind !== 'fetched') throw new Error(`${source} answered 304 Not Modified`);
    return outcome.bytes;
  }
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new Error(`${source}: no such file`);
  if (!info.isFile()) throw new Error(`${source}: not a file`);
  if (info.size > LIMITS.maxInputChars) {
    throw new Error(`${source}: ${(info.size / 1048576).toFixed(1)} MB is more than the ${LIMITS.maxInputChars / 1048576} MB a feed may have`);
  }
  return new Uint8Array(await readFile(source));
}

export interface LoadOptions {
  timeZone?: string | undefined;
  companions?: string[] | undefined;
}

/** Reads and imports a feed; errors carry the source's name. */
export async function loadFeed(source: string, options: LoadOptions = {}): Promise<ImportResult> {
  const bytes = await readSource(source);
  const companions = await Promise.all((options.companions ?? []).map((c) => readSource(c)));
  // A feed fetched from a URL resolves its relative links against that URL, as in the app.
  const sourceUrl = /^https?:\/\//i.test(source) ? source : undefined;
  const importOptions = { companions, ...(options.timeZone ? { timeZone: options.timeZone } : {}), ...(sourceUrl ? { sourceUrl } : {}) };
  return importFeed(bytes, importOptions);
}
