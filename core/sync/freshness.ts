export interface FreshnessInput {
  now: number;
  online: boolean;
  /** When the stored copy was last confirmed current (fetched or 304), if ever. */
  lastSuccessAt?: number | undefined;
  /** The last failed attempt, if it came after the last success. */
  lastError?: { at: number; message: string } | undefined;
  /** Formats a time of day in the user's chosen zone. */
  clock: (epochMs: number) => string;
  /** A revision held back by the shrink guard and not dismissed: the stored copy is not the server's latest. */
  held?: { before: number; after: number } | undefined;
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** One line saying how fresh a conference's stored copy is, e.g. "updated 4 min ago". */
export function describeFreshness(input: FreshnessInput): string {
  const { now, lastSuccessAt, lastError } = input;
  if (lastError && (lastSuccessAt === undefined || lastError.at >= lastSuccessAt)) {
    const reason = lastError.message.replace(/^The server/, 'server').replace(/\.$/, '');
    return `last attempt failed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
  if (!input.online) {
    return lastSuccessAt === undefined ? 'offline' : `offline: showing the copy from ${input.clock(lastSuccessAt)}`;
  }
  if (lastSuccessAt === undefined) return 'not checked yet';
  if (input.held) {
    const { before, after } = input.held;
    return `new revision held back: it has ${after === 0 ? 'no' : after} session${after === 1 ? '' : 's'} instead of ${before}; showing the previous copy (checked ${ago(now - lastSuccessAt)})`;
  }
  return `updated ${ago(now - lastSuccessAt)}`;
}
