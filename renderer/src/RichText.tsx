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
  // Delegation, not a control: the links inside are native <a> elements (keyboard activation
  // reaches them as a click that bubbles here), so the div itself needs no role or key handler.
  // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- see above
  return <div className={className ?? 'rich-text'} onClick={onLinkClick} onAuxClick={onLinkClick} dangerouslySetInnerHTML={{ __html: trustedHtml(html) }} />;
}
