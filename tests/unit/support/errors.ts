import { FeedError } from '../../../core/errors';

/** The FeedError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}
