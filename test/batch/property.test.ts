/**
 * Property: over any folder of good, failing and broken files, the batch lists exactly the
 * broken ones, one row per file, and an aggregate whose every cell is the sum of the readable
 * units — or empty, listing exactly the units that left it blank.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFormat, type Report } from '../../src/core';
import { runBatch } from '../../src/node/batch';
import { arbConsistentReport } from '../support/reports';

const ids2021 = getFormat('2021').cells.map((c) => c.id);

type Entry = { kind: 'report'; report: Report } | { kind: 'broken'; content: string };

const arbReport: fc.Arbitrary<Entry> = fc
  .tuple(
    arbConsistentReport('2021', { max: 20 }),
    fc.uniqueArray(fc.constantFrom(...ids2021), { maxLength: 3 }),
    fc.option(fc.constantFrom(...ids2021.filter((id) => id.startsWith('t3.'))), { nil: null }),
  )
  .map(([report, blanks, broken]) => {
    const cells = { ...report.cells };
    for (const id of blanks) cells[id] = null;
    if (broken) cells[broken] = (cells[broken] ?? 0) + 7; // a failing sum
    return { kind: 'report' as const, report: { ...report, year: 2023, cells } };
  });

const arbBroken: fc.Arbitrary<Entry> = fc
  .constantFrom('', '{', '{"format":"2021"}', '[]', '{"format":"2021","year":2016,"agency":null,"cells":{}}', 'null')
  .map((content) => ({ kind: 'broken' as const, content }));

describe('batch property', () => {
  it('lists the broken files and sums the readable units', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 3, arbitrary: arbReport }, { weight: 1, arbitrary: arbBroken }), { minLength: 1, maxLength: 7 }), async (entries) => {
        const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-prop-'));
        try {
          entries.forEach((e, i) =>
            writeFileSync(join(dir, `f${i}.json`), e.kind === 'report' ? JSON.stringify({ ...e.report, agency: `单位${i}` }) : e.content),
          );
          const result = await runBatch(dir, { jobs: 0 });
          const readable = entries.flatMap((e, i) => (e.kind === 'report' ? [{ unit: `单位${i}`, report: e.report }] : []));
          expect(result.units).toHaveLength(entries.length);
          expect(result.broken.map((b) => b.file)).toEqual(entries.flatMap((e, i) => (e.kind === 'broken' ? [`f${i}.json`] : [])));
          for (const b of result.broken) expect(b.reason).toContain(b.file);
          if (!readable.length) {
            expect(result.aggregate).toBeNull();
            return;
          }
          const agg = result.aggregate!;
          for (const id of ids2021) {
            // The known units' sum; a cell some units left blank lists them (a total also those of its parts).
            const known = readable.filter((u) => typeof u.report.cells[id] === 'number');
            const blank = readable.filter((u) => typeof u.report.cells[id] !== 'number').map((u) => u.unit);
            if (known.length) expect(agg.cells[id]).toBeCloseTo(known.reduce((s, u) => s + (u.report.cells[id] as number), 0), 9);
            else expect(agg.cells[id]).toBeNull();
            if (blank.length) expect(result.incomplete[id]).toEqual(expect.arrayContaining(blank));
          }
          for (const u of result.units.filter((x) => x.status === 'ok')) {
            const own = result.findings.filter((f) => f.unit === u.unit && f.status === 'fail' && f.severity === 'error');
            expect(u.errors).toBe(own.length);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30 },
    );
  });
});
