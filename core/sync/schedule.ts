const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PollState {
  /** Now, from an injected clock. */
  now: number;
  /** First and last instant of the conference (its first session start, last session end). */
  conferenceStart: number;
  conferenceEnd: number;
  /** Consecutive failed attempts since the last success. */
  failures: number;
  /** What the server asked for with Retry-After on the last failure, in seconds. */
  retryAfterSeconds?: number | undefined;
  /** A number in [0, 1) for jitter; injected so tests are deterministic. */
  random: number;
  /** The conference's live channel is connected: a revision is pushed as a ping, so polling only backs it up. */
  isPushConnected?: boolean | undefined;
}

/** How much slower polling runs while a live channel is connected (5 minutes become 15 while a conference is on). */
const PUSH_CONNECTED_SLOWDOWN = 3;

/** How often to look for a new revision when all is well, by where we are relative to the conference. */
export function regularInterval(now: number, start: number, end: number): number | undefined {
  if (now >= start - 6 * HOUR && now <= end + 2 * HOUR) return 5 * MINUTE; // on now: changes matter within minutes
  if (now < start - 30 * DAY) return DAY;
  if (now < start - 2 * DAY) return 6 * HOUR;
  if (now < start) return HOUR;
  if (now <= end + 14 * DAY) return DAY; // recordings arrive in the two weeks after
  return undefined; // archived: only on request
}

/**
 * When to try next, in milliseconds from now, or undefined when the conference is long
 * over and only a manual refresh should fetch it. Failures back off exponentially with
 * jitter, from about a minute (a dropped connection while a conference is on should not
 * cost minutes) up to six hours, or up to the regular pace when that is slower (a daily
 * feed that keeps failing is not tried more often than four times a day for long), and a
 * server's Retry-After is honoured.
 */
export function nextPollDelay(state: PollState): number | undefined {
  const pace = regularInterval(state.now, state.conferenceStart, state.conferenceEnd);
  const regular = pace !== undefined && state.isPushConnected ? pace * PUSH_CONNECTED_SLOWDOWN : pace;
  if (state.failures === 0) {
    if (regular === undefined) return undefined;
    return Math.round(regular * (0.9 + 0.2 * state.random));
  }
  const base = Math.min(Math.max(6 * HOUR, regular ?? 0), MINUTE * 2 ** Math.min(state.failures - 1, 12));
  let delay = Math.round(base * (0.5 + state.random));
  if (state.retryAfterSeconds !== undefined) delay = Math.max(delay, Math.min(state.retryAfterSeconds * 1000, DAY));
  if (regular === undefined) return Math.max(delay, DAY);
  return delay;
}
