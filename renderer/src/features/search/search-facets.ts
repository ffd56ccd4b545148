/**
 * Speakers, rooms and tracks as search results of their own: "Poettering" finds Lennart
 * Poettering's page before his sessions. A few thousand names over every stored conference,
 * each kept as its folded words, matched word by word as prefixes: well under a millisecond
 * per keystroke. Pure: no React, no DOM.
 */
import type { ConferenceParts } from './conference-parts';
import { fold, tokenize } from './text-match';

export type FacetKind = 'speaker' | 'room' | 'track';

/** One speaker, room or track, with what its result shows. */
export interface FacetDoc {
  kind: FacetKind;
  conferenceId: string;
  conferenceTitle: string;
  /** The speaker's, room's or track's id in its conference. */
  id: string;
  name: string;
  sessionCount: number;
  /** The name's words, folded (lower case, no accents). */
  words: readonly string[];
}

export interface FacetHit {
  doc: FacetDoc;
  score: number;
}

/** A name beyond this many words is matched on its first ones only. */
const MAX_NAME_WORDS = 12;
/** Queries shorter than this (one letter) list no speakers, rooms or tracks: nearly every name would match. */
const MIN_QUERY_CHARS = 2;
/** Speakers first, then tracks, then rooms, when their match is as good. */
const KIND_ORDER: Record<FacetKind, number> = { speaker: 0, track: 1, room: 2 };

/** One conference's speakers, rooms and tracks that have sessions, as search results. */
export function facetDocsFromConference(conferenceId: string, parts: ConferenceParts): FacetDoc[] {
  const counts = { speaker: new Map<string, number>(), room: new Map<string, number>(), track: new Map<string, number>() };
  const add = (map: Map<string, number>, id: string | undefined): void => {
    if (id !== undefined) map.set(id, (map.get(id) ?? 0) + 1);
  };
  for (const s of parts.sessions) {
    for (const id of new Set(s.speakerIds)) add(counts.speaker, id);
    add(counts.room, s.roomId);
    add(counts.track, s.trackId);
  }
  const conferenceTitle = parts.conference.title;
  const out: FacetDoc[] = [];
  const push = (kind: FacetKind, items: ReadonlyArray<{ id: string; name: string }>): void => {
    // A feed may list an id twice: one result per id, the last one, as in the schedule's own maps.
    for (const item of new Map(items.map((i) => [i.id, i])).values()) {
      const sessionCount = counts[kind].get(item.id) ?? 0;
      const words = tokenize(fold(item.name)).slice(0, MAX_NAME_WORDS);
      if (sessionCount > 0 && words.length > 0) out.push({ kind, conferenceId, conferenceTitle, id: item.id, name: item.name, sessionCount, words });
    }
  };
  push('speaker', parts.speakers);
  push('track', parts.tracks);
  push('room', parts.rooms);
  return out;
}

/** 2 when a word of the name is `term`, 1 when one starts with it, 0 when none does. */
function wordMatch(words: readonly string[], term: string): number {
  let best = 0;
  for (const w of words) {
    if (w === term) return 2;
    if (best === 0 && w.startsWith(term)) best = 1;
  }
  return best;
}

/**
 * The speakers, rooms and tracks whose names have every word of `query` (each word whole or
 * as the start of one of theirs), within `scope` (conference ids; every one when undefined):
 * whole words before prefixes, a name typed in full first, then speakers before tracks before
 * rooms, then those with more sessions. `total` counts them all; `hits` holds the first `limit`.
 */
export function searchFacets(facets: readonly FacetDoc[], query: string, options: { scope?: ReadonlySet<string>; limit: number }): { hits: FacetHit[]; total: number } {
  const terms = [...new Set(tokenize(fold(query)))];
  if (terms.join('').length < MIN_QUERY_CHARS) return { hits: [], total: 0 };
  const hits: FacetHit[] = [];
  for (const doc of facets) {
    if (options.scope && !options.scope.has(doc.conferenceId)) continue;
    let score = 0;
    for (const term of terms) {
      const m = wordMatch(doc.words, term);
      if (m === 0) {
        score = 0;
        break;
      }
      score += m;
    }
    // Every word of the name typed whole: the name itself was asked for.
    if (score > 0 && score === 2 * terms.length && terms.length >= doc.words.length) score += 1;
    if (score > 0) hits.push({ doc, score });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      KIND_ORDER[a.doc.kind] - KIND_ORDER[b.doc.kind] ||
      b.doc.sessionCount - a.doc.sessionCount ||
      (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : 0),
  );
  return { hits: hits.slice(0, Math.max(0, options.limit)), total: hits.length };
}
