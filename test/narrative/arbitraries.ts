/**
 * Random valid reports for the narrative: every arithmetic rule of tables 三 and 四 holds, and
 * values are sparse (many zeros, some large), so the zero phrasings, single-category results
 * and breakdowns all occur. Optionally a last-year report and blank cells.
 */
import fc from 'fast-check';
import { getFormat, type FormatId, type Report } from '../../src/core';

/** Mostly 0, often small, sometimes large. */
const sparse = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4, max: 400 }) },
);

export function arbReport(formatId: FormatId): fc.Arbitrary<Report> {
  const f = getFormat(formatId);
  const resultRows = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input').map((r) => r.id);
  const parts = f.t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  const t2Cells = f.cells.filter((c) => c.table === 't2');
  const n = (len: number) => fc.array(sparse, { minLength: len, maxLength: len });
  return fc
    .record({
      quiet: fc.boolean(), // no applications at all (a typical town)
      results: fc.array(n(resultRows.length), { minLength: parts.length, maxLength: parts.length }),
      forward: n(parts.length),
      overShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: parts.length, maxLength: parts.length }),
      t4: fc.array(n(4), { minLength: 3, maxLength: 3 }),
      t2: n(t2Cells.length),
      signs: fc.array(fc.boolean(), { minLength: t2Cells.length, maxLength: t2Cells.length }),
      feeMicro: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999_999_999 })),
      year: formatId === '2021' ? fc.integer({ min: 2021, max: 2030 }) : fc.integer({ min: 2019, max: 2020 }),
      agency: fc.constantFrom('偃师区缙氏镇人民政府', '某市某区市场监督管理局', '某县人民政府办公室', '某市自然资源和规划局', null),
    })
    .map(({ quiet, results, forward, overShare, t4, t2, signs, feeMicro, year, agency }) => {
      const cells: Report['cells'] = {};
      const totals: Record<string, number> = {};
      const put = (row: string, col: string, v: number) => {
        cells[`t3.${row}.${col}`] = v;
        totals[row] = (totals[row] ?? 0) + v;
      };
      parts.forEach((col, ci) => {
        let handled = 0;
        resultRows.forEach((row, ri) => {
          const v = quiet ? 0 : results[ci][ri];
          put(row, col, v);
          handled += v;
        });
        const fwd = quiet ? 0 : forward[ci];
        put('handledTotal', col, handled);
        put('carriedForward', col, fwd);
        const over = Math.floor(overShare[ci] * (handled + fwd));
        put('carriedOver', col, over);
        put('received', col, handled + fwd - over);
      });
      for (const row of f.t3.rows) cells[`t3.${row.id}.total`] = totals[row.id];
      f.t4.groups.forEach((g, gi) => {
        const p = f.t4.columns.filter((c) => c.role === 'input');
        p.forEach((c, ci) => (cells[`t4.${g.id}.${c.id}`] = t4[gi][ci]));
        cells[`t4.${g.id}.total`] = t4[gi].reduce((a, b) => a + b, 0);
      });
      t2Cells.forEach((c, i) => {
        cells[c.id] = c.kind === 'signedCount' && signs[i] ? -t2[i] : c.kind === 'amount' ? feeMicro / 1e6 : t2[i];
      });
      for (const row of ['regulation', 'normative']) {
        const inForce = `t2.${row}.inForce`;
        if (inForce in cells) {
          const floor = (cells[`t2.${row}.issued`] as number) - (cells[`t2.${row}.repealed`] as number);
          cells[inForce] = Math.max(cells[inForce] as number, floor, 0);
        }
      }
      return { format: formatId, year, agency, cells };
    });
}

/** This year's report and last year's (same format, year − 1 when that is still the format's). */
export function arbWithLastYear(formatId: FormatId): fc.Arbitrary<{ report: Report; lastYear: Report }> {
  return fc.tuple(arbReport(formatId), arbReport(formatId)).map(([report, last]) => ({
    report,
    lastYear: { ...last, year: report.year === null ? null : formatId === '2019' ? 2019 : Math.max(2021, report.year - 1) },
  }));
}

/** A report with some cells blanked (null), as a paste with 「/」 or empty cells gives. */
export function arbWithBlanks(formatId: FormatId): fc.Arbitrary<{ report: Report; blanked: string[] }> {
  const ids = getFormat(formatId).cells.map((c) => c.id);
  return fc
    .tuple(arbReport(formatId), fc.subarray(ids, { minLength: 1, maxLength: 12 }))
    .map(([report, blanked]) => {
      const cells = { ...report.cells };
      for (const id of blanked) cells[id] = null;
      return { report: { ...report, cells }, blanked };
    });
}
