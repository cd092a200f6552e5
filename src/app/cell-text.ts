/**
 * What a typed cell text means. A plain number becomes the value; empty text is blank (null).
 * A number the importer also reads — full-width digits 「１２」, thousands separators 「1,234」 —
 * becomes its value too, flagged `normalized` so the grid can say how it was read (the text
 * itself stays as typed). Anything else stays as typed in `raw` with a null value, so the user
 * sees a finding and nothing is silently changed: no 「减4」→-4 or 「5件」→5 guessing in a cell,
 * and placeholders such as 「无」「/」 are not turned into blanks.
 */
import { readValue } from '../core/import/normalize';

export interface CellReading {
  value: number | null;
  /** The text as typed, when it is not a number (empty text is not kept). */
  raw?: string;
  /** Read as a number only after normalising (full-width digits, separators, inner spaces). */
  normalized?: true;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function readCellText(text: string): CellReading {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (PLAIN_NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return { value };
  }
  return readAsImporterDoes(text);
}

/** The importer's reading (src/core/import/normalize.ts), limited to undecorated numbers. */
function readAsImporterDoes(text: string): CellReading {
  const read = readValue(text);
  if (read.kind === 'number' && !read.decorated && read.unit === null && Number.isFinite(read.value))
    return { value: read.value, normalized: true };
  return { value: null, raw: text };
}

/** How a stored value is shown in an input: numbers in full, blanks as empty text. */
export function cellText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
