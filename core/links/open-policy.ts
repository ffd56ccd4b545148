import { decodePunycodeLabel } from './punycode';

/**
 * What the one link opener does with a URL from a feed (or anywhere else):
 * - `open`: a known video or meeting provider over https: open it at once;
 * - `ask`: an https link to a host the user has not allowed yet: ask once, showing `host`
 *   (punycode, exactly as the browser will contact it);
 * - `confirm-http`: plain http (anyone on the network can read or alter it): confirm every time;
 * - `refuse`: never opened, with the reason to show.
 * `href` is always the parsed, normalised URL: callers pass it, never the raw string.
 */
export type OpenDecision =
  | { action: 'open'; href: string; host: string }
  | { action: 'ask'; href: string; host: string; unicodeHost?: string }
  | { action: 'confirm-http'; href: string; host: string }
  | { action: 'refuse'; reason: string };

/**
 * Providers of streams, recordings and meeting rooms that conferences link to, opened without
 * asking. A host matches itself and its subdomains (`us02web.zoom.us`).
 */
const KNOWN_PROVIDERS: readonly string[] = [
  // video and live streams
  'youtube.com', 'youtu.be', 'youtube-nocookie.com', 'vimeo.com', 'twitch.tv',
  'media.ccc.de', 'streaming.media.ccc.de', 'cdn.c3voc.de', 'video.fosdem.org', 'live.fosdem.org', 'archive.org',
  // meetings and chat rooms
  'meet.google.com', 'meet.jit.si', 'zoom.us', 'teams.microsoft.com', 'webex.com', 'whereby.com',
  'matrix.to', 'app.element.io', 'chat.fosdem.org', 'bbb.fosdem.org', 'discord.gg', 'gather.town',
];

export interface OpenPolicyOptions {
  /** Hosts the user already allowed ("ask once"); lowercase punycode. */
  trustedHosts?: ReadonlySet<string> | undefined;
}

function isKnownProvider(host: string): boolean {
  return KNOWN_PROVIDERS.some((known) => host === known || host.endsWith(`.${known}`));
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// Scripts whose letters can pass for Latin ones, and letters of them that do.
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];
/** Combinations that are one writing system, not a disguise. */
const COMPATIBLE = [new Set(['Han', 'Kana', 'Latin']), new Set(['Han', 'Hangul', 'Latin'])];
/** Cyrillic, Greek, Armenian and Cherokee letters that render like ASCII letters. */
const LATIN_LOOKALIKES = new Set([...'аеорсхуіјѕԁԛԝӏһԍҽкмтвнпɡιοαρντκχυѵԁǀօսհոᎪᎬᎻᏞᎠ']);
/** Latin letters outside ASCII that pass for plain ones (dotless i, script g, …). */
const LATIN_DISGUISES = new Set([...'ıɡɑɩǀʟɪʀꞵᴀᴄᴅᴇᴊᴋᴍᴏᴘᴛᴜᴠᴡᴢſ']);

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch));
    found.add(script ? script[0] : 'Other');
  }
  return found;
}

/** Why a (decoded) host label could be mistaken for another, or undefined when it is plain. */
export function lookAlikeReason(label: string): string | undefined {
  const scripts = scriptsOf(label);
  if (scripts.size > 1 && !COMPATIBLE.some((ok) => [...scripts].every((s) => ok.has(s)))) {
    return `it mixes ${[...scripts].join(' and ')} letters in "${label}"`;
  }
  const letters = [...label].filter((ch) => /\p{L}/u.test(ch));
  if (letters.some((ch) => LATIN_DISGUISES.has(ch))) return `"${label}" contains letters that pass for plain Latin ones`;
  if (!scripts.has('Latin') && letters.length > 0 && letters.every((ch) => LATIN_LOOKALIKES.has(ch))) {
    return `"${label}" is written in ${[...scripts].join(' and ')} letters that look like Latin ones`;
  }
  return undefined;
}

/**
 * Decides what opening `raw` may do. Pure: the desktop main process runs it again before
 * `shell.openExternal`, so a compromised page still cannot open what this refuses.
 */
export function decideOpen(raw: string, options: OpenPolicyOptions = {}): OpenDecision {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { action: 'refuse', reason: 'This is not a complete web address.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { action: 'refuse', reason: `Links using ${url.protocol} are never opened (only https:// web pages).` };
  }
  if (url.username !== '' || url.password !== '') {
    return { action: 'refuse', reason: 'The link carries a user name or password, a trick to disguise where it leads.' };
  }
  if (url.port !== '') {
    return { action: 'refuse', reason: `The link uses the unusual port ${url.port}.` };
  }
  let host = url.hostname.toLowerCase();
  if (host.endsWith('.')) {
    host = host.slice(0, -1);
    if (host === '' || host.endsWith('.')) return { action: 'refuse', reason: 'The link’s host name is malformed.' };
    url.hostname = host;
  }
  if (host.startsWith('[') || IPV4.test(host)) {
    return { action: 'refuse', reason: `The link points at a bare network address (${host}) rather than a named site.` };
  }
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) {
    return { action: 'refuse', reason: `“${host}” is not a public web site.` };
  }
  const labels = host.split('.');
  if (labels.some((l) => l === '')) return { action: 'refuse', reason: 'The link’s host name is malformed.' };
  let unicodeHost = '';
  let isIdn = false;
  for (const label of labels) {
    let decoded = label;
    if (label.startsWith('xn--')) {
      isIdn = true;
      const out = decodePunycodeLabel(label.slice(4));
      if (out === undefined) return { action: 'refuse', reason: `The host label “${label}” is not valid.` };
      decoded = out;
    }
    const reason = lookAlikeReason(decoded);
    if (reason) return { action: 'refuse', reason: `The host ${host} looks like another site: ${reason}.` };
    unicodeHost += (unicodeHost ? '.' : '') + decoded;
  }
  const href = url.href;
  if (url.protocol === 'http:') return { action: 'confirm-http', href, host };
  if (!isIdn && isKnownProvider(host)) return { action: 'open', href, host };
  if (options.trustedHosts?.has(host)) return { action: 'open', href, host };
  return isIdn ? { action: 'ask', href, host, unicodeHost } : { action: 'ask', href, host };
}
