/**
 * The district summary as tables and as a SheetPlan: the aggregate in the official layout
 * (compiled by sheetplan/compile.ts from the aggregate report), its incomplete cells marked,
 * and three sheets of our own — 汇总说明 (what is not summed and why), 各单位情况 (one row per
 * file) and 校验结果 (every finding). The CSV output uses the same tables.
 */
import { cellPlace } from './describe';
import { getFormat, type FormatId } from './formats';
import type { Report } from './report';
import { compileSheetPlan, sheetTotals, valuesNotKept, STYLES, TOOL_VERSION } from './sheetplan/compile';
import type { CellStyle, PlanCell, SheetPlan, SheetSpec } from './sheetplan/types';

/** What the batch knows of one file: a row of the per-unit table 「各单位情况」. */
export interface BatchUnitRow {
  /** The issuing body as the report names it, else the file name. */
  unit: string;
  /** Path inside the batch folder. */
  file: string;
  /** ok: read and checked; broken: unreadable (see `reason`). */
  status: 'ok' | 'broken';
  year: number | null;
  format: string | null;
  /**
   * Failing rules plus import issues, by severity (an unreadable number is as serious as a
   * failing sum); undecided rules; and how many of the errors and warnings came from import.
   */
  errors: number;
  warnings: number;
  undecided: number;
  importIssues: number;
  /** Messages of the first three findings: errors (failing rules, then import), then warnings likewise. */
  firstFindings: string[];
  /** Whether the report is summed into the aggregate. */
  aggregated: boolean;
  /** Last year's report the unit was compared with (`--last-year`), inside that folder. */
  lastYear: string | null;
  /** Why the file is unreadable, why it is left out of the aggregate, or that its agency has another file. */
  reason: string | null;
}

export interface BatchFindingRow {
  unit: string;
  file: string;
  source: 'rule' | 'import';
  code: string;
  status: 'pass' | 'fail' | 'undecided' | null;
  severity: 'error' | 'warning' | 'info';
  cells: string[];
  expected: number | null;
  found: number | null;
  message: string;
}

export interface BatchSummary {
  units: readonly BatchUnitRow[];
  aggregate: Report | null;
  incomplete: Readonly<Record<string, readonly string[]>>;
  findings: readonly BatchFindingRow[];
}

export type TableValue = string | number | null;

export interface Table {
  headers: string[];
  rows: TableValue[][];
}

const STATUS_WORDS = { pass: '通过', fail: '不通过', undecided: '无法判断' } as const;
const SEVERITY_WORDS = { error: '错误', warning: '提醒', info: '说明' } as const;

export function unitTable(units: readonly BatchUnitRow[]): Table {
  return {
    headers: ['单位', '文件', '状态', '年度', '格式', '错误', '提醒', '无法判断', '其中导入问题', '计入汇总', '主要问题', '说明', '上年报告'],
    rows: units.map((u) => [
      u.unit, u.file, u.status === 'ok' ? '已检查' : '无法读取', u.year, u.format, u.errors, u.warnings, u.undecided,
      u.importIssues, u.aggregated ? '是' : '否', u.firstFindings.join('；'), u.reason, u.lastYear,
    ]),
  };
}

export function findingTable(findings: readonly BatchFindingRow[]): Table {
  return {
    headers: ['单位', '文件', '来源', '规则/代码', '状态', '级别', '单元格', '应为', '实为', '说明'],
    rows: findings.map((f) => [
      f.unit, f.file, f.source === 'rule' ? '校验规则' : '导入', f.code, f.status ? STATUS_WORDS[f.status] : '',
      SEVERITY_WORDS[f.severity], f.cells.join(' '), f.expected, f.found, f.message,
    ]),
  };
}

/** The aggregate cell by cell: id, place in the form's words, value, the units that left it blank. */
export function aggregateTable(aggregate: Report | null, incomplete: BatchSummary['incomplete']): Table {
  const headers = ['单元格编号', '位置', '汇总值', '未填报的单位'];
  if (!aggregate) return { headers, rows: [] };
  return {
    headers,
    rows: getFormat(aggregate.format).cells.map((c) => [
      c.id, cellPlace(aggregate.format, c.id), aggregate.cells[c.id] ?? null, (incomplete[c.id] ?? []).join('、'),
    ]),
  };
}

// --- the workbook ---------------------------------------------------------------------------

/** Incomplete cells of the aggregate sheets: an orange fill, explained on 汇总说明. */
const INCOMPLETE_FILL = 'F8CBAD';

/** Who the aggregate is from when the office did not name itself (`--agency`). */
export const AGGREGATE_AGENCY = '各单位汇总';

export const BATCH_SHEET_NAMES = { notes: '汇总说明', units: '各单位情况', findings: '校验结果' } as const;

function tableSheet(name: string, title: string, table: Table, widths: number[]): SheetSpec {
  const cells: PlanCell[] = [{ row: 0, col: 0, role: 'title', style: 'tableTitle', locked: true, value: title }];
  table.headers.forEach((h, col) => cells.push({ row: 1, col, role: 'header', style: 'header', locked: true, value: h }));
  table.rows.forEach((r, i) =>
    r.forEach((v, col) => {
      if (v === null || v === '') return;
      cells.push({ row: i + 2, col, role: 'note', style: typeof v === 'number' ? 'cellNumber' : 'cellText', locked: true, value: v });
    }),
  );
  const cellText: CellStyle = { ...STYLES.label, font: { ...STYLES.label.font, size: 10 }, vertical: 'top' };
  return {
    key: 'extra',
    name,
    columnWidths: widths,
    rowHeights: [24],
    cells,
    merges: [],
    styles: {
      tableTitle: STYLES.tableTitle,
      header: STYLES.header,
      cellText,
      cellNumber: { ...cellText, horizontal: 'right' },
    },
    conditionalFormats: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0 },
    frozenRows: 2,
    // Read-only lists; not protected so a district office can sort and filter them.
    protect: false,
  };
}

/** Cells whose value in the sheet is not a full sum: blank inputs, and totals over them. */
export function incompleteInSheet(aggregate: Report, incomplete: BatchSummary['incomplete']): Set<string> {
  const marked = new Set(Object.keys(incomplete).filter((id) => getFormat(aggregate.format).cellById.get(id)?.role === 'input'));
  const totals = sheetTotals(aggregate.format, aggregate.cells);
  for (const [id, v] of Object.entries(totals)) if (v === null) marked.add(id);
  return marked;
}

function notesTable(summary: BatchSummary, aggregate: Report): Table {
  const f = aggregate.format;
  const inSheet = incompleteInSheet(aggregate, summary.incomplete);
  const rows: TableValue[][] = [];
  for (const cell of getFormat(f).cells) {
    if (!inSheet.has(cell.id) && !summary.incomplete[cell.id]) continue;
    const units = summary.incomplete[cell.id] ?? [];
    const why =
      cell.role === 'input'
        ? '有单位未填报，未汇总（表中留空）'
        : inSheet.has(cell.id)
          ? '所含单元格有未汇总的，表中公式只合计了已汇总的部分，仅供参考'
          : '有单位未填此合计；表中按各项的汇总值计算';
    rows.push([cellPlace(f, cell.id), cell.id, why, units.join('、')]);
  }
  for (const r of valuesNotKept(aggregate).recomputed)
    if (r.given !== null && r.sheet !== null)
      rows.push([cellPlace(f, r.cellId), r.cellId, `各单位所填合计之和为 ${r.given}，表中公式按各项之和计算为 ${r.sheet}（有单位合计与分项不符，见「${BATCH_SHEET_NAMES.findings}」）`, '']);
  for (const u of summary.units) if (u.status === 'ok' && (u.reason || !u.aggregated)) rows.push([u.unit, u.file, u.reason ?? '未计入汇总', '']);
  for (const u of summary.units) if (u.status === 'broken') rows.push([u.unit, u.file, `无法读取，未计入汇总：${u.reason ?? ''}`, '']);
  return { headers: ['位置 / 单位', '单元格编号 / 文件', '说明', '未填报的单位'], rows };
}

export interface BatchPlanOptions {
  toolVersion?: string;
}

/**
 * The summary workbook. With an aggregate: its 表二–表四 in the official layout first (so the
 * workbook reads back as the district's report), incomplete cells filled orange; then
 * 汇总说明, 各单位情况, 校验结果. Without one (no readable file), the two lists only.
 */
export function batchSheetPlan(summary: BatchSummary, options: BatchPlanOptions = {}): SheetPlan {
  const aggregate = summary.aggregate;
  const format: FormatId = aggregate?.format ?? '2021';
  const base = compileSheetPlan(format, {
    report: aggregate ?? undefined,
    year: aggregate?.year ?? null,
    agency: aggregate?.agency ?? AGGREGATE_AGENCY,
    toolVersion: options.toolVersion ?? TOOL_VERSION,
  });
  const official = aggregate ? base.sheets.filter((s) => s.key !== 'narrative') : [];
  if (aggregate) {
    const marked = incompleteInSheet(aggregate, summary.incomplete);
    for (const sheet of official) {
      const restyled = new Map<string, string>();
      for (const cell of sheet.cells) {
        if (!cell.cellId || !marked.has(cell.cellId)) continue;
        const key = `${cell.style}Incomplete`;
        if (!restyled.has(cell.style)) {
          sheet.styles[key] = { ...sheet.styles[cell.style], fill: INCOMPLETE_FILL };
          restyled.set(cell.style, key);
        }
        cell.style = key;
      }
    }
  }
  const keptSheets = new Set(official.map((s) => s.name));
  const who = aggregate?.agency?.trim() || AGGREGATE_AGENCY;
  const when = aggregate?.year ? `${aggregate.year}年度` : '';
  const sheets = [
    ...official,
    ...(aggregate
      ? [tableSheet(BATCH_SHEET_NAMES.notes, `${who}${when}汇总说明（橙色单元格未完整汇总）`, notesTable(summary, aggregate), [34, 36, 70, 40])]
      : []),
    tableSheet(BATCH_SHEET_NAMES.units, `${who}${when}各单位情况`, unitTable(summary.units), [28, 26, 9, 7, 7, 6, 6, 9, 12, 9, 70, 50, 26]),
    tableSheet(BATCH_SHEET_NAMES.findings, `${who}${when}校验结果`, findingTable(summary.findings), [24, 24, 9, 16, 9, 6, 34, 8, 8, 80]),
  ];
  return { ...base, sheets, definedNames: base.definedNames.filter((d) => keptSheets.has(d.sheet)) };
}
