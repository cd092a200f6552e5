/**
 * One file of the batch: read it with the CLI's readers (every format that `check` accepts),
 * check it, and keep what the summary needs. Runs inside a worker thread; never throws — an
 * unreadable file becomes a result with its reason.
 */
import { XxgkError, checkUnworded, summarize, wordOutcomes, type CheckOptions, type CheckSummary, type DescribedOutcome, type Report } from '../../core';
import { loadInput } from '../../cli/input';
import type { BatchFindingRow } from '../../core/batch-plan';
import { undecidedBlanks } from '../../core/blank-cells';

/** One finding of a unit: a findings-sheet row, plus the rule instance it is about. */
export interface Finding extends BatchFindingRow {
  /** Rule instance (column, row, group or cell id); null for import issues. */
  instance: string | null;
}

export interface TaskOptions {
  /** Keep passing outcomes too (the findings sheet then lists every outcome). */
  all?: boolean;
  blanksAsZero?: boolean;
}

export type FileResult =
  | {
      file: string;
      ok: true;
      report: Report;
      summary: CheckSummary;
      /** The blank cells that leave rules undecided (see core/blank-cells.ts): what the unit must fill. */
      blanks: string[];
      /** Import issues by severity (inputs that went through the importer). */
      issueCounts: { error: number; warning: number; info: number };
      findings: Finding[];
    }
  | { file: string; ok: false; reason: string };

function fromOutcome(file: string, o: DescribedOutcome): Finding {
  return {
    unit: '', file, source: 'rule', code: o.rule, instance: o.instance, status: o.status, severity: o.severity,
    cells: o.cells, expected: o.expected, found: o.found, message: o.message,
  };
}

/** Import issues arrive as JSON-ready objects (spec: code, cells, severity, message, line, column). */
function fromIssue(file: string, issue: unknown): Finding {
  const i = (issue ?? {}) as Record<string, unknown>;
  const severity = i.severity === 'error' || i.severity === 'warning' ? i.severity : 'info';
  return {
    unit: '', file, source: 'import', code: String(i.code ?? ''), instance: null, status: null, severity,
    cells: Array.isArray(i.cells) ? i.cells.map(String) : [], expected: null, found: null,
    message: typeof i.message === 'string' ? i.message : String(i.code ?? ''),
  };
}

/**
 * Checks a report as `check` does and keeps the outcomes worth listing: failing and undecided
 * ones, or all with `all`. Only those are put into words (most outcomes of most units pass).
 */
export function checkForBatch(
  file: string, report: Report, options: CheckOptions, all: boolean,
): { summary: CheckSummary; blanks: string[]; findings: Finding[] } {
  const found = checkUnworded(report, options);
  const outcomes = [...found.outcomes, ...found.narrative];
  return {
    summary: summarize(outcomes),
    blanks: undecidedBlanks(report.format, outcomes),
    findings: wordOutcomes(report, found, (o) => all || o.status !== 'pass').map((o) => fromOutcome(file, o)),
  };
}

/**
 * Reads and checks one file as `check` does (cross-year rules come later, in crossyear.ts,
 * once last year's reports are read).
 */
export function checkFile(path: string, file: string, options: TaskOptions = {}): FileResult {
  try {
    const input = loadInput(path);
    const issues = (input.issues ?? []).map((i) => fromIssue(file, i));
    // A text or page without any table (minutes, a notice) is not a unit: summed, it would blank every cell.
    if (Object.keys(input.report.cells).length === 0)
      throw new XxgkError('REPORT-EMPTY', { path, reason: issues.filter((i) => i.severity === 'error').map((i) => i.message).join('；') });
    const { summary, blanks, findings } = checkForBatch(file, input.report, { blanksAsZero: options.blanksAsZero }, options.all === true);
    const issueCounts = { error: 0, warning: 0, info: 0 };
    for (const i of issues) issueCounts[i.severity]++;
    return { file, ok: true, report: input.report, summary, blanks, issueCounts, findings: [...findings, ...issues] };
  } catch (e) {
    // A reader's own failure (not an XxgkError) still names the file and never stops the batch.
    const error = e instanceof XxgkError ? e : new XxgkError('FILE-UNREADABLE', { path, reason: e instanceof Error ? e.message : String(e) });
    return { file, ok: false, reason: error.message };
  }
}
