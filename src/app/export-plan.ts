/**
 * The exported workbook is the official sheets plus one 「校验结果」 sheet listing every rule
 * outcome and when the check ran. The extra sheet is added to the plan here (pure), so both
 * writers (xlsx, Office.js) draw it without knowing about checks.
 */
import { summarize, type CheckResult } from '../core/check';
import { placesText } from '../core/blank-cells';
import { cellPlace } from '../core/describe';
import * as zhCN from '../core/messages/zh-CN';
import type { CellStyle, PlanCell, SheetPlan, SheetSpec } from '../core/sheetplan/types';
import { wrappedRowHeight } from '../core/sheetplan/wrap';
import { textCells } from './findings';

export const CHECK_SHEET_NAME = '校验结果';

/** One row per finding: its own result first, then what to do, where, and the rule. */
const HEADERS = ['序号', '结果', '说明', '单元格', '应为', '实为', '规则', '规则编号'] as const;
const WIDTHS = [5, 8, 60, 34, 8, 8, 26, 14];
const COL = { result: 1, expected: 4, found: 5 } as const;
const HEADER_ROW = 3;

const FONT = '宋体';
const STYLES: Record<string, CellStyle> = {
  title: { font: { name: FONT, size: 14, bold: true }, horizontal: 'left', vertical: 'middle', wrap: false, border: false },
  note: { font: { name: FONT, size: 11 }, horizontal: 'left', vertical: 'middle', wrap: true, border: false },
  header: { font: { name: FONT, size: 11, bold: true }, fill: 'D9E1F2', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  text: { font: { name: FONT, size: 10 }, horizontal: 'left', vertical: 'top', wrap: true, border: true },
  number: { font: { name: FONT, size: 10 }, horizontal: 'right', vertical: 'top', wrap: false, border: true, numberFormat: 'General' },
  fail: { font: { name: FONT, size: 10, bold: true, color: '9C0006' }, fill: 'FFC7CE', horizontal: 'center', vertical: 'top', wrap: false, border: true },
  warn: { font: { name: FONT, size: 10, color: '9C5700' }, fill: 'FFEB9C', horizontal: 'center', vertical: 'top', wrap: false, border: true },
  undecided: { font: { name: FONT, size: 10, color: '404040' }, fill: 'E7E6E6', horizontal: 'center', vertical: 'top', wrap: true, border: true },
  pass: { font: { name: FONT, size: 10, color: '006100' }, fill: 'C6EFCE', horizontal: 'center', vertical: 'top', wrap: false, border: true },
};

/** 2026-11-29 13:05:09 in the clock's local time (the user's). */
export function formatCheckTime(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

type Outcome = CheckResult['outcomes'][number];

/** A row's own result: 错误/提醒 for a failing rule by its severity, else 无法判断 or 通过 — never the rule's severity on a passing row. */
export function outcomeResult(o: Pick<Outcome, 'status' | 'severity'>): { word: string; style: string } {
  if (o.status === 'pass') return { word: zhCN.STATUS_NAMES.pass, style: 'pass' };
  if (o.status === 'undecided') return { word: zhCN.STATUS_NAMES.undecided, style: 'undecided' };
  return o.severity === 'error' ? { word: zhCN.SEVERITY_NAMES.error, style: 'fail' } : { word: zhCN.SEVERITY_NAMES.warning, style: 'warn' };
}

/** Failing first (errors, then warnings), then undecided, then passing; the rules' order within each. */
function outcomeRank(o: Pick<Outcome, 'status' | 'severity'>): number {
  if (o.status === 'fail') return o.severity === 'error' ? 0 : 1;
  return o.status === 'undecided' ? 2 : 3;
}

export function orderedOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.map((o, i) => ({ o, i })).sort((a, b) => outcomeRank(a.o) - outcomeRank(b.o) || a.i - b.i).map(({ o }) => o);
}

/** The 「校验结果」 sheet for a check result: printable on A4 across, header row on every page. */
export function checkSheet(result: CheckResult, checkedAt: Date): SheetSpec {
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style: string) =>
    cells.push({ row, col, role: row < 4 ? (row === 0 ? 'title' : row === HEADER_ROW ? 'header' : 'note') : 'note', value, style, locked: true });
  const s = summarize(result.outcomes);
  const texts = textCells(result);
  put(0, 0, `${result.year ?? ''}年度 ${result.agency ?? ''} 政府信息公开工作年度报告 校验结果`.replace(/\s+/g, ' ').trim(), 'title');
  put(1, 0, `检查时间：${formatCheckTime(checkedAt)}`, 'note');
  put(2, 0, `错误 ${s.errors + texts.length} 项，提醒 ${s.warnings} 项，无法判断 ${s.undecided} 项，通过 ${s.passed} 项（依次列出）`, 'note');
  HEADERS.forEach((h, col) => put(HEADER_ROW, col, h, 'header'));
  let row = HEADER_ROW + 1;
  // Hosts keep stored row heights (they do not re-measure wrapped text on load): each row says how tall it is.
  const rowHeights: (number | undefined)[] = [24, undefined, 30, wrappedRowHeight(HEADERS.map((h, col) => ({ text: h, width: WIDTHS[col] })), 11)];
  const putRow = (values: (string | number | null)[], resultStyle: string) => {
    values.forEach((v, col) =>
      put(row, col, v, col === COL.result ? resultStyle : col === 0 || col === COL.expected || col === COL.found ? 'number' : 'text'));
    rowHeights[row] = wrappedRowHeight(values.flatMap((v, col) => (typeof v === 'string' ? [{ text: v, width: WIDTHS[col] }] : [])), 10);
    row++;
  };
  for (const id of texts) {
    const place = cellPlace(result.format, id);
    putRow([
      row - HEADER_ROW, zhCN.SEVERITY_NAMES.error, zhCN.issueMessage('TEXT-IN-NUMBER', { cells: [place], text: result.raw?.[id] }),
      place, null, null, '单元格应为数字', 'TEXT-IN-NUMBER',
    ], 'fail');
  }
  for (const o of orderedOutcomes(result.outcomes)) {
    const r = outcomeResult(o);
    putRow([
      row - HEADER_ROW, r.word, o.message, placesText(result.format, o.cells), o.expected, o.found,
      zhCN.RULE_NAMES[o.rule], o.rule,
    ], r.style);
  }
  return {
    // 'checks' is not (yet) one of the plan's sheet keys; see docs/taskpane.md.
    key: 'extra',
    name: CHECK_SHEET_NAME,
    columnWidths: WIDTHS,
    rowHeights,
    cells,
    merges: [0, 1, 2].map((r) => ({ top: r, left: 0, bottom: r, right: HEADERS.length - 1 })),
    styles: STYLES,
    conditionalFormats: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: { first: HEADER_ROW, last: HEADER_ROW } },
    frozenRows: HEADER_ROW + 1,
    protect: false,
  };
}

/** The plan with the 「校验结果」 sheet appended (any previous one replaced). */
export function withCheckSheet(plan: SheetPlan, result: CheckResult, checkedAt: Date): SheetPlan {
  return {
    ...plan,
    sheets: [...plan.sheets.filter((s) => s.name !== CHECK_SHEET_NAME), checkSheet(result, checkedAt)],
  };
}

/** 「2022年政府信息公开工作年度报告（偃师区缙氏镇人民政府）.xlsx」, without characters file systems refuse. */
export function exportFileName(year: number | null, agency: string | null, extension = '.xlsx'): string {
  const base = `${year ?? ''}${year ? '年' : ''}政府信息公开工作年度报告${agency ? `（${agency}）` : ''}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}${extension}`;
}

/**
 * Input cells whose typed text is not a number carry that text into the exported sheet (as
 * text, never a formula), so an export loses nothing the user entered; the reader reports it.
 */
export function withTypedTexts(plan: SheetPlan, report: Pick<CheckResult, 'cells' | 'raw'>): SheetPlan {
  const raw = report.raw ?? {};
  if (!Object.keys(raw).length) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) =>
        c.role === 'input' && c.cellId && report.cells[c.cellId] === null && raw[c.cellId]?.trim() ? { ...c, value: raw[c.cellId] } : c,
      ),
    })),
  };
}
