/** Why a feed could not be read. Each code has a message written for a person. */
export type FeedErrorCode =
  | 'too-large'
  | 'empty'
  | 'unknown-format'
  | 'doctype-refused'
  | 'malformed-xml'
  | 'malformed-json'
  | 'malformed-ical'
  | 'too-deep'
  | 'too-many'
  | 'invalid-field'
  /** Readable, but what it says cannot be a schedule (impossible dates with nothing to take them from, no conference): refused at the model's boundary. */
  | 'invalid-model'
  | 'invalid-time-zone'
  | 'no-sessions-readable';

/**
 * The one error type importers throw. `where` says where in the input the problem is:
 * `line 12, column 4` for text formats, a field path such as `schedule.conference.days[0]`
 * for structured ones.
 */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly where: string | undefined;

  constructor(code: FeedErrorCode, message: string, where?: string) {
    super(where ? `${message} (at ${where})` : message);
    this.name = 'FeedError';
    this.code = code;
    this.where = where;
  }
}

export function isFeedError(error: unknown): error is FeedError {
  return error instanceof FeedError;
}

/** Something the importer handled but the organizer or subscriber should know about. */
export interface FeedWarning {
  code: string;
  message: string;
  where?: string;
}

/** Collects warnings; repeated codes beyond a limit are folded into one summary line. */
export class WarningLog {
  private readonly items: FeedWarning[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(private readonly maxPerCode = 20) {}

  add(code: string, message: string, where?: string): void {
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen <= this.maxPerCode) this.items.push(where === undefined ? { code, message } : { code, message, where });
  }

  list(): FeedWarning[] {
    const folded: FeedWarning[] = [];
    for (const [code, count] of this.perCode) {
      if (count > this.maxPerCode) {
        folded.push({ code, message: `${count - this.maxPerCode} more warning(s) of this kind not listed` });
      }
    }
    return [...this.items, ...folded];
  }

  count(code: string): number {
    return this.perCode.get(code) ?? 0;
  }
}
