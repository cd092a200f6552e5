/** `xxgk-nianbao build`, and .xlsx as input of `check`. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from '../../src/core';
import { readXlsx } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { FIXTURES } from '../support/paths';
import { parseWorkbookXml } from './support';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-build-'));
const out = (name: string) => join(dir, name);
const readBack = (path: string) => readXlsx(new Uint8Array(readFileSync(path)));

describe('xxgk-nianbao build', () => {
  it('builds the embedded sample and says which cell the sheet computes instead', async () => {
    const r = await runCli(['build', '--sample', '-o', out('sample.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('sample.xlsx');
    expect(r.err).toContain('表三（七）总计·自然人');
    const back = readBack(out('sample.xlsx')).report;
    const expected = sampleReport();
    expect(back.cells).toEqual({ ...expected.cells, 't3.handledTotal.natural': 0 });
    expect([back.format, back.year, back.agency]).toEqual(['2021', 2022, '偃师区缙氏镇人民政府']);
  });

  it('builds a blank workbook in the format of the year, with the agency given', async () => {
    const r = await runCli(['build', '-o', out('blank.xlsx'), '--year', '2020', '--agency', '某某县人民政府']);
    expect(r.code).toBe(0);
    const back = readBack(out('blank.xlsx')).report;
    expect([back.format, back.year, back.agency]).toEqual(['2019', 2020, '某某县人民政府']);
    expect(Object.values(back.cells).every((v) => v === null)).toBe(true);
  });

  it('asks for the year of a blank workbook instead of guessing it', async () => {
    const r = await runCli(['build', '-o', out('now.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未找到年度，请用 --year 指定');
    expect(existsSync(out('now.xlsx'))).toBe(false);
  });

  it('builds from .json, .txt and .xlsx input', async () => {
    const json = out('in.json');
    const report = sampleReport();
    report.cells['t3.handledTotal.natural'] = 0;
    writeFileSync(json, JSON.stringify(report));
    expect((await runCli(['build', json, '-o', out('from-json.xlsx')])).code).toBe(0);
    expect(readBack(out('from-json.xlsx')).report.cells).toEqual(report.cells);

    const txt = join(FIXTURES, 'seed-2022', 'report.txt');
    const r = await runCli(['build', txt, '-o', out('from-txt.xlsx')]);
    expect(r.code).toBe(0);
    expect(readBack(out('from-txt.xlsx')).report.cells['t2.normative.inForce']).toBe(report.cells['t2.normative.inForce']);

    expect((await runCli(['build', out('from-json.xlsx'), '-o', out('again.xlsx'), '--agency', '新名称'])).code).toBe(0);
    expect(readBack(out('again.xlsx')).report).toMatchObject({ agency: '新名称', cells: report.cells });
  });

  it('protects with a password when asked', async () => {
    expect((await runCli(['build', '--sample', '-o', out('pw.xlsx'), '--password', 'secret'])).code).toBe(0);
    const wb = parseWorkbookXml(new Uint8Array(readFileSync(out('pw.xlsx'))));
    expect(wb.sheets[0].protection).toMatchObject({ algorithmName: 'SHA-512', spinCount: '100000' });
  });

  it('refuses a year without a national format and a year that contradicts the data', async () => {
    const r = await runCli(['build', '-o', out('x.xlsx'), '--year', '2015']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2015');
    const s = await runCli(['build', '--sample', '-o', out('y.xlsx'), '--year', '2020']);
    expect(s.code).toBe(2);
    expect(existsSync(out('y.xlsx'))).toBe(false);
  });

  it('needs -o', async () => {
    const r = await runCli(['build', '--sample']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });
});

describe('check with .xlsx input', () => {
  it('checks a built workbook and reports a broken file clearly', async () => {
    await runCli(['build', '--sample', '-o', out('c.xlsx')]);
    const r = await runCli(['check', out('c.xlsx'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).outcomes.filter((o: { status: string }) => o.status === 'fail')).toEqual([]);
    writeFileSync(out('broken.xlsx'), 'not a workbook');
    const b = await runCli(['check', out('broken.xlsx')]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('broken.xlsx');
    expect(b.err).toContain('不是 Excel 工作簿');
  });
});
