/**
 * Compiles a format (and optionally a report's data) into the SheetPlan both renderers draw:
 * tables 二, 三, 四 exactly as the official form lays them out, the self-check row under
 * table 三, and the 文字说明 placeholder. Pure: the same plan in the add-in and the CLI.
 */
import { XxgkError } from '../errors';
import { getFormat, type CellDef, type Format, type FormatId } from '../formats';
import type { Report, ReportText } from '../report';
import { paragraphText, writeSummary } from '../narrative/write';
import type { SectionKey } from '../narrative/types';
import { a1, a1Range } from './a1';
import { fillCachedValues } from './evaluate';
import {
  CHECK_ROW_LABEL, CHECK_ROW_NOTE, NARRATIVE_SECTIONS, NARRATIVE_SEE, SHEET_NAMES, VALIDATION, reportTitle,
} from './texts';
import type {
  CellRole, CellStyle, DataValidationSpec, DefinedNameSpec, MergeSpec, PlanCell, SheetKey, SheetPlan, SheetSpec,
} from './types';

/** Written into every workbook's metadata; test/sheets checks it equals package.json's version. */
export const TOOL_VERSION = '0.1.0';

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
}

export interface CompileOptions {
  /** Data to fill in (its format must be `formatId`); without it every input is empty. */
  report?: Report;
  year?: number | null;
  agency?: string | null;
  /** Sheet protection password; none by default (protected without a password). */
  password?: string;
  toolVersion?: string;
  /** Filled narrative (the narrative feature); default: the six headings with empty text areas. */
  narrative?: NarrativeSection[];
  /** Last year's report: the summary under 二、三、四 then says how figures changed. */
  lastYear?: Report | null;
}

// --- styles -------------------------------------------------------------------------------

/** 宋体 (SimSun) is what Chinese government tables are set in; 黑体 for titles. Hosts without
 * them (LibreOffice on Linux) fall back to an installed CJK face such as Noto Serif/Sans CJK. */
export const FONT_BODY = '宋体';
export const FONT_TITLE = '黑体';

const INPUT_FILL = 'FFF8E1';
const FORMULA_FILL = 'EFEFEF';
const HEADER_FILL = 'F2F2F2';

const body = (extra: Partial<CellStyle> = {}): CellStyle => ({
  font: { name: FONT_BODY, size: 11 },
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: true,
  ...extra,
});

export const STYLES: Record<string, CellStyle> = {
  title: { font: { name: FONT_TITLE, size: 16, bold: true }, horizontal: 'center', vertical: 'middle', wrap: false, border: false },
  tableTitle: { font: { name: FONT_TITLE, size: 13, bold: true }, horizontal: 'left', vertical: 'middle', wrap: false, border: false },
  header: body({ font: { name: FONT_BODY, size: 11, bold: true }, fill: HEADER_FILL }),
  corner: body({ font: { name: FONT_BODY, size: 10 }, fill: HEADER_FILL, horizontal: 'left' }),
  label: body({ horizontal: 'left' }),
  labelCenter: body(),
  count: body({ fill: INPUT_FILL, numberFormat: '0' }),
  amount: body({ fill: INPUT_FILL, numberFormat: '0.00##' }),
  total: body({ fill: FORMULA_FILL, numberFormat: '0' }),
  checkLabel: body({ font: { name: FONT_BODY, size: 10, color: '595959' }, fill: FORMULA_FILL, horizontal: 'left' }),
  check: body({ font: { name: FONT_BODY, size: 10, color: '595959' }, fill: FORMULA_FILL, numberFormat: '0' }),
  note: { font: { name: FONT_BODY, size: 9, color: '595959' }, horizontal: 'left', vertical: 'top', wrap: true, border: false },
  heading: { font: { name: FONT_TITLE, size: 12, bold: true }, horizontal: 'left', vertical: 'middle', wrap: false, border: false },
  text: { font: { name: FONT_BODY, size: 11 }, horizontal: 'left', vertical: 'top', wrap: true, border: true },
};

const CHECK_FORMAT = { fill: 'FFC7CE', fontColor: '9C0006' };

// --- building one sheet -------------------------------------------------------------------

class SheetBuilder {
  readonly cells: PlanCell[] = [];
  readonly merges: MergeSpec[] = [];
  readonly rowHeights: (number | undefined)[] = [];
  readonly names: DefinedNameSpec[] = [];

  constructor(
    readonly key: SheetKey,
    readonly name: string,
  ) {}

  put(row: number, col: number, role: CellRole, style: string, extra: Partial<PlanCell> = {}): PlanCell {
    const locked = !(role === 'input' || role === 'text');
    const cell: PlanCell = { row, col, role, style, locked, ...extra };
    this.cells.push(cell);
    return cell;
  }

  text(row: number, col: number, role: CellRole, style: string, value: string, span?: { rows?: number; cols?: number }) {
    this.put(row, col, role, style, { value });
    const bottom = row + (span?.rows ?? 1) - 1;
    const right = col + (span?.cols ?? 1) - 1;
    if (bottom > row || right > col) this.merges.push({ top: row, left: col, bottom, right });
  }

  height(row: number, points: number) {
    this.rowHeights[row] = points;
  }

  define(name: string, ref: string) {
    this.names.push({ name, sheet: this.name, ref });
  }

  build(columnWidths: number[], print: SheetSpec['print'], frozenRows: number, extra: Partial<SheetSpec> = {}): SheetSpec {
    const lastRow = Math.max(...this.cells.map((c) => c.row), ...this.merges.map((m) => m.bottom));
    const rowHeights = Array.from({ length: lastRow + 1 }, (_, i) => this.rowHeights[i]);
    const used = new Set(this.cells.map((c) => c.style));
    const styles = Object.fromEntries(Object.entries(STYLES).filter(([k]) => used.has(k)));
    this.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      key: this.key, name: this.name, columnWidths, rowHeights, cells: this.cells, merges: this.merges, styles,
      conditionalFormats: [], print, frozenRows, protect: true, ...extra,
    };
  }
}

/** XXGK_T3_DENIED_STATESECRET_NATURAL: the defined name of a canonical cell. */
export function cellDefinedName(cellId: string): string {
  let name = definedNames.get(cellId);
  if (name === undefined) definedNames.set(cellId, (name = `XXGK_${cellId.replace(/\./g, '_').toUpperCase()}`));
  return name;
}

/** Names by cell id: readers look up every input cell of every workbook. */
const definedNames = new Map<string, string>();

/** Defined names of whole blocks and of the narrative text areas. */
export const BLOCK_NAMES = {
  t2: 'XXGK_T2_DATA',
  t3: 'XXGK_T3_DATA',
  t3Check: 'XXGK_T3_CHECK',
  t4: 'XXGK_T4_DATA',
  text: { overview: 'XXGK_TEXT_OVERVIEW', problems: 'XXGK_TEXT_PROBLEMS', other: 'XXGK_TEXT_OTHER' },
} as const;

function makeValidation(kind: CellDef['kind']): DataValidationSpec {
  const t = VALIDATION[kind];
  const base = { errorTitle: t.errorTitle, errorMessage: t.errorMessage, prompt: t.prompt };
  if (kind === 'signedCount') return { type: 'whole', ...base };
  return { type: kind === 'amount' ? 'decimal' : 'whole', min: 0, ...base };
}

/** One shared, frozen spec per kind: renderers can group cells by identity. */
const VALIDATIONS: Record<CellDef['kind'], DataValidationSpec> = {
  count: Object.freeze(makeValidation('count')),
  signedCount: Object.freeze(makeValidation('signedCount')),
  amount: Object.freeze(makeValidation('amount')),
};

function validationFor(kind: CellDef['kind']): DataValidationSpec {
  return VALIDATIONS[kind];
}

function inputCell(sb: SheetBuilder, row: number, col: number, def: CellDef, values: Report['cells'] | undefined) {
  const v = values?.[def.id];
  sb.put(row, col, 'input', def.kind === 'amount' ? 'amount' : 'count', {
    cellId: def.id,
    value: v === undefined ? null : v,
    validation: validationFor(def.kind),
  });
  sb.define(cellDefinedName(def.id), a1(row, col, true));
}

function totalCell(sb: SheetBuilder, row: number, col: number, cellId: string, formula: string, style = 'total') {
  sb.put(row, col, 'total', style, { cellId, formula });
  sb.define(cellDefinedName(cellId), a1(row, col, true));
}

/** Rows 0–1 of every table sheet: the report title and the table title, across `width` columns. */
function titles(sb: SheetBuilder, width: number, title: string, tableTitle: string) {
  sb.text(0, 0, 'title', 'title', title, { cols: width });
  sb.height(0, 30);
  sb.text(1, 0, 'title', 'tableTitle', tableTitle, { cols: width });
  sb.height(1, 24);
}

// --- table 二 -------------------------------------------------------------------------------

function compileT2(f: Format, title: string, values?: Report['cells']): SheetBuilder {
  const sb = new SheetBuilder('t2', SHEET_NAMES.t2);
  const width = 1 + Math.max(...f.t2.blocks.map((b) => b.columns.length));
  titles(sb, width, title, f.t2.title);
  let row = 2;
  const first = row;
  for (const block of f.t2.blocks) {
    sb.text(row, 0, 'header', 'header', block.title, { cols: width });
    sb.height(row, 22);
    row++;
    block.header.forEach((h, i) => {
      const last = i === block.header.length - 1;
      sb.text(row, i, 'header', 'header', h, { cols: last ? width - i : 1 });
    });
    sb.height(row, 36);
    row++;
    for (const r of block.rows) {
      sb.text(row, 0, 'label', 'labelCenter', r.label);
      block.columns.forEach((c, i) => {
        const last = i === block.columns.length - 1;
        inputCell(sb, row, 1 + i, f.cellById.get(`t2.${r.id}.${c.id}`)!, values);
        if (last && 1 + i < width - 1) sb.merges.push({ top: row, left: 1 + i, bottom: row, right: width - 1 });
      });
      sb.height(row, 22);
      row++;
    }
  }
  sb.define(BLOCK_NAMES.t2, a1Range(first, 0, row - 1, width - 1, true));
  return sb;
}

// --- table 三 -------------------------------------------------------------------------------

/** Layout constants of table 三: three label columns, then the seven applicant columns. */
export const T3_LAYOUT = { labelColumns: 3, headerTop: 2, headerRows: 3, firstDataRow: 5 } as const;

function compileT3(f: Format, title: string, values?: Report['cells']): SheetBuilder {
  const sb = new SheetBuilder('t3', SHEET_NAMES.t3);
  const L = T3_LAYOUT.labelColumns;
  const width = L + f.t3.columns.length;
  titles(sb, width, title, f.t3.title);
  const h = T3_LAYOUT.headerTop;
  // The corner note: 3 columns × 3 rows.
  sb.text(h, 0, 'header', 'corner', f.t3.cornerNote, { rows: 3, cols: L });
  sb.text(h, L, 'header', 'header', f.t3.applicantHeader, { cols: f.t3.columns.length });
  const orgCols = f.t3.columns.map((c, i) => (c.underOrg ? L + i : -1)).filter((i) => i >= 0);
  f.t3.columns.forEach((c, i) => {
    if (c.underOrg) sb.text(h + 2, L + i, 'header', 'header', c.label);
    else sb.text(h + 1, L + i, 'header', 'header', c.label, { rows: 2 });
  });
  sb.text(h + 1, orgCols[0], 'header', 'header', f.t3.orgHeader, { cols: orgCols.length });
  sb.height(h, 24);
  sb.height(h + 1, 24);
  sb.height(h + 2, 36);

  const first = T3_LAYOUT.firstDataRow;
  const rowOf = new Map(f.t3.rows.map((r, i) => [r.id, first + i]));
  const resultRows = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input');
  const firstResult = rowOf.get(resultRows[0].id)!;
  const lastResult = rowOf.get(resultRows[resultRows.length - 1].id)!;

  // Labels: level 一–四 across the three label columns; umbrella 三、本年度办理结果 and the
  // group labels （三）–（六） merged vertically over their rows.
  const spans = new Map<string, { col: number; top: number; bottom: number; text: string }>();
  f.t3.rows.forEach((r, i) => {
    const row = first + i;
    if (r.path.length === 1) sb.text(row, 0, 'label', 'label', r.path[0], { cols: L });
    else {
      r.path.slice(0, -1).forEach((p, level) => {
        const key = `${level}:${p}`;
        const s = spans.get(key);
        if (s) s.bottom = row;
        else spans.set(key, { col: level, top: row, bottom: row, text: p });
      });
      const level = r.path.length - 1;
      sb.text(row, level, 'label', 'label', r.path[level], { cols: L - level });
    }
    // Rows whose labels wrap to two lines (the long （六） items, （二）'s note) get more room.
    const label = r.path[r.path.length - 1];
    sb.height(row, label.length > 22 ? 44 : label.length > 14 ? 30 : 20);
  });
  for (const s of spans.values()) sb.text(s.top, s.col, 'label', 'labelCenter', s.text, { rows: s.bottom - s.top + 1 });

  const totalCol = f.t3.columns.findIndex((c) => c.role === 'total');
  const partsFirst = L;
  const partsLast = L + f.t3.columns.length - 1 - (totalCol === f.t3.columns.length - 1 ? 1 : 0);
  f.t3.rows.forEach((r, i) => {
    const row = first + i;
    f.t3.columns.forEach((c, ci) => {
      const col = L + ci;
      const def = f.cellById.get(`t3.${r.id}.${c.id}`)!;
      if (def.role === 'input') inputCell(sb, row, col, def, values);
      else if (c.role === 'total') totalCell(sb, row, col, def.id, `SUM(${a1Range(row, partsFirst, row, partsLast)})`);
      else totalCell(sb, row, col, def.id, `SUM(${a1Range(firstResult, col, lastResult, col)})`);
    });
  });
  const lastData = first + f.t3.rows.length - 1;

  // The self-check row: 一 + 二 − （七） − 四 per column; non-zero turns red.
  const check = lastData + 1;
  const [rc, ro, rh, rf] = ['received', 'carriedOver', 'handledTotal', 'carriedForward'].map((id) => rowOf.get(id)!);
  sb.text(check, 0, 'check', 'checkLabel', CHECK_ROW_LABEL, { cols: L });
  f.t3.columns.forEach((_, ci) => {
    const col = L + ci;
    sb.put(check, col, 'check', 'check', { formula: checkFormula(col, first, lastData, [rc, ro, rh, rf]) });
  });
  sb.height(check, 30);
  sb.text(check + 1, 0, 'note', 'note', CHECK_ROW_NOTE, { cols: width });
  sb.height(check + 1, 42);
  sb.define(BLOCK_NAMES.t3, a1Range(first, L, lastData, width - 1, true));
  sb.define(BLOCK_NAMES.t3Check, a1Range(check, L, check, width - 1, true));
  return sb;
}

/** What a check cell shows when its column holds text: not 0, so the check row's format turns it red. */
export const CHECK_TEXT_FLAG = '含文字';

/**
 * One check cell: 一 + 二 − （七） − 四 of its column, or 「含文字」 when any cell of the column
 * holds text (a host without validation let it in). Without that guard, text in 一, 二 or 四
 * makes the sum #VALUE!, and the red format (`<>0`) cannot judge an error, so the column
 * would lose its flag; text in a result row would silently count as 0 in （七）'s SUM.
 */
function checkFormula(col: number, firstRow: number, lastRow: number, [received, carriedOver, handled, carriedForward]: number[]): string {
  const column = a1Range(firstRow, col, lastRow, col);
  const balance = `${a1(received, col)}+${a1(carriedOver, col)}-${a1(handled, col)}-${a1(carriedForward, col)}`;
  return `IF(SUMPRODUCT(--ISTEXT(${column}))>0,"${CHECK_TEXT_FLAG}",${balance})`;
}

// --- table 四 -------------------------------------------------------------------------------

function compileT4(f: Format, title: string, values?: Report['cells']): SheetBuilder {
  const sb = new SheetBuilder('t4', SHEET_NAMES.t4);
  const n = f.t4.columns.length;
  const width = n * f.t4.groups.length;
  titles(sb, width, title, f.t4.title);
  const h = 2;
  // Two-level header: 行政复议 over two rows; 行政诉讼 over its two groups.
  const parents = new Map<string, number[]>();
  f.t4.groups.forEach((g, gi) => {
    if (g.parent === null) sb.text(h, gi * n, 'header', 'header', g.label, { rows: 2, cols: n });
    else {
      parents.set(g.parent, [...(parents.get(g.parent) ?? []), gi]);
      sb.text(h + 1, gi * n, 'header', 'header', g.label, { cols: n });
    }
  });
  for (const [parent, groups] of parents) sb.text(h, groups[0] * n, 'header', 'header', parent, { cols: groups.length * n });
  const data = h + 3;
  f.t4.groups.forEach((g, gi) => {
    const left = gi * n;
    f.t4.columns.forEach((c, ci) => {
      sb.text(h + 2, left + ci, 'header', 'header', c.label);
      const def = f.cellById.get(`t4.${g.id}.${c.id}`)!;
      if (def.role === 'input') inputCell(sb, data, left + ci, def, values);
      else {
        const parts = f.t4.columns.map((p, pi) => (p.role === 'input' ? pi : -1)).filter((pi) => pi >= 0);
        totalCell(sb, data, left + ci, def.id, `SUM(${a1Range(data, left + parts[0], data, left + parts[parts.length - 1])})`);
      }
    });
  });
  sb.height(h, 24);
  sb.height(h + 1, 24);
  sb.height(h + 2, 36);
  sb.height(data, 28);
  sb.define(BLOCK_NAMES.t4, a1Range(data, 0, data, width - 1, true));
  return sb;
}

// --- 文字说明 ---------------------------------------------------------------------------------

const NARRATIVE_WIDTH = 72;

/** Points for a text row: about 36 CJK characters a line at this width, 16 pt a line. */
function textHeight(paragraph: string): number {
  const lines = paragraph.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 36)), 0);
  return Math.min(409, Math.max(20, lines * 16 + 6));
}

function sectionKey(heading: string): keyof ReportText | null {
  const first = heading.trim().charAt(0);
  return first === '一' ? 'overview' : first === '五' ? 'problems' : first === '六' ? 'other' : null;
}

type TableKey = 't2' | 't3' | 't4';
const TABLE_OF_SUMMARY: Partial<Record<SectionKey, TableKey>> = { active: 't2', requests: 't3', review: 't4' };

/**
 * The summary written from the tables for 二、三、四, from the figures the sheets show (the
 * inputs and the totals their formulas compute); none for a report with nothing filled in.
 */
export function tableSummary(report: Report, lastYear: Report | null = null): Partial<Record<TableKey, string[]>> {
  const f = getFormat(report.format);
  const inputs: Report['cells'] = {};
  for (const c of f.cells) if (c.role === 'input' && report.cells[c.id] !== undefined) inputs[c.id] = report.cells[c.id];
  if (!Object.values(inputs).some((v) => v !== null)) return {};
  const shown: Report = { ...report, cells: { ...inputs, ...sheetTotals(report.format, inputs) } };
  const out: Partial<Record<TableKey, string[]>> = {};
  for (const s of writeSummary(shown, { lastYear })) {
    const key = TABLE_OF_SUMMARY[s.key];
    if (key && s.paragraphs.length) out[key] = s.paragraphs.map(paragraphText);
  }
  return out;
}

function compileNarrative(
  title: string, text: ReportText | undefined, narrative: NarrativeSection[] | undefined, summary: Partial<Record<TableKey, string[]>> = {},
): SheetBuilder {
  const sb = new SheetBuilder('narrative', SHEET_NAMES.narrative);
  sb.text(0, 0, 'title', 'title', title);
  sb.height(0, 30);
  const sections: { heading: string; paragraphs: string[] | null; see?: string; summary?: string[] }[] = narrative
    ? narrative.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }))
    : NARRATIVE_SECTIONS.map((s) => ({
        heading: s.heading,
        paragraphs: s.key === null ? null : text?.[s.key] ? text[s.key]!.split('\n') : [''],
        see: 'see' in s ? SHEET_NAMES[s.see] : undefined,
        summary: 'see' in s ? summary[s.see] : undefined,
      }));
  let row = 1;
  for (const s of sections) {
    sb.text(row, 0, 'title', 'heading', s.heading);
    sb.height(row, 26);
    row++;
    if (s.paragraphs === null) {
      // The summary from the tables (text, never a formula), then where the figures are.
      for (const p of s.summary ?? []) {
        sb.put(row, 0, 'text', 'text', { value: p });
        sb.height(row, textHeight(p));
        row++;
      }
      sb.text(row, 0, 'note', 'note', NARRATIVE_SEE(s.see ?? ''));
      sb.height(row, 20);
      row++;
      continue;
    }
    const top = row;
    const paragraphs = s.paragraphs.length ? s.paragraphs : [''];
    for (const p of paragraphs) {
      sb.put(row, 0, 'text', 'text', { value: p });
      sb.height(row, p === '' && paragraphs.length === 1 ? 120 : textHeight(p));
      row++;
    }
    const key = sectionKey(s.heading);
    if (key && !sb.names.some((nm) => nm.name === BLOCK_NAMES.text[key])) sb.define(BLOCK_NAMES.text[key], a1Range(top, 0, row - 1, 0, true));
  }
  return sb;
}

// --- the plan -------------------------------------------------------------------------------

/** Excel's limits on what a workbook may hold: longer text makes Excel repair the file and drop it. */
export const EXCEL_LIMITS = {
  /** Characters in one cell. */
  cellText: 32767,
  /** Characters in one custom document property (the agency is written to one, xxgk.agency). */
  customProperty: 255,
  /** Characters in a sheet name. */
  sheetName: 31,
  /** Characters in a defined name. */
  definedName: 255,
  /** A data validation's input prompt and error message; their titles. */
  validationText: 255,
  validationTitle: 32,
} as const;

/**
 * Refuses text a workbook cannot hold, naming it in the form's words, before anything is drawn:
 * an agency name (in every title and in a document property) and each narrative paragraph
 * (one cell each). Nothing is cut: the user shortens or splits it.
 */
function checkTextLimits(agency: string | null, text: ReportText | undefined, narrative: NarrativeSection[] | undefined) {
  if (agency && agency.trim().length > EXCEL_LIMITS.customProperty)
    throw new XxgkError('XLSX-LIMIT', {
      place: '机关名称', length: agency.trim().length, limit: `${EXCEL_LIMITS.customProperty} 个字符`,
      advice: '请填写机关的正式名称（不超过 255 个字）后再生成。',
    });
  const sections = narrative
    ? narrative.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }))
    : NARRATIVE_SECTIONS.flatMap((s) => (s.key !== null && text?.[s.key] ? [{ heading: s.heading, paragraphs: text[s.key]!.split('\n') }] : []));
  for (const s of sections)
    s.paragraphs.forEach((p, i) => {
      if (p.length > EXCEL_LIMITS.cellText)
        throw new XxgkError('XLSX-LIMIT', {
          place: `「文字说明·${s.heading}」第 ${i + 1} 段`, length: p.length, limit: `每个单元格 ${EXCEL_LIMITS.cellText} 个字符`,
          advice: '请把这一段分成几段（段与段之间换行）后再生成。',
        });
    });
}

export function compileSheetPlan(formatId: FormatId, options: CompileOptions = {}): SheetPlan {
  const f = getFormat(formatId);
  const report = options.report;
  if (report && report.format !== formatId)
    throw new XxgkError('REPORT-INVALID', { details: [`年报为 ${report.format} 格式，不能填入 ${formatId} 格式的表格`] });
  const year = options.year !== undefined ? options.year : (report?.year ?? null);
  const agency = options.agency !== undefined ? options.agency : (report?.agency ?? null);
  checkTextLimits(agency, report?.text, options.narrative);
  const title = reportTitle(agency, year);
  const values = report?.cells;

  const t2 = compileT2(f, title, values);
  const t3 = compileT3(f, title, values);
  const t4 = compileT4(f, title, values);
  // Only the narrative feature's own text replaces the sections; otherwise 二、三、四 carry the summary.
  const nar = compileNarrative(title, report?.text, options.narrative, report && !options.narrative ? tableSummary(report, options.lastYear ?? null) : {});

  const t2Width = 1 + Math.max(...f.t2.blocks.map((b) => b.columns.length));
  const t3Sheet = t3.build(
    [8, 10, 30, ...f.t3.columns.map(() => 9)],
    { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 1 },
    T3_LAYOUT.firstDataRow,
  );
  const checkRow = t3Sheet.cells.filter((c) => c.role === 'check' && c.formula);
  const cf = checkRow.length
    ? [{ range: a1Range(checkRow[0].row, checkRow[0].col, checkRow[0].row, checkRow[checkRow.length - 1].col), formula: `${a1(checkRow[0].row, checkRow[0].col)}<>0`, ...CHECK_FORMAT }]
    : [];
  t3Sheet.conditionalFormats = cf;

  const sheets: SheetSpec[] = [
    t2.build([26, ...Array.from({ length: t2Width - 1 }, () => 18)], { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 1 }, 0),
    t3Sheet,
    t4.build(Array.from({ length: 15 }, () => 8.5), { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 1 }, 0),
    nar.build([NARRATIVE_WIDTH], { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0 }, 0),
  ];
  for (const s of sheets) fillCachedValues(s);
  const plan: SheetPlan = {
    format: formatId,
    year,
    agency,
    sheets,
    definedNames: [...t2.names, ...t3.names, ...t4.names, ...nar.names],
    metadata: { tool: 'xxgk-nianbao', toolVersion: options.toolVersion ?? TOOL_VERSION, format: formatId, year, agency },
  };
  if (options.password) plan.password = options.password;
  return plan;
}

/**
 * What a sheet built from this report will not show as given: values of cells the sheet
 * computes (totals become formulas: a given total that differs from the sum of its parts, or
 * a blank total whose parts are filled) and values of cells outside the format's layout.
 * The CLI prints these so nothing is changed silently.
 */
export function valuesNotKept(report: Report): { recomputed: { cellId: string; given: number | null; sheet: number | null }[]; dropped: string[] } {
  const f = getFormat(report.format);
  const computed = sheetTotals(report.format, report.cells);
  const recomputed: { cellId: string; given: number | null; sheet: number | null }[] = [];
  for (const c of f.cells) {
    if (c.role !== 'total') continue;
    const given = report.cells[c.id] ?? null;
    const sheet = computed[c.id];
    if (given !== sheet && !(given !== null && sheet !== null && Math.abs(given - sheet) < 1e-9)) recomputed.push({ cellId: c.id, given, sheet });
  }
  const dropped = Object.keys(report.cells).filter((id) => !f.cellById.has(id) && report.cells[id] !== null);
  return { recomputed, dropped };
}

/**
 * The totals as our sheets compute them from the inputs, with the blank policy applied: a
 * total is blank (unknown) when any of its parts is blank; otherwise the sum. (The sheet's
 * formula shows blanks as 0; readers report the unknown.)
 */
export function sheetTotals(formatId: FormatId, inputs: Report['cells']): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [total, parts] of totalsPlan(formatId)) {
    let s: number | null = 0;
    for (const id of parts) {
      const v = id in out ? out[id] : (inputs[id] ?? null);
      if (v === null || v === undefined) {
        s = null;
        break;
      }
      s += v;
    }
    out[total] = s;
  }
  return out;
}

/** Each computed total with its parts, in an order where a total's parts come before it. */
const totalsPlans = new Map<FormatId, [string, string[]][]>();

/** The totals our sheets compute, each with the cells its formula sums (parts before their total). */
export function totalsPlan(formatId: FormatId): readonly (readonly [string, readonly string[]])[] {
  let plan = totalsPlans.get(formatId);
  if (plan) return plan;
  const f = getFormat(formatId);
  plan = [];
  const t3Parts = f.t3.columns.filter((c) => c.role === 'input');
  const results = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input');
  const handled = f.t3.rows.find((r) => r.role === 'total')!;
  for (const c of t3Parts) plan.push([`t3.${handled.id}.${c.id}`, results.map((r) => `t3.${r.id}.${c.id}`)]);
  for (const r of f.t3.rows) plan.push([`t3.${r.id}.total`, t3Parts.map((c) => `t3.${r.id}.${c.id}`)]);
  for (const g of f.t4.groups) plan.push([`t4.${g.id}.total`, f.t4.columns.filter((c) => c.role === 'input').map((c) => `t4.${g.id}.${c.id}`)]);
  totalsPlans.set(formatId, plan);
  return plan;
}

/**
 * The metadata as key/value rows of the hidden sheet `_xxgk` (META_SHEET_NAME; column A keys,
 * column B values, workbook name XXGK_META) — the same in every renderer.
 */
export function metadataEntries(plan: Pick<SheetPlan, 'metadata'>): [string, string][] {
  const m = plan.metadata;
  return [
    ['tool', m.tool],
    ['toolVersion', m.toolVersion],
    ['format', m.format],
    ['year', m.year === null ? '' : String(m.year)],
    ['agency', m.agency ?? ''],
  ];
}

// --- addresses for the add-in -------------------------------------------------------------

export interface CellAddress {
  sheet: string;
  /** 'D6' */
  address: string;
  row: number;
  col: number;
  role: CellRole;
}

/** Canonical cell id → where it is (input and total cells). */
export function cellAddresses(plan: SheetPlan): Map<string, CellAddress> {
  const map = new Map<string, CellAddress>();
  for (const s of plan.sheets)
    for (const c of s.cells)
      if (c.cellId) map.set(c.cellId, { sheet: s.name, address: a1(c.row, c.col), row: c.row, col: c.col, role: c.role });
  return map;
}

export interface DataRange {
  sheet: string;
  key: SheetKey;
  /** The bounding rectangle of every input and total cell of the sheet, e.g. 'D6:J30'. */
  address: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The cells in it with their position relative to the range's top-left corner. */
  cells: { cellId: string; role: CellRole; row: number; col: number }[];
}

/** One rectangle per table sheet holding all its input and total cells: read it in one sync. */
export function dataRanges(plan: SheetPlan): DataRange[] {
  const out: DataRange[] = [];
  for (const s of plan.sheets) {
    const cells = s.cells.filter((c) => c.cellId);
    if (!cells.length) continue;
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.col));
    out.push({
      sheet: s.name, key: s.key, address: a1Range(top, left, bottom, right), top, left, bottom, right,
      cells: cells.map((c) => ({ cellId: c.cellId!, role: c.role, row: c.row - top, col: c.col - left })),
    });
  }
  return out;
}
