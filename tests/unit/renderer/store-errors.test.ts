import { describe, expect, it } from 'vitest';
import { describeStoreError, isQuotaError } from '../../../renderer/src/sync/store-errors';

describe('words for a failed write', () => {
  it('sees a quota error through Dexie\'s AbortError wrapper', () => {
    const inner = new Error('The quota has been exceeded.');
    inner.name = 'QuotaExceededError';
    const wrapped = Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), { name: 'AbortError', inner });
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner }))).toBe(true);
    expect(describeStoreError(wrapped)).toBe("there is not enough storage space (the disk or the browser's quota is full)");
  });

  it('names other failures without pretending they are a full disk', () => {
    const error = Object.assign(new Error('Key already exists'), { name: 'ConstraintError' });
    expect(isQuotaError(error)).toBe(false);
    expect(describeStoreError(error)).toBe('the database refused the write (ConstraintError: Key already exists)');
    expect(describeStoreError('boom')).toBe('the database refused the write (boom)');
  });
});
