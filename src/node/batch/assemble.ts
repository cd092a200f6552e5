/** Turns the files' results into the summary: per-unit rows, the aggregate, every finding. */
import { basename, extname } from 'node:path';
import { aggregateReports, cellPlace, zhCN, type Report } from '../../core';
import { unitVerdict, type BatchUnitRow } from '../../core/batch-plan';
import type { FileResult, Finding } from './unit';

/** One row of the per-unit table (defined beside the plan that lays it out). */
export type UnitRow = BatchUnitRow;

export interface BatchResult {
  units: UnitRow[];
  /** The district aggregate in the report JSON of the spec; null when no file could be read. */
  aggregate: Report | null;
  /** Aggregate cells left empty, with the units that left them blank. */
  incomplete: Record<string, string[]>;
  findings: Finding[];
  /** Unreadable files and folders with the reason. */
  broken: { file: string; reason: string }[];
  /** Files of other types found in the folder (not read). */
  ignored: string[];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function firstFindings(findings: readonly Finding[]): string[] {
  const notable = findings.filter((f) => f.status === 'fail' || (f.source === 'import' && f.severity !== 'info'));
  const rank = (f: Finding) => SEVERITY_RANK[f.severity] * 2 + (f.source === 'rule' ? 0 : 1);
  return notable
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .slice(0, 3)
    .map(({ f }) => f.message);
}

/** The issuing body as the report names it, else the file name. */
function baseName(r: FileResult): string {
  return (r.ok && r.report.agency?.trim()) || basename(r.file, extname(r.file));
}

/** Unit names must be unique to list who left a cell blank: repeats get their file name added. */
function unitNames(results: readonly FileResult[]): string[] {
  const base = results.map(baseName);
  const seen = new Map<string, number>();
  for (const name of base) seen.set(name, (seen.get(name) ?? 0) + 1);
  return base.map((name, i) => ((seen.get(name) ?? 0) > 1 ? `${name}（${results[i].file}）` : name));
}

/** Readable reports of one agency and year in several files (a resubmitted report is summed twice). */
function duplicates(results: readonly FileResult[]): Map<number, string[]> {
  const groups = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (!r.ok || !r.report.agency?.trim()) return;
    const key = `${r.report.agency.trim()}|${r.report.year}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = new Map<number, string[]>();
  for (const members of groups.values())
    if (members.length > 1) for (const i of members) out.set(i, members.filter((j) => j !== i).map((j) => results[j].file));
  return out;
}

export function assembleBatch(
  results: readonly FileResult[],
  extra: {
    ignored?: string[];
    unreadableFolders?: { file: string; reason: string }[];
    agency?: string | null;
    /** Index of a result → last year's file it was compared with. */
    lastYearFiles?: ReadonlyMap<number, string>;
  } = {},
): BatchResult {
  const names = unitNames(results);
  const readable = results.flatMap((r, i) => (r.ok ? [{ unit: names[i], report: r.report }] : []));
  const agg = readable.length ? aggregateReports(readable, { agency: extra.agency ?? null }) : null;
  const excluded = new Map((agg?.excluded ?? []).map((e) => [e.unit, zhCN.exclusionMessage(e.reason)]));
  const twice = duplicates(results);

  const units: UnitRow[] = [];
  const findings: Finding[] = [];
  results.forEach((r, i) => {
    const unit = names[i];
    if (!r.ok) {
      units.push({
        unit, file: r.file, status: 'broken', year: null, format: null, errors: 0, warnings: 0, undecided: 0,
        importIssues: 0, firstFindings: [], blankCells: [], blankPlaces: [], verdict: 'unreadable', aggregated: false,
        lastYear: null, reason: r.reason,
      });
      return;
    }
    const own = r.findings.map((f) => ({ ...f, unit }));
    findings.push(...own);
    const counts = {
      status: 'ok' as const,
      errors: r.summary.errors + r.issueCounts.error, warnings: r.summary.warnings + r.issueCounts.warning,
      undecided: r.summary.undecided,
    };
    units.push({
      unit, file: r.file, year: r.report.year, format: r.report.format, ...counts,
      importIssues: r.issueCounts.error + r.issueCounts.warning,
      firstFindings: firstFindings(own),
      blankCells: r.blanks, blankPlaces: r.blanks.map((id) => cellPlace(r.report.format, id)), verdict: unitVerdict(counts),
      aggregated: !excluded.has(unit), lastYear: extra.lastYearFiles?.get(i) ?? null,
      reason: excluded.get(unit) ?? (twice.has(i) ? zhCN.duplicateUnitMessage(twice.get(i)!) : null),
    });
  });

  const broken = [
    ...results.flatMap((r) => (r.ok ? [] : [{ file: r.file, reason: r.reason }])),
    ...(extra.unreadableFolders ?? []),
  ];
  return { units, aggregate: agg?.report ?? null, incomplete: agg?.incomplete ?? {}, findings, broken, ignored: extra.ignored ?? [] };
}

/**
 * Exit status of `batch`: 0 every unit read and no error-severity rule fails, 1 otherwise;
 * with `strict`, a unit with undecided rules (不完整) fails too.
 */
export function batchFailed(result: BatchResult, strict = false): boolean {
  return result.broken.length > 0 || result.units.some((u) => u.errors > 0 || (strict && u.verdict === 'incomplete'));
}
