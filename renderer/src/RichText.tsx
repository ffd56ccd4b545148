import type { MouseEvent } from 'react';
import { interceptLinkActivation } from './links/ExternalLink';
import { trustedHtml } from './trusted-types';

/** A click on a link inside feed HTML goes to the link opener, never to the app's window. */
function onLinkClick(event: MouseEvent<HTMLDivElement>): void {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor || !event.currentTarget.contains(anchor)) return;
  const href = anchor.getAttribute('href');
  if (href === null) return;
  interceptLinkActivation(event, href);
}

/**
 * The one place feed HTML reaches the DOM. Every rich-text field was sanitised against a
 * small allow-list by core/text/html.ts when the feed was imported, and is sanitised once
 * more by the Trusted Types policy that makes the markup (renderer/src/trusted-types.ts).
 */
export function RichText({ html, className }: { html: string | undefined; className?: string }) {
  if (!html) return null;
  return <div className={className ?? 'rich-text'} onClick={onLinkClick} onAuxClick={onLinkClick} dangerouslySetInnerHTML={{ __html: trustedHtml(html) }} />;
}
