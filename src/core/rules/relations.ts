/** The closed set of relations a rule can state between its found and expected sums. */
import type { RelationId } from './types';

const EPSILON = 1e-9;

export interface Relation {
  holds(found: number, expected: number): boolean;
  /** Whether `expected` is a number worth reporting (a domain check has none). */
  hasExpected: boolean;
}

export const RELATIONS: Record<RelationId, Relation> = {
  equal: { holds: (f, e) => Math.abs(f - e) < EPSILON, hasExpected: true },
  atLeast: { holds: (f, e) => f >= e - EPSILON, hasExpected: true },
  wholeNonNegative: { holds: (f) => Number.isInteger(f) && f >= 0, hasExpected: false },
  whole: { holds: (f) => Number.isInteger(f), hasExpected: false },
  nonNegative: { holds: (f) => f >= 0, hasExpected: false },
};
