import { trustedHtml } from './trusted-types';

/**
 * The one place feed HTML reaches the DOM. Every rich-text field was sanitised against a
 * small allow-list by core/text/html.ts when the feed was imported, and is sanitised once
 * more by the Trusted Types policy that makes the markup (renderer/src/trusted-types.ts).
 */
export function RichText({ html, className }: { html: string | undefined; className?: string }) {
  if (!html) return null;
  return <div className={className ?? 'rich-text'} dangerouslySetInnerHTML={{ __html: trustedHtml(html) }} />;
}
