/**
 * The narrative rules of the spec. N-MISMATCH: a number the text states for a table quantity
 * equals that quantity (the 总计 column unless the sentence names an applicant type).
 * N-SHARES: the percentages stated for the result categories of one total sum to 100 %.
 * A blank table cell leaves its claims undecided: no finding.
 */
import { cellPlace } from '../describe';
import { findCell, getFormat, type FormatId } from '../formats';
import { narrativeMessage } from '../messages/zh-CN';
import type { Report, ReportText } from '../report';
import type { DescribedOutcome } from '../describe';
import { readClaims, type Claim } from './read';
import { RESULT_CATEGORIES, quantityCells, quantityKey, readQuantity, type Quantity } from './quantities';
import type { NarrativeFinding } from './types';

export interface NarrativeCheckOptions {
  /** Last year's report: changes stated (「比上年增加3件」) are then checked too. */
  lastYear?: Report | null;
}

const EPSILON = 1e-9;

const TEXT_SECTIONS: (keyof ReportText)[] = ['overview', 'problems', 'other'];

/** Findings for a text (one piece) or for a report's text sections 一/五/六. */
export function checkNarrative(report: Report, text: string | ReportText, options: NarrativeCheckOptions = {}): NarrativeFinding[] {
  if (typeof text === 'string') return checkText(report, text, options);
  return TEXT_SECTIONS.flatMap((section) => {
    const body = text[section];
    return body ? checkText(report, body, options).map((f) => ({ ...f, section })) : [];
  });
}

function sentenceOf(text: string, c: Claim): string {
  return text.slice(c.sentence.start, c.sentence.end).trim();
}

function checkText(report: Report, text: string, options: NarrativeCheckOptions): NarrativeFinding[] {
  const claims = readClaims(report, text);
  const findings: NarrativeFinding[] = [];
  for (const c of claims) {
    const f = c.kind === 'share' ? checkShare(report, c) : c.kind === 'change' ? checkChange(report, c, options.lastYear ?? null) : checkValue(report, c);
    if (f) findings.push({ ...f, sentence: sentenceOf(text, c), offset: c.start, kind: c.kind, quantity: quantityKey(c.quantity) });
  }
  findings.push(...checkShareSets(report, text, claims));
  return findings.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}

/** A finding before the sentence and position are attached. */
type Verdict = Omit<NarrativeFinding, 'sentence' | 'kind'>;

function mismatch(cells: string[], expected: number, found: number, extra: Pick<NarrativeFinding, 'lastYearCells'> = {}): Verdict {
  return { rule: 'N-MISMATCH', status: 'fail', severity: 'error', cells, expected, found, ...extra };
}

/** A count must equal; an amount may be rounded to the decimals written (190.46 for 190.457379). */
function checkValue(report: Report, c: Claim): Verdict | null {
  const r = readQuantity(report, c.quantity);
  if (r.value === null) return null;
  const tolerance = c.kind === 'amount' ? 0.5 * 10 ** -c.decimals + EPSILON : EPSILON;
  const stated = (c.sign ?? 1) * c.value; // 「本年减少2个」 is −2 in 表二's 本年增/减
  return Math.abs(r.value - stated) <= tolerance ? null : mismatch(r.cells, r.value, stated);
}

function checkChange(report: Report, c: Claim, lastYear: Report | null): Verdict | null {
  if (!lastYear || lastYear.format !== report.format) return null;
  const now = readQuantity(report, c.quantity);
  const then = readQuantity(lastYear, c.quantity);
  if (now.value === null || then.value === null) return null;
  const expected = Math.round((now.value - then.value) * 1e6) / 1e6;
  const found = (c.sign ?? 1) * c.value;
  const tolerance = c.decimals > 0 ? 0.5 * 10 ** -c.decimals + EPSILON : EPSILON;
  return Math.abs(expected - found) <= tolerance ? null : mismatch(now.cells, expected, found, { lastYearCells: then.cells });
}

function categoryOf(q: Quantity): string | null {
  return q.table === 't3' && (RESULT_CATEGORIES as readonly string[]).includes(q.row) ? q.row : null;
}

/** The categories' counts in the claim's column, or null when any is blank. */
function categoryCounts(report: Report, column: string): { counts: Map<string, number>; cells: string[] } | null {
  const counts = new Map<string, number>();
  const cells: string[] = [];
  for (const row of RESULT_CATEGORIES) {
    const r = readQuantity(report, { table: 't3', row, column: column as never });
    if (r.value === null) return null;
    counts.set(row, r.value);
    cells.push(...r.cells);
  }
  return { counts, cells };
}

/**
 * A share is within one unit of the exact share (largest remainder and ordinary rounding both
 * are). Shares of anything but a result category are not checked.
 */
function checkShare(report: Report, c: Claim): Verdict | null {
  const category = categoryOf(c.quantity);
  if (!category || c.quantity.table !== 't3') return null;
  const all = categoryCounts(report, c.quantity.column);
  if (!all) return null;
  const base = [...all.counts.values()].reduce((a, b) => a + b, 0);
  if (base === 0) return null;
  const exact = (100 * (all.counts.get(category) as number)) / base;
  if (Math.abs(exact - c.value) < 10 ** -c.decimals - EPSILON) return null;
  return mismatch(quantityCells(report, c.quantity), round(exact, Math.max(c.decimals, 1)), c.value);
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * Percentages of the result categories in one paragraph and one column: their sum may not
 * exceed 100 % (beyond rounding), and must reach it when every category the table has
 * applications in is given a percentage.
 */
function checkShareSets(report: Report, text: string, claims: Claim[]): NarrativeFinding[] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.kind !== 'share' || !categoryOf(c.quantity) || c.quantity.table !== 't3') continue;
    const key = `${c.paragraph}:${c.quantity.column}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const findings: NarrativeFinding[] = [];
  for (const shares of groups.values()) {
    const categories = shares.map((c) => categoryOf(c.quantity) as string);
    if (shares.length < 2 || new Set(categories).size !== categories.length) continue;
    const decimals = Math.max(...shares.map((c) => c.decimals));
    const sum = round(shares.reduce((a, c) => a + c.value, 0), decimals);
    const tolerance = shares.length * 0.5 * 10 ** -decimals + EPSILON;
    const column = (shares[0].quantity as { column: string }).column;
    const table = categoryCounts(report, column);
    const complete = table !== null && [...table.counts].every(([row, n]) => n === 0 || categories.includes(row));
    const over = sum > 100 + tolerance;
    const under = complete && sum < 100 - tolerance;
    if (!over && !under) continue;
    const first = shares[0];
    const last = shares[shares.length - 1];
    const cells = table ? table.cells : shares.flatMap((c) => quantityCells(report, c.quantity));
    findings.push({
      rule: 'N-SHARES', status: 'fail', severity: 'error', cells, expected: 100, found: sum,
      sentence: text.slice(first.sentence.start, last.sentence.end).trim(), offset: first.start, kind: 'share',
    });
  }
  return findings;
}

/**
 * A quantity summing several cells, named in the form's words: 「表三（四）无法提供·总计」,
 * 「表三 一、本年新收政府信息公开申请数量·法人或其他组织」, 「表四 行政诉讼·总计」.
 */
function quantityPlace(formatId: FormatId, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const [table, row, column] = key.split(':');
  const f = getFormat(formatId);
  if (table === 't3') {
    const rows = f.t3.rows.filter((r) => r.id === row || r.id.startsWith(`${row}.`));
    if (!rows.length) return undefined;
    const rowLabel = rows.length > 1 ? rows[0].path[1] : cellRowLabel(formatId, `t3.${rows[0].id}.total`);
    const columnLabel = column === 'org' ? f.t3.orgHeader : f.t3.columns.find((c) => c.id === column)?.label;
    return `${f.t3.name}${rowLabel.startsWith('（') ? '' : ' '}${rowLabel}·${columnLabel ?? column}`;
  }
  if (table === 't4' && row === 'litigation') {
    const suits = f.t4.groups.filter((g) => g.parent);
    return `${f.t4.name} ${suits[0]?.parent ?? row}（${suits.map((g) => g.label).join('、')}）·${f.t4.columns.find((c) => c.id === column)?.label ?? column}`;
  }
  return undefined;
}

function cellRowLabel(formatId: FormatId, id: string): string {
  return findCell(formatId, id)?.rowLabel ?? id;
}

/** The finding in Chinese, naming the cells in the form's words. */
export function describeNarrativeFinding(report: Pick<Report, 'format'>, f: NarrativeFinding): string {
  return narrativeMessage(f.rule, {
    place: f.cells.length > 1 ? quantityPlace(report.format, f.quantity) : undefined,
    cells: f.cells.map((id) => cellPlace(report.format, id)),
    lastYearCells: (f.lastYearCells ?? []).map((id) => cellPlace(report.format, `lastYear:${id}`)),
    expected: f.expected,
    found: f.found,
    sentence: f.sentence,
    kind: f.kind,
  });
}

/**
 * The narrative findings of a report with text sections, as `check` outcomes (rules
 * N-MISMATCH and N-SHARES, status fail). Empty when the report has no text.
 */
export function narrativeOutcomes(report: Report, options: NarrativeCheckOptions = {}): DescribedOutcome[] {
  if (!report.text || !TEXT_SECTIONS.some((s) => report.text?.[s])) return [];
  return checkNarrative(report, report.text, options).map((f) => {
    const outcome: DescribedOutcome = {
      rule: f.rule,
      instance: `${f.section ?? 'text'}@${f.offset ?? 0}`,
      status: 'fail',
      severity: f.severity,
      cells: f.cells,
      expected: f.expected,
      found: f.found,
      message: describeNarrativeFinding(report, f),
    };
    if (f.lastYearCells) outcome.lastYearCells = f.lastYearCells;
    return outcome;
  });
}
