/**
 * The exported workbook's 「校验结果」 sheet and the print settings of lists: failing rows first,
 * then undecided, then passing; each row labelled with its own result and named in the form's
 * words; written to .xlsx with fit-to-width and the header row repeated on every printed page.
 */
import { strFromU8, unzipSync } from 'fflate';
import { check, compileSheetPlan, getFormat, sampleReport, zhCN } from '../../src/core';
import { blankCellsText, groupBlankCells, placesText } from '../../src/core/blank-cells';
import { unitVerdict } from '../../src/core/batch-plan';
import { checkSheet, withCheckSheet, CHECK_SHEET_NAME } from '../../src/app/export-plan';
import { writeXlsx } from '../../src/xlsx';
import { queueFormats } from '../../src/office/draw-plan';
import type { XlWorksheet } from '../../src/office/excel-api';

function brokenSample() {
  const r = sampleReport();
  r.cells['t3.received.natural'] = 5; // T3-BALANCE and T3-ROW-SUM fail (errors)
  r.cells['t2.normative.inForce'] = 0; // T2-INFORCE may fail (a warning)
  r.cells['t4.review.upheld'] = null; // undecided
  return r;
}

const at = new Date(2026, 10, 29, 13, 5, 9);

describe('校验结果 sheet', () => {
  const result = check(brokenSample());
  const sheet = checkSheet(result, at);
  const header = sheet.cells.filter((c) => c.row === 3).sort((a, b) => a.col - b.col).map((c) => c.value);
  const col = (h: string) => header.indexOf(h);
  const rows = new Map<number, (string | number | null | undefined)[]>();
  for (const c of sheet.cells.filter((x) => x.row > 3)) {
    const row = rows.get(c.row) ?? [];
    row[c.col] = c.value;
    rows.set(c.row, row);
  }
  const body = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);

  it('lists errors, then warnings, then undecided, then passing rows, each with its own result', () => {
    const results = body.map((r) => r[col('结果')]);
    const order = ['错误', '提醒', '无法判断', '通过'];
    const ranks = results.map((w) => order.indexOf(w as string));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(results.filter((w) => w === '错误').length).toBe(result.outcomes.filter((o) => o.status === 'fail' && o.severity === 'error').length);
    expect(results.filter((w) => w === '通过').length).toBe(result.outcomes.filter((o) => o.status === 'pass').length);
    expect(results.filter((w) => w === '无法判断').length).toBe(result.outcomes.filter((o) => o.status === 'undecided').length);
  });

  it('never labels a passing row 错误, and styles each result by itself', () => {
    for (const c of sheet.cells.filter((x) => x.row > 3 && x.col === col('结果'))) {
      const style = { 错误: 'fail', 提醒: 'warn', 无法判断: 'undecided', 通过: 'pass' }[c.value as string];
      expect(c.style).toBe(style);
    }
  });

  it('names cells in the form’s words, never by internal ids', () => {
    for (const r of body) expect(String(r[col('单元格')] ?? '')).not.toMatch(/t[234]\.[a-zA-Z]/);
    expect(body.some((r) => String(r[col('单元格')]).includes('表四 行政复议·结果维持'))).toBe(true);
    expect(body[0][col('说明')]).toMatch(/^表三/);
    expect(body[0][col('规则')]).toBe(zhCN.RULE_NAMES[body[0][col('规则编号')] as keyof typeof zhCN.RULE_NAMES]);
  });

  it('prints on A4 across with wrapped text and the header row on every page', () => {
    expect(sheet.print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 3, last: 3 } });
    expect(sheet.styles.text.wrap).toBe(true);
    expect(sheet.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThan(170);
  });

  it('is written with fitToPage, fitToWidth and the print titles in the schema’s order', () => {
    const plan = withCheckSheet(compileSheetPlan('2021', { report: sampleReport() }), result, at);
    const files = unzipSync(writeXlsx(plan, { salt: new Uint8Array(16), spinCount: 1 }));
    const workbook = strFromU8(files['xl/workbook.xml']);
    const index = plan.sheets.findIndex((s) => s.name === CHECK_SHEET_NAME);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${CHECK_SHEET_NAME}'!$4:$4</definedName>`);
    // Only sheets that ask for print titles get one.
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    const xml = strFromU8(files[`xl/worksheets/sheet${index + 1}.xml`]);
    const order = ['<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', '<dimension', '<sheetViews', '<cols>', '<sheetData>', '<mergeCells', '<printOptions', '<pageMargins', '<pageSetup'];
    const positions = order.map((tag) => xml.indexOf(tag));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });
});

describe('blank cells in the form’s words', () => {
  it('groups by row, abbreviates many columns and many rows', () => {
    const ids = [
      't3.received.natural', 't3.received.business', 't3.received.research', 't3.received.publicWelfare', 't3.received.legalService',
      't4.review.upheld', 't2.fee.amount', 't3.granted.natural', 't3.carriedOver.natural', 'lastYear:t3.carriedForward.natural',
    ];
    expect(groupBlankCells('2021', ids).map((g) => g.ids.length)).toEqual([5, 1, 1, 1, 1, 1]);
    expect(blankCellsText('2021', ids.slice(0, 6))).toBe('表三 一、本年新收政府信息公开申请数量·自然人、商业企业、科研机构等 5 列；表四 行政复议·结果维持');
    const many = blankCellsText('2021', ids, 3);
    expect(many).toMatch(/；表二 行政事业性收费·本年收费金额（单位：万元）……（共 6 行、10 个单元格）$/);
    expect(blankCellsText('2021', ['lastYear:t3.carriedForward.natural'])).toBe('上年报告 表三 四、结转下年度继续办理·自然人');
  });

  it('names a finding’s cells in full when few, else the first two and how many', () => {
    expect(placesText('2021', ['t4.review.total', 't4.review.upheld'])).toBe('表四 行政复议·总计、表四 行政复议·结果维持');
    const column = getFormat('2021').cells.filter((c) => c.table === 't3' && c.column === 'natural').map((c) => c.id);
    expect(placesText('2021', column)).toBe(`表三 一、本年新收政府信息公开申请数量·自然人、表三 二、上年结转政府信息公开申请数量·自然人等 ${column.length} 个单元格`);
  });
});

describe('a unit’s verdict', () => {
  it('is 不完整 whenever rules are undecided and nothing fails as an error — never a pass', () => {
    const v = (errors: number, warnings: number, undecided: number) => unitVerdict({ status: 'ok', errors, warnings, undecided });
    expect(v(0, 0, 0)).toBe('pass');
    expect(v(0, 2, 0)).toBe('warnings');
    expect(v(0, 0, 3)).toBe('incomplete');
    expect(v(0, 2, 3)).toBe('incomplete');
    expect(v(1, 0, 3)).toBe('errors');
    expect(unitVerdict({ status: 'broken', errors: 0, warnings: 0, undecided: 0 })).toBe('unreadable');
  });
});

describe('print titles in the Office.js writer', () => {
  /** Accepts any range command: only the page layout is looked at here. */
  const anything = (): unknown =>
    new Proxy(() => undefined, { get: (_t, p) => (p === 'then' ? undefined : anything()), set: () => true, apply: () => anything() });
  const worksheet = (pageLayout: Record<string, unknown>) =>
    ({ getRange: () => anything(), freezePanes: { freezeRows: () => undefined }, pageLayout }) as unknown as XlWorksheet;

  it('repeats the header row through pageLayout.setPrintTitleRows (ExcelApi 1.9)', () => {
    const setPrintTitleRows = jest.fn();
    const layout = { orientation: '', paperSize: '', zoom: {}, setPrintTitleRows };
    queueFormats(worksheet(layout), checkSheet(check(sampleReport()), at));
    expect(setPrintTitleRows).toHaveBeenCalledWith('$4:$4');
    expect(layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
  });

  it('leaves it out on a host model without the call, and for sheets without title rows', () => {
    const layout = { orientation: '', paperSize: '', zoom: {} };
    expect(() => queueFormats(worksheet(layout), checkSheet(check(sampleReport()), at))).not.toThrow();
    const setPrintTitleRows = jest.fn();
    queueFormats(worksheet({ ...layout, setPrintTitleRows }), compileSheetPlan('2021').sheets[1]);
    expect(setPrintTitleRows).not.toHaveBeenCalled();
  });
});
