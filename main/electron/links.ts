import { resolve } from 'node:path';
import { app } from 'electron';
import { feedUrlFromLink } from '../../core/host/contract';

/** The URL schemes Lanyard registers itself for. */
const LINK_SCHEMES = ['lanyard', 'webcal'] as const;
const LINK_ARG = /^(lanyard|webcals?):/i;
const MAX_PENDING = 20;

/** Feed URLs named on a command line. Only lanyard:/webcal: arguments count; flags and paths are ignored. */
export function feedUrlsFromArgv(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => LINK_ARG.test(arg))
    .map((arg) => feedUrlFromLink(arg))
    .filter((url): url is string => url !== undefined);
}

export interface LinkInbox {
  push(url: string): void;
  /** Starts delivering: queued links first, then each new one as it arrives. */
  attach(deliver: (url: string) => void): void;
  detach(): void;
}

/** Holds links that arrive before the renderer can take them (a link can start the app). */
export function createLinkInbox(): LinkInbox {
  const pending: string[] = [];
  let deliver: ((url: string) => void) | undefined;
  return {
    push(url) {
      if (deliver) deliver(url);
      else if (pending.length < MAX_PENDING) pending.push(url);
    },
    attach(next) {
      deliver = next;
      for (const url of pending.splice(0)) next(url);
    },
    detach() {
      deliver = undefined;
    },
  };
}

export interface SingleInstanceDeps {
  /** Bring the existing window to the front. */
  focus(): void;
  onFeedUrl(url: string): void;
}

/**
 * Takes the single-instance lock. Returns false when another Lanyard already runs: that one
 * receives our command line (and its links) through 'second-instance', and we should quit.
 * Links reach a running app via 'second-instance' (Windows, Linux) or 'open-url' (macOS).
 */
export function setupSingleInstance(deps: SingleInstanceDeps): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    deps.focus();
    for (const url of feedUrlsFromArgv(argv)) deps.onFeedUrl(url);
  });
  app.on('open-url', (event, link) => {
    event.preventDefault();
    const url = feedUrlFromLink(link);
    if (url) deps.onFeedUrl(url);
  });
  return true;
}

/** Makes Lanyard the handler for lanyard:// and webcal:// links (in development, via this script). */
export function registerProtocolClients(): void {
  const script = process.argv[1];
  for (const scheme of LINK_SCHEMES) {
    if (process.defaultApp && script) app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(script)]);
    else app.setAsDefaultProtocolClient(scheme);
  }
}
