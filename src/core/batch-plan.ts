/**
 * The district summary as tables and as a SheetPlan: the aggregate in the official layout
 * (compiled by sheetplan/compile.ts from the aggregate report), its incomplete cells marked,
 * and three sheets of our own — 汇总说明 (what is not summed and why), 各单位情况 (one row per
 * file) and 校验结果 (every finding). The CSV output uses the same tables.
 */
import { blankCellsText, placesText } from './blank-cells';
import { cellPlace } from './describe';
import { getFormat, type FormatId } from './formats';
import { RULE_NAMES } from './messages/zh-CN';
import type { Report } from './report';
import { RULE_IDS, NARRATIVE_RULE_IDS } from './rules/types';
import { compileSheetPlan, sheetTotals, valuesNotKept, STYLES, TOOL_VERSION } from './sheetplan/compile';
import type { CellStyle, PlanCell, SheetPlan, SheetSpec } from './sheetplan/types';
import { wrappedRowHeight } from './sheetplan/wrap';

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
  /**
   * The cells whose blanks leave rules undecided (ids; `lastYear:` for last year's report), in
   * the form's order, and the same cells named in the form's words: what to chase.
   */
  blankCells: string[];
  blankPlaces: string[];
  /** errors › incomplete (undecided rules) › warnings › pass; unreadable for broken files. */
  verdict: UnitVerdict;
  /** Whether the report is summed into the aggregate (its blank cells are not: see `blankCells`). */
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

/** A unit's verdict: a unit with undecided rules is never 「通过」 — its blanks may hide errors. */
export type UnitVerdict = 'unreadable' | 'errors' | 'incomplete' | 'warnings' | 'pass';

export const VERDICT_WORDS: Record<UnitVerdict, string> = {
  unreadable: '无法读取', errors: '有错误', incomplete: '不完整', warnings: '有提醒', pass: '通过',
};

export function unitVerdict(u: Pick<BatchUnitRow, 'status' | 'errors' | 'warnings' | 'undecided'>): UnitVerdict {
  if (u.status === 'broken') return 'unreadable';
  if (u.errors > 0) return 'errors';
  if (u.undecided > 0) return 'incomplete';
  return u.warnings > 0 ? 'warnings' : 'pass';
}

/** The unit's blank cells grouped by row in the form's words (a few rows, then how many in all). */
export function unitBlanksText(u: Pick<BatchUnitRow, 'format' | 'blankCells'>, maxRows = 4): string {
  return u.blankCells.length ? blankCellsText(u.format === '2019' ? '2019' : '2021', u.blankCells, maxRows) : '';
}

/** 「计入汇总」: how the unit is counted — a unit with blanks is summed without them, never a plain 是. */
export function aggregatedWords(u: Pick<BatchUnitRow, 'aggregated' | 'blankCells'>): string {
  if (!u.aggregated) return '否';
  const own = u.blankCells.filter((id) => !id.startsWith('lastYear:')).length;
  return own ? `只计入已填的数（${own} 个空白单元格缺数）` : '是';
}

export function unitTable(units: readonly BatchUnitRow[]): Table {
  return {
    headers: ['单位', '文件', '结论', '年度', '格式', '错误', '提醒', '无法判断', '待补的空白单元格', '其中导入问题', '计入汇总', '主要问题', '说明', '上年报告'],
    rows: units.map((u) => [
      u.unit, u.file, VERDICT_WORDS[u.verdict], u.year, u.format, u.errors, u.warnings, u.undecided,
      u.blankCells.length ? `${u.blankCells.length} 个：${unitBlanksText(u, 8)}` : null,
      u.importIssues, aggregatedWords(u), u.firstFindings.join('；'), u.reason, u.lastYear,
    ]),
  };
}

/** A finding's own result: 错误/提醒 for a failing rule by its severity, 无法判断, 通过; import issues by severity. */
export function findingResult(f: Pick<BatchFindingRow, 'status' | 'severity'>): string {
  if (f.status === 'pass') return '通过';
  if (f.status === 'undecided') return '无法判断';
  return f.severity === 'error' ? '错误' : f.severity === 'warning' ? '提醒' : '说明';
}

/** Failing first (errors, then warnings), then undecided, then notes, then passing. */
function findingRank(f: Pick<BatchFindingRow, 'status' | 'severity'>): number {
  if (f.status === 'pass') return 4;
  if (f.status === 'undecided') return 2;
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 3;
}

const RULE_CODES = new Set<string>([...RULE_IDS, ...NARRATIVE_RULE_IDS]);

/** The rule in words (or 「导入时发现的问题」), so nobody has to look up a code. */
function findingRule(f: Pick<BatchFindingRow, 'source' | 'code'>): string {
  if (f.source === 'import') return '导入时发现的问题';
  return RULE_CODES.has(f.code) ? RULE_NAMES[f.code as keyof typeof RULE_NAMES] : f.code;
}

/**
 * The findings of every unit, failing first, then undecided, then passing (each group in unit
 * order); places in the form's words. `formats` gives each file's format (default 2021).
 */
export function findingTable(findings: readonly BatchFindingRow[], formats: ReadonlyMap<string, FormatId> = new Map()): Table {
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => findingRank(a.f) - findingRank(b.f) || a.i - b.i);
  return {
    headers: ['结果', '单位', '说明', '单元格', '应为', '实为', '规则', '文件', '编号'],
    rows: ordered.map(({ f }) => [
      findingResult(f), f.unit, f.message, placesText(formats.get(f.file) ?? '2021', f.cells),
      f.expected, f.found, findingRule(f), f.file, f.code,
    ]),
  };
}

/** Each readable unit's file → its format, to name its cells. */
export function unitFormats(units: readonly BatchUnitRow[]): Map<string, FormatId> {
  return new Map(units.flatMap((u) => (u.format === '2021' || u.format === '2019' ? [[u.file, u.format] as const] : [])));
}

/** The aggregate cell by cell: id, place in the form's words, value, whether complete, the units that left it blank. */
export function aggregateTable(aggregate: Report | null, incomplete: BatchSummary['incomplete']): Table {
  const headers = ['单元格编号', '位置', '汇总值', '是否完整', '未填报的单位'];
  if (!aggregate) return { headers, rows: [] };
  return {
    headers,
    rows: getFormat(aggregate.format).cells.map((c) => [
      c.id, cellPlace(aggregate.format, c.id), aggregate.cells[c.id] ?? null,
      incomplete[c.id] ? '不完整（只合计了已填报单位的数值）' : '完整', (incomplete[c.id] ?? []).join('、'),
    ]),
  };
}

// --- the workbook ---------------------------------------------------------------------------

/** Incomplete cells of the aggregate sheets: an orange fill, explained on 汇总说明. */
const INCOMPLETE_FILL = 'F8CBAD';

/** Who the aggregate is from when the office did not name itself (`--agency`). */
export const AGGREGATE_AGENCY = '各单位汇总';

export const BATCH_SHEET_NAMES = { notes: '汇总说明', units: '各单位情况', findings: '校验结果' } as const;

/** Lists print on as many pages as they need, fit to the page's width, with the header row on every page. */
function tableSheet(name: string, title: string, table: Table, widths: number[]): SheetSpec {
  const cells: PlanCell[] = [{ row: 0, col: 0, role: 'title', style: 'tableTitle', locked: true, value: title }];
  table.headers.forEach((h, col) => cells.push({ row: 1, col, role: 'header', style: 'header', locked: true, value: h }));
  table.rows.forEach((r, i) =>
    r.forEach((v, col) => {
      if (v === null || v === '') return;
      cells.push({ row: i + 2, col, role: 'note', style: typeof v === 'number' ? 'cellNumber' : 'cellText', locked: true, value: v });
    }),
  );
  const cellText: CellStyle = { ...STYLES.label, font: { ...STYLES.label.font, size: 10 }, vertical: 'top', wrap: true };
  // Each row as tall as its longest wrapped text: hosts keep stored heights, they do not re-measure.
  const heightOf = (values: readonly TableValue[], size: number) =>
    wrappedRowHeight(values.flatMap((v, col) => (typeof v === 'string' ? [{ text: v, width: widths[col] ?? 10 }] : [])), size);
  return {
    key: 'extra',
    name,
    columnWidths: widths,
    rowHeights: [24, heightOf(table.headers, 11), ...table.rows.map((r) => heightOf(r, 10))],
    cells,
    merges: [],
    styles: {
      tableTitle: STYLES.tableTitle,
      header: STYLES.header,
      cellText,
      cellNumber: { ...cellText, horizontal: 'right' },
    },
    conditionalFormats: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 1, last: 1 } },
    frozenRows: 2,
    // Read-only lists; not protected so a district office can sort and filter them.
    protect: false,
  };
}

/**
 * Cells whose value in the sheet is not a full sum: inputs some unit left blank (they show the
 * known units' sum), and the totals the sheet computes over them.
 */
export function incompleteInSheet(aggregate: Report, incomplete: BatchSummary['incomplete']): Set<string> {
  const f = getFormat(aggregate.format);
  const marked = new Set(Object.keys(incomplete).filter((id) => f.cellById.get(id)?.role === 'input'));
  const unknown: Report['cells'] = { ...aggregate.cells };
  for (const id of marked) unknown[id] = null;
  for (const [id, v] of Object.entries(sheetTotals(aggregate.format, unknown))) if (v === null) marked.add(id);
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
        ? `不完整：有单位未填报，表中只合计了已填报单位的数值${aggregate.cells[cell.id] === null ? '（均未填报，表中留空）' : ''}`
        : inSheet.has(cell.id)
          ? '不完整：所含单元格有单位未填报，表中合计只含已填报的数值'
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

/** 「甲、乙、丙」, or 「甲、乙等 12 个单位」 when long (a cell's prompt holds 255 characters). */
function unitList(units: readonly string[], max = 6): string {
  return units.length > max ? `${units.slice(0, max).join('、')}等 ${units.length} 个单位` : units.join('、');
}

/** What a selected incomplete cell says (Excel and LibreOffice show a cell's input prompt as a note). */
function incompletePrompt(cellId: string, role: string, incomplete: BatchSummary['incomplete']): string {
  const units = incomplete[cellId] ?? [];
  const text = role === 'input'
    ? `不完整：只合计了已填报单位的数值。未填报的单位：${unitList(units)}`
    : `不完整：所含单元格有单位未填报${units.length ? `（${unitList(units)}）` : ''}，此合计只含已填报的数值`;
  return text.length > 250 ? `${text.slice(0, 248)}…` : text;
}

const LEGEND = '橙色单元格不完整：有单位未填报，表中只合计了已填报单位的数值（选中单元格可看是哪些单位；完整清单见「汇总说明」）。';

/**
 * Marks the incomplete cells of an official sheet: orange fill and a prompt naming the units;
 * the self-check row says 「不完整」 instead of a difference for those columns (a partial sum
 * would print a misleading 0 or difference); a legend line under the table.
 */
function markIncomplete(sheet: SheetSpec, marked: ReadonlySet<string>, incomplete: BatchSummary['incomplete']): void {
  const restyled = new Map<string, string>();
  const columns = new Set<number>();
  for (const cell of sheet.cells) {
    if (!cell.cellId || !marked.has(cell.cellId)) continue;
    columns.add(cell.col);
    const key = `${cell.style}Incomplete`;
    if (!restyled.has(cell.style)) {
      sheet.styles[key] = { ...sheet.styles[cell.style], fill: INCOMPLETE_FILL };
      restyled.set(cell.style, key);
    }
    cell.style = key;
    cell.validation = {
      ...(cell.validation ?? { type: 'decimal', errorTitle: '不完整', errorMessage: '此单元格由公式计算' }),
      prompt: incompletePrompt(cell.cellId, cell.role, incomplete),
    };
  }
  if (!columns.size) return;
  for (const cell of sheet.cells)
    if (cell.role === 'check' && cell.formula !== undefined && columns.has(cell.col)) {
      delete cell.formula;
      cell.value = '不完整';
    }
  // The check row turns red on a non-zero number only: 「不完整」 is not an error.
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => {
    const ref = cf.formula.replace(/<>0$/, '');
    return ref === cf.formula ? cf : { ...cf, formula: `AND(ISNUMBER(${ref}),${ref}<>0)` };
  });
  const below = Math.max(...sheet.cells.map((c) => c.row), ...sheet.merges.map((m) => m.bottom)) + 1;
  const width = Math.max(sheet.columnWidths.length, ...sheet.cells.map((c) => c.col + 1));
  sheet.styles.incompleteLegend = { ...STYLES.note, font: { ...STYLES.note.font, color: '843C0C' }, fill: INCOMPLETE_FILL };
  sheet.cells.push({ row: below, col: 0, role: 'note', style: 'incompleteLegend', locked: true, value: LEGEND });
  sheet.merges.push({ top: below, left: 0, bottom: below, right: width - 1 });
  while (sheet.rowHeights.length < below) sheet.rowHeights.push(undefined);
  sheet.rowHeights[below] = 30;
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
    for (const sheet of official) markIncomplete(sheet, marked, summary.incomplete);
  }
  const keptSheets = new Set(official.map((s) => s.name));
  const who = aggregate?.agency?.trim() || AGGREGATE_AGENCY;
  const when = aggregate?.year ? `${aggregate.year}年度` : '';
  const sheets = [
    ...official,
    ...(aggregate
      ? [tableSheet(BATCH_SHEET_NAMES.notes, `${who}${when}汇总说明（橙色单元格不完整：只合计了已填报单位的数值）`, notesTable(summary, aggregate), [30, 26, 50, 30])]
      : []),
    tableSheet(BATCH_SHEET_NAMES.units, `${who}${when}各单位情况`, unitTable(summary.units), [18, 14, 7, 6, 6, 5, 5, 6, 36, 6, 12, 36, 22, 12]),
    tableSheet(BATCH_SHEET_NAMES.findings, `${who}${when}校验结果`, findingTable(summary.findings, unitFormats(summary.units)), [7, 16, 56, 40, 7, 7, 22, 14, 14]),
  ];
  return { ...base, sheets, definedNames: base.definedNames.filter((d) => keptSheets.has(d.sheet)) };
}
