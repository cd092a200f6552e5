/**
 * What a typed cell text means. A plain number becomes the value; empty text is blank (null);
 * anything else stays as typed in `raw` with a null value, so the user sees a finding and
 * nothing is silently changed (no 「１２」→12, no 「减4」→-4 guessing here: that is the importer's job).
 */
export interface CellReading {
  value: number | null;
  /** The text as typed, when it is not a plain number (empty text is not kept). */
  raw?: string;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function readCellText(text: string): CellReading {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (PLAIN_NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return { value };
  }
  return { value: null, raw: text };
}

/** How a stored value is shown in an input: numbers in full, blanks as empty text. */
export function cellText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
