/**
 * The codes of the warnings the model boundary (boundary.ts) gives: what a person should see
 * about a stored revision. A file of its own so the UI can read them without the boundary.
 */
export const BOUNDARY_WARNING_CODES: ReadonlySet<string> = new Set([
  'session-dropped', 'room-dropped', 'track-dropped', 'speaker-dropped', 'announcement-dropped', 'value-dropped', 'conference-dates-derived', 'bidi-controls-removed',
]);
