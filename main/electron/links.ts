import { resolve } from 'node:path';
import { app } from 'electron';
import { feedUrlFromLink, subscribeRequestFromLink, type LinkLiveChannel, type SubscribeRequest } from '../../core/host/contract';
import { picksQueryFromLink } from '../../core/personal/picks-link';

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

/** Shared-picks queries named on a command line (`lanyard://picks?…`). */
export function picksFromArgv(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => LINK_ARG.test(arg))
    .map((arg) => picksQueryFromLink(arg))
    .filter((query): query is string => query !== undefined);
}

/** Subscription requests (feed and live channel) named on a command line. */
export function subscribeRequestsFromArgv(argv: readonly string[]): SubscribeRequest[] {
  return argv
    .filter((arg) => LINK_ARG.test(arg))
    .map((arg) => subscribeRequestFromLink(arg))
    .filter((request): request is SubscribeRequest => request !== undefined);
}

export interface LinkInbox<T = string> {
  push(url: T): void;
  /** Starts delivering: queued links first, then each new one as it arrives. */
  attach(deliver: (url: T) => void): void;
  detach(): void;
}

/** Holds links that arrive before the renderer can take them (a link can start the app). */
export function createLinkInbox<T = string>(): LinkInbox<T> {
  const pending: T[] = [];
  let deliver: ((url: T) => void) | undefined;
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
  /** A feed to subscribe to, with the live channel its lanyard:// link carries (if any). */
  onFeedUrl(url: string, live?: LinkLiveChannel): void;
  /** A `lanyard://picks?…` link (its query). */
  onPicks?(query: string): void;
}

function forward(deps: SingleInstanceDeps, request: SubscribeRequest): void {
  if (request.live) deps.onFeedUrl(request.url, request.live);
  else deps.onFeedUrl(request.url);
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
    for (const request of subscribeRequestsFromArgv(argv)) forward(deps, request);
    for (const query of picksFromArgv(argv)) deps.onPicks?.(query);
  });
  app.on('open-url', (event, link) => {
    event.preventDefault();
    const request = subscribeRequestFromLink(link);
    if (request) forward(deps, request);
    const picks = picksQueryFromLink(link);
    if (picks !== undefined) deps.onPicks?.(picks);
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
