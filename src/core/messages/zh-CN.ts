/**
 * Every Chinese text the user reads about data: rule outcomes, import issues, errors.
 * One file, as zod's locales: code elsewhere produces codes and ids, this file words them.
 * It imports nothing from the domain, so any module may use it; labels arrive resolved.
 */
import type { NarrativeRuleId, RuleId, Status } from '../rules/types';

/** A place resolved to the form's words by describe.ts. */
export interface RuleContext {
  /** 表二 / 表三 / 表四 */
  table: string;
  /** The row as printed (「（七）总计」), when the rule has one. */
  row: string;
  /** The column as printed (「自然人」), when the rule has one. */
  column: string;
  /** The checked cell named in full: 「表三（七）总计·自然人」. */
  cell: string;
  expected: number | null;
  found: number | null;
  /** Blank cells, named in full. */
  blanks: string[];
  needsLastYear: boolean;
}

const n = (v: number | null) => (v === null ? '（空）' : formatNumber(v));

export function formatNumber(v: number): string {
  // Sums of 万元 amounts may carry float noise; counts print as integers.
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

/** The relation each rule states, in the words reviewers use. */
const RELATION: Record<RuleId, (c: RuleContext) => string> = {
  'T3-BALANCE': (c) => `${c.table} 第一项+第二项 = 第三项+第四项（${c.column}列）`,
  'T3-HANDLED-SUM': (c) => `${c.table}（七）总计·${c.column} = 本年度办理结果各项之和`,
  'T3-ROW-SUM': (c) => `${c.table} ${c.row}·总计 = 各类申请人之和`,
  'T4-GROUP-SUM': (c) => `${c.table} ${c.row}·总计 = 结果维持+结果纠正+其他结果+尚未审结`,
  'CELL-INTEGER': (c) => `${c.cell} 应为${c.column === '本年增/减' ? '整数' : '不小于 0 的整数'}`,
  'CELL-AMOUNT': (c) => `${c.cell} 应为不小于 0 的金额（万元）`,
  'T2-INFORCE': (c) => `${c.table} ${c.row}·现行有效件数 ≥ 本年制发件数 − 本年废止件数`,
  'X-CARRY': (c) => `${c.table} 二、上年结转·${c.column} = 上年报告 四、结转下年度继续办理·${c.column}`,
  'X-INFORCE': (c) =>
    `${c.table} ${c.row}·现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（机构调整时可能有合理出入）`,
};

/** How a failing relation reads: 「…：应为 5，实为 4」. */
const FAIL: Record<RuleId, (c: RuleContext) => string> = {
  'T3-BALANCE': (c) => `${c.table} 第一项+第二项 ≠ 第三项+第四项（${c.column}列）：应为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'T3-HANDLED-SUM': (c) => `${c.table}（七）总计·${c.column} 不等于本年度办理结果各项之和：应为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'T3-ROW-SUM': (c) => `${c.table} ${c.row}·总计 不等于各类申请人之和：应为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'T4-GROUP-SUM': (c) => `${c.table} ${c.row}·总计 不等于结果维持、结果纠正、其他结果、尚未审结之和：应为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'CELL-INTEGER': (c) => `${c.cell}：应为${c.column === '本年增/减' ? '整数' : '不小于 0 的整数'}，实为 ${n(c.found)}`,
  'CELL-AMOUNT': (c) => `${c.cell}：应为不小于 0 的金额（万元），实为 ${n(c.found)}`,
  'T2-INFORCE': (c) => `${c.table} ${c.row}·现行有效件数 小于 本年制发件数 − 本年废止件数：应至少为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'X-CARRY': (c) => `${c.table} 二、上年结转·${c.column} 与上年报告的 四、结转下年度继续办理 不一致：应为 ${n(c.expected)}，实为 ${n(c.found)}`,
  'X-INFORCE': (c) =>
    `${c.table} ${c.row}·现行有效件数 与上年现行有效件数 + 本年制发 − 本年废止 不一致：应为 ${n(c.expected)}，实为 ${n(c.found)}（机构调整时可能合理，请核实）`,
};

export const RULE_NAMES: Record<RuleId | NarrativeRuleId, string> = {
  'T3-BALANCE': '表三 勾稽关系（第一项+第二项=第三项+第四项）',
  'T3-HANDLED-SUM': '表三（七）总计等于办理结果各项之和',
  'T3-ROW-SUM': '表三 总计列等于各类申请人之和',
  'T4-GROUP-SUM': '表四 各组总计等于四项结果之和',
  'CELL-INTEGER': '件数为不小于 0 的整数',
  'CELL-AMOUNT': '收费金额为不小于 0 的万元数',
  'T2-INFORCE': '表二 现行有效件数不少于本年制发减本年废止',
  'X-CARRY': '上年结转等于上年报告的结转下年度',
  'X-INFORCE': '现行有效件数与上年报告衔接',
  'N-MISMATCH': '文字说明中的数字与表格一致',
  'N-SHARES': '文字说明中办理结果的百分比合计为 100%',
};

export const SEVERITY_NAMES = { error: '错误', warning: '提醒', info: '说明' } as const;
export const STATUS_NAMES: Record<Status, string> = { pass: '通过', fail: '不通过', undecided: '无法判断' };

export function ruleMessage(rule: RuleId, status: Status, c: RuleContext): string {
  if (status === 'fail') return FAIL[rule](c);
  if (status === 'pass') return `${RELATION[rule](c)}：通过${c.found === null ? '' : `（${n(c.found)}）`}`;
  const why = c.needsLastYear
    ? '需要上年报告'
    : `以下单元格为空：${c.blanks.join('、')}`;
  return `${RELATION[rule](c)}：无法判断，${why}`;
}

// ---------------------------------------------------------------------------------------
// Import issues (codes of the spec's `import` JSON)

export const ISSUE_CODES = [
  'BLANK',
  'MISSING-CELL',
  'OLD-LABEL',
  'OLD-LAYOUT',
  'LABEL-VARIANT',
  'UNIT',
  'TEXT-IN-NUMBER',
  'TEXT-IN-CELL',
  'UNKNOWN-ROW',
  'LOST-LABEL',
  'DUPLICATE-ROW',
  'PASTED-TOTAL',
  'GARBLED',
  'NO-TABLE',
  'NEEDS-LABELS',
  'TOTAL-OVERWRITTEN',
  'TOTAL-FORMULA-DELETED',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface IssueContext {
  /** The cells concerned, named in full; may be empty for label and header issues. */
  cells: string[];
  /** The printed text concerned (a cell, a label). */
  text?: string;
  /** What the text was read as (the canonical label, the number used). */
  readAs?: string;
  expected?: number | null;
  found?: number | null;
  /** Where in the pasted text: 第 12 行第 3 列. */
  line?: number;
  column?: number;
}

const at = (c: IssueContext) =>
  c.line ? `（第 ${c.line} 行${c.column ? `第 ${c.column} 列` : ''}）` : '';
const cellsOrText = (c: IssueContext) => (c.cells.length ? c.cells.join('、') : `「${c.text ?? ''}」`);

const ISSUES: Record<IssueCode, (c: IssueContext) => string> = {
  BLANK: (c) =>
    `${cellsOrText(c)}${at(c)}：填写为${c.text ? `「${c.text}」` : '空白'}，按“未知”处理，不当作 0；如确为 0，请填写 0`,
  'MISSING-CELL': (c) =>
    `${c.text ? `「${c.text}」` : '该行'}${at(c)}：单元格数量少于表格列数，缺少 ${cellsOrText(c)}；未按位置猜测，请补全该行`,
  'OLD-LABEL': (c) => `「${c.text ?? ''}」${at(c)}：是 2019 年版表格的名称，已按「${c.readAs ?? ''}」读取`,
  'OLD-LAYOUT': (c) => `${at(c) || '表二'}：2021 年及以后的年报使用了 2019 年版表二的格式（60号），数据已按旧格式读取，请改用 30号文格式`,
  'LABEL-VARIANT': (c) => `「${c.text ?? ''}」${at(c)}：与标准名称不一致，已按「${c.readAs ?? ''}」读取`,
  UNIT: (c) => `${cellsOrText(c)}${at(c)}：金额单位不是万元${c.text ? `（原文「${c.text}」）` : ''}，已换算为 ${c.readAs ?? ''} 万元，请核实`,
  'TEXT-IN-NUMBER': (c) => `${cellsOrText(c)}${at(c)}：应为数字，实为文字「${c.text ?? ''}」，未读取`,
  'TEXT-IN-CELL': (c) => `${cellsOrText(c)}${at(c)}：数字带有文字「${c.text ?? ''}」，已读取为 ${c.readAs ?? ''}`,
  'UNKNOWN-ROW': (c) => `「${c.text ?? ''}」${at(c)}：不是全国统一格式中的行，其数值未计入`,
  'LOST-LABEL': (c) => `${at(c) || '一行数据'}：缺少行名称${c.cells.length ? `，已按位置读作 ${c.cells.join('、')}` : '，无法确定所属行，未读取'}`,
  'DUPLICATE-ROW': (c) => `「${c.text ?? ''}」${at(c)}：同一行出现多次且数值不同，均未采用`,
  'PASTED-TOTAL': (c) => `${cellsOrText(c)}${at(c)}：粘贴的总计与各项之和不一致：各项之和为 ${n(c.expected ?? null)}，总计为 ${n(c.found ?? null)}`,
  GARBLED: (c) => `${cellsOrText(c)}${at(c)}：原文已损坏，数值 ${c.readAs ?? ''} 是按表格顺序或勾稽关系推定的，请核实`,
  'NO-TABLE': (c) => `未在粘贴内容中找到表二、表三或表四${c.text ? `（${c.text}）` : ''}：请连同表头和行名称一起复制`,
  'NEEDS-LABELS': (c) => `粘贴的数字${at(c)}没有行名称，且数量（${c.text ?? ''}）无法唯一对应表格：请连同行名称一起复制`,
  'TOTAL-OVERWRITTEN': (c) =>
    c.found === null || c.found === undefined
      ? `${cellsOrText(c)}：总计已被改写为文字「${c.text ?? ''}」，不是数字，未读取，按“未知”处理${c.expected === null || c.expected === undefined ? '' : `（各项之和为 ${n(c.expected)}）`}。${RESTORE_TOTAL}`
      : `${cellsOrText(c)}：总计已被改写为固定数值 ${n(c.found)}${c.text === undefined ? '' : `（填写为文字「${c.text}」）`}，不再随各项自动求和；${overwrittenVersusParts(c)}。${RESTORE_TOTAL}`,
  'TOTAL-FORMULA-DELETED': (c) =>
    `${cellsOrText(c)}：总计的求和公式已被删除，单元格为空白，按“未知”处理${c.expected === null || c.expected === undefined ? '' : `（各项之和为 ${n(c.expected)}）`}。${RESTORE_TOTAL}`,
};

const RESTORE_TOTAL = '请恢复该单元格的求和公式，或用本工具重新生成表格（已填写的各项数据会保留）';

/** How a number typed over a total's formula compares with the sum of its parts. */
function overwrittenVersusParts(c: IssueContext): string {
  const parts = c.expected ?? null;
  if (parts === null) return '各项中有空白，无法核对';
  if (Math.abs((c.found ?? 0) - parts) < 1e-6) return `目前与各项之和 ${n(parts)} 相等，但各项改动后总计不会随之更新`;
  return `各项之和为 ${n(parts)}，与总计不一致`;
}

export function issueMessage(code: IssueCode, c: IssueContext): string {
  return ISSUES[code](c);
}

// ---------------------------------------------------------------------------------------
// Errors (input that cannot be used at all)

export const ERROR_CODES = [
  'YEAR-UNSUPPORTED',
  'FORMAT-UNKNOWN',
  'FILE-UNREADABLE',
  'JSON-INVALID',
  'REPORT-INVALID',
  'INPUT-UNSUPPORTED',
  'FILE-UNWRITABLE',
  'REPORT-EMPTY',
  'XLSX-UNREADABLE',
  'XLSX-TOO-LARGE',
  'XLSX-DAMAGED',
  'XLSX-LIMIT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const ERRORS: Record<ErrorCode, (p: Record<string, unknown>) => string> = {
  'YEAR-UNSUPPORTED': (p) =>
    `不支持 ${String(p.year)} 年度：全国统一年报格式自 2019 年度起施行（2019–2020 年度用 60号文格式，2021 年度起用 30号文格式）`,
  'FORMAT-UNKNOWN': (p) => `未知的格式「${String(p.format)}」：可用的格式为 2021（30号文）和 2019（60号文）`,
  'FILE-UNREADABLE': (p) => `无法读取文件 ${String(p.path)}：${String(p.reason ?? '')}`,
  'JSON-INVALID': (p) => `${String(p.path ?? '输入')} 不是有效的 JSON：${String(p.reason ?? '')}`,
  'REPORT-INVALID': (p) =>
    `${p.path ? `${String(p.path)}：` : ''}年报数据不符合格式要求：\n  ${(p.details as string[] | undefined)?.join('\n  ') ?? ''}`,
  'INPUT-UNSUPPORTED': (p) => `不支持的输入文件类型「${String(p.extension)}」：${String(p.supported ?? '')}`,
  'FILE-UNWRITABLE': (p) => `无法写入文件 ${String(p.path)}：${String(p.reason ?? '')}`,
  'REPORT-EMPTY': (p) => `${String(p.path)}：没有读到年报表格中的任何单元格${p.reason ? `（${String(p.reason)}）` : ''}`,
  'XLSX-UNREADABLE': (p) =>
    `${p.path ? `${String(p.path)}：` : ''}无法读取 Excel 文件：${XLSX_REASONS[String(p.kind)] ?? '文件已损坏'}${p.detail ? `（${String(p.detail)}）` : ''}`,
  'XLSX-TOO-LARGE': (p) =>
    `${p.path ? `${String(p.path)}：` : ''}Excel 文件超出可处理的范围（${String(p.what)}，上限 ${String(p.limit)}）：可能是压缩炸弹或数据过多，请只保留年报表格后再试`,
  'XLSX-DAMAGED': (p) =>
    `${p.path ? `${String(p.path)}：` : ''}本工具生成的年报工作簿缺少 ${(p.missing as string[] | undefined)?.join('、') ?? ''}（可能被删除或改名），无法按名称读取；请用本工具重新生成表格后再填写`,
  'XLSX-LIMIT': (p) =>
    `无法生成 Excel 表格：${String(p.place ?? '表格中的内容')}${p.length !== undefined ? `有 ${String(p.length)} 个字符，超出 Excel 的上限（${String(p.limit ?? '')}）` : `不符合 Excel 的要求${p.limit !== undefined ? `（${String(p.limit).trim()}）` : ''}`}，Excel 打开时会要求修复并丢失内容。${String(p.advice ?? '请缩短后再生成。')}`,
};

/** Why an .xlsx could not be read at all (XLSX-UNREADABLE `kind`). */
const XLSX_REASONS: Record<string, string> = {
  'not-zip': '不是 Excel 工作簿（.xlsx）文件',
  encrypted: '文件已加密或是旧版 .xls 格式，请在 Excel 中取消密码并另存为 .xlsx 后再试',
  corrupt: '文件已损坏',
  xml: '工作簿内容格式错误',
  'no-workbook': '缺少工作簿结构（xl/workbook.xml）',
  'no-sheets': '工作簿中没有工作表',
};

export function formatError(code: ErrorCode, params: Record<string, unknown>): string {
  return ERRORS[code](params);
}

// ---------------------------------------------------------------------------------------
// District batch (汇总): why a unit's report is left out of the aggregate

export type ExclusionContext =
  | { code: 'FORMAT-MISMATCH'; found: string; expected: string }
  | { code: 'YEAR-MISMATCH'; found: number; expected: number };

const FORMAT_WORDS: Record<string, string> = { '2021': '30号文格式（2021）', '2019': '60号文格式（2019）' };

export function exclusionMessage(r: ExclusionContext): string {
  if (r.code === 'FORMAT-MISMATCH')
    return `未计入汇总：本报告为${FORMAT_WORDS[r.found] ?? r.found}，多数单位为${FORMAT_WORDS[r.expected] ?? r.expected}，两种格式的单元格不同`;
  return `未计入汇总：本报告为 ${r.found} 年度，多数单位为 ${r.expected} 年度`;
}

/** Two files of one issuing body: both are summed, which counts it twice if one replaces the other. */
export function duplicateUnitMessage(otherFiles: string[]): string {
  return `同一单位另有报告 ${otherFiles.join('、')}，均已计入汇总：如为重复或修改稿，请删去其一后重新汇总`;
}

// ---------------------------------------------------------------------------------------
// Narrative rules (N-MISMATCH, N-SHARES): the text of sections 一/五/六 against the tables

export interface NarrativeContext {
  /** A quantity that sums several cells, named as a whole (「表三（四）无法提供·总计」). */
  place?: string;
  /** The cells of the stated quantity, named in full (several for sums such as 行政诉讼). */
  cells: string[];
  /** Last year's cells, for a stated change from last year. */
  lastYearCells: string[];
  expected: number | null;
  found: number | null;
  /** The sentence as written. */
  sentence: string;
  /** count / amount / share / change / zero (「未收到…」). */
  kind: string;
}

const quoted = (s: string) => `「${s.length > 80 ? `${s.slice(0, 78)}…` : s}」`;
const cellsNamed = (cells: string[]) =>
  cells.length <= 1 ? (cells[0] ?? '') : cells.length <= 3 ? `${cells.join('、')}之和` : `${cells[0]}等 ${cells.length} 个单元格之和`;
const signed = (v: number | null) => (v === null ? '（空）' : v > 0 ? `增加 ${formatNumber(v)}` : v < 0 ? `减少 ${formatNumber(-v)}` : '持平');

export function narrativeMessage(rule: NarrativeRuleId, c: NarrativeContext): string {
  if (rule === 'N-SHARES')
    return `文字说明${quoted(c.sentence)}中办理结果各项的百分比合计为 ${n(c.found)}%，与表格不符：表三 三、本年度办理结果各项的比例之和应为 100%`;
  const place = c.place ? `${c.place}（${c.cells.length} 个单元格之和）` : cellsNamed(c.cells);
  if (c.kind === 'share')
    return `文字说明${quoted(c.sentence)}中的百分比为 ${n(c.found)}%，与表格不符：按 ${place} 应约为 ${n(c.expected)}%`;
  if (c.kind === 'change')
    return `文字说明${quoted(c.sentence)}写比上年${signed(c.found)}，与表格不符：按 ${place} 与${cellsNamed(c.lastYearCells)} 应为${signed(c.expected)}`;
  if (c.kind === 'zero')
    return `文字说明${quoted(c.sentence)}表述为没有（0），与表格不符：${place} 为 ${n(c.expected)}`;
  return `文字说明${quoted(c.sentence)}写作 ${n(c.found)}${c.kind === 'amount' ? ' 万元' : ''}，与表格不符：${place} 为 ${n(c.expected)}${c.kind === 'amount' ? ' 万元' : ''}`;
}

// ---------------------------------------------------------------------------------------
// Blank cells: how many rules they leave undecided, and which cells to fill

/** Blank cells of one row (grouped by blank-cells.ts), the row and columns in the form's words. */
export interface BlankRowWords {
  row: string;
  columns: string[];
  ids: string[];
}

function blankRowText(r: BlankRowWords): string {
  if (!r.columns.length) return r.row;
  const columns = r.columns.length > 4 ? `${r.columns.slice(0, 3).join('、')}等 ${r.columns.length} 列` : r.columns.join('、');
  return `${r.row}·${columns}`;
}

/** 「表三 一、本年新收政府信息公开申请数量·商业企业、科研机构；……（共 9 行、23 个单元格）」 */
export function blankRowsText(rows: readonly BlankRowWords[], maxRows: number): string {
  const cells = rows.reduce((n, r) => n + r.ids.length, 0);
  const named = rows.slice(0, Math.max(1, maxRows)).map(blankRowText).join('；');
  return rows.length > maxRows ? `${named}……（共 ${rows.length} 行、${cells} 个单元格）` : named;
}

/** The headline when rules are undecided: never 「通过」, says what is blank and what it blocks. */
export function blankVerdictMessage(blankCells: number, undecided: number, where: string): string {
  return blankCells > 0
    ? `有 ${blankCells} 个单元格空白，${undecided} 项检查无法判断：${where}。请填写这些单元格（确为 0 的填 0）后再检查`
    : `${undecided} 项检查无法判断（需要上年报告）`;
}
