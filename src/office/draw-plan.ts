/**
 * SheetPlan → Excel commands. Only queues commands (no sync here): the caller decides the batch.
 * The order the caller uses is values for every sheet, then formats, then names, then protection
 * once at the end (see excel-host.ts).
 *
 * Nothing the plan or the user wrote as text can become a formula: text is written with Excel's
 * text prefix (') when it starts with a character Excel would read as the start of a formula,
 * numbers are written as numbers, and only the plan's own formulas get a leading '='.
 */
import type { CellStyle, PlanCell, SheetSpec } from '../core/sheetplan';
import { a1, a1Range } from '../core/sheetplan';
import type { XlCellProperties, XlRange, XlScalar, XlWorksheet } from './excel-api';

/** Characters that make Excel read typed or written text as a formula (also full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Text as Excel must store it: literal, never a formula (the ' prefix is not part of the value). */
export function safeText(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** A value to put in a cell: numbers as numbers, text made safe, nothing as ''. */
export function cellLiteral(value: string | number | null | undefined): XlScalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return value;
  }
  return value === '' ? '' : safeText(value);
}

/** The rectangle a sheet occupies (cells and merges), 0-based inclusive. */
export function specBox(spec: SheetSpec): { top: number; left: number; bottom: number; right: number } {
  let bottom = 0;
  let right = 0;
  for (const c of spec.cells) {
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  for (const m of spec.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  right = Math.max(right, spec.columnWidths.length - 1);
  return { top: 0, left: 0, bottom, right };
}

/** Excel character widths → points (Office.js columnWidth is in points): 7 px a character + 5 px padding. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The cells' contents as one `formulas` matrix: plan formulas with '=', literals made safe, and
 * `override` (entered values kept from an existing sheet) in place of the plan's value.
 */
export function contentMatrix(spec: SheetSpec, override: (cell: PlanCell) => string | number | null | undefined): XlScalar[][] {
  const box = specBox(spec);
  const m: XlScalar[][] = Array.from({ length: box.bottom + 1 }, () => Array<XlScalar>(box.right + 1).fill(''));
  for (const c of spec.cells) {
    if (c.formula !== undefined) m[c.row][c.col] = `=${c.formula}`;
    else {
      const kept = override(c);
      m[c.row][c.col] = cellLiteral(kept !== undefined ? kept : c.value);
    }
  }
  return m;
}

export function queueContents(ws: XlWorksheet, spec: SheetSpec, matrix: XlScalar[][]) {
  const box = specBox(spec);
  ws.getRange(a1Range(0, 0, box.bottom, box.right)).formulas = matrix;
}

function cellProperties(style: CellStyle | undefined, locked: boolean): XlCellProperties {
  if (!style) return { format: { protection: { locked } } };
  const line = style.border ? { style: 'Continuous', weight: 'Thin', color: '#000000' } : { style: 'None' };
  return {
    format: {
      font: { name: style.font.name, size: style.font.size, bold: style.font.bold ?? false, color: `#${style.font.color ?? '000000'}` },
      ...(style.fill ? { fill: { color: `#${style.fill}` } } : {}),
      horizontalAlignment: style.horizontal === 'left' ? 'Left' : style.horizontal === 'right' ? 'Right' : 'Center',
      verticalAlignment: style.vertical === 'top' ? 'Top' : 'Center',
      wrapText: style.wrap,
      protection: { locked },
      borders: { top: line, bottom: line, left: line, right: line },
    },
  };
}

/** Formats, merges, sizes, validation, conditional formats, panes and print settings of one sheet. */
export function queueFormats(ws: XlWorksheet, spec: SheetSpec) {
  const box = specBox(spec);
  const area = a1Range(0, 0, box.bottom, box.right);
  // Cells covered by a merge take the style of its top-left cell, so borders close around it.
  const owner = new Map<string, PlanCell>();
  for (const c of spec.cells) owner.set(`${c.row},${c.col}`, c);
  for (const m of spec.merges) {
    const tl = owner.get(`${m.top},${m.left}`);
    if (!tl) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (!owner.has(`${r},${c}`)) owner.set(`${r},${c}`, tl);
  }
  const props: XlCellProperties[][] = [];
  const numberFormats: XlScalar[][] = [];
  for (let r = 0; r <= box.bottom; r++) {
    const pRow: XlCellProperties[] = [];
    const nRow: XlScalar[] = [];
    for (let c = 0; c <= box.right; c++) {
      const cell = owner.get(`${r},${c}`);
      pRow.push(cell ? cellProperties(spec.styles[cell.style], cell.locked) : { format: { protection: { locked: true } } });
      nRow.push((cell && spec.styles[cell.style]?.numberFormat) || 'General');
    }
    props.push(pRow);
    numberFormats.push(nRow);
  }
  const range = ws.getRange(area);
  range.numberFormat = numberFormats;
  range.setCellProperties(props);
  for (const m of spec.merges) ws.getRange(a1Range(m.top, m.left, m.bottom, m.right)).merge(false);
  spec.columnWidths.forEach((w, i) => (ws.getRange(a1(0, i)).format.columnWidth = widthToPoints(w)));
  spec.rowHeights.forEach((h, r) => {
    if (h !== undefined) ws.getRange(a1(r, 0)).format.rowHeight = h;
  });
  queueValidation(ws, spec.cells);
  for (const cf of spec.conditionalFormats) {
    const f = ws.getRange(cf.range).conditionalFormats.add('Custom');
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = `#${cf.fill}`;
    f.custom.format.font.color = `#${cf.fontColor}`;
  }
  if (spec.frozenRows > 0) ws.freezePanes.freezeRows(spec.frozenRows);
  ws.pageLayout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom =
    spec.print.fitToHeight > 0
      ? { horizontalFitToPages: spec.print.fitToWidth, verticalFitToPages: spec.print.fitToHeight }
      : { horizontalFitToPages: spec.print.fitToWidth };
  queuePrintTitles(ws, spec);
}

/** The header rows of a long list repeat on every printed page (skipped where the host lacks the call). */
function queuePrintTitles(ws: XlWorksheet, spec: SheetSpec) {
  const t = spec.print.titleRows;
  if (t && typeof ws.pageLayout.setPrintTitleRows === 'function') ws.pageLayout.setPrintTitleRows(`$${t.first + 1}:$${t.last + 1}`);
}

/** Validation on runs of neighbouring cells in a row that share the same rule (fewer commands). */
function queueValidation(ws: XlWorksheet, cells: PlanCell[]) {
  const withRule = cells.filter((c) => c.validation).sort((a, b) => a.row - b.row || a.col - b.col);
  let i = 0;
  while (i < withRule.length) {
    const first = withRule[i];
    const key = JSON.stringify(first.validation);
    let j = i + 1;
    while (j < withRule.length && withRule[j].row === first.row && withRule[j].col === withRule[j - 1].col + 1 && JSON.stringify(withRule[j].validation) === key) j++;
    const last = withRule[j - 1];
    applyValidation(ws.getRange(a1Range(first.row, first.col, last.row, last.col)), first.validation!);
    i = j;
  }
}

function applyValidation(range: XlRange, v: NonNullable<PlanCell['validation']>) {
  const basic =
    v.min !== undefined
      ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
      : { formula1: -999999999, formula2: 999999999, operator: 'Between' };
  range.dataValidation.rule = v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
  range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.errorMessage };
  if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: '', message: v.prompt };
}
