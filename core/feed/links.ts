import type { WarningLog } from '../errors';
import { LIMITS } from '../limits';
import type { Link, LinkKind } from '../model/schema';
import { cleanText } from '../text/html';

const VIDEO_FILE = /\.(mp4|webm|ogv|ogg|mkv|mov|m4v|avi|mp3|opus|flac)(\?|#|$)/i;
const SLIDE_FILE = /\.(pdf|odp|ppt|pptx|key)(\?|#|$)/i;
const STREAM_HOSTS = /(^|\.)(live\.fosdem\.org|streaming\.media\.ccc\.de|twitch\.tv|stream\.[a-z0-9.-]+)$/i;
const RECORDING_HOSTS = /(^|\.)(video\.fosdem\.org|media\.ccc\.de|vimeo\.com|peertube\.[a-z0-9.-]+|archive\.org)$/i;
const HALLWAY_HOSTS = /(^|\.)(meet\.google\.com|meet\.jit\.si|jitsi\.[a-z0-9.-]+|matrix\.to|chat\.fosdem\.org|app\.element\.io|bbb\.[a-z0-9.-]+|discord\.gg|gather\.town|workadventu\.re|whereby\.com)$/i;
/** Meeting links on hosts that also serve ordinary pages. */
const HALLWAY_PATHS: Array<[RegExp, RegExp]> = [
  [/(^|\.)zoom\.us$/i, /^\/(j|my|w)\//],
  [/(^|\.)teams\.microsoft\.com$/i, /^\/l\/meetup-join\//],
  [/(^|\.)webex\.com$/i, /^\/(meet|join)\//],
];
const SLIDE_HOSTS = /(^|\.)(slideshare\.net|speakerdeck\.com|slides\.com)$/i;
const REGISTRATION_HOSTS = /(^|\.)(ti\.to|eventbrite\.[a-z.]+|pretix\.eu|meetup\.com|lu\.ma)$/i;
const FEEDBACK_HOSTS = /(^|\.)(feedback\.[a-z0-9.-]+|submission\.fosdem\.org)$/i;

/**
 * Decides what following a link gives the attendee. `hint` is what the feed itself
 * says about the link (frab attachment type, Sessionize field name, `video` element).
 */
export function classifyLink(href: string, title = '', hint?: LinkKind): LinkKind {
  if (hint && hint !== 'other') return hint;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'other';
  }
  return classifyUrl(url, title);
}

const HOST_FEEDBACK = 1;
const HOST_HALLWAY = 2;
const HOST_STREAM = 4;
const HOST_YOUTUBE = 8;
const HOST_SLIDES = 16;
const HOST_RECORDING = 32;
const HOST_REGISTRATION = 64;
const hostKinds = new Map<string, number>();

/** Which host lists `host` is on, as bits; a feed has few hosts, so this is cached. */
function hostMask(host: string): number {
  const known = hostKinds.get(host);
  if (known !== undefined) return known;
  const mask =
    (FEEDBACK_HOSTS.test(host) ? HOST_FEEDBACK : 0) |
    (HALLWAY_HOSTS.test(host) ? HOST_HALLWAY : 0) |
    (STREAM_HOSTS.test(host) ? HOST_STREAM : 0) |
    (/(^|\.)(youtube\.com|youtu\.be)$/.test(host) ? HOST_YOUTUBE : 0) |
    (SLIDE_HOSTS.test(host) ? HOST_SLIDES : 0) |
    (RECORDING_HOSTS.test(host) ? HOST_RECORDING : 0) |
    (REGISTRATION_HOSTS.test(host) ? HOST_REGISTRATION : 0);
  if (hostKinds.size >= 10_000) hostKinds.clear();
  hostKinds.set(host, mask);
  return mask;
}

/** classifyLink for a URL already parsed (no hint). */
function classifyUrl(url: URL, title: string): LinkKind {
  if (url.protocol === 'mailto:') return 'other';
  const host = hostMask(url.hostname.toLowerCase());
  const path = url.pathname.toLowerCase();
  const label = title.toLowerCase();
  if (/feedback/.test(label) || host & HOST_FEEDBACK || /\/feedback\b/.test(path)) return 'feedback';
  const isMeetingPath = HALLWAY_PATHS.some(([h, p]) => h.test(url.hostname) && p.test(url.pathname));
  if (host & HOST_HALLWAY || isMeetingPath || /\b(hallway|chat ?room|join the (chat|call|meeting))\b/.test(label)) return 'hallway';
  if (/\.m3u8(\?|$)/i.test(path) || host & HOST_STREAM || /(live ?stream|watch live|streaming)/.test(label)) return 'stream';
  if (host & HOST_YOUTUBE) {
    if (path.startsWith('/live') || /\blive\b/.test(label) || url.searchParams.has('live')) return 'stream';
    return 'recording';
  }
  if (host & HOST_SLIDES || SLIDE_FILE.test(path) || /\bslides?\b|presentation/.test(label)) return 'slides';
  if (host & HOST_RECORDING || VIDEO_FILE.test(path) || /(recording|video)/.test(label)) return 'recording';
  if (host & HOST_REGISTRATION || /regist(er|ration)|tickets?\b/.test(label)) return 'registration';
  return 'other';
}

/**
 * A link from a feed, checked and classified, or undefined (with a warning) when it is
 * not an absolute http(s) or mailto URL. Raw spaces and other unsafe characters are
 * percent-encoded by the URL parser (FOSDEM 2023 has both).
 */
export function makeLink(
  rawHref: string | undefined,
  rawTitle: string | undefined,
  warnings: WarningLog,
  where: string,
  hint?: LinkKind,
): Link | undefined {
  const href = rawHref?.trim();
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    warnings.add('link-invalid', `The link "${href.slice(0, 100)}" is not an absolute URL; it was left out.`, where);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') {
    warnings.add('link-unsafe', `The link "${href.slice(0, 100)}" uses ${url.protocol}, which is not allowed; it was left out.`, where);
    return undefined;
  }
  if (url.href.length > LIMITS.maxUrlChars) {
    warnings.add('link-too-long', `A link of ${url.href.length} characters was left out.`, where);
    return undefined;
  }
  const title = cleanText(rawTitle)?.slice(0, LIMITS.maxShortChars);
  const kind = hint && hint !== 'other' ? hint : classifyUrl(url, title ?? '');
  return title ? { url: url.href, title, kind } : { url: url.href, kind };
}

/** Drops repeated URLs (first one wins) and caps the count. */
export function uniqueLinks(links: ReadonlyArray<Link | undefined>): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const link of links) {
    if (!link || seen.has(link.url)) continue;
    seen.add(link.url);
    out.push(link);
    if (out.length >= LIMITS.maxLinksPerItem) break;
  }
  return out;
}
