/**
 * Row heights for wrapped text. Excel and LibreOffice keep a row's stored height when they open
 * a workbook (neither re-measures wrapped text on load), so a list whose cells wrap must say how
 * tall each row is, or it prints one cut line per row. Estimated from the text: a CJK or
 * full-width character is two width units, anything else one, as Excel's column widths count.
 */

/** Width of a text in Excel's character units (CJK counts double). */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
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
