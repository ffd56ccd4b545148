/** Why a fetch failed, in words a person understands, plus what a retry policy needs. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
