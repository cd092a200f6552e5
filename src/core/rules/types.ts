/**
 * Rules are data: every rule instance says which cells it reads, on which side of which
 * relation, so `confront` evaluates all of them with one loop and never asks what kind of
 * rule it holds.
 */
import type { TableId } from '../formats';

export const RULE_IDS = [
  'T3-BALANCE',
  'T3-HANDLED-SUM',
  'T3-ROW-SUM',
  'T4-GROUP-SUM',
  'CELL-INTEGER',
  'CELL-AMOUNT',
  'T2-INFORCE',
  'X-CARRY',
  'X-INFORCE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Rules of the text (sections 一/五/六) against the tables: evaluated by core/narrative, not by confront. */
export const NARRATIVE_RULE_IDS = ['N-MISMATCH', 'N-SHARES'] as const;
export type NarrativeRuleId = (typeof NARRATIVE_RULE_IDS)[number];

export type Severity = 'error' | 'warning';

/** A cell with a sign, this year's report or last year's. */
export interface Term {
  cell: string;
  sign: 1 | -1;
  lastYear?: true;
}

/**
 * How `found` must relate to `expected` (both sums of terms). Relations are a closed set
 * shared by many rules; see relations.ts.
 */
export type RelationId = 'equal' | 'atLeast' | 'wholeNonNegative' | 'whole' | 'nonNegative';

export interface Rule {
  id: RuleId;
  /** Which instance of the rule: a column, row, group or cell id. Unique with `id`. */
  instance: string;
  severity: Severity;
  table: TableId;
  /** Ids naming the place for messages: row and/or column ids in `table`. */
  row?: string;
  column?: string;
  /** The printed quantity being checked (a total, an in-force count, a cell). */
  found: Term[];
  /** What it should be; empty for rules about a single cell's domain. */
  expected: Term[];
  relation: RelationId;
  /** The distinct cells of this year's report that the rule reads (derived from the terms). */
  reads: readonly string[];
  /** The cells of last year's report that it reads (cross-year rules only). */
  lastYearReads?: readonly string[];
}

/** A rule as written in derive.ts, before `reads` is filled in. */
export type RuleSpec = Omit<Rule, 'reads' | 'lastYearReads'>;

export type Status = 'pass' | 'fail' | 'undecided';

export interface Outcome {
  rule: RuleId | NarrativeRuleId;
  instance: string;
  status: Status;
  severity: Severity;
  /** This year's cells the rule reads. */
  cells: string[];
  /** Last year's cells the rule reads (cross-year rules only). */
  lastYearCells?: string[];
  expected: number | null;
  found: number | null;
  /** The cells (this year or last) whose blank made the outcome undecided. */
  blanks?: string[];
  /** Set when last year's report was needed and not given. */
  needsLastYear?: true;
}
