/**
 * LibreOffice as an independent spreadsheet engine: it opens our workbooks (which carry no
 * cached formula values), recalculates, and we read its results back — from UTF-8 CSV, one
 * file per sheet, and from an .xlsx LibreOffice re-saved. Every total must equal the core's
 * sum, and the check row must be all zero exactly when T3-BALANCE passes. A workbook
 * LibreOffice wrote from the seed's text goes through the importer.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cellAddresses, check, compileSheetPlan, getFormat, sheetTotals, type FormatId, type Report } from '../../src/core';
import { readGrids, readXlsx, writeXlsx } from '../../src/xlsx';
import { FIXTURES } from '../support/paths';
import { arbConsistentReport } from '../support/reports';
import { parseCsv } from './support';

const PER_FORMAT = 10;
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function soffice(dir: string, args: string[]) {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', ...args], {
    cwd: dir, encoding: 'utf8', timeout: 170000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.status} ${r.stderr}`);
}

/** Consistent reports, half of them with a broken balance in some columns. */
function reports(formatId: FormatId, seed: number): Report[] {
  const cols = getFormat(formatId).t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  const arb = fc.tuple(arbConsistentReport(formatId), fc.boolean(), fc.subarray(cols, { minLength: 1 }), fc.integer({ min: 1, max: 9 }));
  return fc.sample(arb, { numRuns: PER_FORMAT, seed }).map(([report, broken, which, delta]) => {
    const cells = { ...report.cells };
    if (broken) for (const c of which) cells[`t3.received.${c}`] = (cells[`t3.received.${c}`] as number) + delta;
    Object.assign(cells, sheetTotals(formatId, cells));
    return { ...report, cells };
  });
}

describe('LibreOffice recalculates our workbooks', () => {
  const seed = Date.now() % 100000;
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-'));
  const cases = (['2021', '2019'] as FormatId[]).flatMap((f) => reports(f, seed).map((report) => ({ report, plan: compileSheetPlan(f, { report }) })));
  const names = cases.map((_, i) => `r${i}.xlsx`);

  beforeAll(() => {
    const version = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout;
    expect(version).toMatch(/LibreOffice (7\.([2-9]|\d\d)|[89]|\d\d)/); // the -1 "every sheet" CSV option needs ≥ 7.2
    cases.forEach((c, i) => writeFileSync(join(dir, names[i]), writeXlsx(c.plan)));
    soffice(dir, ['--convert-to', CSV_FILTER, '--outdir', join(dir, 'csv'), ...names]);
    soffice(dir, ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'resaved'), ...names.slice(0, 3), ...names.slice(PER_FORMAT, PER_FORMAT + 3)]);
    // A foreign workbook: the seed's tab-separated text opened and saved by LibreOffice.
    copyFileSync(join(FIXTURES, 'seed-2022', 'report.txt'), join(dir, 'seed.csv'));
    soffice(dir, ['--infilter=Text - txt - csv (StarCalc):9,34,76,1', '--convert-to', 'xlsx', '--outdir', join(dir, 'foreign'), 'seed.csv']);
  }, 180000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`computes every total as the core does and flags exactly the unbalanced columns (seed ${seed})`, () => {
    let balanced = 0;
    let unbalanced = 0;
    cases.forEach(({ report, plan }, i) => {
      const csv = new Map(plan.sheets.map((s) => [s.name, parseCsv(readFileSync(join(dir, 'csv', `r${i}-${s.name}.csv`), 'utf8'))]));
      const value = (sheet: string, row: number, col: number) => csv.get(sheet)![row]?.[col] ?? '';
      const f = getFormat(report.format);
      for (const [id, a] of cellAddresses(plan)) {
        const got = Number(value(a.sheet, a.row, a.col));
        expect({ id, value: got }).toEqual({ id, value: report.cells[id] });
      }
      // The check row against the core's T3-BALANCE, column by column.
      const t3 = plan.sheets.find((s) => s.key === 't3')!;
      const checks = t3.cells.filter((c) => c.role === 'check' && c.formula);
      const outcomes = check(report).outcomes.filter((o) => o.rule === 'T3-BALANCE');
      expect(outcomes).toHaveLength(7);
      f.t3.columns.forEach((col, ci) => {
        const shown = Number(value(t3.name, checks[ci].row, checks[ci].col));
        const outcome = outcomes.find((o) => o.instance === col.id)!;
        expect({ column: col.id, zero: shown === 0 }).toEqual({ column: col.id, zero: outcome.status === 'pass' });
      });
      if (outcomes.every((o) => o.status === 'pass')) balanced++;
      else unbalanced++;
    });
    expect(balanced).toBeGreaterThan(0);
    expect(unbalanced).toBeGreaterThan(0);
  });

  it('reads a workbook LibreOffice re-saved by its names, and its recalculated totals agree', () => {
    const resaved = [...names.slice(0, 3), ...names.slice(PER_FORMAT, PER_FORMAT + 3)];
    for (const name of resaved) {
      const { report, plan } = cases[names.indexOf(name)];
      const bytes = new Uint8Array(readFileSync(join(dir, 'resaved', name)));
      const back = readXlsx(bytes);
      expect(back.source).toBe('xxgk');
      expect(back.report).toEqual(report);
      // LibreOffice writes the values it computed as cached formula results: compare them too.
      const grids = new Map(readGrids(bytes).map((g) => [g.name, g.grid]));
      for (const [id, a] of cellAddresses(plan)) if (a.role === 'total') expect({ id, v: grids.get(a.sheet)![a.row][a.col] }).toEqual({ id, v: report.cells[id] });
    }
  });

  it('reads a workbook LibreOffice made from the seed (not ours) through the importer', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed-2022', 'expected.json'), 'utf8')) as { cells: Report['cells'] };
    const back = readXlsx(new Uint8Array(readFileSync(join(dir, 'foreign', 'seed.xlsx'))));
    expect(back.source).toBe('import');
    expect(back.report.cells).toEqual(expected.cells);
    expect(back.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['BLANK', 'OLD-LABEL', 'LABEL-VARIANT']));
  });
});
