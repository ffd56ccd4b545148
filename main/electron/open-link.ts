import { dialog, shell, type BrowserWindow } from 'electron';
import { decideOpen, type OpenDecision } from '../../core/links/open-policy';

export interface LinkOpenerDeps {
  /** The window a confirmation dialog belongs to. */
  window: () => BrowserWindow | undefined;
}

/** The question the native dialog asks for a link the page did not confirm (a notification button, a stray navigation). */
function confirmationText(decision: Extract<OpenDecision, { action: 'ask' | 'confirm-http' }>): { message: string; detail: string } {
  if (decision.action === 'confirm-http') {
    return {
      message: `Open an unencrypted link to ${decision.host}?`,
      detail: `${decision.href}\n\nThis page is not protected by https: anyone on the network could read or change it.`,
    };
  }
  return { message: `Open a link to ${decision.host}?`, detail: `${decision.href}\n\nLanyard has not opened links to this site before.` };
}

/**
 * THE link opener: the only place in the app that calls `shell.openExternal` (lint forbids it
 * everywhere else). It decides again with core's policy, never trusting the page: refused
 * links throw with the reason; an unknown host or plain http needs the page's confirmation
 * (`confirmed`) or, when the link came from elsewhere, the user's answer to a native dialog.
 * Only the parsed `href` is ever passed on.
 */
export function createLinkOpener(deps: LinkOpenerDeps): (url: string, confirmed: boolean) => Promise<void> {
  return async (url, confirmed) => {
    const decision = decideOpen(url);
    if (decision.action === 'refuse') throw new Error(decision.reason);
    if (decision.action !== 'open' && !confirmed) {
      const { message, detail } = confirmationText(decision);
      const options = { type: 'question' as const, buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, message, detail, noLink: true };
      const win = deps.window();
      const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      if (answer.response !== 0) return;
    }
    await shell.openExternal(decision.href);
  };
}
