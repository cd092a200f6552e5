/**
 * The district aggregate: every cell is the sum of the units; where some units left it blank,
 * the sum of the others, listed as incomplete with those units (and so are the totals over it).
 */
import fc from 'fast-check';
import { aggregateReports, check, decimalSum, getFormat, sheetTotals, type Report, type UnitReport } from '../../src/core';
import { arbConsistentReport } from '../support/reports';

/** A consistent report with some cells blanked (null) or dropped, as collected reports come. */
function arbCollected(formatId: '2021' | '2019'): fc.Arbitrary<Report> {
  const ids = getFormat(formatId).cells.map((c) => c.id);
  return fc
    .tuple(
      arbConsistentReport(formatId),
      fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }),
      fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
    )
    .map(([report, blank, dropped]) => {
      const cells = { ...report.cells };
      for (const id of blank) cells[id] = null;
      for (const id of dropped) delete cells[id];
      return { ...report, cells };
    });
}

const arbUnits: fc.Arbitrary<UnitReport[]> = fc
  .array(fc.oneof({ weight: 5, arbitrary: arbCollected('2021') }, { weight: 1, arbitrary: arbCollected('2019') }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((reports) => reports.map((report, i) => ({ unit: `单位${i + 1}`, report: { ...report, year: report.format === '2021' ? 2023 : 2020 } })));

/** The inputs a total is built on in the sheet (none for an input): the ones whose blank makes it blank. */
const inputsByTotal = new Map<string, Map<string, string[]>>();
function inputsOf(formatId: '2021' | '2019', total: string): string[] {
  let map = inputsByTotal.get(formatId);
  if (!map) {
    map = new Map();
    const inputs = getFormat(formatId).cells.filter((c) => c.role === 'input').map((c) => c.id);
    const zeros = Object.fromEntries(inputs.map((id) => [id, 0]));
    for (const input of inputs)
      for (const [t, v] of Object.entries(sheetTotals(formatId, { ...zeros, [input]: null })))
        if (v === null) map.set(t, [...(map.get(t) ?? []), input]);
    inputsByTotal.set(formatId, map);
  }
  return map.get(total) ?? [];
}

describe('aggregateReports', () => {
  it('sums every cell across units; a cell some units left blank holds the others’ sum and lists those units', () => {
    fc.assert(
      fc.property(arbUnits, (units) => {
        const { report, incomplete, included, excluded } = aggregateReports(units);
        const count2021 = units.filter((u) => u.report.format === '2021').length;
        const majority = count2021 >= units.length - count2021 ? '2021' : '2019';
        expect(report.format).toBe(majority);
        const summed = units.filter((u) => u.report.format === majority);
        expect(included).toEqual(summed.map((u) => u.unit));
        expect(excluded.map((e) => e.unit)).toEqual(units.filter((u) => u.report.format !== majority).map((u) => u.unit));
        for (const e of excluded) expect(e.reason).toEqual({ code: 'FORMAT-MISMATCH', found: e.reason.found, expected: majority });

        const ids = getFormat(majority).cells.map((c) => c.id);
        expect(Object.keys(report.cells).sort()).toEqual([...ids].sort());
        const blankOf = (id: string) => summed.filter((u) => typeof u.report.cells[id] !== 'number').map((u) => u.unit);
        for (const id of ids) {
          const known = summed.filter((u) => typeof u.report.cells[id] === 'number');
          const naive = known.reduce((s, u) => s + (u.report.cells[id] as number), 0);
          if (known.length) expect(report.cells[id]).toBeCloseTo(naive, 9);
          else expect(report.cells[id]).toBeNull();
          // A total is incomplete when it or any input it sums (as the sheet sums) was left blank.
          const blanks = new Set(blankOf(id));
          for (const input of inputsOf(majority, id)) for (const u of blankOf(input)) blanks.add(u);
          if (blanks.size) expect(incomplete[id]).toEqual(summed.map((u) => u.unit).filter((u) => blanks.has(u)));
          else expect(incomplete[id]).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the arithmetic of consistent units: the aggregate of complete consistent reports passes every sum rule', () => {
    // Sums of reports that satisfy the linear rules satisfy them too; a cheap cross-check of the summing.
    fc.assert(
      fc.property(fc.array(arbConsistentReport('2021'), { minLength: 1, maxLength: 6 }), (reports) => {
        const units = reports.map((report, i) => ({ unit: `u${i}`, report: { ...report, year: 2023 } }));
        const { report } = aggregateReports(units);
        const failing = check(report).outcomes.filter((o) => o.status !== 'pass' && o.rule !== 'T2-INFORCE');
        expect(failing).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves out reports of another year than the majority, and counts reports without a year', () => {
    const base = (year: number | null): Report => ({ format: '2021', year, agency: null, cells: { 't2.license.decisions': 2 } });
    const r = aggregateReports([
      { unit: '甲', report: base(2023) },
      { unit: '乙', report: base(2023) },
      { unit: '丙', report: base(2022) },
      { unit: '丁', report: base(null) },
    ]);
    expect(r.report.year).toBe(2023);
    expect(r.included).toEqual(['甲', '乙', '丁']);
    expect(r.excluded).toEqual([{ unit: '丙', reason: { code: 'YEAR-MISMATCH', found: 2022, expected: 2023 } }]);
    expect(r.report.cells['t2.license.decisions']).toBe(6);
    // Every other cell is missing in all three: empty (nothing known), each listing the three units.
    expect(r.report.cells['t3.received.total']).toBeNull();
    expect(r.incomplete['t3.received.total']).toEqual(['甲', '乙', '丁']);
  });

  it('breaks a tie between formats towards the newer one, and takes the agency from the options', () => {
    const r = aggregateReports(
      [
        { unit: '甲', report: { format: '2019', year: 2020, agency: null, cells: {} } },
        { unit: '乙', report: { format: '2021', year: 2021, agency: null, cells: {} } },
      ],
      { agency: '某某区' },
    );
    expect(r.report.format).toBe('2021');
    expect(r.report.agency).toBe('某某区');
    expect(r.excluded).toEqual([{ unit: '甲', reason: { code: 'FORMAT-MISMATCH', found: '2019', expected: '2021' } }]);
  });

  it('shows the known units’ sum in a cell one unit left blank, and marks the totals over it', () => {
    const cells = (natural: number | null, total: number): Report['cells'] => ({ 't3.received.natural': natural, 't3.received.total': total });
    const r = aggregateReports([
      { unit: '甲', report: { format: '2021', year: 2023, agency: null, cells: cells(5, 5) } },
      { unit: '乙', report: { format: '2021', year: 2023, agency: null, cells: cells(null, 7) } },
      { unit: '丙', report: { format: '2021', year: 2023, agency: null, cells: cells(3, 3) } },
    ]);
    expect(r.report.cells['t3.received.natural']).toBe(8);
    expect(r.incomplete['t3.received.natural']).toEqual(['乙']);
    // Summed from the units' own totals, but a total over an incomplete part is incomplete too.
    expect(r.report.cells['t3.received.total']).toBe(15);
    expect(r.incomplete['t3.received.total']).toEqual(expect.arrayContaining(['乙']));
  });

  it('returns an all-empty report for no units, with nothing listed', () => {
    const r = aggregateReports([]);
    expect(Object.values(r.report.cells).every((v) => v === null)).toBe(true);
    expect(r.incomplete).toEqual({});
    expect(r.included).toEqual([]);
  });

  it('adds fee amounts as printed, without float noise', () => {
    expect(decimalSum([190.457379, 0.1])).toBe(190.557379);
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
    expect(decimalSum([1e-7, 2e-7])).toBe(3e-7);
    expect(decimalSum([3, 4, 5])).toBe(12);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 20 }), (micros) => {
        // Amounts with at most six decimals add up exactly to the sum of their millionths.
        expect(decimalSum(micros.map((m) => m / 1e6))).toBe(micros.reduce((a, b) => a + b, 0) / 1e6);
      }),
    );
  });
});
