import type { MouseEvent } from 'react';
import { trustedHtml } from './trusted-types';

/**
 * Links inside feed HTML must never navigate the app window: a click opens them outside the
 * app (a new browsing context, which the desktop shell denies and hands to the link opener),
 * and only for http(s) and mailto addresses.
 */
function openOutside(event: MouseEvent<HTMLDivElement>): void {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor) return;
  event.preventDefault();
  const href = anchor.getAttribute('href') ?? '';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') window.open(url.href, '_blank', 'noopener,noreferrer');
}

/**
 * The one place feed HTML reaches the DOM. Every rich-text field was sanitised against a
 * small allow-list by core/text/html.ts when the feed was imported, and is sanitised once
 * more by the Trusted Types policy that makes the markup (renderer/src/trusted-types.ts).
 */
export function RichText({ html, className }: { html: string | undefined; className?: string }) {
  if (!html) return null;
  return <div className={className ?? 'rich-text'} onClick={openOutside} dangerouslySetInnerHTML={{ __html: trustedHtml(html) }} />;
}
