import type { MouseEvent, ReactNode } from 'react';
import { openLink } from './open';

/** Only these reach the href attribute (for hover and copy); anything else gets none at all. */
const isShowable = (href: string): boolean => /^(https?:\/\/|mailto:)/i.test(href.trim());

/** Sends an activated link (click, Enter, middle click) to the opener instead of the browser. */
export function interceptLinkActivation(event: MouseEvent<HTMLElement>, href: string): void {
  if (event.type === 'auxclick' && event.button !== 1) return;
  event.preventDefault();
  void openLink(href);
}

/**
 * Every external link in the app: a real anchor (the address shows on hover and can be copied)
 * whose activation goes through the one link opener, so the app's window never navigates.
 */
export function ExternalLink({ href, children, className, title }: { href: string; children: ReactNode; className?: string; title?: string }) {
  return (
    <a
      href={isShowable(href) ? href : undefined}
      className={className}
      title={title}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => interceptLinkActivation(e, href)}
      onAuxClick={(e) => interceptLinkActivation(e, href)}
    >
      {children}
    </a>
  );
}
