import { describe, expect, it } from 'vitest';
import { blockToward, type Block } from '../../../renderer/src/features/schedule/timeline-keys';

const H = 3_600_000;
const b = (id: string, startH: number, hours: number): Block => ({ id, start: startH * H, end: (startH + hours) * H });

// Three rooms: A has 9–10, 10–11, 12–13; B has nothing; C has 9:30–11:30, 13–14.
const grid = [[b('a1', 9, 1), b('a2', 10, 1), b('a3', 12, 1)], [], [b('c1', 9.5, 2), b('c2', 13, 1)]];

describe('arrow keys in the timeline', () => {
  it('go up and down a room, and to its first and last session', () => {
    expect(blockToward(grid, 'a2', 'ArrowDown')).toBe('a3');
    expect(blockToward(grid, 'a2', 'ArrowUp')).toBe('a1');
    expect(blockToward(grid, 'a1', 'ArrowUp')).toBeUndefined();
    expect(blockToward(grid, 'a3', 'ArrowDown')).toBeUndefined();
    expect(blockToward(grid, 'a2', 'Home')).toBe('a1');
    expect(blockToward(grid, 'a1', 'End')).toBe('a3');
    expect(blockToward(grid, 'a3', 'End')).toBeUndefined();
  });

  it('go across rooms to what runs at that time, skipping empty rooms', () => {
    expect(blockToward(grid, 'a2', 'ArrowRight')).toBe('c1');
    expect(blockToward(grid, 'c1', 'ArrowLeft')).toBe('a1');
    // Nothing runs in C at 12:00: the nearest start is 13:00.
    expect(blockToward(grid, 'a3', 'ArrowRight')).toBe('c2');
    expect(blockToward(grid, 'c2', 'ArrowRight')).toBeUndefined();
    expect(blockToward(grid, 'a1', 'ArrowLeft')).toBeUndefined();
    expect(blockToward(grid, 'nope', 'ArrowDown')).toBeUndefined();
  });
});
