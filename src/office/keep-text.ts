/**
 * Text that must come back exactly as written. Excel parses every string written to
 * `range.values`/`formulas` like typed input: 「=SUM(A1)」, 「+86 …」 and 「-无」 become formulas,
 * 「2023-01-05」, 「1/2」 and 「1月2日」 dates, 「50%」 0.5, 「TRUE」 a boolean, 「1e5」 and 「 0012」
 * numbers, and a leading apostrophe is taken as the text prefix and dropped.
 *
 * Why the apostrophe and not number format '@' (Text): both keep a string as text in real Excel,
 * but the adapter draws values before formats (draw-plan.ts), so a '@' written with the formats
 * would come too late, and '@' would also turn later typing in that cell into text. The prefix
 * travels with the value, is not part of what `values` reads back, and Excel honours it on every
 * platform. It is added only where Excel could read the text as something else (digits, booleans,
 * error literals, formula starts, a leading apostrophe), so labels stay clean in the formula bar.
 */
import type { XlScalar } from './excel-api';

/** Starts Excel reads as a formula (also the full-width forms an IME types). */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;
/** Anything Excel's input parser could turn into a number, date, time, boolean or error value. */
const PARSEABLE = /[0-9０-９]|^\s*(true|false)\s*$|^#/i;

/** Whether Excel would store `text` as something other than this exact text. */
export function excelMayConvert(text: string): boolean {
  return text !== '' && (FORMULA_START.test(text) || text.startsWith("'") || PARSEABLE.test(text));
}

/** `text` as it must be written so Excel stores exactly `text`. */
export function textLiteral(text: string): string {
  return excelMayConvert(text) ? `'${text}` : text;
}

/**
 * A drawn contents matrix with every text made literal. Entries starting with '=' are the plan's
 * own formulas (text that starts with '=' already carries the prefix), entries starting with the
 * prefix are already literal; numbers and booleans are left as they are.
 */
export function keepTextLiteral(matrix: XlScalar[][]): XlScalar[][] {
  return matrix.map((row) => row.map((v) => (typeof v === 'string' && !v.startsWith('=') && !v.startsWith("'") ? textLiteral(v) : v)));
}
