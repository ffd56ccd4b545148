import { HTML_POLICY_NAME } from '../../core/security/headers';
import { sanitizeRichText } from '../../core/text/html';

/** The parts of the Trusted Types API the app uses (TypeScript's DOM library has none of it). */
interface TrustedTypePolicy {
  createHTML(input: string): TrustedHTML;
}
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createHTML?: (input: string) => string; createScriptURL?: (input: string) => string }): TrustedTypePolicy;
}
declare global {
  interface Window {
    trustedTypes?: TrustedTypePolicyFactory;
  }
}

let htmlPolicy: TrustedTypePolicy | undefined;

/** Same-origin script URLs only: the sync worker, which Vite emits next to the app's own code. */
function sameOriginScript(input: string): string {
  const url = new URL(input, window.location.href);
  if (url.origin !== window.location.origin) throw new TypeError(`Refused to load a script from ${url.origin}`);
  return url.href;
}

/**
 * Creates the app's two Trusted Types policies once, before anything renders. The CSP
 * (core/security/headers.ts) allows only these names, so a second, laxer policy cannot be
 * made later, and the default policy has no createHTML: an `innerHTML = string` anywhere
 * in the app throws.
 */
export function installTrustedTypes(): void {
  const factory = window.trustedTypes;
  if (!factory || htmlPolicy) return;
  htmlPolicy = factory.createPolicy(HTML_POLICY_NAME, { createHTML: (input) => sanitizeRichText(input) ?? '' });
  factory.createPolicy('default', { createScriptURL: sameOriginScript });
}

/**
 * Feed HTML on its way into the DOM: sanitised again by the policy's createHTML (the import
 * already sanitised it; this guards against any path that skipped the import).
 */
export function trustedHtml(html: string): TrustedHTML | string {
  if (!htmlPolicy) installTrustedTypes();
  return htmlPolicy ? htmlPolicy.createHTML(html) : (sanitizeRichText(html) ?? '');
}

