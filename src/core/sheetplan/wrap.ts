/**
 * Row heights for wrapped text. Excel and LibreOffice keep a row's stored height when they open
 * a workbook (neither re-measures wrapped text on load), so a list whose cells wrap must say how
 * tall each row is, or it prints one cut line per row. Estimated from the text: a CJK or
 * full-width character is two width units, anything else one, as Excel's column widths count.
 */

/** Wide (two-unit) code points: Hangul Jamo, CJK and its punctuation, Hangul, compatibility and full-width forms. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
];

/** Width of a text in Excel's character units (CJK counts double). By code unit: a batch sizes thousands of rows. */
export function textUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let wide = false;
    if (c >= 0x1100) for (const [lo, hi] of WIDE) if (c >= lo && c <= hi) wide = true;
    units += wide ? 2 : 1;
  }
  return units;
}

/**
 * Lines a text takes in a column `width` units wide (a cell's padding takes about one unit);
 * a unit is a character of the 11-point default font, so a smaller font fits more.
 */
export function wrappedLines(text: string, width: number, size = 11): number {
  const usable = Math.max(1, ((width - 1) * 11) / size);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
}

/** The height in points of a row whose cells hold `texts` (column widths in units), for a font of `size` points. */
export function wrappedRowHeight(texts: readonly { text: string; width: number }[], size: number): number {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, size)));
  // Excel's largest row height is 409 points.
  return Math.min(409, Math.round(lines * size * 1.35 + 4));
}
