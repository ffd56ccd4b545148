import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../renderer/src/errors/failure-report';

describe('why a view failed, in words', () => {
  it('names the usual causes in words a person can act on', () => {
    expect(describeFailure(new Error('Minified React error #31; visit https://react.dev/errors/31?args[]=object'))).toBe('a stored value that should be text is not text');
    expect(describeFailure(new Error('Objects are not valid as a React child (found: object with keys {a})'))).toBe('a stored value that should be text is not text');
    expect(describeFailure(new RangeError('Invalid time value'))).toBe('a stored date cannot be read');
    expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe('a stored value is missing');
  });

  it('otherwise gives the message, cut to a line', () => {
    expect(describeFailure(new Error('The disk is on fire'))).toBe('The disk is on fire');
    expect(describeFailure(new Error('x'.repeat(500)))).toBe(`${'x'.repeat(160)}…`);
  });
});
