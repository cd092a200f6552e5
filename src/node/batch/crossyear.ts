/**
 * `batch --last-year <folder>`: each unit's report is matched with last year's report of the
 * same issuing body (agency, exactly; year one less when both say a year), and the cross-year
 * rules X-CARRY and X-INFORCE (and the narrative's year-over-year checks) run on the pair.
 * Matching happens after the files are read, in this thread: one more `check` per pair.
 */
import type { Report } from '../../core';
import { checkForBatch, type FileResult, type TaskOptions } from './unit';

type ReadResult = Extract<FileResult, { ok: true }>;

/** Last year's reports by agency; an agency found twice is ambiguous and left out. */
export function lastYearIndex(results: readonly FileResult[]): Map<string, { file: string; report: Report }> {
  const index = new Map<string, { file: string; report: Report }>();
  const twice = new Set<string>();
  for (const r of results) {
    const agency = r.ok ? r.report.agency?.trim() : undefined;
    if (!r.ok || !agency) continue;
    if (index.has(agency)) twice.add(agency);
    index.set(agency, { file: r.file, report: r.report });
  }
  for (const a of twice) index.delete(a);
  return index;
}

/**
 * Checks a unit again with last year's report (every rule of `check`, the cross-year ones
 * included) and replaces its rule findings and counts; returns last year's file, or null when
 * there is no match.
 */
export function addCrossYear(result: ReadResult, index: ReturnType<typeof lastYearIndex>, options: TaskOptions): string | null {
  const agency = result.report.agency?.trim();
  const last = agency ? index.get(agency) : undefined;
  if (!last) return null;
  const { year } = result.report;
  if (year !== null && last.report.year !== null && last.report.year !== year - 1) return null;
  const checked = checkForBatch(result.file, result.report, { lastYear: last.report, blanksAsZero: options.blanksAsZero }, options.all === true);
  result.summary = checked.summary;
  result.blanks = checked.blanks;
  result.findings = [...checked.findings, ...result.findings.filter((f) => f.source === 'import')];
  return last.file;
}
