/** fast-check arbitraries for reports whose every arithmetic rule holds. */
import fc from 'fast-check';
import { getFormat, type FormatId, type Report } from '../../src/core';

const count = (max = 30) => fc.integer({ min: 0, max });

/** A report of the format where T3/T4 sums, the balance and T2-INFORCE all hold. */
export function arbConsistentReport(formatId: FormatId, opts: { max?: number } = {}): fc.Arbitrary<Report> {
  const f = getFormat(formatId);
  const max = opts.max ?? 30;
  const resultRows = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input').map((r) => r.id);
  const partCols = f.t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  const t2Cells = f.cells.filter((c) => c.table === 't2');
  return fc
    .record({
      results: fc.array(fc.array(count(max), { minLength: resultRows.length, maxLength: resultRows.length }), {
        minLength: partCols.length,
        maxLength: partCols.length,
      }),
      forward: fc.array(count(max), { minLength: partCols.length, maxLength: partCols.length }),
      overShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: partCols.length, maxLength: partCols.length }),
      t4: fc.array(fc.array(count(max), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      t2: fc.array(fc.integer({ min: -20, max: 60 }), { minLength: t2Cells.length, maxLength: t2Cells.length }),
      feeCents: fc.integer({ min: 0, max: 10_000_000 }),
      year: formatId === '2021' ? fc.integer({ min: 2021, max: 2030 }) : fc.integer({ min: 2019, max: 2020 }),
    })
    .map(({ results, forward, overShare, t4, t2, feeCents, year }) => {
      const cells: Report['cells'] = {};
      const totals: Record<string, number> = {};
      const put = (row: string, col: string, v: number) => {
        cells[`t3.${row}.${col}`] = v;
        totals[row] = (totals[row] ?? 0) + v;
      };
      partCols.forEach((col, ci) => {
        let handled = 0;
        resultRows.forEach((row, ri) => {
          put(row, col, results[ci][ri]);
          handled += results[ci][ri];
        });
        put('handledTotal', col, handled);
        put('carriedForward', col, forward[ci]);
        const carriedOver = Math.floor(overShare[ci] * (handled + forward[ci]));
        put('carriedOver', col, carriedOver);
        put('received', col, handled + forward[ci] - carriedOver);
      });
      for (const row of f.t3.rows) cells[`t3.${row.id}.total`] = totals[row.id];
      f.t4.groups.forEach((g, gi) => {
        const parts = f.t4.columns.filter((c) => c.role === 'input');
        parts.forEach((c, ci) => (cells[`t4.${g.id}.${c.id}`] = t4[gi][ci]));
        cells[`t4.${g.id}.total`] = t4[gi].reduce((a, b) => a + b, 0);
      });
      t2Cells.forEach((c, i) => {
        const v = t2[i];
        cells[c.id] = c.kind === 'signedCount' ? v : c.kind === 'amount' ? feeCents / 10000 : Math.abs(v);
      });
      for (const row of ['regulation', 'normative']) {
        const inForce = `t2.${row}.inForce`;
        if (inForce in cells) {
          const floor = (cells[`t2.${row}.issued`] as number) - (cells[`t2.${row}.repealed`] as number);
          cells[inForce] = Math.max(cells[inForce] as number, floor, 0);
        }
      }
      return { format: formatId, year, agency: '测试单位', cells };
    });
}
