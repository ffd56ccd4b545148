/**
 * How every importer turns what a feed writes as a link into an absolute URL, so that the
 * same text gives the same link whatever format it came in.
 */

/** `www.example.org/x`, `github.com/y`: a web address typed without its scheme. */
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTTP = /^https?:\/\//i;
/** frab lists this image for an attachment or photo whose file is gone; it is not a link. */
const FRAB_PLACEHOLDER = /(?:^|\/)(?:attachments|avatars|logos)\/(?:original|large|medium|small|thumb)\/missing\.png(?:[?#]|$)/;

/** True for frab's `…/original/missing.png` placeholder (an attachment or photo that is gone). */
export function isPlaceholderImage(raw: string | undefined): boolean {
  return raw !== undefined && FRAB_PLACEHOLDER.test(raw.trim());
}

/** The first of `bases` that is an absolute http(s) URL. */
export function httpBase(...bases: Array<string | undefined>): string | undefined {
  for (const base of bases) {
    const text = base?.trim();
    if (text && HTTP.test(text)) return text;
  }
  return undefined;
}

/**
 * A link as a feed writes it → an absolute URL, or the text unchanged when it cannot be
 * made one (makeLink then refuses it with a warning). `//host/x` gets `https:`; a bare
 * host (`www.example.org`) gets `https://`; a relative path without spaces
 * (`/system/…`, `events/1.html`, `./x`) is resolved against `base` (the session's page, the
 * feed's base URL or the address it was subscribed from); frab's `missing.png`
 * placeholder gives undefined.
 */
export function resolveFeedHref(raw: string | undefined, base: string | undefined): string | undefined {
  const href = raw?.trim();
  if (!href || isPlaceholderImage(href)) return undefined;
  if (href.startsWith('//')) return `https:${href}`;
  if (BARE_HOST.test(href)) return `https://${href}`;
  if (HAS_SCHEME.test(href)) return href;
  // Only what reads as a path is resolved: a lone word ("Homepage") is a label, not a page.
  if (base === undefined || /\s/.test(href) || !/^[./?]|\//.test(href)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
