/** A session block as the timeline's arrow keys see it. */
export interface Block {
  id: string;
  start: number;
  end: number;
}

export type TimelineKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isTimelineKey(key: string): key is TimelineKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';
}

/** The block in `column` for someone coming from `from`: the one running at its start, else the one starting nearest to it (the earlier on a tie). */
function nearest(column: readonly Block[], from: Block): Block | undefined {
  const running = column.find((b) => b.start <= from.start && b.end > from.start);
  if (running) return running;
  let best: Block | undefined;
  for (const b of column) {
    if (!best || Math.abs(b.start - from.start) < Math.abs(best.start - from.start)) best = b;
  }
  return best;
}

/**
 * Where an arrow key goes from the block `id` in a grid of columns (rooms, left to right),
 * each sorted by start: up and down to the previous and next session in the room, Home and
 * End to its first and last, left and right to the neighbouring room's session at that time
 * (skipping rooms with nothing in them). Undefined when there is nowhere to go.
 */
export function blockToward(columns: ReadonlyArray<readonly Block[]>, id: string, key: TimelineKey): string | undefined {
  const col = columns.findIndex((c) => c.some((b) => b.id === id));
  if (col < 0) return undefined;
  const column = columns[col]!;
  const row = column.findIndex((b) => b.id === id);
  switch (key) {
    case 'ArrowUp':
      return column[row - 1]?.id;
    case 'ArrowDown':
      return column[row + 1]?.id;
    case 'Home':
      return row > 0 ? column[0]!.id : undefined;
    case 'End':
      return row < column.length - 1 ? column.at(-1)!.id : undefined;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let c = col + step; c >= 0 && c < columns.length; c += step) {
        const target = nearest(columns[c]!, column[row]!);
        if (target) return target.id;
      }
      return undefined;
    }
  }
}
