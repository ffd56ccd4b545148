import { decideOpen } from '../../../core/links/open-policy';
import { db } from '../db';
import { trustedHosts, trustHost } from '../db/links';
import { host } from '../host';
import { useLinkPrompt } from './prompt';

export type OpenOutcome = 'opened' | 'cancelled' | 'refused' | 'failed';

/**
 * The renderer's one door to external links: every link in the app (feed links, buttons,
 * notification actions, rich text) comes here. It decides with core's policy, asks once per
 * unknown host (remembering the answer) and for every plain-http link, explains refusals, and
 * hands only the parsed href to the host: the desktop main process checks it again before
 * opening the system browser; web mode opens a new tab with noopener. The app's own window
 * never navigates.
 */
export async function openLink(raw: string): Promise<OpenOutcome> {
  const decision = decideOpen(raw, { trustedHosts: await trustedHosts(db) });
  const { show } = useLinkPrompt.getState();
  if (decision.action === 'refuse') {
    await show({ kind: 'refused', reason: decision.reason, url: raw.slice(0, 300) });
    return 'refused';
  }
  if (decision.action === 'ask') {
    if (!(await show({ kind: 'ask', host: decision.host, unicodeHost: decision.unicodeHost, href: decision.href }))) return 'cancelled';
    await trustHost(db, decision.host, Date.now());
  } else if (decision.action === 'confirm-http') {
    if (!(await show({ kind: 'http', host: decision.host, href: decision.href }))) return 'cancelled';
  }
  const result = await host().openLink({ url: decision.href, confirmed: true });
  if (!result.ok) {
    await show({ kind: 'refused', reason: result.error.message, url: decision.href });
    return 'failed';
  }
  return 'opened';
}
