import { describe, expect, it } from 'vitest';
import { compareHlc, createHlcClock, MAX_COUNTER, type Hlc } from '../../../core/sync-folder/hlc';

const A = 'device-aaaa';
const B = 'device-bbbb';

describe('hybrid logical clock', () => {
  it('issues strictly increasing timestamps while the wall clock stands still or goes backwards', () => {
    let wall = 1_000;
    const clock = createHlcClock(A, () => wall);
    const stamps: Hlc[] = [clock.tick(), clock.tick()];
    wall = 500; // the system clock was set back
    stamps.push(clock.tick(), clock.tick());
    wall = 2_000;
    stamps.push(clock.tick());
    for (let i = 1; i < stamps.length; i += 1) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBe(-1);
    expect(stamps.map((s) => [s.wall, s.counter])).toEqual([[1_000, 0], [1_000, 1], [1_000, 2], [1_000, 3], [2_000, 0]]);
  });

  it('stays monotonic across a restart from the persisted timestamp, even when the wall clock is behind it', () => {
    const first = createHlcClock(A, () => 5_000);
    first.tick();
    const persisted = first.tick();
    const restarted = createHlcClock(A, () => 4_000, persisted);
    expect(compareHlc(restarted.tick(), persisted)).toBe(1);
  });

  it('orders an edit made after seeing another device’s edit after it, however far that device’s clock is ahead', () => {
    const ahead = createHlcClock(B, () => 10_000_000);
    const behind = createHlcClock(A, () => 1_000);
    const theirs = ahead.tick();
    behind.receive(theirs);
    const mine = behind.tick();
    expect(compareHlc(mine, theirs)).toBe(1);
    expect(mine).toEqual({ wall: 10_000_000, counter: 1, device: A });
  });

  it('breaks ties on the device id, so two devices never disagree on the order', () => {
    const a: Hlc = { wall: 1, counter: 0, device: A };
    const b: Hlc = { wall: 1, counter: 0, device: B };
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, { ...a })).toBe(0);
  });

  it('moves the wall part on instead of letting the counter overflow', () => {
    const clock = createHlcClock(A, () => 7, { wall: 7, counter: MAX_COUNTER, device: A });
    expect(clock.tick()).toEqual({ wall: 8, counter: 0, device: A });
  });

  it('refuses a device id that could not name a file safely', () => {
    expect(() => createHlcClock('../etc/passwd', () => 1)).toThrow(/not a device id/);
    expect(() => createHlcClock('short', () => 1)).toThrow(/not a device id/);
  });
});
