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

function rowLabel(formatId: FormatId, rule: Pick<Rule, 'table' | 'row'>): string {
  if (!rule.row) return '';
  const f = getFormat(formatId);
  if (rule.table === 't3') {
    const row = f.t3.rows.find((r) => r.id === rule.row);
    return row ? (row.path.length === 1 ? row.path[0] : row.path.slice(1).join(' ')) : rule.row;
  }
  return f.cells.find((c) => c.table === rule.table && c.row === rule.row)?.rowLabel ?? rule.row;
}

function columnLabel(formatId: FormatId, rule: Pick<Rule, 'table' | 'column'>): string {
  if (!rule.column) return '';
  return getFormat(formatId).cells.find((c) => c.table === rule.table && c.column === rule.column)?.columnLabel ?? rule.column;
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
