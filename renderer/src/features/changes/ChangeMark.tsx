import type { ChangeMarkRecord } from '../../db/schema';

/** The unseen mark on a session: "New" for a session that appeared, "Changed" otherwise, until the user opens it. */
export function ChangeMark({ mark }: { mark: ChangeMarkRecord | undefined }) {
  if (!mark) return null;
  const isNew = mark.tags.every((t) => t === 'new');
  return (
    <span className="tag tag-unseen" title={isNew ? 'Added since you last looked' : 'Changed since you last looked'}>
      {isNew ? 'New' : 'Changed'}
    </span>
  );
}
