/** The summary plan (pure): official sheets first, incomplete cells filled, our three lists after. */
import { getFormat, type Report } from '../../src/core';
import { aggregateReports } from '../../src/core/aggregate';
import { batchSheetPlan, incompleteInSheet, unitTable, type BatchSummary } from '../../src/core/batch-plan';
import { sampleReport } from '../../src/core/sample';

function unit(agency: string, edit: (r: Report) => void = () => {}): { unit: string; report: Report } {
  const r = sampleReport();
  r.cells['t3.handledTotal.natural'] = 0;
  r.agency = agency;
  edit(r);
  return { unit: agency, report: r };
}

describe('batchSheetPlan', () => {
  const units = [unit('甲'), unit('乙', (r) => (r.cells['t4.review.upheld'] = null)), unit('丙')];
  const agg = aggregateReports(units);
  const summary: BatchSummary = {
    units: units.map((u) => ({
      unit: u.unit, file: `${u.unit}.json`, status: 'ok', year: 2022, format: '2021', errors: 0, warnings: 0,
      undecided: u.unit === '乙' ? 2 : 0, importIssues: 0, firstFindings: [],
      blankCells: u.unit === '乙' ? ['t4.review.upheld'] : [], blankPlaces: [], verdict: u.unit === '乙' ? 'incomplete' : 'pass',
      aggregated: true, lastYear: null, reason: null,
    })),
    aggregate: agg.report,
    incomplete: agg.incomplete,
    findings: [],
  };
  const plan = batchSheetPlan(summary);

  it('puts the official tables first and the district lists after, without the narrative sheet', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '汇总说明', '各单位情况', '校验结果']);
    expect(plan.definedNames.every((d) => plan.sheets.some((s) => s.name === d.sheet))).toBe(true);
    expect(plan.sheets[0].cells.find((c) => c.role === 'title')!.value).toBe('各单位汇总2022年政府信息公开工作年度报告');
  });

  it('fills exactly the incomplete cells and the totals over them, shows the known sum, and names the blank units', () => {
    expect([...incompleteInSheet(agg.report, agg.incomplete)].sort()).toEqual(['t4.review.total', 't4.review.upheld']);
    for (const sheet of plan.sheets.slice(0, 3))
      for (const cell of sheet.cells.filter((c) => c.cellId)) {
        const orange = sheet.styles[cell.style].fill === 'F8CBAD';
        expect({ id: cell.cellId, orange }).toEqual({ id: cell.cellId, orange: cell.cellId === 't4.review.upheld' || cell.cellId === 't4.review.total' });
        if (orange) expect(cell.validation?.prompt).toMatch(/^不完整：.*乙/);
        if (cell.cellId === 't4.review.upheld') expect(cell.value).toBe(2 * (sampleReport().cells['t4.review.upheld'] as number));
      }
    // A legend under each table that has incomplete cells says what orange means.
    const t4 = plan.sheets.find((s) => s.key === 't4')!;
    expect(t4.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('橙色单元格不完整'))).toBe(true);
    expect(plan.sheets.find((s) => s.key === 't2')!.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('橙色'))).toBe(false);
    const n = getFormat('2021').cells.length;
    expect(Object.keys(agg.report.cells)).toHaveLength(n);
  });

  it('says the incomplete unit is 不完整, lists its blank cell in the form’s words and how it is summed', () => {
    const table = unitTable(summary.units);
    const col = (h: string) => table.headers.indexOf(h);
    const yi = table.rows[1];
    expect(yi[col('结论')]).toBe('不完整');
    expect(yi[col('待补的空白单元格')]).toBe('1 个：表四 行政复议·结果维持');
    expect(yi[col('计入汇总')]).toBe('只计入已填的数（1 个空白单元格缺数）');
    expect(table.rows[0][col('结论')]).toBe('通过');
    expect(table.rows[0][col('计入汇总')]).toBe('是');
  });

  it('prints its lists across the page with the header row on every page', () => {
    for (const name of ['汇总说明', '各单位情况', '校验结果']) {
      const sheet = plan.sheets.find((s) => s.name === name)!;
      expect(sheet.print).toMatchObject({ fitToWidth: 1, fitToHeight: 0, titleRows: { first: 1, last: 1 } });
      expect(sheet.styles.cellText.wrap).toBe(true);
    }
  });

  it('lists every unit with its columns, as the CSV does', () => {
    const sheet = plan.sheets.find((s) => s.name === '各单位情况')!;
    const table = unitTable(summary.units);
    for (const [col, header] of table.headers.entries()) expect(sheet.cells.find((c) => c.row === 1 && c.col === col)!.value).toBe(header);
    expect(sheet.cells.filter((c) => c.col === 0 && c.row >= 2).map((c) => c.value)).toEqual(['甲', '乙', '丙']);
    expect(sheet.protect).toBe(false);
  });
});
