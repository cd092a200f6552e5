/** The `check` job: a report against every rule of its format, as the spec's `check` JSON. */
import { describeOutcome, describeOutcomes, type DescribedOutcome } from './describe';
import type { Report } from './report';
import { confront, hasErrors } from './rules/confront';
import { rulesFor } from './rules/derive';
import type { Outcome, Rule } from './rules/types';
import { narrativeOutcomes } from './narrative/check';

export interface CheckResult extends Report {
  outcomes: DescribedOutcome[];
}

export interface CheckOptions {
  lastYear?: Report | null;
  blanksAsZero?: boolean;
}

export function check(report: Report, options: CheckOptions = {}): CheckResult {
  const { rules, outcomes, narrative } = checkUnworded(report, options);
  return { ...report, outcomes: [...describeOutcomes(report.format, rules, outcomes), ...narrative] };
}

/**
 * What `check` finds, before the table rules' outcomes are put into words: a batch of
 * hundreds of reports words only the outcomes it lists. `outcomes[i]` is the outcome of
 * `rules[i]`; the narrative outcomes (N-MISMATCH, N-SHARES, when the report carries text
 * sections 一/五/六) come worded, since each is a finding already.
 */
export function checkUnworded(report: Report, options: CheckOptions = {}): { rules: readonly Rule[]; outcomes: Outcome[]; narrative: DescribedOutcome[] } {
  const rules = rulesFor(report.format, { crossYear: !!options.lastYear });
  return {
    rules,
    outcomes: confront(report, rules, options),
    narrative: narrativeOutcomes(report, { lastYear: options.lastYear ?? null }),
  };
}

/** The outcomes of `checkUnworded` that `keep` selects, worded, table rules first (as `check` orders them). */
export function wordOutcomes(
  report: Pick<Report, 'format'>,
  found: ReturnType<typeof checkUnworded>,
  keep: (o: Outcome) => boolean,
): DescribedOutcome[] {
  const out: DescribedOutcome[] = [];
  found.outcomes.forEach((o, i) => {
    if (keep(o)) out.push({ ...o, message: describeOutcome(report.format, found.rules[i], o) });
  });
  for (const o of found.narrative) if (keep(o)) out.push(o);
  return out;
}

export function checkFailed(result: Pick<CheckResult, 'outcomes'>): boolean {
  return hasErrors(result.outcomes);
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  undecided: number;
  passed: number;
}

export function summarize(outcomes: readonly Pick<Outcome, 'status' | 'severity'>[]): CheckSummary {
  const s: CheckSummary = { errors: 0, warnings: 0, undecided: 0, passed: 0 };
  for (const o of outcomes) {
    if (o.status === 'pass') s.passed++;
    else if (o.status === 'undecided') s.undecided++;
    else if (o.severity === 'error') s.errors++;
    else s.warnings++;
  }
  return s;
}
