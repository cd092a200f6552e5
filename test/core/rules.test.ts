import fc from 'fast-check';
import { RULE_IDS, confront, getFormat, rulesFor, type FormatId, type Outcome, type Report, type RuleId } from '../../src/core';
import { arbConsistentReport } from '../support/reports';

const sample = (formatId: FormatId): Report => fc.sample(arbConsistentReport(formatId, { max: 9 }), { numRuns: 1, seed: 7 })[0];

function outcome(outcomes: Outcome[], rule: RuleId, instance: string): Outcome {
  const o = outcomes.find((x) => x.rule === rule && x.instance === instance);
  if (!o) throw new Error(`no outcome ${rule}:${instance}`);
  return o;
}

/** For each rule id: a cell to break it, and a cell to blank (undecided). */
const CASES: { rule: RuleId; instance: string; format: FormatId; lastYear?: boolean; breakCell: string; by: number }[] = [
  { rule: 'T3-BALANCE', instance: 'natural', format: '2021', breakCell: 't3.carriedForward.natural', by: 1 },
  { rule: 'T3-HANDLED-SUM', instance: 'business', format: '2021', breakCell: 't3.handledTotal.business', by: -1 },
  { rule: 'T3-ROW-SUM', instance: 'granted', format: '2019', breakCell: 't3.granted.total', by: 2 },
  { rule: 'T4-GROUP-SUM', instance: 'suitDirect', format: '2021', breakCell: 't4.suitDirect.total', by: 1 },
  { rule: 'CELL-INTEGER', instance: 't3.denied.thirdParty.natural', format: '2021', breakCell: 't3.denied.thirdParty.natural', by: 0.5 },
  { rule: 'CELL-AMOUNT', instance: 't2.fee.amount', format: '2021', breakCell: 't2.fee.amount', by: -1e9 },
  { rule: 'T2-INFORCE', instance: 'normative', format: '2021', breakCell: 't2.normative.issued', by: 1000 },
  { rule: 'X-CARRY', instance: 'total', format: '2021', lastYear: true, breakCell: 't3.carriedOver.total', by: 1 },
  { rule: 'X-INFORCE', instance: 'regulation', format: '2021', lastYear: true, breakCell: 't2.regulation.inForce', by: 1 },
];

describe('rules engine: pass, fail and undecided for every rule id', () => {
  it('covers every rule id of the spec', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULE_IDS));
  });

  describe.each(CASES)('$rule ($instance)', ({ rule, instance, format, lastYear, breakCell, by }) => {
    const base = sample(format);
    // Last year's report that agrees with this one: its carriedForward = this carriedOver, inForce chained.
    const last: Report = { ...base, cells: { ...base.cells } };
    for (const col of getFormat(format).t3.columns) last.cells[`t3.carriedForward.${col.id}`] = base.cells[`t3.carriedOver.${col.id}`];
    for (const row of ['regulation', 'normative'])
      last.cells[`t2.${row}.inForce`] =
        (base.cells[`t2.${row}.inForce`] as number) - (base.cells[`t2.${row}.issued`] as number) + (base.cells[`t2.${row}.repealed`] as number);
    const rules = rulesFor(format, { crossYear: lastYear });
    const options = lastYear ? { lastYear: last } : {};

    it('passes on consistent data, with expected and found', () => {
      const o = outcome(confront(base, rules, options), rule, instance);
      expect(o.status).toBe('pass');
      expect(o.found).not.toBeNull();
      expect(o.cells).toContain(breakCell);
    });

    it('fails when a cell it reads is off, reporting expected and found', () => {
      const broken = { ...base, cells: { ...base.cells, [breakCell]: (base.cells[breakCell] as number) + by } };
      const o = outcome(confront(broken, rules, options), rule, instance);
      expect(o.status).toBe('fail');
      expect(o.found).not.toBeNull();
      if (!rule.startsWith('CELL-')) {
        expect(o.expected).not.toBeNull();
        expect(o.found).not.toBe(o.expected);
      } else expect(o.found).toBe(broken.cells[breakCell]);
    });

    it('is undecided when a cell it reads is blank, naming the blank', () => {
      const blanked = { ...base, cells: { ...base.cells, [breakCell]: null } };
      const o = outcome(confront(blanked, rules, options), rule, instance);
      expect(o.status).toBe('undecided');
      expect(o.blanks).toEqual([breakCell]);
      expect(o.expected).toBeNull();
    });
  });

  it('cross-year rules are undecided without last year, and name last year blanks', () => {
    const base = sample('2021');
    const rules = rulesFor('2021', { crossYear: true });
    const carry = outcome(confront(base, rules), 'X-CARRY', 'natural');
    expect(carry.status).toBe('undecided');
    expect(carry.needsLastYear).toBe(true);
    expect(carry.lastYearCells).toEqual(['t3.carriedForward.natural']);
    const withBlank = outcome(confront(base, rules, { lastYear: { cells: {} } }), 'X-CARRY', 'natural');
    expect(withBlank.blanks).toEqual(['lastYear:t3.carriedForward.natural']);
  });

  it('treats blanks as 0 only when asked', () => {
    const base = sample('2021');
    base.cells['t3.received.natural'] = null;
    base.cells['t3.received.total'] = (base.cells['t3.received.total'] as number) - 0;
    const rules = rulesFor('2021');
    expect(outcome(confront(base, rules), 'T3-ROW-SUM', 'received').status).toBe('undecided');
    expect(outcome(confront(base, rules, { blanksAsZero: true }), 'T3-ROW-SUM', 'received').status).not.toBe('undecided');
  });

  it('derives one instance per column, row, group and cell', () => {
    const count = (f: FormatId, id: RuleId) => rulesFor(f).filter((r) => r.id === id).length;
    expect(count('2021', 'T3-BALANCE')).toBe(7);
    expect(count('2021', 'T3-HANDLED-SUM')).toBe(7);
    expect(count('2021', 'T3-ROW-SUM')).toBe(25);
    expect(count('2019', 'T3-ROW-SUM')).toBe(23);
    expect(count('2021', 'T4-GROUP-SUM')).toBe(3);
    expect(count('2021', 'T2-INFORCE')).toBe(2);
    expect(count('2019', 'T2-INFORCE')).toBe(0);
    expect(count('2021', 'CELL-INTEGER') + count('2021', 'CELL-AMOUNT')).toBe(10 + 175 + 15);
    expect(rulesFor('2021', { crossYear: true }).filter((r) => r.id === 'X-CARRY')).toHaveLength(7);
    const keys = rulesFor('2021', { crossYear: true }).map((r) => `${r.id}:${r.instance}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('T3-HANDLED-SUM reads every result row, and not the balance rows', () => {
    const r = rulesFor('2021').find((x) => x.id === 'T3-HANDLED-SUM' && x.instance === 'total')!;
    expect(r.reads).toHaveLength(1 + 21); // (一) (二), 8 不予公开, 3 无法提供, 5 不予处理, 3 其他处理
    expect(r.reads).not.toContain('t3.received.total');
  });
});

describe('confront never throws on data', () => {
  const garbage: unknown[] = [
    null, undefined, {}, { cells: null }, { cells: 'x' }, { cells: [] },
    { cells: { 't3.received.natural': 'abc', 't3.received.total': NaN, 't2.fee.amount': Infinity } },
    { cells: { 't3.received.natural': {}, 't3.carriedOver.natural': [1] } },
  ];
  it.each(garbage)('returns outcomes for %p', (data) => {
    const rules = rulesFor('2021', { crossYear: true });
    const outcomes = confront(data as Report, rules, { lastYear: data as Report });
    expect(outcomes).toHaveLength(rules.length);
    expect(outcomes.every((o) => o.status === 'undecided')).toBe(true);
  });

  it('survives arbitrary JSON values in cells', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (cells) => {
        const rules = rulesFor('2019', { crossYear: true });
        expect(confront({ cells } as Report, rules, { lastYear: { cells } as Report })).toHaveLength(rules.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties', () => {
  it.each(['2021', '2019'] as const)('a random consistent %s report passes every rule', (formatId) => {
    const rules = rulesFor(formatId);
    fc.assert(
      fc.property(arbConsistentReport(formatId), (report) => {
        const failing = confront(report, rules).filter((o) => o.status !== 'pass');
        expect(failing).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(['2021', '2019'] as const)('changing one %s cell by ±1 fails exactly the instances that read it and break', (formatId) => {
    const rules = rulesFor(formatId);
    const cellIds = getFormat(formatId).cells.map((c) => c.id);
    fc.assert(
      fc.property(
        arbConsistentReport(formatId),
        fc.constantFrom(...cellIds),
        fc.constantFrom(1, -1),
        (report, cell, delta) => {
          const changed = { ...report, cells: { ...report.cells, [cell]: (report.cells[cell] as number) + delta } };
          const outcomes = confront(changed, rules);
          const failing = new Set(outcomes.filter((o) => o.status === 'fail').map((o) => `${o.rule}:${o.instance}`));
          const expectedFailing = new Set<string>();
          rules.forEach((r) => {
            if (!r.reads.includes(cell)) return;
            const key = `${r.id}:${r.instance}`;
            if (r.relation === 'equal') expectedFailing.add(key);
            const v = changed.cells[cell] as number;
            if (r.relation === 'wholeNonNegative' && v < 0) expectedFailing.add(key);
            if (r.relation === 'nonNegative' && v < 0) expectedFailing.add(key);
            if (r.relation === 'atLeast') {
              const c = changed.cells;
              const row = r.instance;
              if ((c[`t2.${row}.inForce`] as number) < (c[`t2.${row}.issued`] as number) - (c[`t2.${row}.repealed`] as number))
                expectedFailing.add(key);
            }
          });
          expect([...failing].sort()).toEqual([...expectedFailing].sort());
          // Tables 三 and 四 are fully determined by their sums: a ±1 change there never goes unnoticed.
          if (!cell.startsWith('t2.')) expect(failing.size).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
