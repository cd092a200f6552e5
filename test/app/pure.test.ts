import { compileSheetPlan, sheetTotals, XxgkError } from '../../src/core';
import { readCellText, cellText } from '../../src/app/cell-text';
import { htmlToText } from '../../src/app/html-text';
import { evaluateFormula } from '../../src/app/formula';
import { describeError } from '../../src/app/errors';
import { OfficeHostError, toChineseError } from '../../src/office/errors';
import { ERROR_TEXT } from '../../src/taskpane/strings.zh-CN';
import { exportFileName, formatCheckTime } from '../../src/app/export-plan';

describe('readCellText', () => {
  test.each([
    ['12', 12],
    [' 7 ', 7],
    ['190.457379', 190.457379],
    ['-4', -4],
    ['0', 0],
  ])('%j is the number %d', (text, value) => expect(readCellText(text)).toEqual({ value }));

  test('empty text is blank, not 0', () => expect(readCellText('  ')).toEqual({ value: null }));

  test.each(['十二', '减4', '=1+1', '5件'])('%j is kept as typed with a blank value', (text) =>
    expect(readCellText(text)).toEqual({ value: null, raw: text }));

  test.each([['1,200', 1200], ['１２', 12]])('%j is read as the importer reads it, flagged as normalised', (text, value) =>
    expect(readCellText(text)).toEqual({ value, normalized: true }));

  test('cellText shows blanks as empty and numbers in full', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(190.457379)).toBe('190.457379');
  });
});

describe('htmlToText', () => {
  test('table rows become lines and cells tab-separated, keeping empty cells', () => {
    const html =
      '<html><head><style>td{}</style></head><body><p>表三</p><table><tr><td>一、本年新收</td> <td>1</td><td></td><td>&nbsp;3 </td></tr>\n<tr><td></td><td>2&amp;</td></tr></table></body></html>';
    expect(htmlToText(html)).toBe('表三\n一、本年新收\t1\t\t3\n\t2&');
  });
  test('markup never survives as text', () => {
    expect(htmlToText('<b>规章</b><br><span>=SUM(A1)</span>')).toBe('规章 =SUM(A1)');
  });
});

describe('evaluateFormula', () => {
  const grid: Record<string, number | null> = { '0:0': 1, '0:1': 2, '1:0': 4, '1:1': null };
  const lookup = (r: number, c: number) => grid[`${r}:${c}`] ?? null;
  test('SUM of a range and signed references', () => {
    expect(evaluateFormula('SUM(A1:B1)', lookup)).toBe(3);
    expect(evaluateFormula('A1+B1-A2', lookup)).toBe(-1);
  });
  test('a blank reference makes the result blank', () => {
    expect(evaluateFormula('SUM(A1:B2)', lookup)).toBeNull();
    expect(evaluateFormula('A1-B2', lookup)).toBeNull();
  });
  test('what it does not understand is blank, not a guess', () => {
    expect(evaluateFormula('IF(A1>0,1,0)', lookup)).toBeNull();
  });
  test('agrees with sheetTotals on the plan of table 三', () => {
    const plan = compileSheetPlan('2021', { year: 2022 });
    const t3 = plan.sheets.find((s) => s.key === 't3')!;
    const inputs: Record<string, number | null> = {};
    let i = 0;
    for (const c of t3.cells) if (c.role === 'input' && c.cellId) inputs[c.cellId] = i++ % 5;
    const totals = sheetTotals('2021', inputs);
    const all = { ...inputs, ...totals };
    const byPos = new Map(t3.cells.map((c) => [`${c.row}:${c.col}`, c]));
    const look = (r: number, c: number) => {
      const cell = byPos.get(`${r}:${c}`);
      return cell?.cellId ? (all[cell.cellId] ?? null) : null;
    };
    for (const c of t3.cells.filter((x) => x.role === 'total')) expect(evaluateFormula(c.formula!, look)).toBe(totals[c.cellId!]);
  });
});

describe('describeError', () => {
  test('Office error codes become Chinese advice, keeping the code for support', () => {
    const e = Object.assign(new Error('The operation is invalid'), { code: 'InvalidOperation' });
    const d = describeError(e, '读取表格');
    expect(d.title).toBe('读取表格失败');
    expect(d.message).toContain('正在编辑单元格');
    expect(d.detail).toContain('InvalidOperation');
  });
  test.each(['AccessDenied', 'BadPassword', 'InvalidOperationInCellEditMode'])(
    "the Excel adapter's Chinese message (%s) wins over the generic text; the code stays in the detail",
    (code) => {
      const message = toChineseError(Object.assign(new Error('Access denied'), { code }), 'write').message;
      const d = describeError(new OfficeHostError(message, code), '写入数据');
      expect(d.title).toBe('写入数据失败');
      expect(d.message).toBe(message);
      expect(d.message).toContain('已填写的数据没有丢失');
      expect(d.message).not.toBe(ERROR_TEXT.office[code]);
      expect(d.detail).toBe(code);
    },
  );
  test('our own errors keep their Chinese text', () => {
    expect(describeError(new XxgkError('YEAR-UNSUPPORTED', { year: 2017 }), '生成表格').message).toContain('不支持 2017 年度');
  });
  test('an unknown English error still reaches the user in Chinese, with the detail', () => {
    const d = describeError(new TypeError('x is undefined'), '导出');
    expect(d.message).toMatch(/意外错误/);
    expect(d.detail).toContain('x is undefined');
  });
});

test('export names and times', () => {
  expect(exportFileName(2022, 'a/b')).toBe('2022年政府信息公开工作年度报告（a_b）.xlsx');
  expect(exportFileName(null, null)).toBe('政府信息公开工作年度报告.xlsx');
  expect(formatCheckTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
});
