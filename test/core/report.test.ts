import { XxgkError, blankReport, parseReport } from '../../src/core';

describe('report model', () => {
  it('accepts numbers and blanks, keeping printed text in raw', () => {
    const r = parseReport({
      format: '2021', year: 2022, agency: null,
      cells: { 't3.received.natural': 3, 't3.received.business': null },
      raw: { 't3.received.business': '/' },
    });
    expect(r.cells['t3.received.business']).toBeNull();
    expect(r.raw?.['t3.received.business']).toBe('/');
  });

  it('accepts a 2019 table 二 inside a 2021 report (old layouts seen in real reports)', () => {
    expect(() => parseReport({ format: '2021', year: 2022, agency: null, cells: { 't2.license.change': -4 } })).not.toThrow();
  });

  it.each([
    [{ format: '2021', year: 2022, agency: null, cells: { 't9.x.y': 1 } }, /t9\.x\.y/],
    [{ format: '2021', year: 2022, agency: null, cells: { 't3.received.natural': '3' } }, /t3\.received\.natural：应为数字或 null（空白），实为 "3"/],
    [{ format: '2021', year: 2022, agency: null, cells: [1, 2] }, /cells：应为以单元格编号为键的对象/],
    [{ format: '2019', year: 2022, agency: null, cells: {} }, /2022 年度报告应使用 2021 格式/],
    [{ format: '2021', year: 2017, agency: null, cells: {} }, /不支持 2017 年度/],
    [{ format: '2030', year: 2022, agency: null, cells: {} }, /format/],
    [{ year: 2022 }, /cells/],
  ])('rejects %j with a message naming the place', (input, pattern) => {
    expect(() => parseReport(input)).toThrow(XxgkError);
    expect(() => parseReport(input)).toThrow(pattern);
  });

  it('builds blank reports with every cell null, never 0', () => {
    const r = blankReport('2019', 2020);
    expect(Object.keys(r.cells)).toHaveLength(22 + 161 + 15);
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
  });
});
