/**
 * The 「文字说明」 sheet carries the summary written from the tables under 二、三、四 (decided in
 * the sheet plan, so `build`, the page's export and Excel's 生成表格 all write it), as text,
 * from the figures the sheets show; what the person wrote in 一、五、六 is kept as written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankReport, compileSheetPlan, getFormat, sampleReport, type Report, type SheetSpec } from '../../src/core';
import { paragraphText, writeSummary } from '../../src/core/narrative';
import { tableSummary } from '../../src/core/sheetplan/compile';
import { readGrids, readXlsx, writeXlsx } from '../../src/xlsx';
import { runCli } from '../support/cli';

const narrativeSheet = (plan: { sheets: SheetSpec[] }) => plan.sheets.find((s) => s.key === 'narrative')!;
/** The sheet's cells top to bottom as [role, value]. */
const rows = (sheet: SheetSpec) => [...sheet.cells].sort((a, b) => a.row - b.row).map((c) => [c.role, String(c.value ?? '')] as const);

function expectedSummary(report: Report) {
  const of = (key: string) => writeSummary(report).find((s) => s.key === key)!.paragraphs.map(paragraphText);
  return { t2: of('active'), t3: of('requests'), t4: of('review') };
}

function inputsOnly(report: Report): Report {
  const inputs = new Set(getFormat(report.format).cells.filter((c) => c.role === 'input').map((c) => c.id));
  return { ...report, cells: Object.fromEntries(Object.entries(report.cells).filter(([id]) => inputs.has(id))) };
}

describe('the summary in the 文字说明 sheet', () => {
  test('sections 二、三、四 hold the summary as text, before the pointer to their sheet', () => {
    const report = sampleReport();
    report.cells['t3.received.natural'] = 7; // a figure the sentences then name
    report.cells['t3.received.total'] = null; // the sheets compute it
    const summary = expectedSummary({ ...report, cells: { ...report.cells, 't3.received.total': 7 } });
    expect(summary.t3.join('')).toContain('7');
    const texts = rows(narrativeSheet(compileSheetPlan('2021', { report })));
    const after = (heading: string) => texts.slice(texts.findIndex(([, v]) => v === heading) + 1);
    const under = (heading: string, n: number) => after(heading).slice(0, n);
    expect(under('二、主动公开政府信息情况', summary.t2.length + 1)).toEqual([...summary.t2.map((p) => ['text', p]), ['note', '（数据见工作表「表二 主动公开」）']]);
    expect(under('三、收到和处理政府信息公开申请情况', summary.t3.length + 1)).toEqual([...summary.t3.map((p) => ['text', p]), ['note', '（数据见工作表「表三 依申请公开」）']]);
    expect(under('四、政府信息公开行政复议、行政诉讼情况', summary.t4.length + 1)).toEqual([...summary.t4.map((p) => ['text', p]), ['note', '（数据见工作表「表四 复议诉讼」）']]);
    // Written as values: no cell of the sheet is a formula.
    expect(narrativeSheet(compileSheetPlan('2021', { report })).cells.some((c) => c.formula)).toBe(false);
  });

  test('the summary comes from the figures the sheets show: the same from the inputs alone as from the full report', () => {
    const report = sampleReport();
    report.cells['t3.received.natural'] = 3;
    report.cells['t3.received.total'] = 3;
    expect(tableSummary(inputsOnly(report))).toEqual(tableSummary(report));
    expect(tableSummary(report).t3?.join('')).toContain('3');
  });

  test('what the person wrote in 一、五、六 is kept as written, formula-like text included', () => {
    const report: Report = { ...sampleReport(), text: { overview: '=1+1 本年度我镇……', problems: '问题一\n问题二', other: '无' } };
    const sheet = narrativeSheet(compileSheetPlan('2021', { report }));
    const values = sheet.cells.filter((c) => c.role === 'text').map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['=1+1 本年度我镇……', '问题一', '问题二', '无']));
    const back = readXlsx(writeXlsx(compileSheetPlan('2021', { report }))).report;
    expect(back.text).toEqual(report.text);
  });

  test('a report with nothing filled in gets no summary, only the pointers', () => {
    const report = blankReport('2021', 2025, null);
    expect(tableSummary(report)).toEqual({});
    const texts = rows(narrativeSheet(compileSheetPlan('2021', { report })));
    const i = texts.findIndex(([, v]) => v === '二、主动公开政府信息情况');
    expect(texts[i + 1]).toEqual(['note', '（数据见工作表「表二 主动公开」）']);
  });

  test('`build --sample` writes the summary into the workbook', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-summary-')), 'sample.xlsx');
    const r = await runCli(['build', '--sample', '-o', out]);
    expect(r.code).toBe(0);
    const grid = readGrids(new Uint8Array(readFileSync(out))).find((g) => g.name === '文字说明')!.grid;
    const cells = grid.flat().filter((v): v is string => typeof v === 'string');
    for (const p of Object.values(expectedSummary(sampleReport())).flat()) expect(cells).toContain(p);
  });
});
