import type { WarningLog } from '../errors';
import { LIMITS } from '../limits';
import type { Link, LinkKind } from '../model/schema';
import { cleanText } from '../text/html';

const VIDEO_FILE = /\.(mp4|webm|ogv|ogg|mkv|mov|m4v|avi|mp3|opus|flac)(\?|#|$)/i;
const SLIDE_FILE = /\.(pdf|odp|ppt|pptx|key)(\?|#|$)/i;
const STREAM_HOSTS = /(^|\.)(live\.fosdem\.org|streaming\.media\.ccc\.de|twitch\.tv|stream\.[a-z0-9.-]+)$/i;
/** Hosts where conferences publish their own talks' recordings: a link there is the session's recording. */
const RECORDING_HOSTS = /(^|\.)(video\.fosdem\.org|media\.ccc\.de)$/i;
/** Video sites where anything may be: a link there is the recording only when the feed or its label says so. */
const VIDEO_HOSTS = /(^|\.)(vimeo\.com|peertube\.[a-z0-9.-]+|archive\.org|ubicast\.tv|dailymotion\.com)$/i;
/** Source-code hosts: a repository named "…-streaming" or "live-…" is still a repository. */
const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|codeberg\.org|sr\.ht|bitbucket\.org|sourceforge\.net|git\.[a-z0-9.-]+)$/i;
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
const HOST_VIDEO = 1 << 29;
const HOST_CODE = 1 << 30;
/** Bit of HALLWAY_PATHS[i]'s host: `HOST_MEETING << i`. */
const HOST_MEETING = 128;
const hostKinds = new Map<string, number>();

/** Which host lists `host` is on, as bits; a feed has few hosts, so this is cached. */
function hostMask(host: string): number {
  const known = hostKinds.get(host);
  if (known !== undefined) return known;
  let mask =
    (FEEDBACK_HOSTS.test(host) ? HOST_FEEDBACK : 0) |
    (HALLWAY_HOSTS.test(host) ? HOST_HALLWAY : 0) |
    (STREAM_HOSTS.test(host) ? HOST_STREAM : 0) |
    (/(^|\.)(youtube\.com|youtu\.be)$/.test(host) ? HOST_YOUTUBE : 0) |
    (SLIDE_HOSTS.test(host) ? HOST_SLIDES : 0) |
    (RECORDING_HOSTS.test(host) ? HOST_RECORDING : 0) |
    (VIDEO_HOSTS.test(host) ? HOST_VIDEO : 0) |
    (REGISTRATION_HOSTS.test(host) ? HOST_REGISTRATION : 0) |
    (CODE_HOSTS.test(host) ? HOST_CODE : 0);
  HALLWAY_PATHS.forEach(([h], i) => {
    if (h.test(host)) mask |= HOST_MEETING << i;
  });
  if (hostKinds.size >= 10_000) hostKinds.clear();
  hostKinds.set(host, mask);
  return mask;
}

const LABEL_FEEDBACK = 1;
const LABEL_HALLWAY = 2;
const LABEL_STREAM = 4;
const LABEL_LIVE = 8;
const LABEL_SLIDES = 16;
const LABEL_RECORDING = 32;
const LABEL_REGISTRATION = 64;
const labelKinds = new Map<string, number>();

/** What a link's title says, as bits; feeds repeat titles ("Video recording (mp4)"), so this is cached. */
function labelMask(title: string): number {
  if (title === '') return 0;
  const known = labelKinds.get(title);
  if (known !== undefined) return known;
  const label = title.toLowerCase();
  // A title that is a URL (FOSDEM prints links as their own address) is no label: "video" in a host name is not a recording.
  const mask = /^(https?:\/\/|www\.)/.test(label) ? 0 :
    (/feedback/.test(label) ? LABEL_FEEDBACK : 0) |
    (/\b(hallway|chat ?room|join the (chat|call|meeting))\b/.test(label) ? LABEL_HALLWAY : 0) |
    (/(live ?stream|watch live|streaming)/.test(label) ? LABEL_STREAM : 0) |
    (/\blive\b/.test(label) ? LABEL_LIVE : 0) |
    (/\bslides?\b|presentation/.test(label) ? LABEL_SLIDES : 0) |
    // The recording itself: "Video recording (WebM)", "Recording", "Aufzeichnung", or just "Video (mp4)".
    (/\brecord(ings?|ed)\b|aufzeichnung|mitschnitt/.test(label) || /^video( file)?\s*(\([^)]*\))?$/.test(label) ? LABEL_RECORDING : 0) |

    // "Register now", "Registration", "Tickets"; not "an article in The Register".
    (/\bregist(er|ration)\b|\btickets?\b/.test(label) && !/\bthe register\b/.test(label) ? LABEL_REGISTRATION : 0);
  if (labelKinds.size >= 10_000) labelKinds.clear();
  labelKinds.set(title, mask);
  return mask;
}

/** classifyLink for a URL already parsed (no hint). */
function classifyUrl(url: URL, title: string): LinkKind {
  if (url.protocol === 'mailto:') return 'other';
  return classifyParts(url.hostname, url.pathname, url.search, title);
}

/** classifyUrl from an http(s) URL's hostname, pathname and search (`?…` or empty). */
function classifyParts(hostname: string, pathname: string, search: string, title: string): LinkKind {
  // pathname is ASCII (the parser percent-encodes the rest), so /i equals lowercasing it first.
  const host = hostMask(hostname.toLowerCase());
  const path = pathname;
  // A code host's page is never a stream or a meeting, whatever the repository is called.
  const label = host & HOST_CODE ? labelMask(title) & (LABEL_SLIDES | LABEL_FEEDBACK) : labelMask(title);
  if (label & LABEL_FEEDBACK || host & HOST_FEEDBACK || /\/feedback\b/i.test(path)) return 'feedback';
  const isMeetingPath = (host & ~HOST_CODE) >= HOST_MEETING && HALLWAY_PATHS.some(([, p], i) => (host & (HOST_MEETING << i)) !== 0 && p.test(pathname));
  if (host & HOST_HALLWAY || isMeetingPath || label & LABEL_HALLWAY) return 'hallway';
  if (/\.m3u8(\?|$)/i.test(path) || host & HOST_STREAM || label & LABEL_STREAM) return 'stream';
  if (host & HOST_YOUTUBE) {
    if (/^\/live/i.test(path) || label & LABEL_LIVE || (search !== '' && new URLSearchParams(search).has('live'))) return 'stream';
    return label & LABEL_RECORDING ? 'recording' : 'video';
  }
  if (host & HOST_SLIDES || SLIDE_FILE.test(path) || label & LABEL_SLIDES) return 'slides';
  // Only the session's own recording is one: on the conference's video host, or labelled so.
  // Any other video (a talk the speaker refers to, on YouTube or a file elsewhere) is related.
  if (host & HOST_RECORDING || label & LABEL_RECORDING) return 'recording';
  if (host & HOST_VIDEO || VIDEO_FILE.test(path)) return 'video';
  if (host & HOST_REGISTRATION || label & LABEL_REGISTRATION) return 'registration';
  return 'other';
}

/**
 * An http(s) URL the WHATWG parser returns unchanged but for the `/` it adds after a bare
 * host, so parsing can be skipped (most feed links): lowercase scheme and host of letters,
 * digits and hyphens whose last label starts with a letter (never an IPv4 address), a path
 * and query of characters that are never percent-encoded, and no port, credentials or
 * fragment. Punycode hosts and dot segments, which the parser would check or rewrite, are
 * excluded after the match. Groups: scheme and host, host, path, query.
 */
const PLAIN_URL = /^(https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*))(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

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
  const plain = href.length < LIMITS.maxUrlChars ? PLAIN_URL.exec(href) : null;
  if (plain) {
    const [, origin, host, path = '/', query] = plain;
    if (!host!.includes('xn--') && !DOT_SEGMENT.test(path)) {
      const url = plain[3] === undefined ? `${origin}/${query ?? ''}` : href;
      const title = cleanText(rawTitle)?.slice(0, LIMITS.maxShortChars);
      const kind = hint && hint !== 'other' ? hint : classifyParts(host!, path, query === undefined || query === '?' ? '' : query, title ?? '');
      return title ? { url, title, kind } : { url, kind };
    }
  }
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
  if (links.length === 0) return [];
  if (links.length === 1) return links[0] ? [links[0]] : [];
  if (links.length <= 16) return uniqueFew(links);
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

/** uniqueLinks for the few links of one session: comparing each with those kept beats building a Set. */
function uniqueFew(links: ReadonlyArray<Link | undefined>): Link[] {
  const out: Link[] = [];
  for (const link of links) {
    if (!link) continue;
    let isRepeat = false;
    for (const kept of out) {
      if (kept.url === link.url) {
        isRepeat = true;
        break;
      }
    }
    if (!isRepeat) out.push(link);
  }
  return out;
}
