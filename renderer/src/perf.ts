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
