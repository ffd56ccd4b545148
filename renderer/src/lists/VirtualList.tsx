import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** Scroll to `index` (its row at the top); a new `token` scrolls again to the same index. */
export interface JumpRequest {
  index: number;
  token: number;
}

interface VirtualListProps<T> {
  items: readonly T[];
  /** A stable key for an item (keeps a row's state when the list above it changes). */
  keyOf: (item: T, index: number) => string;
  render: (item: T, index: number) => ReactNode;
  /** A first guess of a row's height in pixels; rows are measured once rendered. */
  estimateSize: (item: T) => number;
  /** The scroller's class: it must have a bounded height and scroll (unbounded, every row renders). */
  className: string;
  /** The list's accessible name. Rows render their own role="listitem" elements. */
  label: string;
  testId?: string;
  jump?: JumpRequest | undefined;
  overscan?: number;
}

/**
 * A long list in a scroller of its own, of which only the rows on screen (and a few around
 * them) are in the page: FOSDEM's day lists, speaker index and recordings stay smooth.
 */
export function VirtualList<T>({ items, keyOf, render, estimateSize, className, label, testId, jump, overscan = 8 }: VirtualListProps<T>) {
  const parent = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions React Compiler cannot memoize: this component is left uncompiled, on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: (index) => estimateSize(items[index]!),
    getItemKey: (index) => keyOf(items[index]!, index),
    overscan,
  });
  // Each token scrolls once: the same request made again (its list re-filtered, a row added above) does not pull the list back.
  const jumped = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!jump || jump.index < 0 || jumped.current === jump.token) return;
    jumped.current = jump.token;
    virtualizer.scrollToIndex(jump.index, { align: 'start' });
  }, [jump, virtualizer]);
  return (
    <div ref={parent} className={className} data-testid={testId}>
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${row.start}px)` }}>
            {render(items[row.index]!, row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
