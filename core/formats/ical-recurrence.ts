import ICAL from 'ical.js';
import { LIMITS } from '../limits';

/** Thrown (and caught by the importer) when a repeat rule has used up its steps. */
export class RecurrenceBudgetExceeded extends Error {
  constructor(readonly steps: number) {
    super(`stopped after ${steps} steps`);
    this.name = 'RecurrenceBudgetExceeded';
  }
}

/**
 * Steps one feed may spend expanding repeat rules: at most `perEvent` for one event and
 * `perFeed` for all of them. A step is one candidate date ical.js tries (one call of its
 * rule check), so the limit is a count and the same on every machine, not a wall-clock time.
 */
export class RecurrenceBudget {
  private left: number;
  constructor(
    readonly perEvent: number = LIMITS.maxRecurrenceSteps,
    readonly perFeed: number = LIMITS.maxRecurrenceStepsPerFeed,
  ) {
    this.left = perFeed;
  }

  /** Steps this feed has left. */
  get remaining(): number {
    return this.left;
  }

  /** The allowance for the next event; call `spend` with what it used. */
  allowance(): number {
    return Math.min(this.perEvent, this.left);
  }

  spend(steps: number): void {
    this.left = Math.max(0, this.left - steps);
  }
}

/** The two RecurIterator methods ical.js calls once per candidate date and once per candidate year. */
const COUNTED = ['check_contracting_rules', 'expand_year_days'] as const;

/**
 * Runs `expand` (which creates and steps an event's occurrence iterator) with a step counter
 * on ical.js's rule iterator. ical.js loops inside one `next()` until a date matches, and a
 * rule no date can match (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) never returns; an
 * impossible YEARLY rule even searches 18,000 years while the iterator is being built. So
 * the count sits inside those loops, on the rule check called once per candidate date and
 * the year expansion called once per candidate year; past `allowed` steps they throw
 * RecurrenceBudgetExceeded. The import is synchronous, so the counter is in place only
 * while `expand` runs and is always taken off again.
 */
export function withStepBudget<T>(allowed: number, expand: () => T): { value: T; used: number } | { exceeded: RecurrenceBudgetExceeded; used: number } {
  const proto = ICAL.RecurIterator.prototype as unknown as Record<(typeof COUNTED)[number], unknown>;
  const originals = COUNTED.map((name) => proto[name]);
  // If a future ical.js renames these, fail loudly rather than expand without a bound.
  if (!originals.every((f) => typeof f === 'function')) throw new Error('ical.js internals changed: repeat rules cannot be bounded');
  let steps = 0;
  COUNTED.forEach((name, k) => {
    const original = originals[k] as (this: unknown, ...args: unknown[]) => unknown;
    proto[name] = function counted(this: unknown, ...args: unknown[]): unknown {
      steps += 1;
      if (steps > allowed) throw new RecurrenceBudgetExceeded(allowed);
      return original.apply(this, args);
    };
  });
  try {
    return { value: expand(), used: steps };
  } catch (error) {
    if (error instanceof RecurrenceBudgetExceeded) return { exceeded: error, used: allowed };
    throw error;
  } finally {
    COUNTED.forEach((name, k) => {
      proto[name] = originals[k];
    });
  }
}
