/**
 * The district aggregate (汇总): every cell of the official format summed across the units'
 * reports. A cell that any included unit left blank (null) or does not carry at all is null in
 * the aggregate and listed in `incomplete` with those units — a partial sum would look like a
 * real total, so it is never produced. Reports of another format or year than the majority
 * are left out with a reason (a 2019-format report has other cells; two years do not add up).
 */
import { getFormat, type FormatId } from './formats';
import type { Report } from './report';

export interface UnitReport {
  unit: string;
  report: Report;
}

/** Why a unit's report was left out of the aggregate (data; words in messages/zh-CN.ts). */
export type ExclusionReason =
  | { code: 'FORMAT-MISMATCH'; found: FormatId; expected: FormatId }
  | { code: 'YEAR-MISMATCH'; found: number; expected: number };

export interface Exclusion {
  unit: string;
  reason: ExclusionReason;
}

export interface AggregateResult {
  /** Format and year of the majority; `agency` as given in the options (else null). */
  report: Report;
  /** Cell id → the units that left it blank or lack it. Only cells that are null in `report`. */
  incomplete: Record<string, string[]>;
  /** Units summed, in input order. */
  included: string[];
  excluded: Exclusion[];
}

export interface AggregateOptions {
  agency?: string | null;
}

/** The most frequent value; ties go to the value that sorts last (the newer format or year). */
function majority<T extends string | number>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, n] of counts)
    if (n > bestCount || (n === bestCount && best !== null && v > best)) {
      best = v;
      bestCount = n;
    }
  return best;
}

/** Decimal places of a number as JavaScript prints it (1e-7 → 7), capped at 12. */
function decimals(v: number): number {
  if (Number.isInteger(v)) return 0;
  const s = String(v);
  const exp = s.match(/e-(\d+)$/);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf('e'));
    const dot = mantissa.indexOf('.');
    return Math.min(12, Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1));
  }
  return Math.min(12, s.length - s.indexOf('.') - 1);
}

/**
 * Sum of values as printed: 190.457379 + 0.1 gives 190.557379, not 190.55737899999998.
 * Counts are integers and add exactly; amounts are rounded to the most decimals any addend has.
 */
export function decimalSum(values: readonly number[]): number {
  let total = 0;
  let places = 0;
  for (const v of values) {
    total += v;
    places = Math.max(places, decimals(v));
  }
  if (places === 0) return total;
  const scale = 10 ** places;
  return Math.round(total * scale) / scale;
}

export function aggregateReports(units: readonly UnitReport[], options: AggregateOptions = {}): AggregateResult {
  const format = majority(units.map((u) => u.report.format)) ?? '2021';
  const sameFormat = units.filter((u) => u.report.format === format);
  const year = majority(sameFormat.flatMap((u) => (u.report.year === null ? [] : [u.report.year])));

  const excluded: Exclusion[] = [];
  const included: UnitReport[] = [];
  for (const u of units) {
    if (u.report.format !== format)
      excluded.push({ unit: u.unit, reason: { code: 'FORMAT-MISMATCH', found: u.report.format, expected: format } });
    // A report without a year is summed: the office collected it for this year.
    else if (year !== null && u.report.year !== null && u.report.year !== year)
      excluded.push({ unit: u.unit, reason: { code: 'YEAR-MISMATCH', found: u.report.year, expected: year } });
    else included.push(u);
  }

  const cells: Report['cells'] = {};
  const incomplete: Record<string, string[]> = {};
  for (const cell of getFormat(format).cells) {
    const values: number[] = [];
    const blanks: string[] = [];
    for (const u of included) {
      const v = u.report.cells[cell.id];
      if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
      else blanks.push(u.unit);
    }
    if (blanks.length > 0 || included.length === 0) {
      cells[cell.id] = null;
      if (blanks.length > 0) incomplete[cell.id] = blanks;
    } else cells[cell.id] = decimalSum(values);
  }

  return {
    report: { format, year, agency: options.agency ?? null, cells },
    incomplete,
    included: included.map((u) => u.unit),
    excluded,
  };
}
