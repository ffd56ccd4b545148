/**
 * Whether a new revision looks like a broken export rather than a real update: no sessions
 * at all, or most of them gone at once. Such a revision is held back and the stored copy
 * kept, with the reason shown to the user.
 */
export function suspiciousShrink(previousCount: number, nextCount: number): string | undefined {
  if (previousCount === 0) return undefined;
  if (nextCount === 0) return `The new revision has no sessions (the stored copy has ${previousCount}); it was not applied.`;
  if (previousCount >= 10 && nextCount < previousCount / 2) {
    return `The new revision has only ${nextCount} of ${previousCount} sessions; it was held back for review and not applied.`;
  }
  return undefined;
}

/** Why a revision was held, in one plain sentence: "The new revision has 3 sessions instead of 18; kept the previous copy." */
export function heldSentence(before: number, after: number): string {
  const has = after === 0 ? 'no sessions' : `${after} session${after === 1 ? '' : 's'}`;
  return `The new revision has ${has} instead of ${before}; kept the previous copy.`;
}
