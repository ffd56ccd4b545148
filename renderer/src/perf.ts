/**
 * User Timing marks on the app's real paths, read by `npm run bench` (and visible in any
 * browser profiler). Names start with `lanyard:`; each call is a cheap no-op where the
 * User Timing API is missing.
 */
export function measureSince(name: string, start: number, detail?: Record<string, string | number>): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.measure(name, { start, end: performance.now(), ...(detail ? { detail } : {}) });
}

const marked = new Set<string>();

/** Marks the first time something happens in this page load (e.g. the schedule's first painted rows). */
export function markOnce(name: string): void {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  marked.add(name);
  performance.mark(name);
}

/** Interactions begun and not yet painted, by key: the input event's time stamp and the measure's name. */
const begun = new Map<string, { name: string; at: number }>();

/**
 * Starts timing an interaction (`lanyard:<name>`) at its input event's own time stamp. The
 * component that shows the result calls usePaintedInteraction with the same key; the measure
 * ends after the frame that shows it is painted.
 */
export function beginInteraction(key: string, name: string, event: { timeStamp: number }): void {
  begun.set(key, { name, at: event.timeStamp });
}

/** Ends the interaction `key` (if one is timing) once this render is on screen: the next frame, then the task after it. */
export function endInteractionAfterPaint(key: string, detail?: Record<string, string | number>): void {
  const started = begun.get(key);
  if (!started || typeof requestAnimationFrame !== 'function') return;
  begun.delete(key);
  requestAnimationFrame(() => setTimeout(() => measureSince(`lanyard:${started.name}`, started.at, detail), 0));
}
