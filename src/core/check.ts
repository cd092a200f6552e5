/** The `check` job: a report against every rule of its format, as the spec's `check` JSON. */
import { describeOutcomes, type DescribedOutcome } from './describe';
import type { Report } from './report';
import { confront, hasErrors } from './rules/confront';
import { rulesFor } from './rules/derive';
import { narrativeOutcomes } from './narrative/check';

export interface CheckResult extends Report {
  outcomes: DescribedOutcome[];
}

export interface CheckOptions {
  lastYear?: Report | null;
  blanksAsZero?: boolean;
}

export function check(report: Report, options: CheckOptions = {}): CheckResult {
  const rules = rulesFor(report.format, { crossYear: !!options.lastYear });
  const outcomes = confront(report, rules, options);
  const described = describeOutcomes(report.format, rules, outcomes);
  // Narrative rules (N-MISMATCH, N-SHARES) when the report carries text sections 一/五/六.
  described.push(...narrativeOutcomes(report, { lastYear: options.lastYear ?? null }));
  return { ...report, outcomes: described };
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

export function summarize(outcomes: readonly DescribedOutcome[]): CheckSummary {
  const s: CheckSummary = { errors: 0, warnings: 0, undecided: 0, passed: 0 };
  for (const o of outcomes) {
    if (o.status === 'pass') s.passed++;
    else if (o.status === 'undecided') s.undecided++;
    else if (o.severity === 'error') s.errors++;
    else s.warnings++;
  }
  return s;
}
