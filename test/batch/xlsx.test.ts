/**
 * The summary workbook (-o summary.xlsx): the aggregate in the official layout, recalculated
 * by LibreOffice — every input is the core's aggregate (the known units' sum where some left it
 * blank), every total equals the core's sum of the units (or, where a part is incomplete, is
 * marked and explained) — plus the three lists, which print with their header row on every page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { getFormat, type Report } from '../../src/core';
import { batchSheetPlan, BATCH_SHEET_NAMES, incompleteInSheet } from '../../src/core/batch-plan';
import { cellAddresses } from '../../src/core/sheetplan';
import { readXlsx } from '../../src/xlsx';
import { runBatch } from '../../src/node/batch';
import { runCli } from '../support/cli';
import { arbConsistentReport } from '../support/reports';
import { recalculate, resave } from './libreoffice';
import { unzipSync, strFromU8 } from 'fflate';

const folder = mkdtempSync(join(tmpdir(), 'xxgk-batch-xlsx-'));
// Consistent reports (every sum rule holds), so each total of the aggregate is both the sum of
// the units' totals and the sum of its aggregated parts.
const reports: Report[] = fc
  .sample(arbConsistentReport('2021', { max: 40 }), { numRuns: 6, seed: 20231 })
  .map((r, i) => ({ ...r, year: 2023, agency: `单位${i + 1}` }));
reports[2].cells['t3.denied.thirdParty.business'] = null; // blank input: its column total and row total become partial
reports[4].cells['t4.review.total'] = null; // a blank total whose parts are all there
reports.forEach((r, i) => writeFileSync(join(folder, `u${i + 1}.json`), JSON.stringify(r)));
writeFileSync(join(folder, 'broken.json'), '{');

describe('summary workbook', () => {
  it('recalculates in LibreOffice to the core’s sums; incomplete cells show the known sum, marked and explained', async () => {
    const result = await runBatch(folder, { jobs: 0 });
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-batch-xlsx-out-')), 'summary.xlsx');
    const r = await runCli(['batch', folder, '-o', out, '--quiet', '--jobs', '0']);
    expect(r.code).toBe(1); // the broken file
    const plan = batchSheetPlan(result);
    expect(plan.sheets.map((s) => s.name)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '汇总说明', '各单位情况', '校验结果']);

    const sheets = recalculate(out);
    const agg = result.aggregate!;
    const marked = incompleteInSheet(agg, result.incomplete);
    expect([...marked].sort()).toEqual(['t3.denied.thirdParty.business', 't3.denied.thirdParty.total', 't3.handledTotal.business', 't3.handledTotal.total'].sort());
    const at = cellAddresses(plan);
    let totals = 0;
    for (const cell of getFormat('2021').cells) {
      const addr = at.get(cell.id)!;
      const shown = sheets.get(addr.sheet)![addr.row]?.[addr.col] ?? '';
      const knownSum = reports.reduce((s, u) => s + (typeof u.cells[cell.id] === 'number' ? (u.cells[cell.id] as number) : 0), 0);
      const value = agg.cells[cell.id];
      expect(value).toBeCloseTo(knownSum, 9);
      if (cell.role === 'input') expect(Number(shown)).toBeCloseTo(value!, 9);
      else if (!marked.has(cell.id)) {
        totals++;
        if (!result.incomplete[cell.id]) expect(Number(shown)).toBe(value);
        else {
          // A unit left this total blank (its parts are there): the sheet sums the parts in full.
          expect(result.incomplete[cell.id]).toEqual(['单位5']);
          expect(cell.id).toBe('t4.review.total');
          const parts = ['upheld', 'corrected', 'other', 'pending'].map((c) => agg.cells[`t4.review.${c}`] as number);
          expect(Number(shown)).toBe(parts.reduce((a, b) => a + b, 0));
        }
      }
    }
    expect(totals).toBeGreaterThan(30);

    // The self-check row under 表三 (一+二−（七）−四): zero in every column whose sums are complete;
    // 「不完整」 in the columns with a partial sum (never a 0 or a difference that means nothing).
    const t3 = plan.sheets.find((s) => s.key === 't3')!;
    const checkRow = t3.cells.filter((c) => c.role === 'check' && c.row === t3.cells.find((x) => x.role === 'check')!.row && c.col >= 3);
    const columns = getFormat('2021').t3.columns.map((c) => c.id);
    expect(checkRow).toHaveLength(columns.length);
    columns.forEach((col, i) => {
      const shown = sheets.get(t3.name)![checkRow[i].row][checkRow[i].col];
      expect({ col, shown }).toEqual({ col, shown: col === 'business' || col === 'total' ? '不完整' : '0' });
    });

    const notes = sheets.get(BATCH_SHEET_NAMES.notes)!.map((row) => row.join('|')).join('\n');
    expect(notes).toContain('t3.denied.thirdParty.business|不完整：有单位未填报，表中只合计了已填报单位的数值|单位3');
    expect(notes).toContain('t3.handledTotal.business|不完整：所含单元格有单位未填报');
    expect(notes).toContain('t4.review.total|有单位未填此合计；表中按各项的汇总值计算|单位5');
    expect(notes).toContain('broken.json|无法读取，未计入汇总');

    const units = sheets.get(BATCH_SHEET_NAMES.units)!;
    expect(units[1].slice(0, 3)).toEqual(['单位', '文件', '结论']);
    expect(units.slice(2).map((row) => `${row[0]}:${row[2]}`)).toEqual([
      'broken:无法读取', ...reports.map((u, i) => `${u.agency}:${i === 2 || i === 4 ? '不完整' : '通过'}`),
    ]);
    const unit3 = units.find((row) => row[0] === '单位3')!;
    expect(unit3[units[1].indexOf('待补的空白单元格')]).toBe('1 个：表三（三）不予公开 4.保护第三方合法权益·商业企业');
    expect(unit3[units[1].indexOf('计入汇总')]).toBe('只计入已填的数（1 个空白单元格缺数）');
    const findings = sheets.get(BATCH_SHEET_NAMES.findings)!;
    expect(findings[1][0]).toBe('结果');
    // Undecided after failing (none fail here), every row labelled with its own result, places in the form's words.
    expect(new Set(findings.slice(2).map((row) => row[0]))).toEqual(new Set(['无法判断']));
    expect(findings.slice(2).some((row) => row[3].includes('表三（三）不予公开 4.保护第三方合法权益·商业企业'))).toBe(true);
    expect(findings.slice(2).filter((row) => /t[234]\.[a-z]/.test(row[3]))).toEqual([]);

    // Print settings: the lists fit the page's width, their header row repeats on every page —
    // written as Excel writes them, and kept by LibreOffice when it saves the workbook again.
    const printed = (bytes: Uint8Array) => {
      const files = unzipSync(bytes);
      return { workbook: strFromU8(files['xl/workbook.xml']), sheets: Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => strFromU8(files[f])) };
    };
    const ours = printed(new Uint8Array(readFileSync(out)));
    expect(ours.workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="4">'各单位情况'!$2:$2</definedName>`);
    const unitsXml = ours.sheets.find((x) => x.includes('<pageSetup') && x.includes('fitToHeight="0"'))!;
    expect(unitsXml).toMatch(/^<\?xml[^>]*>\s*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension/);
    const lo = printed(resave(out));
    for (const name of ['汇总说明', '各单位情况', '校验结果'])
      expect(lo.workbook).toMatch(new RegExp(`<definedName[^>]*name="_xlnm\\.Print_Titles"[^>]*>'?${name}'?!\\$2:\\$2</definedName>`));
    expect(lo.sheets.filter((x) => /fitToPage="(1|true)"/.test(x)).length).toBeGreaterThanOrEqual(6);

    // The workbook reads back as the district's report: its inputs are the aggregate's.
    const back = readXlsx(new Uint8Array(readFileSync(out)));
    for (const cell of getFormat('2021').cells.filter((c) => c.role === 'input'))
      expect(back.report.cells[cell.id] ?? null).toBe(agg.cells[cell.id]);
  });
});

describe('batch over units’ workbooks', () => {
  it('reads .xlsx reports on worker threads, lists broken workbooks, and sums the readable ones', async () => {
    const { compileSheetPlan } = await import('../../src/core/sheetplan');
    const { writeXlsx } = await import('../../src/xlsx');
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-units-xlsx-'));
    const units = fc
      .sample(arbConsistentReport('2021', { max: 25 }), { numRuns: 4, seed: 7 })
      .map((r, i) => ({ ...r, year: 2022, agency: `工作簿单位${i + 1}` }));
    units.forEach((r, i) => writeFileSync(join(dir, `w${i + 1}.xlsx`), writeXlsx(compileSheetPlan('2021', { report: r }))));
    const good = readFileSync(join(dir, 'w1.xlsx'));
    writeFileSync(join(dir, 'garbage.xlsx'), 'this is not a zip file');
    writeFileSync(join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));

    const result = await runBatch(dir, { jobs: 2, thisThread: false });
    expect(result.units.filter((u) => u.status === 'ok').map((u) => u.unit)).toEqual(units.map((u) => u.agency));
    expect(result.broken.map((b) => b.file)).toEqual(['garbage.xlsx', 'truncated.xlsx']);
    for (const b of result.broken) {
      expect(b.reason).toContain(b.file);
      expect(b.reason).not.toMatch(/undefined|\[object/);
    }
    for (const cell of getFormat('2021').cells.filter((c) => c.role === 'input'))
      expect(result.aggregate!.cells[cell.id]).toBeCloseTo(units.reduce((s, u) => s + (u.cells[cell.id] as number), 0), 9);
    expect(result.incomplete).toEqual({});
  });
});
