import { Agent, fetch as undiciFetch } from 'undici';
import { LIMITS } from '../../core/limits';
import { checkLiteralHost, guardedLookup, isAllowedHost, type AddressGuard } from './address-guard';
import { FetchError } from './fetch-error';

export interface FetchOptions {
  etag?: string | undefined;
  lastModified?: string | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** The Accept header (default: the feed formats). */
  accept?: string;
  /** What is fetched, for messages ("The feed", "The photo"). */
  what?: string;
  /**
   * For downloads a feed causes by itself (photos): never connect to loopback, private or
   * link-local addresses, checked at every hop and pinned (see address-guard.ts).
   */
  guard?: AddressGuard;
}

export type FetchOutcome =
  | { kind: 'fetched'; bytes: Uint8Array; etag: string | undefined; lastModified: string | undefined; url: string; contentType: string | undefined }
  | { kind: 'not-modified'; url: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Only https, or plain http to this machine, may be fetched. */
export function checkFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`"${raw}" is not a valid URL`);
  }
  if (url.username || url.password) throw new FetchError('URLs with a user name or password are not allowed');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  if (url.protocol === 'http:') throw new FetchError(`Plain http is only allowed for this machine; use https://${url.host}${url.pathname}`);
  throw new FetchError(`${url.protocol} URLs cannot be fetched; use https`);
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** What the fetcher reads of a response: Node's fetch and undici's (guarded downloads) both give this. */
interface HttpResponse {
  status: number;
  ok: boolean;
  statusText: string;
  headers: { get(name: string): string | null };
  body: { cancel(): Promise<void>; getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
}

async function readCapped(response: HttpResponse, maxBytes: number, what: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`${what} is larger than ${Math.round(maxBytes / 1048576)} MB once decompressed; it was not read`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** What a person can do about an HTTP error, where there is something to say. */
const STATUS_HINTS: Record<number, string> = {
  401: 'the feed needs a login, which Lanyard cannot give; ask the organizers for a public feed address',
  403: 'the server refuses to hand out the feed',
  404: 'there is no feed at this address (any more); check it with the organizers',
  410: 'the feed was removed from this address',
  429: 'too many requests; Lanyard waits before asking again',
};

function describeNetworkError(error: unknown, url: URL, timeoutMs: number, isReadingBody: boolean): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof Error && error.cause instanceof FetchError) return error.cause;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    const seconds = Math.round(timeoutMs / 1000);
    return new FetchError(isReadingBody ? `${url.host} sent the feed too slowly (not complete within ${seconds} s)` : `${url.host} did not answer within ${seconds} s`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String(cause.code) : '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'refused the connection',
    ECONNRESET: 'closed the connection',
    ENOTFOUND: 'could not be found (no network, or a wrong address)',
    EAI_AGAIN: 'could not be looked up (no network?)',
    UND_ERR_SOCKET: 'closed the connection',
    UND_ERR_HEADERS_TIMEOUT: 'did not answer in time',
    UND_ERR_BODY_TIMEOUT: 'stopped sending data',
  };
  if (isReadingBody && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || (error instanceof Error && error.message === 'terminated'))) {
    return new FetchError(`${url.host} closed the connection before the whole feed had arrived`);
  }
  return new FetchError(`${url.host} ${reasons[code] ?? `could not be reached (${code || (error instanceof Error ? error.message : 'unknown error')})`}`);
}

/**
 * Fetches a feed with every guard an unattended sync needs: https only (http for loopback),
 * a total timeout, a byte cap counted after decompression, bounded redirects that never
 * leave https, and conditional requests with the stored ETag / Last-Modified.
 */
export async function fetchFeed(raw: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? LIMITS.maxInputChars;
  const maxRedirects = options.maxRedirects ?? 5;
  let url = checkFeedUrl(raw);
  let isReadingBody = false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const what = options.what ?? 'The feed';
  const guard = options.guard;
  // A guarded request to any host but the allowed one connects only through the checking, pinning lookup.
  let agent: Agent | undefined;
  const get = (target: URL, init: { headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal }): Promise<HttpResponse> => {
    if (!guard || isAllowedHost(target.hostname, guard)) return fetch(target, init);
    agent ??= new Agent({ connect: { lookup: guardedLookup(guard, what) } });
    return undiciFetch(target, { ...init, dispatcher: agent });
  };
  try {
    for (let hop = 0; ; hop += 1) {
      const headers: Record<string, string> = { accept: options.accept ?? 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5' };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      if (guard) checkLiteralHost(url, guard, what);
      const response = await get(url, { headers, redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`The server answered ${response.status} without saying where to go`, response.status);
        if (hop >= maxRedirects) throw new FetchError(`Too many redirects (more than ${maxRedirects})`, response.status);
        const next = new URL(location, url);
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
          throw new FetchError(`The server redirected from https to ${next.protocol}, which is refused`, response.status);
        }
        try {
          url = checkFeedUrl(next.href);
        } catch (error) {
          const why = error instanceof Error ? error.message : '';
          throw new FetchError(`The server redirected to ${next.protocol === 'http:' ? `plain http at ${next.host}` : `a ${next.protocol} address`}, which is refused (${why.charAt(0).toLowerCase()}${why.slice(1)})`, response.status);
        }
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        if (!options.etag && !options.lastModified) {
          throw new FetchError('The server answered 304 Not Modified, but there is no stored copy to reuse', 304);
        }
        return { kind: 'not-modified', url: url.href };
      }
      if (!response.ok) {
        await response.body?.cancel();
        const label = response.statusText ? ` ${response.statusText}` : '';
        // The hints speak of feeds; other downloads (photos) get the bare status.
        const hint = options.what === undefined ? STATUS_HINTS[response.status] : undefined;
        throw new FetchError(`The server answered ${response.status}${label}${hint ? `: ${hint}` : ''}`, response.status, retryAfter(response.headers.get('retry-after')));
      }
      isReadingBody = true;
      const bytes = await readCapped(response, maxBytes, what);
      return {
        kind: 'fetched',
        bytes,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
        url: url.href,
        contentType: response.headers.get('content-type') ?? undefined,
      };
    }
  } catch (error) {
    throw describeNetworkError(error, url, timeoutMs, isReadingBody);
  } finally {
    clearTimeout(timer);
    void agent?.close().catch(() => undefined);
  }
}
