/**
 * Every formula we write carries its cached value, so viewers that compute nothing (Excel's
 * Protected View, previewers, pandas, SheetJS, openpyxl with data_only) show the totals: the
 * sample workbook built by the CLI and random reports read with openpyxl give the core's totals
 * and check row. The check row flags a column holding text with 「含文字」 (red) instead of
 * #VALUE!. The evaluator behind the cached values follows Excel's rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { cellAddresses, compileSheetPlan, evaluatePlanFormula, getFormat, sampleReport, sheetTotals, type Report, type SheetPlan } from '../../src/core';
import { CHECK_TEXT_FLAG } from '../../src/core/sheetplan/compile';
import { writeXlsx } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { arbAnyReport, parseWorkbookXml } from './support';

const PYTHON = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/python3' : 'python3';

/** Every cell value of every sheet as openpyxl reads it with data_only=True (cached values only). */
function openpyxlValues(paths: string[]): Record<string, Record<string, unknown>>[] {
  const script = `
import json, sys, openpyxl
out = []
for p in sys.argv[1:]:
    wb = openpyxl.load_workbook(p, data_only=True)
    out.append({ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets})
print(json.dumps(out, ensure_ascii=False))
`;
  const r = spawnSync(PYTHON, ['-c', script, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, Record<string, unknown>>[];
}

/** The check row as Excel computes it: 一 + 二 − （七） − 四 per column, blanks as 0. */
function expectedChecks(plan: SheetPlan, report: Report): Map<string, number> {
  const f = getFormat(plan.format);
  const v = (id: string, totals: Record<string, number | null>) => (id in totals ? totals[id] : (report.cells[id] ?? null)) ?? 0;
  const inputsBlankAsZero = Object.fromEntries(f.cells.filter((c) => c.role === 'input').map((c) => [c.id, report.cells[c.id] ?? 0]));
  const totals = sheetTotals(plan.format, inputsBlankAsZero);
  const t3 = plan.sheets.find((s) => s.key === 't3')!;
  const checks = t3.cells.filter((c) => c.role === 'check' && c.formula);
  return new Map(
    f.t3.columns.map((col, i) => [
      `${String.fromCharCode(65 + checks[i].col)}${checks[i].row + 1}`,
      v(`t3.received.${col.id}`, totals) + v(`t3.carriedOver.${col.id}`, totals) - v(`t3.handledTotal.${col.id}`, totals) - v(`t3.carriedForward.${col.id}`, totals),
    ]),
  );
}

describe('cached values read by openpyxl (data_only)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-cached-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows every total of the sample workbook built by the CLI, equal to the core’s totals', async () => {
    const out = join(dir, 'sample.xlsx');
    const r = await runCli(['build', '--sample', '-o', out]);
    expect(r.code).toBe(0);
    const sample = sampleReport();
    const plan = compileSheetPlan('2021', { report: sample });
    const [values] = openpyxlValues([out]);
    const f = getFormat('2021');
    const inputs = Object.fromEntries(f.cells.filter((c) => c.role === 'input').map((c) => [c.id, sample.cells[c.id] ?? 0]));
    const totals = sheetTotals('2021', inputs);
    const addr = cellAddresses(plan);
    let seen = 0;
    for (const c of f.cells.filter((x) => x.role === 'total')) {
      const at = addr.get(c.id)!;
      expect(values[at.sheet][at.address]).toBe(totals[c.id]);
      seen++;
    }
    expect(seen).toBe(f.cells.filter((x) => x.role === 'total').length);
    for (const [address, value] of expectedChecks(plan, sample)) expect(values['表三 依申请公开'][address]).toBe(value);
  });

  it('shows the core’s totals and check row for random reports (blanks as 0, as SUM shows them)', () => {
    const reports = fc.sample(fc.oneof(arbAnyReport('2021'), arbAnyReport('2019')), { numRuns: 8, seed: 13 });
    const plans = reports.map((report) => compileSheetPlan(report.format, { report }));
    const paths = plans.map((plan, i) => {
      const p = join(dir, `r${i}.xlsx`);
      writeFileSync(p, writeXlsx(plan));
      return p;
    });
    const all = openpyxlValues(paths);
    plans.forEach((plan, i) => {
      const report = reports[i];
      const f = getFormat(plan.format);
      const inputs = Object.fromEntries(f.cells.filter((c) => c.role === 'input').map((c) => [c.id, report.cells[c.id] ?? 0]));
      const totals = sheetTotals(plan.format, inputs);
      const addr = cellAddresses(plan);
      for (const c of f.cells.filter((x) => x.role === 'total')) {
        const at = addr.get(c.id)!;
        expect(all[i][at.sheet][at.address]).toBeCloseTo(totals[c.id]!, 9);
      }
      for (const [address, value] of expectedChecks(plan, report)) expect(all[i]['表三 依申请公开'][address]).toBeCloseTo(value, 9);
    });
  });
});

describe('the check row with text in an input cell', () => {
  /** The sample with text typed into 一、本年新收·自然人 (as an export keeps what was typed). */
  function withText(text: string): SheetPlan {
    const plan = compileSheetPlan('2021', { report: sampleReport() });
    const t3 = plan.sheets.find((s) => s.key === 't3')!;
    t3.cells = t3.cells.map((c) => (c.cellId === 't3.received.natural' ? { ...c, value: text } : c));
    return plan;
  }

  it('writes 「含文字」 as the column’s cached check value (t="str"), keeps the others numeric, and the total skips the text', () => {
    const plan = withText('约十件');
    const wb = parseWorkbookXml(writeXlsx(plan));
    const t3 = wb.sheets.find((s) => s.name === '表三 依申请公开')!;
    const checks = [...t3.cells.values()].filter((c) => c.formula?.startsWith('IF(')).sort((a, b) => a.col - b.col);
    expect(checks).toHaveLength(7);
    expect(checks[0]).toMatchObject({ type: 'str', value: CHECK_TEXT_FLAG });
    for (const c of checks.slice(1)) expect(c).toMatchObject({ type: undefined, value: '0' });
    const addr = cellAddresses(plan);
    expect(t3.cells.get(addr.get('t3.received.total')!.address)!.value).toBe('0');
    // The red format compares with 0: text is not 0, so the flagged column turns red.
    expect(t3.conditional[0].formula).toMatch(/<>0$/);
    expect(evaluatePlanFormula(t3.conditional[0].formula, () => CHECK_TEXT_FLAG)).toBe(true);
  });

  it('is what LibreOffice computes too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cached-lo-'));
    try {
      const input = join(dir, 'text.xlsx');
      // Without our cached values, so what LibreOffice shows is what it computed from the formula.
      const files = unzipSync(writeXlsx(withText('约十件')));
      const sheet = strFromU8(files['xl/worksheets/sheet2.xml']);
      const uncached = sheet.replace(/(<c r="[A-Z]+\d+" s="\d+")(?: t="str")?>(<f>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/g, '$1>$2</c>');
      expect(uncached).not.toContain(`<v>${CHECK_TEXT_FLAG}`);
      files['xl/worksheets/sheet2.xml'] = strToU8(uncached);
      writeFileSync(input, zipSync(files));
      const profile = join(dir, 'profile');
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', '--outdir', dir, input], { encoding: 'utf8', timeout: 120000 });
      expect(r.status).toBe(0);
      const csv = readFileSync(join(dir, 'text-表三 依申请公开.csv'), 'utf8');
      const row = csv.split('\n').find((l) => l.startsWith('自动校验'))!;
      expect(row.split(',').slice(3, 10)).toEqual([CHECK_TEXT_FLAG, '0', '0', '0', '0', '0', '0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('evaluatePlanFormula follows Excel', () => {
  const cells: Record<string, number | string | null> = { A1: 1, B1: null, C1: '12', D1: '约十件', E1: 2.5 };
  const at = (row: number, col: number) => cells[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null;

  it('SUM skips blanks and text; + takes a blank as 0 and numeric text as its number; other text is #VALUE!', () => {
    expect(evaluatePlanFormula('SUM(A1:E1)', at)).toBe(3.5);
    expect(evaluatePlanFormula('A1+B1-E1', at)).toBe(-1.5);
    expect(evaluatePlanFormula('A1+C1', at)).toBe(13);
    expect(evaluatePlanFormula('A1+D1', at)).toEqual({ error: '#VALUE!' });
    expect(evaluatePlanFormula('SUMPRODUCT(--ISTEXT(A1:E1))', at)).toBe(2);
    expect(evaluatePlanFormula('IF(SUMPRODUCT(--ISTEXT(A1:B1))>0,"含文字",A1+B1)', at)).toBe(1);
    expect(evaluatePlanFormula('IF(SUMPRODUCT(--ISTEXT(A1:D1))>0,"含文字",A1+D1)', at)).toBe('含文字');
    // A formula the evaluator does not know is refused rather than cached wrongly.
    expect(() => evaluatePlanFormula('VLOOKUP(A1,B1:C1,2)', at)).toThrow();
  });
});
