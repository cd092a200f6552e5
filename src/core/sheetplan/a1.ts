/** A1 addresses from 0-based rows and columns (and back), for plans, writers and readers. */
import { isWhitespace } from '../chars';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`column ${col}`);
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 0, AA → 26; -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (5, 3) → 'D6'; absolute → '$D$6'. */
export function a1(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** A rectangle as 'D6:J30' (or 'D6' for one cell). */
export function a1Range(top: number, left: number, bottom: number, right: number, absolute = false): string {
  const start = a1(top, left, absolute);
  return top === bottom && left === right ? start : `${start}:${a1(bottom, right, absolute)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/**
 * 'D6' or '$D$6' → {row: 5, col: 3}; null for anything else (surrounding spaces allowed).
 * Scanned by hand: readers parse one address per cell.
 */
export function parseA1(ref: string): CellRef | null {
  let i = 0;
  let end = ref.length;
  while (i < end && isWhitespace(ref.charCodeAt(i))) i++;
  while (end > i && isWhitespace(ref.charCodeAt(end - 1))) end--;
  if (i < end && ref.charCodeAt(i) === 0x24 /* $ */) i++;
  let col = 0;
  const lettersStart = i;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return null;
  if (i < end && ref.charCodeAt(i) === 0x24) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  const digits = i - digitsStart;
  if (digits < 1 || digits > 7 || ref.charCodeAt(digitsStart) === 0x30) return null;
  return { row: row - 1, col: col - 1 };
}

/** 'D6:J30' → corners; a single cell gives a 1×1 rectangle; null for anything else. */
export function parseA1Range(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * A sheet name quoted for a formula or defined name: 'a b'!… ('' doubles a quote). Plain names
 * stay bare, except those Excel would read as something else: a cell (A1, XFD1), an R1C1
 * reference (R, C, R1C1, RC), TRUE or FALSE.
 */
export function quoteSheetName(name: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]([0-9]*|[0-9]*[Cc][0-9]*)$/.test(name) &&
    !/^(true|false)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}
