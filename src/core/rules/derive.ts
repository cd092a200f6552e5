/** Derives every rule instance of the spec from a format definition. */
import { getFormat, type Format, type FormatId, type ValueKind } from '../formats';
import type { RelationId, Rule, RuleSpec, Term } from './types';

const plus = (cell: string): Term => ({ cell, sign: 1 });
const minus = (cell: string): Term => ({ cell, sign: -1 });
const lastYear = (t: Term): Term => ({ ...t, lastYear: true });

const DOMAIN: Record<ValueKind, { id: RuleSpec['id']; relation: RelationId }> = {
  count: { id: 'CELL-INTEGER', relation: 'wholeNonNegative' },
  signedCount: { id: 'CELL-INTEGER', relation: 'whole' },
  amount: { id: 'CELL-AMOUNT', relation: 'nonNegative' },
};

function t3Rules(f: Format): RuleSpec[] {
  const rules: RuleSpec[] = [];
  const resultRows = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input').map((r) => r.id);
  const partColumns = f.t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  for (const col of f.t3.columns) {
    const c = (row: string) => `t3.${row}.${col.id}`;
    rules.push({
      id: 'T3-BALANCE', instance: col.id, severity: 'error', table: 't3', column: col.id, relation: 'equal',
      found: [plus(c('handledTotal')), plus(c('carriedForward'))],
      expected: [plus(c('received')), plus(c('carriedOver'))],
    });
    rules.push({
      id: 'T3-HANDLED-SUM', instance: col.id, severity: 'error', table: 't3', column: col.id, relation: 'equal',
      found: [plus(c('handledTotal'))],
      expected: resultRows.map((r) => plus(c(r))),
    });
  }
  for (const row of f.t3.rows)
    rules.push({
      id: 'T3-ROW-SUM', instance: row.id, severity: 'error', table: 't3', row: row.id, relation: 'equal',
      found: [plus(`t3.${row.id}.total`)],
      expected: partColumns.map((col) => plus(`t3.${row.id}.${col}`)),
    });
  return rules;
}

function t4Rules(f: Format): RuleSpec[] {
  const parts = f.t4.columns.filter((c) => c.role === 'input').map((c) => c.id);
  return f.t4.groups.map((g) => ({
    id: 'T4-GROUP-SUM', instance: g.id, severity: 'error', table: 't4', row: g.id, relation: 'equal',
    found: [plus(`t4.${g.id}.total`)],
    expected: parts.map((p) => plus(`t4.${g.id}.${p}`)),
  }));
}

function cellRules(f: Format): RuleSpec[] {
  return f.cells.map((cell) => ({
    ...DOMAIN[cell.kind], instance: cell.id, severity: 'error', table: cell.table, row: cell.row, column: cell.column,
    found: [plus(cell.id)], expected: [],
  }));
}

/** Rows of table 二 that have 本年制发/本年废止/现行有效 (format 2021 only). */
function inForceRows(f: Format): string[] {
  return f.t2.blocks.flatMap((b) => (b.columns.some((c) => c.id === 'inForce') ? b.rows.map((r) => r.id) : []));
}

function t2Rules(f: Format): RuleSpec[] {
  return inForceRows(f).map((row) => ({
    id: 'T2-INFORCE', instance: row, severity: 'warning', table: 't2', row, column: 'inForce', relation: 'atLeast',
    found: [plus(`t2.${row}.inForce`)],
    expected: [plus(`t2.${row}.issued`), minus(`t2.${row}.repealed`)],
  }));
}

function crossYearRules(f: Format): RuleSpec[] {
  const carry: RuleSpec[] = f.t3.columns.map((col) => ({
    id: 'X-CARRY', instance: col.id, severity: 'warning', table: 't3', row: 'carriedOver', column: col.id,
    relation: 'equal',
    found: [plus(`t3.carriedOver.${col.id}`)],
    expected: [lastYear(plus(`t3.carriedForward.${col.id}`))],
  }));
  const inForce: RuleSpec[] = inForceRows(f).map((row) => ({
    id: 'X-INFORCE', instance: row, severity: 'warning', table: 't2', row, column: 'inForce', relation: 'equal',
    found: [plus(`t2.${row}.inForce`)],
    expected: [lastYear(plus(`t2.${row}.inForce`)), plus(`t2.${row}.issued`), minus(`t2.${row}.repealed`)],
  }));
  return [...carry, ...inForce];
}

const cache = new Map<string, readonly Rule[]>();

/**
 * Every rule instance for a format, in a stable order (table by table, then cell rules).
 * Cross-year rules (X-CARRY, X-INFORCE) only with `crossYear`, i.e. when last year is given.
 */
export function rulesFor(formatId: FormatId, options: { crossYear?: boolean } = {}): readonly Rule[] {
  const key = `${formatId}:${options.crossYear ? 'x' : ''}`;
  let rules = cache.get(key);
  if (!rules) {
    const f = getFormat(formatId);
    const specs = [
      ...t3Rules(f), ...t4Rules(f), ...t2Rules(f), ...cellRules(f), ...(options.crossYear ? crossYearRules(f) : []),
    ];
    rules = Object.freeze(specs.map(withReads));
    cache.set(key, rules);
  }
  return rules;
}

function withReads(spec: RuleSpec): Rule {
  const terms = [...spec.found, ...spec.expected];
  const rule: Rule = {
    ...spec,
    reads: Object.freeze([...new Set(terms.filter((t) => !t.lastYear).map((t) => t.cell))]),
  };
  const last = terms.filter((t) => t.lastYear).map((t) => t.cell);
  if (last.length) rule.lastYearReads = Object.freeze(last);
  return Object.freeze(rule);
}
