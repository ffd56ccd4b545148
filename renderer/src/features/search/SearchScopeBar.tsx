import type { SearchScope } from './search-scope';

/** Where a search can go from here: a conference's search widened to all, or narrowed back. */
export interface ScopeChoice {
  conferenceId?: string;
  all?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Says which conferences are searched, always on screen, and offers the one other scope a
 * click away: "In FOSDEM 2026 · Search all conferences", "In current conferences (2); 3 past
 * ones not included · Include past conferences", and back.
 */
export function SearchScopeBar({ scope, total, choose }: { scope: SearchScope; total: number; choose: (next: ScopeChoice) => void }) {
  let where: string;
  let other: { label: string; next: ScopeChoice } | undefined;
  if (scope.kind === 'conference') {
    where = `In ${scope.here?.title ?? 'this conference'}`;
    if (total > 1) other = { label: 'Search all conferences', next: { conferenceId: scope.here?.id, all: true } };
  } else if (scope.kind === 'current') {
    where = scope.pastCount > 0 ? `In current conferences (${scope.ids.length}); ${plural(scope.pastCount, 'past one')} not included` : `In all ${plural(scope.ids.length, 'conference')}`;
    if (scope.pastCount > 0) other = { label: 'Include past conferences', next: { all: true } };
  } else if (scope.here) {
    where = `In all ${plural(scope.ids.length, 'conference')}${scope.pastCount > 0 ? ', past ones included' : ''}`;
    other = { label: `Only ${scope.here.title}`, next: { conferenceId: scope.here.id } };
  } else if (scope.ids.length > scope.pastCount) {
    where = `In all ${plural(scope.ids.length, 'conference')}, past ones included`;
    other = { label: 'Only current conferences', next: {} };
  } else {
    where = scope.ids.length === 0 ? 'No conferences to search' : `No current conferences: searching ${scope.ids.length === 1 ? 'the past one' : `all ${scope.ids.length} past ones`}`;
  }
  return (
    <p className="search-scope" data-testid="search-scope">
      <span className="search-scope-where">{where}</span>
      {other ? (
        <>
          <span aria-hidden="true"> · </span>
          <button type="button" className="link-button" onClick={() => choose(other.next)}>{other.label}</button>
        </>
      ) : null}
    </p>
  );
}
