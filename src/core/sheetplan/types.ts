/**
 * The SheetPlan: what the official sheets look like, decided once in pure code and drawn by
 * two renderers (the Office.js writer in the add-in, the .xlsx writer). Host-neutral: rows and
 * columns are 0-based indices, formulas are A1 text without the leading '=', sizes in points
 * (row heights) and Excel character widths (column widths).
 *
 * Contract for renderers: draw every sheet, cell, merge, style, validation, conditional format
 * and defined name exactly as given; lock every cell whose `locked` is true (and only those);
 * protect sheets whose `protect` is true, once, after everything else is written.
 */
import type { FormatId } from '../formats';

/** The sheets of the official report: tables 二, 三, 四 and the 文字说明 sheet. */
export type OfficialSheetKey = 't2' | 't3' | 't4' | 'narrative';
/** extra: sheets added around the official ones (校验结果, 各单位情况, 汇总说明, the hidden metadata sheet). */
export type SheetKey = OfficialSheetKey | 'extra';

export type CellRole =
  | 'title' // the sheet title (agency, year, table name)
  | 'header' // printed column headers, block titles, the corner note
  | 'label' // row labels
  | 'input' // a cell staff type into (unlocked, validated)
  | 'total' // a formula summing inputs (locked)
  | 'check' // the self-check row under table 三 (locked formula)
  | 'note' // explanatory text (locked)
  | 'text'; // narrative text (unlocked on the narrative sheet)

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; color?: string };
  /** Fill colour as RRGGBB, none when absent. */
  fill?: string;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
  /** Thin borders on all four sides. */
  border: boolean;
  /** Excel number format code, e.g. '0', '0.####'. */
  numberFormat?: string;
}

export interface DataValidationSpec {
  /** whole: integer; decimal: any number. */
  type: 'whole' | 'decimal';
  /** Inclusive lower bound; none for signed counts (2019 本年增/减). */
  min?: number;
  errorTitle: string;
  errorMessage: string;
  /** Shown when the cell is selected. */
  prompt?: string;
}

export interface PlanCell {
  row: number;
  col: number;
  role: CellRole;
  /** A literal: text for labels, a number for data; null/undefined for an empty input. */
  value?: string | number | null;
  /** A1 formula without '=' (totals and checks). Never set together with `value`. */
  formula?: string;
  /**
   * What the formula shows for the plan's own values (numbers; text for the check row's flag),
   * computed by the core (sheetplan/evaluate.ts). The .xlsx writer stores it as the formula's
   * cached value, recomputed from the cells it writes; the Office.js renderer ignores it (Excel
   * computes). Only meaningful together with `formula`.
   */
  cached?: number | string;
  /** Canonical cell id (`t3.received.natural`) for input and total cells. */
  cellId?: string;
  /** Key into SheetSpec.styles. */
  style: string;
  locked: boolean;
  validation?: DataValidationSpec;
}

export interface MergeSpec {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ConditionalFormatSpec {
  /** A1 range the format applies to, e.g. 'D32:J32'. */
  range: string;
  /** Formula relative to the top-left cell of `range`, without '=' (e.g. 'D32<>0'). */
  formula: string;
  fill: string;
  fontColor: string;
}

/** How a sheet prints. fitToHeight 0: as many pages as needed. */
export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  fitToWidth: 1;
  fitToHeight: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive): a long list's header row. */
  titleRows?: { first: number; last: number };
}

export interface SheetSpec {
  key: SheetKey;
  /** Worksheet name, e.g. 「表三 依申请公开」. */
  name: string;
  /** Column widths in Excel character units, one per used column. */
  columnWidths: number[];
  /** Row heights in points, one per used row (undefined = default). */
  rowHeights: (number | undefined)[];
  cells: PlanCell[];
  merges: MergeSpec[];
  styles: Record<string, CellStyle>;
  conditionalFormats: ConditionalFormatSpec[];
  print: PrintSpec;
  /** Freeze panes below this many rows (headers stay visible). */
  frozenRows: number;
  protect: boolean;
}

export interface DefinedNameSpec {
  /** e.g. XXGK_T3_INPUT, XXGK_T3_RECEIVED_NATURAL ... */
  name: string;
  sheet: string;
  /** Absolute A1 reference without the sheet, e.g. '$D$8:$J$32'. */
  ref: string;
}

export interface SheetPlan {
  format: FormatId;
  year: number | null;
  agency: string | null;
  sheets: SheetSpec[];
  definedNames: DefinedNameSpec[];
  /** Written to the workbook (custom properties / hidden sheet) so readers need no coordinates. */
  metadata: { tool: 'xxgk-nianbao'; toolVersion: string; format: FormatId; year: number | null; agency: string | null };
  /** Optional protection password (none by default). */
  password?: string;
}
