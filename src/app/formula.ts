/**
 * Evaluates the few formula shapes a SheetPlan uses (SUM(D6:I6), D6+D7-D30-D31) over known cell
 * values, for the standalone grids. Blank policy: any blank or unreadable reference makes the
 * result blank (unknown), unlike Excel's SUM, which counts blanks as 0.
 */
import { parseA1, parseA1Range } from '../core/sheetplan/a1';

export type CellLookup = (row: number, col: number) => number | null;

/**
 * The check row's guard, IF(SUMPRODUCT(--ISTEXT(column))>0,"含文字",balance): the grids hold
 * numbers only, so no column holds text and the cell shows its balance.
 */
const TEXT_GUARD = /^IF\(SUMPRODUCT\(--ISTEXT\([A-Z0-9$:]+\)\)>0,"[^"]*",(.+)\)$/;

/** The value of `formula` (A1 text without '='), or null when blank, unknown or not understood. */
export function evaluateFormula(formula: string, lookup: CellLookup): number | null {
  const text = formula.replace(/\s+/g, '');
  const guarded = TEXT_GUARD.exec(text);
  if (guarded) return evaluateFormula(guarded[1], lookup);
  const terms = text.match(/[+-]?[^+-]+/g);
  if (!terms || terms.join('') !== text) return null;
  let total = 0;
  for (const term of terms) {
    const sign = term.startsWith('-') ? -1 : 1;
    const body = term.replace(/^[+-]/, '');
    const v = termValue(body, lookup);
    if (v === null) return null;
    total += sign * v;
  }
  return Math.round(total * 1e6) / 1e6;
}

function termValue(term: string, lookup: CellLookup): number | null {
  const sum = /^SUM\((.+)\)$/i.exec(term);
  if (sum) {
    let total = 0;
    for (const part of sum[1].split(',')) {
      const r = parseA1Range(part);
      if (!r) return null;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const v = lookup(row, col);
          if (v === null) return null;
          total += v;
        }
    }
    return total;
  }
  if (/^\d+(\.\d+)?$/.test(term)) return Number(term);
  const ref = parseA1(term);
  return ref ? lookup(ref.row, ref.col) : null;
}
