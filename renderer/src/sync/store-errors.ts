/** Dexie wraps the browser's QuotaExceededError in an AbortError; look through it. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth += 1) {
    if (e.name === 'QuotaExceededError' || /quota ?exceeded/i.test(e.message)) return true;
    e = (e as Error & { inner?: unknown }).inner ?? e.cause;
  }
  return false;
}

/** Why a write to the app's database failed, in words the user can act on (no trailing period). */
export function describeStoreError(error: unknown): string {
  if (isQuotaError(error)) return "there is not enough storage space (the disk or the browser's quota is full)";
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `the database refused the write (${reason.slice(0, 200)})`;
}
