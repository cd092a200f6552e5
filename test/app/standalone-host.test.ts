import { compileSheetPlan } from '../../src/core';
import { createStandaloneHost } from '../../src/standalone/host';

function host() {
  const downloads: string[] = [];
  const changes: number[] = [];
  const timers: (() => void)[] = [];
  const h = createStandaloneHost({
    plan: compileSheetPlan('2021', { year: 2023, agency: '某某镇人民政府' }),
    download: (t) => downloads.push(t.fileName),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0, timers.length),
  });
  h.onUserChange(() => changes.push(1));
  return { h, downloads, changes, timers };
}

test('writeCells writes numbers into input cells only and refuses totals, naming them in Chinese', async () => {
  const { h } = host();
  await h.writeCells({ 't3.received.natural': 2, 't2.fee.amount': 1.5 });
  expect(h.model().texts['t3.received.natural']).toBe('2');
  await expect(h.writeCells({ 't3.received.total': 2, 't3.received.business': 1 })).rejects.toThrow(
    '只能写入填报单元格，以下单元格不是填报单元格：表三 一、本年新收政府信息公开申请数量·总计',
  );
  // Nothing of a refused write is applied.
  expect(h.model().texts['t3.received.business']).toBe('');
  await expect(h.writeCells({ 't3.received.business': Number.NaN })).rejects.toThrow('不是数字');
  await h.writeCells({ 't3.received.natural': null });
  expect(h.model().texts['t3.received.natural']).toBe('');
});

test('typing is debounced into one change notice; the report reads typed text without changing it', async () => {
  const { h, changes, timers } = host();
  h.setCellText('t4.review.upheld', '1');
  h.setCellText('t4.review.upheld', '1x');
  expect(changes).toHaveLength(0);
  expect(timers).toHaveLength(1);
  timers[0]();
  expect(changes).toHaveLength(1);
  const r = (await h.readReport())!;
  expect(r.cells['t4.review.upheld']).toBeNull();
  expect(r.raw).toEqual({ 't4.review.upheld': '1x' });
  expect(r.cells['t4.review.total']).toBeNull(); // a blank or unreadable part leaves the total unknown
  expect(r.year).toBe(2023);
  expect(r.agency).toBe('某某镇人民政府');
});

test('typing into a computed cell is ignored; export is a download', async () => {
  const { h, downloads } = host();
  h.setCellText('t3.handledTotal.natural', '5');
  expect(h.model().texts['t3.handledTotal.natural']).toBeUndefined();
  expect(await h.openExport({ bytes: new Uint8Array(), fileName: 'a.xlsx' })).toBe('downloaded');
  expect(downloads).toEqual(['a.xlsx']);
  expect(h.capabilities()).toEqual({ excelApi: null, missing: [], currentFile: false });
});
