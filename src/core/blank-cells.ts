/**
 * The blank cells that leave rules undecided, named in the form's words and grouped by row, so a
 * verdict can say what to chase: 「表三 一、本年新收政府信息公开申请数量·商业企业、科研机构」.
 * Used by `check`'s headline and by the batch (each unit's blank cells).
 */
import { cellPlace } from './describe';
import { findCell, getFormat, type FormatId } from './formats';
import * as zhCN from './messages/zh-CN';
import type { Outcome } from './rules/types';

const LAST_YEAR = 'lastYear:';

/** The cells named in undecided outcomes' `blanks`, once each, in the format's cell order (last year's after). */
export function undecidedBlanks(format: FormatId, outcomes: readonly Pick<Outcome, 'status' | 'blanks'>[]): string[] {
  const seen = new Set<string>();
  for (const o of outcomes) if (o.status === 'undecided') for (const id of o.blanks ?? []) seen.add(id);
  const order = new Map(getFormat(format).cells.map((c, i) => [c.id, i]));
  const rank = (id: string) => {
    const own = id.startsWith(LAST_YEAR) ? id.slice(LAST_YEAR.length) : id;
    return (id.startsWith(LAST_YEAR) ? 1e6 : 0) + (order.get(own) ?? 5e5);
  };
  return [...seen].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

/** Blank cells of one row of one table: 「表三 一、本年新收政府信息公开申请数量」 with its columns. */
export interface BlankRow {
  /** Table and row in the form's words (「上年报告 」 first for last year's cells). */
  row: string;
  columns: string[];
  ids: string[];
}

/** Groups cell ids by table and row, keeping their order; an unknown id is a row of its own. */
export function groupBlankCells(format: FormatId, ids: readonly string[]): BlankRow[] {
  const rows = new Map<string, BlankRow>();
  for (const id of ids) {
    const lastYear = id.startsWith(LAST_YEAR);
    const cell = findCell(format, lastYear ? id.slice(LAST_YEAR.length) : id);
    const row = cell
      ? `${lastYear ? '上年报告 ' : ''}${cell.tableName}${cell.rowLabel.startsWith('（') ? '' : ' '}${cell.rowLabel}`
      : id;
    const group = rows.get(row) ?? { row, columns: [], ids: [] };
    if (cell) group.columns.push(cell.columnLabel);
    group.ids.push(id);
    rows.set(row, group);
  }
  return [...rows.values()];
}

/**
 * The blank cells in a line a person can act on, at most `maxRows` rows named (then 「等」):
 * 「表三 一、本年新收政府信息公开申请数量·商业企业、科研机构；表四 行政复议·结果维持」.
 */
export function blankCellsText(format: FormatId, ids: readonly string[], maxRows = 4): string {
  return zhCN.blankRowsText(groupBlankCells(format, ids), maxRows);
}

/**
 * Cells a finding is about, in the form's words, shortened for a list's column: up to `max`
 * named, then 「等 22 个单元格」 (a sum over a whole column names two dozen cells; the
 * finding's own message says what they are).
 */
export function placesText(format: FormatId, ids: readonly string[], max = 3): string {
  const named = ids.slice(0, ids.length > max ? max - 1 : max).map((id) => cellPlace(format, id));
  return ids.length > max ? `${named.join('、')}等 ${ids.length} 个单元格` : named.join('、');
}
