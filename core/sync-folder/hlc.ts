/**
 * A hybrid logical clock (Kulkarni et al.): wall time in ms, a counter for events within the
 * same millisecond (or while the wall clock stands still or goes backwards), and the device
 * that made the event. Timestamps are totally ordered by (wall, counter, device).
 *
 * Why not plain wall time: a computer whose clock is behind would otherwise lose every edit
 * it makes after seeing a newer one. A clock that has *seen* a timestamp only ever issues
 * larger ones, so "an edit made after I saw yours" always wins over yours, however skewed
 * the two computers' clocks are. A clock far in the future drags the logical time forward
 * with it; that is harmless for ordering (the counter keeps going) and only means the wall
 * part of later timestamps reads as that future time.
 */
export interface Hlc {
  /** Milliseconds since the epoch (the largest wall time seen, not necessarily this computer's). */
  wall: number;
  counter: number;
  device: string;
}

/** Largest wall time accepted from a file: the end of JavaScript's date range. */
export const MAX_WALL = 8_640_000_000_000_000;
/** A counter never grows past this; the wall part moves on by one millisecond instead. */
export const MAX_COUNTER = 2 ** 31 - 1;
/** Device ids: lowercase letters, digits and dashes, 8–64 characters (they name a file). */
export const DEVICE_ID = /^[a-z0-9][a-z0-9-]{7,63}$/;

/** Total order of timestamps: wall, then counter, then device id. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** The larger of two timestamps (either may be missing). */
export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareHlc(a, b) >= 0 ? a : b;
}

export interface HlcClock {
  /** A new timestamp, larger than every one issued or received before. */
  tick(): Hlc;
  /** Takes note of a timestamp seen in another device's log, so later ticks come after it. */
  receive(seen: Hlc): void;
  /** The largest timestamp issued or received (persist it, so the clock stays monotonic across restarts). */
  last(): Hlc | undefined;
}

/**
 * The clock of one device. `physical` is the wall clock (injected for tests); `last` is the
 * timestamp persisted at the previous run, so a clock that went backwards while the app was
 * closed still never issues a timestamp it issued before.
 */
export function createHlcClock(device: string, physical: () => number, last?: Hlc): HlcClock {
  if (!DEVICE_ID.test(device)) throw new Error(`"${device}" is not a device id (8–64 lowercase letters, digits or dashes)`);
  let wall = last?.wall ?? 0;
  let counter = last?.counter ?? 0;
  let latest: Hlc | undefined = last;
  return {
    tick() {
      const now = Math.min(Math.max(0, Math.floor(physical())), MAX_WALL);
      if (now > wall) {
        wall = now;
        counter = 0;
      } else if (counter >= MAX_COUNTER) {
        wall = Math.min(wall + 1, MAX_WALL);
        counter = 0;
      } else counter += 1;
      latest = { wall, counter, device };
      return latest;
    },
    receive(seen) {
      if (seen.wall > wall || (seen.wall === wall && seen.counter > counter)) {
        wall = Math.min(seen.wall, MAX_WALL);
        counter = seen.counter;
      }
      latest = maxHlc(latest, seen);
    },
    last: () => latest,
  };
}
