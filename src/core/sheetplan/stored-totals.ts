/**
 * Totals as the sheet stores them. Every reader of our workbooks (the .xlsx reader, the Excel
 * adapter) hands over, for each total cell, whether it still holds its formula and what it holds
 * or shows; this policy decides what the report takes, so the rules compare the totals a unit
 * would publish with their parts — a total typed over its formula is checked, not recomputed.
 * See docs/xlsx.md (「How totals are read」).
 */
import type { FormatId } from '../formats';
import type { ImportIssue, IssueSeverity } from '../import/types';
import type { Report } from '../report';
import { totalsPlan } from './compile';

/** One total cell as the sheet stores it. */
export interface StoredTotal {
  /** The cell still holds a formula. */
  formula: boolean;
  /**
   * What it holds: the formula's cached (or computed) value, the constant typed over it, or null
   * when there is no cached value or the cell is empty.
   */
  value: number | string | null;
}

export interface StoredTotalsResult {
  /** Every total cell of the format, as the report takes it (null: unknown). */
  totals: Record<string, number | null>;
  /** The printed text of totals that hold text. */
  raw: Record<string, string>;
  /** TOTAL-OVERWRITTEN, TOTAL-FORMULA-DELETED, TEXT-IN-NUMBER, TEXT-IN-CELL. */
  issues: ImportIssue[];
}

/** A total the reader could not see is taken as its formula would show it. */
const FORMULA_WITHOUT_CACHE: StoredTotal = { formula: true, value: null };

/** Text that is a plain number (「12」, 「 -3.5 」): what a host without validation lets through. */
export function plainNumber(text: string): number | null {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : null;
}

/** Sums of counts and 万元 amounts may carry float noise. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/**
 * The report's totals from what the sheet stores:
 * - a formula with a cached number → that number (what the sheet shows), unless a part is
 *   blank: the formula shows blanks as 0, the report says unknown (null), as for inputs;
 * - a formula without a cached value (our writer writes none) → the sum of the parts;
 * - a constant typed over the formula → that constant, plus TOTAL-OVERWRITTEN (an error when it
 *   differs from the parts, a warning when it equals them or they are blank: it will not follow
 *   them any more);
 * - an empty total (formula deleted) → null, plus TOTAL-FORMULA-DELETED (error: the published
 *   table would show no total);
 * - text: a plain number is read as that number (TEXT-IN-CELL for a formula's text result),
 *   anything else is unknown with its text kept (TEXT-IN-NUMBER, or TOTAL-OVERWRITTEN when typed).
 * Parts of a total that are totals themselves take their stored value, as the sheet's SUM does.
 */
export function storedTotals(formatId: FormatId, inputs: Report['cells'], stored: ReadonlyMap<string, StoredTotal>): StoredTotalsResult {
  const result: StoredTotalsResult = { totals: {}, raw: {}, issues: [] };
  const valueOf = (id: string) => (id in result.totals ? result.totals[id] : (inputs[id] ?? null));
  for (const [totalId, parts] of totalsPlan(formatId)) {
    const partsSum = sumOrNull(parts.map(valueOf));
    const cell = stored.get(totalId) ?? FORMULA_WITHOUT_CACHE;
    result.totals[totalId] = cell.formula
      ? shownByFormula(totalId, cell.value, partsSum, result)
      : typedOverFormula(totalId, cell.value, partsSum, result);
  }
  return result;
}

function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

function shownByFormula(id: string, value: number | string | null, partsSum: number | null, out: StoredTotalsResult): number | null {
  if (typeof value === 'string') {
    // A formula showing text (an error such as #REF!, or a text result): read as any text in a cell.
    const n = plainNumber(value);
    out.raw[id] = value;
    out.issues.push(
      n === null
        ? { code: 'TEXT-IN-NUMBER', cells: [id], severity: 'error', text: value }
        : { code: 'TEXT-IN-CELL', cells: [id], severity: 'info', text: value, readAs: String(n) },
    );
    return n;
  }
  if (partsSum === null) return null;
  return value ?? partsSum;
}

function typedOverFormula(id: string, value: number | string | null, partsSum: number | null, out: StoredTotalsResult): number | null {
  if (value === null) {
    out.issues.push({ code: 'TOTAL-FORMULA-DELETED', cells: [id], severity: 'error', expected: partsSum });
    return null;
  }
  const text = typeof value === 'string' ? value : undefined;
  const found = text === undefined ? (value as number) : plainNumber(text);
  if (text !== undefined) out.raw[id] = text;
  const differs = found === null || (partsSum !== null && !sameNumber(found, partsSum));
  const severity: IssueSeverity = differs ? 'error' : 'warning';
  out.issues.push({
    code: 'TOTAL-OVERWRITTEN', cells: [id], severity, expected: partsSum, found,
    ...(text !== undefined ? { text } : {}),
  });
  return found;
}
