/**
 * The stored-totals policy (src/core/sheetplan/stored-totals.ts): what a report takes for each
 * total cell from what the sheet stores, and the issues it raises; and the .xlsx reader using it
 * on formulas with cached values (as LibreOffice and Excel save them).
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { check, compileSheetPlan, describeIssues, getFormat, sampleReport, sheetTotals, type Report } from '../../src/core';
import { cellAddresses, storedTotals, type StoredTotal } from '../../src/core/sheetplan';
import { readXlsx, writeXlsx } from '../../src/xlsx';
import { parseSheet } from '../../src/xlsx/read';
import { arbConsistentReport } from '../support/reports';

const inputsOf = (report: Report) => {
  const f = getFormat(report.format);
  return Object.fromEntries(Object.entries(report.cells).filter(([id]) => f.cellById.get(id)?.role === 'input'));
};

const zeros = () => inputsOf(sampleReport());
const only = (id: string, cell: StoredTotal) => new Map([[id, cell]]);

describe('storedTotals', () => {
  it.each(['2021', '2019'] as const)('takes formulas without a cached value as the sheet would compute them (sheetTotals), format %s', (formatId) => {
    fc.assert(
      fc.property(arbConsistentReport(formatId), fc.integer({ min: 0, max: 200 }), (report, blanked) => {
        const inputs = inputsOf(report);
        const ids = Object.keys(inputs);
        inputs[ids[blanked % ids.length]] = null; // a blank part makes its totals unknown
        const formulas = new Map(getFormat(formatId).cells.filter((c) => c.role === 'total').map((c) => [c.id, { formula: true, value: null }]));
        const result = storedTotals(formatId, inputs, formulas);
        expect(result.totals).toEqual(sheetTotals(formatId, inputs));
        expect(storedTotals(formatId, inputs, new Map()).totals).toEqual(result.totals);
        expect(result.issues).toEqual([]);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('takes what a formula shows when its parts are known, and unknown when one is blank', () => {
    const shown = { formula: true, value: 7 };
    expect(storedTotals('2021', zeros(), only('t3.received.total', shown)).totals['t3.received.total']).toBe(7);
    const withBlank = { ...zeros(), 't3.received.business': null };
    expect(storedTotals('2021', withBlank, only('t3.received.total', shown)).totals['t3.received.total']).toBeNull();
  });

  it('keeps a number typed over a formula and says so: error when it differs from the parts, warning when equal or unknown', () => {
    const typed = (value: number, inputs = zeros()) => storedTotals('2021', inputs, only('t3.received.total', { formula: false, value }));
    const differs = typed(12);
    expect(differs.totals['t3.received.total']).toBe(12);
    expect(differs.issues).toEqual([{ code: 'TOTAL-OVERWRITTEN', cells: ['t3.received.total'], severity: 'error', expected: 0, found: 12 }]);
    expect(typed(0).issues).toMatchObject([{ code: 'TOTAL-OVERWRITTEN', severity: 'warning', expected: 0, found: 0 }]);
    expect(typed(3, { ...zeros(), 't3.received.natural': null }).issues).toMatchObject([{ code: 'TOTAL-OVERWRITTEN', severity: 'warning', expected: null, found: 3 }]);
  });

  it('makes a deleted total unknown and reports it with the sum of its parts', () => {
    const inputs = { ...zeros(), 't4.review.upheld': 2 };
    const result = storedTotals('2021', inputs, only('t4.review.total', { formula: false, value: null }));
    expect(result.totals['t4.review.total']).toBeNull();
    expect(result.issues).toEqual([{ code: 'TOTAL-FORMULA-DELETED', cells: ['t4.review.total'], severity: 'error', expected: 2 }]);
  });

  it('reads text in a total as text in any cell: a plain number is used, anything else kept as raw and unknown', () => {
    const typedText = (text: string) => storedTotals('2021', zeros(), only('t3.received.total', { formula: false, value: text }));
    const number = typedText(' 0 ');
    expect(number.totals['t3.received.total']).toBe(0);
    expect(number.raw).toEqual({ 't3.received.total': ' 0 ' });
    expect(number.issues).toMatchObject([{ code: 'TOTAL-OVERWRITTEN', severity: 'warning', text: ' 0 ', found: 0 }]);
    const words = typedText('12件');
    expect(words.totals['t3.received.total']).toBeNull();
    expect(words.issues).toMatchObject([{ code: 'TOTAL-OVERWRITTEN', severity: 'error', text: '12件', found: null }]);
    const errorShown = storedTotals('2021', zeros(), only('t3.received.total', { formula: true, value: '#REF!' }));
    expect(errorShown.totals['t3.received.total']).toBeNull();
    expect(errorShown.issues).toMatchObject([{ code: 'TEXT-IN-NUMBER', severity: 'error', text: '#REF!' }]);
  });

  it('sums a total over totals from their stored values, as the sheet does', () => {
    const result = storedTotals('2021', zeros(), only('t3.handledTotal.natural', { formula: false, value: 3 }));
    expect(result.totals['t3.handledTotal.natural']).toBe(3);
    expect(result.totals['t3.handledTotal.total']).toBe(3);
  });

  it('words its issues in Chinese, naming the cell as the form does and what to do', () => {
    const issues = [
      ...storedTotals('2021', zeros(), only('t3.received.total', { formula: false, value: 12 })).issues,
      ...storedTotals('2021', zeros(), only('t3.received.total', { formula: false, value: 0 })).issues,
      ...storedTotals('2021', zeros(), only('t3.received.total', { formula: false, value: '12件' })).issues,
      ...storedTotals('2021', zeros(), only('t3.received.total', { formula: false, value: null })).issues,
    ];
    const [differs, equal, text, deleted] = describeIssues('2021', issues).map((i) => i.message);
    const place = '表三 一、本年新收政府信息公开申请数量·总计';
    expect(differs).toBe(`${place}：总计已被改写为固定数值 12，不再随各项自动求和；各项之和为 0，与总计不一致。请恢复该单元格的求和公式，或用本工具重新生成表格（已填写的各项数据会保留）`);
    expect(equal).toContain('目前与各项之和 0 相等，但各项改动后总计不会随之更新');
    expect(text).toContain(`${place}：总计已被改写为文字「12件」，不是数字，未读取`);
    expect(deleted).toContain(`${place}：总计的求和公式已被删除，单元格为空白，按“未知”处理（各项之和为 0）`);
    for (const m of [differs, equal, text, deleted]) expect(m).not.toMatch(/[A-Za-z]{2,}|undefined|NaN/);
  });
});

describe('the .xlsx reader and stored totals', () => {
  it('records formula presence and cached value alike, fast and scanned', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1"><v>5</v></c></row></sheetData></worksheet>';
    for (const fast of [true, false]) {
      const s = parseSheet(xml, 'S', [], { cells: 0 }, { fast });
      expect(s.readBy).toBe(fast ? 'fast' : 'scanner');
      expect([...s.formulas].length).toBe(2);
      expect([...s.cells.values()]).toEqual([2, 5]);
    }
  });

  /** The sample exported, with one total cell's XML replaced. */
  function withTotalCell(cellId: string, inner: (address: string, style: string) => string): Uint8Array {
    const report = sampleReport();
    const plan = compileSheetPlan(report.format, { report });
    const at = cellAddresses(plan).get(cellId)!;
    const part = `xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === at.sheet) + 1}.xml`;
    const files = unzipSync(writeXlsx(plan)) as Record<string, Uint8Array>;
    const xml = strFromU8(files[part]);
    const m = new RegExp(`<c r="${at.address}"( s="\\d+")><f>[^<]*</f>(?:<v>[^<]*</v>)?</c>`).exec(xml)!;
    files[part] = strToU8(xml.replace(m[0], inner(at.address, m[1])));
    return zipSync(files as Zippable);
  }

  it('takes the cached value a changed formula shows, and the rules compare it with the parts', () => {
    // A formula someone changed (not the one we wrote): its cached value is what the host showed.
    const bytes = withTotalCell('t3.received.total', (a, s) => `<c r="${a}"${s}><f>SUM(D6:H6)+7</f><v>7</v></c>`);
    const { report, issues } = readXlsx(bytes);
    expect(report.cells['t3.received.total']).toBe(7);
    expect(issues).toEqual([]);
    const rowSum = check(report).outcomes.find((o) => o.rule === 'T3-ROW-SUM' && o.cells[0] === 't3.received.total')!;
    expect(rowSum).toMatchObject({ status: 'fail', found: 7, expected: 0 });
  });

  it('takes our own formula as it computes from the parts, not a stale cached value (every host recalculates on load)', () => {
    const bytes = withTotalCell('t3.received.total', (a, s) => `<c r="${a}"${s}><f>SUM(D6:I6)</f><v>7</v></c>`);
    const { report, issues } = readXlsx(bytes);
    expect(report.cells['t3.received.total']).toBe(0);
    expect(issues).toEqual([]);
    // Spaces, `$` and case do not make a formula a different one.
    const spaced = withTotalCell('t3.received.total', (a, s) => `<c r="${a}"${s}><f>sum( $D$6:$I$6 )</f><v>7</v></c>`);
    expect(readXlsx(spaced).report.cells['t3.received.total']).toBe(0);
  });

  it('reports a formula showing an error, keeping its text', () => {
    const bytes = withTotalCell('t4.review.total', (a, s) => `<c r="${a}"${s} t="e"><f>SUM(#REF!)</f><v>#REF!</v></c>`);
    const { report, issues } = readXlsx(bytes);
    expect(report.cells['t4.review.total']).toBeNull();
    expect(report.raw).toEqual({ 't4.review.total': '#REF!' });
    expect(issues).toMatchObject([{ code: 'TEXT-IN-NUMBER', cells: ['t4.review.total'], severity: 'error' }]);
  });
});
