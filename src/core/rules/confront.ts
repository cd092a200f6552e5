/**
 * Confronts report data with rules (after R's validate::confront). Pure and total: whatever
 * the data holds, it returns one outcome per rule and never throws.
 */
import type { Report } from '../report';
import { RELATIONS } from './relations';
import type { Outcome, Rule, Term } from './types';

export interface ConfrontOptions {
  /** Last year's report, for the cross-year rules. */
  lastYear?: Pick<Report, 'cells'> | null;
  /** The user chose "treat blanks as 0" explicitly. */
  blanksAsZero?: boolean;
}

type Cells = Record<string, unknown>;

function cellsOf(report: unknown): Cells | null {
  const cells = (report as { cells?: unknown } | null | undefined)?.cells;
  return cells !== null && typeof cells === 'object' ? (cells as Cells) : null;
}

/** Sum of terms; records blank cells and a missing last-year report in `state`. */
function sum(terms: readonly Term[], thisYear: Cells, lastYear: Cells | null, blanksAsZero: boolean, state: SumState): number {
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const source = t.lastYear ? lastYear : thisYear;
    if (source === null) {
      state.needsLastYear = true;
      continue;
    }
    let v = source[t.cell];
    if ((v === null || v === undefined) && blanksAsZero) v = 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      (state.blanks ??= []).push(t.lastYear ? `lastYear:${t.cell}` : t.cell);
      continue;
    }
    total += t.sign * v;
  }
  return total;
}

interface SumState {
  blanks?: string[];
  needsLastYear: boolean;
}

export function confront(report: Pick<Report, 'cells'>, rules: readonly Rule[], options: ConfrontOptions = {}): Outcome[] {
  const thisYear = cellsOf(report) ?? {};
  const lastYear = cellsOf(options?.lastYear);
  const blanksAsZero = options?.blanksAsZero === true;
  const outcomes: Outcome[] = new Array(rules.length);

  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const foundState: SumState = { needsLastYear: false };
    const found = sum(rule.found, thisYear, lastYear, blanksAsZero, foundState);
    const state: SumState = { blanks: foundState.blanks?.slice(), needsLastYear: foundState.needsLastYear };
    const expected = sum(rule.expected, thisYear, lastYear, blanksAsZero, state);
    const relation = RELATIONS[rule.relation];
    const decided = state.blanks === undefined && !state.needsLastYear;
    const foundKnown = foundState.blanks === undefined && !foundState.needsLastYear;
    const outcome: Outcome = {
      rule: rule.id,
      instance: rule.instance,
      status: decided ? (relation.holds(found, expected) ? 'pass' : 'fail') : 'undecided',
      severity: rule.severity,
      cells: rule.reads as string[],
      expected: decided && relation.hasExpected ? expected : null,
      found: foundKnown ? found : null,
    };
    if (rule.lastYearReads) outcome.lastYearCells = rule.lastYearReads as string[];
    if (state.blanks) outcome.blanks = state.blanks;
    if (state.needsLastYear) outcome.needsLastYear = true;
    outcomes[i] = outcome;
  }
  return outcomes;
}

/** True when an error-severity rule fails: the CLI's exit status 1. */
export function hasErrors(outcomes: readonly Outcome[]): boolean {
  return outcomes.some((o) => o.status === 'fail' && o.severity === 'error');
}
