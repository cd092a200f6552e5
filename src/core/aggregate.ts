/**
 * The district aggregate (汇总): every cell of the official format summed across the units'
 * reports. A cell that some included unit left blank (null) or does not carry at all holds the
 * sum of the known values and is listed in `incomplete` with the units that left it blank: the
 * district sees what it has and whom to ask, and every renderer marks the cell 「不完整」 (a
 * partial sum must never pass for a total). Only a cell no unit filled is null. Reports of
 * another format or year than the majority are left out with a reason (a 2019-format report
 * has other cells; two years do not add up).
 */
import { getFormat, type FormatId } from './formats';
import type { Report } from './report';
import { sheetTotals } from './sheetplan/compile';

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
  /**
   * Cell id → the units that left it blank or lack it. Such a cell holds the sum of the other
   * units' values (null when no unit filled it): incomplete, never a total.
   */
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

/**
 * A total over an incomplete part is incomplete too (its sum misses what the part misses):
 * listed with the units that left any of its parts blank, in the units' order.
 */
function spreadToTotals(format: FormatId, incomplete: Record<string, string[]>, unitOrder: readonly string[]): void {
  const f = getFormat(format);
  const known: Report['cells'] = Object.fromEntries(f.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));
  const missing = new Map<string, Set<string>>();
  for (const [id, units] of Object.entries(incomplete)) {
    if (f.cellById.get(id)?.role !== 'input') continue;
    // The totals that go blank when only this input is blank are the ones built on it.
    const totals = sheetTotals(format, { ...known, [id]: null });
    for (const [total, v] of Object.entries(totals)) {
      if (v !== null) continue;
      const set = missing.get(total) ?? new Set(incomplete[total] ?? []);
      for (const u of units) set.add(u);
      missing.set(total, set);
    }
  }
  const rank = new Map(unitOrder.map((u, i) => [u, i]));
  for (const [total, set] of missing) incomplete[total] = [...set].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
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
    cells[cell.id] = values.length > 0 ? decimalSum(values) : null;
    if (blanks.length > 0) incomplete[cell.id] = blanks;
  }

  spreadToTotals(format, incomplete, included.map((u) => u.unit));
  return {
    report: { format, year, agency: options.agency ?? null, cells },
    incomplete,
    included: included.map((u) => u.unit),
    excluded,
  };
}
