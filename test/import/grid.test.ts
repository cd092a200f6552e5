/** importGrid: an already split grid (e.g. a foreign workbook) goes through the same recognizer. */
import { importGrid, importText } from '../../src/core';

test('numbers as numbers, merged label cells as null, blanks named', () => {
  const grid = [
    ['三、收到和处理政府信息公开申请情况'],
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', null, null, '申请人情况'],
    ['一、本年新收政府信息公开申请数量', null, null, 4, 1, 0, 0, 0, 0, 5],
    ['三、本年度办理结果', '（一）予以公开', null, 2, '', 0, 0, 0, 0, 2],
    [null, '（三）不予公开', '1.属于国家秘密', 0, 0, 0, 0, 0, 0, 0],
  ];
  const { report, issues } = importGrid(grid, { year: 2024 });
  expect(report.format).toBe('2021');
  expect(report.cells).toMatchObject({
    't3.received.natural': 4, 't3.received.total': 5, 't3.granted.natural': 2, 't3.granted.business': null, 't3.denied.stateSecret.total': 0,
  });
  expect(Object.keys(report.cells)).toHaveLength(21);
  expect(issues).toEqual([expect.objectContaining({ code: 'BLANK', cells: ['t3.granted.business'], line: 4, column: 5 })]);
});

test('a grid and its tab-separated text import alike (one recognizer)', () => {
  const grid = [
    ['第二十条第（九）项', null, null],
    ['信息内容', '采购项目数量', '采购总金额'],
    ['政府集中采购', 3, '251000元'],
  ];
  const fromGrid = importGrid(grid, { year: 2020 });
  const fromText = importText(grid.map((r) => r.map((c) => (c === null ? '' : String(c))).join('\t')).join('\n'), { year: 2020 });
  expect(fromGrid.report.cells).toEqual({ 't2.procurement.projects': 3, 't2.procurement.amount': 25.1 });
  expect(fromText.report.cells).toEqual(fromGrid.report.cells);
  expect(fromGrid.issues.map((i) => i.code)).toEqual(['UNIT']);
});

test('non-finite numbers and odd cells never throw and never become values', () => {
  const { report } = importGrid([['行政处罚', Number.NaN], ['行政强制', Infinity], [undefined as unknown as null, {} as unknown as null]], { year: 2022 });
  expect(report.cells['t2.penalty.decisions']).toBeNull();
  expect(report.cells['t2.coercion.decisions']).toBeNull();
});
