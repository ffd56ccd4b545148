import type { FeedWarning } from '../../../../core/errors';
import { BOUNDARY_WARNING_CODES } from '../../../../core/model/boundary-codes';

/**
 * What the model's boundary left out of, or repaired in, the stored revision (impossible
 * dates, sessions ending before they start, bidirectional controls), in the conference
 * header: the schedule shown is not everything the feed said, and the attendee is told so.
 */
export function LeftOutNotice({ warnings }: { warnings: readonly FeedWarning[] }) {
  // A record stored by an older version may lack the list: nothing to show then, rather than a failed header.
  const list: readonly FeedWarning[] = Array.isArray(warnings) ? warnings : [];
  const shown = list.filter((w) => BOUNDARY_WARNING_CODES.has(w.code) && typeof w.message === 'string');
  if (shown.length === 0) return null;
  // Past 20 of a kind the warning log folds the rest into one "N more" line.
  const sessions = shown.filter((w) => w.code === 'session-dropped' && w.message.startsWith('Session ')).length;
  const folded = shown.find((w) => w.code === 'session-dropped' && /^\d+ more/.test(w.message));
  const count = sessions + (folded ? Number(/^\d+/.exec(folded.message)![0]) : 0);
  const summary = count > 0
    ? `${count} session${count === 1 ? ' was' : 's were'} left out of this revision: the feed gives impossible values for ${count === 1 ? 'it' : 'them'}`
    : 'Some values in this revision were impossible and were left out or repaired';
  return (
    <details className="left-out" data-testid="left-out">
      <summary>{summary}</summary>
      <ul>
        {shown.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </details>
  );
}
