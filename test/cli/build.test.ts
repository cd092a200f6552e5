/**
 * `build` and `import` never guess a year, and `build` says when the import reported errors:
 * the workbook is still written (nothing pasted is lost) and the exit status is 1.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { FIXTURES } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-build-'));
/** A published table without agency or year, with one row short of a cell (an import error). */
const PASTE = join(FIXTURES, 'published', '001.txt');
const readBack = (p: string) => readXlsx(new Uint8Array(readFileSync(p))).report;

describe('xxgk-nianbao build from a paste', () => {
  it('writes the workbook, says the import found errors, and exits 1; the missing year is asked for, not invented', async () => {
    const out = join(dir, 'paste.xlsx');
    const r = await runCli(['build', PASTE, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain('导入时发现 1 个问题，其中错误 1 个：表格已生成，但这些单元格未能读取');
    expect(r.err).toContain('未找到年度，请用 --year 指定');
    expect(r.out).toContain('未注明年度');
    expect(readBack(out).year).toBeNull();
  });

  it('takes the year from --year, and still exits 1 for the import error', async () => {
    const out = join(dir, 'paste-2022.xlsx');
    const r = await runCli(['build', PASTE, '-o', out, '--year', '2022']);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('未找到年度');
    expect(readBack(out).year).toBe(2022);
  });

  it('exits 0 for a clean input', async () => {
    const r = await runCli(['build', '--sample', '-o', join(dir, 'sample.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('导入时发现');
  });
});

describe('xxgk-nianbao import', () => {
  it('leaves the year empty when the paste has none, and says how to give it', async () => {
    const text = await runCli(['import', PASTE]);
    expect(text.out).toContain('（未注明年度）');
    expect(text.out).toContain('未找到年度，请用 --year 指定');
    const json = await runCli(['import', PASTE, '--json']);
    expect(JSON.parse(json.out).year).toBeNull();
    const given = await runCli(['import', PASTE, '--json', '--year', '2023']);
    expect(JSON.parse(given.out).year).toBe(2023);
  });
});
