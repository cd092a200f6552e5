/**
 * The official tables 二, 三, 四 for the document, read off the SheetPlan the workbook is drawn
 * from: the same labels, merges (label spans, the 3×3 corner of table 三, 申请人情况 and
 * 法人或其他组织 over their columns) and column proportions, so a table's look is decided once.
 * Sheet-only rows (titles, the self-check row and its note) are left out; numbers are the
 * report's values as given — a blank stays blank, never 0.
 */
import { formatNumber } from '../messages/zh-CN';
import type { Report } from '../report';
import type { MergeSpec, PlanCell, SheetSpec } from '../sheetplan/types';
import type { CellKind, DocCell, DocTable } from './types';

/** Roles that exist only on the sheet, not in the published table. */
const SHEET_ONLY_ROLES = new Set<PlanCell['role']>(['title', 'check', 'note', 'text']);

function cellKind(cell: PlanCell): CellKind {
  if (cell.role === 'header') return cell.style === 'corner' ? 'corner' : 'header';
  if (cell.role === 'label') return 'label';
  return 'number';
}

function alignOf(cell: PlanCell, kind: CellKind): DocCell['align'] {
  if (kind === 'number' || kind === 'header') return 'center';
  return cell.style === 'label' || kind === 'corner' ? 'left' : 'center';
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value);
}

function docCell(cell: PlanCell, merge: MergeSpec | undefined, cells: Report['cells']): DocCell {
  const kind = cellKind(cell);
  const out: DocCell = {
    kind,
    text: kind === 'number' ? '' : String(cell.value ?? ''),
    rowSpan: merge ? merge.bottom - merge.top + 1 : 1,
    colSpan: merge ? merge.right - merge.left + 1 : 1,
    align: alignOf(cell, kind),
  };
  if (kind === 'number' && cell.cellId) {
    const value = cells[cell.cellId];
    out.cellId = cell.cellId;
    out.text = numberText(value);
    if (value === null || value === undefined) out.blank = true;
  }
  return out;
}

const isHeaderRow = (row: DocCell[]) => row.every((c) => c.kind === 'header' || c.kind === 'corner');

/**
 * The leading rows whose cells are all headers (the corner cell counts as one): the header a
 * reader needs on every page. None when header rows come back further down (table 二's blocks
 * each have their own): repeating the first block's header over another block would mislead.
 */
function countHeaderRows(rows: DocCell[][]): number {
  let n = 0;
  while (n < rows.length && isHeaderRow(rows[n])) n++;
  return rows.slice(n).some(isHeaderRow) ? 0 : n;
}

/**
 * One official table from its sheet. Rows keep the sheet's order; a span is kept only as far
 * as the rows it covers are published (none of the spans reach the sheet-only rows).
 */
export function tableFromSheet(sheet: SheetSpec & { key: DocTable['table'] }, title: string, cells: Report['cells']): DocTable {
  const mergeAt = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const byRow = new Map<number, PlanCell[]>();
  for (const c of sheet.cells) {
    if (SHEET_ONLY_ROLES.has(c.role)) continue;
    const row = byRow.get(c.row);
    if (row) row.push(c);
    else byRow.set(c.row, [c]);
  }
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => byRow.get(r)!.sort((a, b) => a.col - b.col).map((c) => docCell(c, mergeAt.get(`${c.row}:${c.col}`), cells)));
  const blanks = rows.flat().filter((c) => c.blank).map((c) => c.cellId!);
  return {
    kind: 'table', table: sheet.key, title, columnWidths: [...sheet.columnWidths], headerRows: countHeaderRows(rows), rows, blanks,
  };
}
