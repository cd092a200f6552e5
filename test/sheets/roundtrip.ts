/**
 * build → read gives the same data: 5,000 random reports per format. Each format has its own
 * test file (roundtrip-2019/2021.test.ts) so that jest runs the two in parallel.
 */
import fc from 'fast-check';
import { compileSheetPlan, type FormatId } from '../../src/core';
import { readXlsx, writeXlsx } from '../../src/xlsx';
import { arbAnyReport } from './support';

export function describeRoundTrip(formatId: FormatId) {
  describe(`round trip, format ${formatId}`, () => {
    it('reads back exactly the data it was built from (5,000 random reports)', () => {
      fc.assert(
        fc.property(arbAnyReport(formatId), (report) => {
          const bytes = writeXlsx(compileSheetPlan(formatId, { report }));
          const back = readXlsx(bytes);
          expect(back.source).toBe('xxgk');
          expect(back.issues).toEqual([]);
          expect(back.report).toEqual(report);
        }),
        { numRuns: 5000 },
      );
    });
  });
}
