/**
 * Which conferences a search looks in. From inside a conference: that one, one click from all
 * of them. From outside: the current ones (past and archived ones left out, as the sidebar
 * files them), one click from all of them. Pure: no React, no DOM.
 */

/** A conference is past this long after its last session ends (the sidebar's rule). */
export const PAST_AFTER_MS = 14 * 86_400_000;

export interface ScopeConference {
  id: string;
  title: string;
  /** Epoch ms of its last session's end. */
  lastEnd: number;
  isArchived: boolean;
}

export interface SearchScope {
  /** `conference`: the one the search started in; `current`: every current conference; `all`: every stored one. */
  kind: 'conference' | 'current' | 'all';
  /** The conferences searched. */
  ids: string[];
  /** The conference the search started in, if any (its title; its id when it is not stored). */
  here?: { id: string; title: string };
  /** Past and archived conferences a `current` scope leaves out, and that `all` includes. */
  pastCount: number;
}

/** True for a conference the user filed in the archive or that ended over two weeks ago. */
function isPastConference(c: ScopeConference, now: number): boolean {
  return c.isArchived || c.lastEnd < now - PAST_AFTER_MS;
}

/**
 * The scope of a search route. With no current conference at all, a search from outside
 * looks in every one rather than in nothing (and says so).
 */
export function searchScope(route: { conferenceId?: string; all?: boolean }, conferences: readonly ScopeConference[], now: number): SearchScope {
  const past = conferences.filter((c) => isPastConference(c, now));
  const started = route.conferenceId === undefined ? undefined : conferences.find((c) => c.id === route.conferenceId);
  const here = route.conferenceId === undefined ? undefined : { id: route.conferenceId, title: started?.title ?? route.conferenceId };
  if (here && !route.all) return { kind: 'conference', ids: [here.id], here, pastCount: past.length };
  const current = conferences.filter((c) => !isPastConference(c, now));
  if (route.all || current.length === 0) return { kind: 'all', ids: conferences.map((c) => c.id), ...(here ? { here } : {}), pastCount: past.length };
  return { kind: 'current', ids: current.map((c) => c.id), pastCount: past.length };
}
