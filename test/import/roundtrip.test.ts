/** Round trip: random reports rendered in every paste layout import back to the same data. */
import fc from 'fast-check';
import { getFormat, importText, type FormatId, type Report } from '../../src/core';
import { LAYOUTS } from './render';

function arbReport(format: FormatId): fc.Arbitrary<Report> {
  const f = getFormat(format);
  const cellArbs: Record<string, fc.Arbitrary<number | null>> = {};
  for (const c of f.cells) {
    const value =
      c.kind === 'amount' ? fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 9999999 }).map((x) => x / 100))
        : c.kind === 'signedCount' ? fc.integer({ min: -500, max: 500 })
        : fc.integer({ min: 0, max: 5000 });
    cellArbs[c.id] = fc.oneof({ arbitrary: value, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  const t4First = `t4.review.upheld`;
  return fc.record(cellArbs).map((cells) => {
    // A table 四 row of nothing but blanks is not a row anyone pastes; keep one value.
    if (f.cells.filter((c) => c.table === 't4').every((c) => cells[c.id] === null)) cells[t4First] = 0;
    return { format, year: format === '2021' ? 2023 : 2020, agency: null, cells };
  });
}

describe.each(Object.entries(LAYOUTS))('layout %s', (name, render) => {
  test.each(['2021', '2019'] as FormatId[])('format %s imports back to the same data', (format) => {
    fc.assert(
      fc.property(arbReport(format), (report) => {
        const text = render(report);
        const { report: back } = importText(text, { year: report.year ?? undefined, mime: name === 'html' ? 'text/html' : 'text/plain' });
        expect(back.format).toBe(report.format);
        expect(back.cells).toEqual(report.cells);
      }),
      { numRuns: 40 },
    );
  });
});
