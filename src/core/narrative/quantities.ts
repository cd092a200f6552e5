/**
 * Quantities a sentence can state: a table cell, or a sum of cells that the form prints no
 * cell for (不予公开 = its eight reasons, 法人或其他组织 = five columns, 行政诉讼 = both suit
 * groups). The writer and the checker share this one model, so a number the writer puts in a
 * sentence is read back by the checker as the same quantity, with the same cells.
 */
import { getFormat, type FormatId } from '../formats';
import type { Report } from '../report';

/** The six result categories of table 三, in the order of the form. */
export const RESULT_CATEGORIES = ['granted', 'partlyGranted', 'denied', 'unable', 'notProcessed', 'other'] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

/** Columns of table 三 plus `org`, the five columns under 法人或其他组织 (no cell of its own). */
export const ORG_COLUMNS = ['business', 'research', 'publicWelfare', 'legalService', 'otherOrg'] as const;
export type T3Column = 'natural' | 'org' | (typeof ORG_COLUMNS)[number] | 'total';

export type T4Group = 'review' | 'litigation' | 'suitDirect' | 'suitAfterReview';
export type T4Column = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

export type Quantity =
  /** `row` is a row id of table 三 or a group (denied, unable, notProcessed, other). */
  | { table: 't3'; row: string; column: T3Column }
  | { table: 't4'; group: T4Group; column: T4Column }
  | { table: 't2'; row: string; column: string };

export function quantityKey(q: Quantity): string {
  return q.table === 't4' ? `t4:${q.group}:${q.column}` : `${q.table}:${q.row}:${q.column}`;
}

/** Rows of table 三 that a row id or group stands for (a group is every row below it). */
export function t3RowsOf(formatId: FormatId, row: string): string[] {
  return getFormat(formatId)
    .t3.rows.map((r) => r.id)
    .filter((id) => id === row || id.startsWith(`${row}.`));
}

function t3ColumnsOf(column: T3Column): string[] {
  return column === 'org' ? [...ORG_COLUMNS] : [column];
}

/**
 * The cells a quantity sums. Empty when the report's layout has no such cells (a 2019 row
 * in a 2021 table 二, a sub-row the format does not have).
 */
export function quantityCells(report: Pick<Report, 'format' | 'cells'>, q: Quantity): string[] {
  if (q.table === 't3') {
    const rows = t3RowsOf(report.format, q.row);
    return rows.flatMap((r) => t3ColumnsOf(q.column).map((c) => `t3.${r}.${c}`));
  }
  if (q.table === 't4') {
    const groups = q.group === 'litigation' ? ['suitDirect', 'suitAfterReview'] : [q.group];
    return groups.map((g) => `t4.${g}.${q.column}`);
  }
  const id = `t2.${q.row}.${q.column}`;
  const layout = layoutOfT2Cell(id);
  return layout === null || layout === t2Layout(report) ? [id] : [];
}

/** A value read from the tables: null when any of its cells is blank or absent. */
export interface Reading {
  value: number | null;
  cells: string[];
  /** Cells that are blank (null) or not in the report at all. */
  blanks: string[];
}

export function readQuantity(report: Pick<Report, 'format' | 'cells'>, q: Quantity): Reading {
  const cells = quantityCells(report, q);
  const blanks: string[] = [];
  let sum = 0;
  for (const id of cells) {
    const v = report.cells[id];
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
    else blanks.push(id);
  }
  if (cells.length === 0) return { value: null, cells, blanks };
  return { value: blanks.length ? null : roundNoise(sum), cells, blanks };
}

/** Sums of 万元 amounts carry float noise (0.1 + 0.2); six decimals is what reports print. */
function roundNoise(v: number): number {
  return Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6;
}

const T2_2019_COLUMNS = new Set(['made', 'published', 'publicTotal', 'prevItems', 'change', 'projects', 'amount']);

/** The layout a table 二 cell belongs to; null for 处理决定数量 of 许可/处罚/强制, which both have. */
function layoutOfT2Cell(id: string): FormatId | null {
  const [, row, column] = id.split('.');
  if (row === 'procurement' || row === 'otherService') return '2019';
  if (row === 'fee') return column === 'amount' ? '2021' : '2019';
  if (column === 'decisions') return null;
  return T2_2019_COLUMNS.has(column) ? '2019' : '2021';
}

/**
 * Which layout table 二 of this report uses: its own format's, unless the report carries the
 * other layout's cells (a 2021+ report that still fills in the 2019 table 二).
 */
export function t2Layout(report: Pick<Report, 'format' | 'cells'>): FormatId {
  const own = report.format;
  const ids = Object.keys(report.cells).filter((id) => id.startsWith('t2.') && layoutOfT2Cell(id) !== null);
  if (ids.length === 0) return own;
  const ownCount = ids.filter((id) => layoutOfT2Cell(id) === own).length;
  return ownCount * 2 >= ids.length ? own : own === '2021' ? '2019' : '2021';
}

/** Columns of a table 二 row in the layout in use (for the checker's qualifiers). */
export function t2ColumnsOf(layout: FormatId, row: string): string[] {
  for (const block of getFormat(layout).t2.blocks)
    if (block.rows.some((r) => r.id === row)) return block.columns.map((c) => c.id);
  return [];
}
