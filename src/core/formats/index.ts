/**
 * The two official formats, validated on load, and the flat list of their cells with
 * canonical ids (`t2.<row>.<column>`, `t3.<row>.<column>`, `t4.<group>.<column>`).
 */
import { FormatDefSchema, type FormatDef, type FormatId, type ValueKind } from './schema';
import { format2021 } from './format2021';
import { format2019 } from './format2019';
import { XxgkError } from '../errors';

export type { FormatDef, FormatId, ValueKind, T2Block, T3Row } from './schema';

export type TableId = 't2' | 't3' | 't4';

/** One cell of a format, with the words of the form that name it in messages. */
export interface CellDef {
  id: string;
  table: TableId;
  row: string;
  column: string;
  kind: ValueKind;
  /** input: typed by staff; total: a sum of other cells (a formula in our sheets). */
  role: 'input' | 'total';
  /** 表二 / 表三 / 表四 */
  tableName: string;
  /** The row as staff read it on the form, e.g. 「（三）不予公开 1.属于国家秘密」. */
  rowLabel: string;
  /** The column as printed, e.g. 「自然人」, 「本年废止件数」. */
  columnLabel: string;
}

export interface Format extends FormatDef {
  cells: CellDef[];
  cellById: ReadonlyMap<string, CellDef>;
}

function derive(def: FormatDef): Format {
  const cells: CellDef[] = [];
  for (const block of def.t2.blocks)
    for (const row of block.rows)
      for (const col of block.columns)
        cells.push({
          id: `t2.${row.id}.${col.id}`, table: 't2', row: row.id, column: col.id, kind: col.kind, role: 'input',
          tableName: def.t2.name, rowLabel: row.label, columnLabel: col.label,
        });
  for (const row of def.t3.rows)
    for (const col of def.t3.columns)
      cells.push({
        id: `t3.${row.id}.${col.id}`, table: 't3', row: row.id, column: col.id, kind: 'count',
        role: row.role === 'total' || col.role === 'total' ? 'total' : 'input',
        tableName: def.t3.name, rowLabel: t3RowLabel(row.path), columnLabel: col.label,
      });
  for (const group of def.t4.groups)
    for (const col of def.t4.columns)
      cells.push({
        id: `t4.${group.id}.${col.id}`, table: 't4', row: group.id, column: col.id, kind: 'count', role: col.role,
        tableName: def.t4.name, rowLabel: group.parent ? `${group.parent}（${group.label}）` : group.label,
        columnLabel: col.label,
      });
  return { ...def, cells, cellById: new Map(cells.map((c) => [c.id, c])) };
}

/** 「（三）不予公开 1.属于国家秘密」: the path without the 三、本年度办理结果 umbrella. */
function t3RowLabel(path: string[]): string {
  return path.length === 1 ? path[0] : path.slice(1).join(' ');
}

const FORMATS: Record<FormatId, Format> = {
  '2021': derive(FormatDefSchema.parse(format2021)),
  '2019': derive(FormatDefSchema.parse(format2019)),
};

export const FORMAT_IDS: readonly FormatId[] = ['2021', '2019'];

export function getFormat(id: FormatId): Format {
  return FORMATS[id];
}

export function isFormatId(value: unknown): value is FormatId {
  return value === '2021' || value === '2019';
}

/** 2019–2020 → 60号, 2021 and later → 30号. Earlier years have no national layout. */
export function formatIdForYear(year: number): FormatId {
  if (!Number.isInteger(year) || year < 2019) throw new XxgkError('YEAR-UNSUPPORTED', { year });
  return year >= 2021 ? '2021' : '2019';
}

/** Every canonical id of either format (a 2021+ report may still carry a 2019 table 二). */
const ALL_CELL_IDS: ReadonlySet<string> = new Set(FORMAT_IDS.flatMap((f) => FORMATS[f].cells.map((c) => c.id)));

export function isKnownCellId(id: string): boolean {
  return ALL_CELL_IDS.has(id);
}

/** The cell definition in the report's own format, else in the other (old table 二 layouts). */
export function findCell(formatId: FormatId, id: string): CellDef | undefined {
  return FORMATS[formatId].cellById.get(id) ?? FORMATS[formatId === '2021' ? '2019' : '2021'].cellById.get(id);
}
