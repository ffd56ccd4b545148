import { feedHostGuard, type ResolveAll } from './address-guard';
import { fetchFeed } from './feed-fetch';
import { FetchError } from './fetch-error';

/** Raster formats a speaker photo may have. SVG is refused: it can carry script. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const PHOTO_TIMEOUT_MS = 15_000;

export interface FetchedPhoto {
  url: string;
  contentType: PhotoType;
  bytes: Uint8Array;
  etag: string | undefined;
  lastModified: string | undefined;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The image format the bytes really are (by their magic numbers), whatever the server claims. */
export function sniffImage(bytes: Uint8Array): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands up to the end of the ftyp box.
    const boxSize = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'image/avif';
  }
  return undefined;
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export interface PhotoFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The URL the conference's feed was subscribed from: photos on that same host may be on a private network. */
  feedUrl?: string | undefined;
  /** Name resolution, for tests. */
  resolve?: ResolveAll;
}

/**
 * Fetches one speaker photo for the offline cache, with the feed fetcher's guards (https
 * only, http for this machine; a timeout; bounded redirects that never leave https) and a
 * 2 MB cap. A feed names these URLs and the app fetches them by itself, so they never reach
 * loopback, private or link-local addresses (every resolved address checked, at every hop,
 * and the connection pinned to it) unless the feed itself came from that same host. Only
 * raster images are accepted: the declared type must be one of PHOTO_TYPES and the bytes
 * must really be such an image, so SVG, HTML or a script labelled as a picture never
 * reaches the page.
 */
export async function fetchPhoto(raw: string, options: PhotoFetchOptions = {}): Promise<FetchedPhoto> {
  const outcome = await fetchFeed(raw, {
    timeoutMs: options.timeoutMs ?? PHOTO_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? PHOTO_MAX_BYTES,
    maxRedirects: 3,
    accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.8',
    what: 'The photo',
    guard: feedHostGuard(options.feedUrl, options.resolve),
  });
  if (outcome.kind !== 'fetched') throw new FetchError('The server answered 304 Not Modified to a photo request without validators');
  const declared = mediaType(outcome.contentType);
  if (declared === 'image/svg+xml') throw new FetchError(`${outcome.url} is an SVG image, which is refused (it can contain script)`);
  if (!(PHOTO_TYPES as readonly string[]).includes(declared)) {
    throw new FetchError(`${outcome.url} is not a photo (the server says ${declared ? `"${declared}"` : 'nothing about its type'}; accepted: JPEG, PNG, GIF, WebP, AVIF)`);
  }
  const actual = sniffImage(outcome.bytes);
  if (!actual) throw new FetchError(`${outcome.url} claims to be ${declared}, but its bytes are not a JPEG, PNG, GIF, WebP or AVIF image`);
  return { url: outcome.url, contentType: actual, bytes: outcome.bytes, etag: outcome.etag, lastModified: outcome.lastModified };
}
