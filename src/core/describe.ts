/** Turns ids into the form's own words and outcomes into messages (text from messages/zh-CN). */
import { findCell, getFormat, type FormatId } from './formats';
import { ruleMessage, type RuleContext } from './messages/zh-CN';
import type { Outcome, Rule } from './rules/types';

/** 「表三（七）总计·自然人」, 「表二 规章·本年制发件数」; unknown ids are returned as they are. */
export function cellPlace(formatId: FormatId, id: string): string {
  const lastYear = id.startsWith('lastYear:');
  const cellId = lastYear ? id.slice('lastYear:'.length) : id;
  const cell = findCell(formatId, cellId);
  if (!cell) return id;
  const sep = cell.rowLabel.startsWith('（') ? '' : ' ';
  return `${lastYear ? '上年报告 ' : ''}${cell.tableName}${sep}${cell.rowLabel}·${cell.columnLabel}`;
}

/** Row and column labels by table, built once per format (describe runs for every outcome). */
const labelCache = new Map<FormatId, { rows: Map<string, string>; columns: Map<string, string> }>();

function labels(formatId: FormatId) {
  let l = labelCache.get(formatId);
  if (!l) {
    l = { rows: new Map(), columns: new Map() };
    for (const c of getFormat(formatId).cells) {
      if (!l.rows.has(`${c.table}:${c.row}`)) l.rows.set(`${c.table}:${c.row}`, c.rowLabel);
      if (!l.columns.has(`${c.table}:${c.column}`)) l.columns.set(`${c.table}:${c.column}`, c.columnLabel);
    }
    labelCache.set(formatId, l);
  }
  return l;
}

function rowLabel(formatId: FormatId, rule: Pick<Rule, 'table' | 'row'>): string {
  return rule.row ? (labels(formatId).rows.get(`${rule.table}:${rule.row}`) ?? rule.row) : '';
}

function columnLabel(formatId: FormatId, rule: Pick<Rule, 'table' | 'column'>): string {
  return rule.column ? (labels(formatId).columns.get(`${rule.table}:${rule.column}`) ?? rule.column) : '';
}

const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** The Chinese message of one outcome, naming table, row and column in the form's words. */
export function describeOutcome(formatId: FormatId, rule: Rule, outcome: Outcome): string {
  const context: RuleContext = {
    table: TABLE_NAMES[rule.table],
    row: rowLabel(formatId, rule),
    column: columnLabel(formatId, rule),
    cell: cellPlace(formatId, rule.instance),
    expected: outcome.expected,
    found: outcome.found,
    blanks: (outcome.blanks ?? []).map((id) => cellPlace(formatId, id)),
    needsLastYear: outcome.needsLastYear === true,
  };
  return ruleMessage(rule.id, outcome.status, context);
}

export type DescribedOutcome = Outcome & { message: string };

/** Outcomes with their messages, as the `check` JSON carries them. */
export function describeOutcomes(formatId: FormatId, rules: readonly Rule[], outcomes: readonly Outcome[]): DescribedOutcome[] {
  return outcomes.map((o, i) => ({ ...o, message: describeOutcome(formatId, rules[i], o) }));
}
