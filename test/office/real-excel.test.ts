/**
 * The adapter against what real Excel does beyond the basics (issue 13, items 4, 5, 7, 8, 9):
 * its error codes, a change handler that fails to register, strings Excel converts, the used
 * range that formatting stretches, and createWorkbook refused.
 */
import type { ExportTarget, LiveCheckState } from '../../src/host/types';
import { OfficeHostError } from '../../src/office/errors';
import { excelMayConvert } from '../../src/office/keep-text';
import { parseBox } from '../simulator/model';
import { plan2022, setup, until, wait, where } from './support';

/** A generated workbook with entered values and an overview paragraph; the host has read it. */
async function filled(deps: Parameters<typeof setup>[1] = {}) {
  const s = setup(undefined, deps);
  const plan = plan2022();
  await s.host.readReport();
  await s.host.generate(plan);
  await s.host.writeCells({ 't3.received.natural': 12, 't4.review.upheld': 3 });
  const overview = plan.definedNames.find((d) => d.name === 'XXGK_TEXT_OVERVIEW')!;
  s.sim.simulateUserEdit(overview.sheet, overview.ref.replace(/\$/g, '').split(':')[0], [['总体情况的文字']]);
  await s.host.readReport();
  return { ...s, plan };
}

/** Types one figure into 表三 as a user would and returns how many checks it started. */
async function checksAfterOneEdit(s: Awaited<ReturnType<typeof filled>>, calls: () => number): Promise<number> {
  const a = where(s.plan, 't3.received.natural');
  s.sim.simulateUserEdit(a.sheet, a.address, [[5]]);
  await s.sim.settleEvents();
  const before = calls();
  await until(() => calls() > before);
  await wait(60); // and no second check for the one edit
  return calls() - before;
}

function expectKeptAndProtected(s: Awaited<ReturnType<typeof filled>>) {
  for (const sheet of s.plan.sheets) expect(s.sim.sheet(sheet.name).protection.protected).toBe(true);
  expect(s.sim.enableEvents).toBe(true);
  for (const [id, v] of [['t3.received.natural', 12], ['t4.review.upheld', 3]] as const) {
    const a = where(s.plan, id);
    expect(s.sim.cell(a.sheet, a.address).value).toBe(v);
  }
}

describe("real Excel's errors reach the user in Chinese, saying what to do", () => {
  test('BadPassword: a sheet protected with a password the add-in does not have', async () => {
    const s = await filled();
    const t4 = s.sim.sheet('表四 复议诉讼');
    t4.protection = { protected: true, password: '科室的密码', options: {} };
    const err = (await s.host.generate(s.plan).catch((e: unknown) => e)) as OfficeHostError;
    expect(err).toBeInstanceOf(OfficeHostError);
    expect(err.code).toBe('BadPassword');
    expect(err.message).toMatch(/^生成报表时 Excel 报错：工作表已设密码保护.*「审阅 → 撤销工作表保护」中输入密码.*已填写的数据没有丢失（错误代码 BadPassword）/);
    expect(t4.protection.password).toBe('科室的密码');
    expectKeptAndProtected(s);
    // Once the user removes that protection, generating works again and keeps everything.
    t4.protection = { protected: false, options: {} };
    await s.host.generate(s.plan);
    expect((await s.host.readReport())!.text?.overview).toBe('总体情况的文字');
  });

  test('AccessDenied: an import into a cell the user locked on the protected sheet', async () => {
    const s = await filled();
    const a = where(s.plan, 't3.received.business');
    const box = parseBox(a.address)!;
    s.sim.sheet(a.sheet).cell(box.top, box.left).locked = true;
    const err = (await s.host.writeCells({ 't3.received.business': 7 }).catch((e: unknown) => e)) as OfficeHostError;
    expect(err.code).toBe('AccessDenied');
    expect(err.message).toMatch(/^写入数据时 Excel 报错：工作表受保护.*撤销工作表保护.*（错误代码 AccessDenied）/);
    expectKeptAndProtected(s);
  });

  test.each([
    ['protection.protect', 'AccessDenied', /工作表受保护/],
    ['formulas', 'InvalidOperationInCellEditMode', /请先按 Enter 或 Esc 结束单元格编辑，再重试/],
    ['names.add', 'ItemAlreadyExists', /同名的工作表或名称已经存在：如果复制过年报工作表，请删除复制出的工作表后再试/],
  ])('%s failing with %s during generate: Chinese text, protection restored, data kept', async (kind, code, text) => {
    const s = await filled();
    // A format change makes generate re-add the names (a refresh in the same format keeps them).
    if (kind === 'names.add') s.sim.book.names.delete('XXGK_META');
    s.sim.injectFailure((c) => c.kind === kind, code);
    const err = (await s.host.generate(s.plan).catch((e: unknown) => e)) as OfficeHostError;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(text);
    expect(err.message).toContain(`（错误代码 ${code}）`);
    expectKeptAndProtected(s);
    await s.host.generate(s.plan);
    expect((await s.host.readReport())!.cells['t3.received.natural']).toBe(12);
  });
});

describe('live checking never dies silently', () => {
  const retryMs = [5, 5, 5];

  function states(host: ReturnType<typeof setup>['host']): LiveCheckState[] {
    const seen: LiveCheckState[] = [];
    host.liveCheck!.onState((st) => seen.push(st));
    return seen;
  }

  test('registering while the user edits a cell waits for the edit to end, then checks changes', async () => {
    const s = await filled({ liveCheckRetryMs: retryMs });
    const seen = states(s.host);
    s.sim.editing = true;
    let calls = 0;
    s.host.onUserChange(() => calls++);
    await wait(20);
    expect(s.host.liveCheck!.state()).toBe('retrying');
    s.sim.editing = false;
    await until(() => s.host.liveCheck!.state() === 'on');
    expect(await checksAfterOneEdit(s, () => calls)).toBe(1);
    expect(seen).toEqual(['retrying', 'on']);
  });

  test('a failed registration is retried with backoff until it holds', async () => {
    const s = await filled({ liveCheckRetryMs: retryMs });
    s.sim.injectFailure((c) => c.kind === 'onChanged.add', 'InvalidOperationInCellEditMode');
    s.sim.injectFailure((c) => c.kind === 'onChanged.add', 'GeneralException');
    let calls = 0;
    s.host.onUserChange(() => calls++);
    await until(() => s.host.liveCheck!.state() === 'on');
    expect(await checksAfterOneEdit(s, () => calls)).toBe(1);
    expect(s.notices).toEqual([]);
  });

  test('after the last try it is off and the user is told; 「重新检查」 registers again and re-checks', async () => {
    const s = await filled({ liveCheckRetryMs: retryMs });
    for (let i = 0; i <= retryMs.length; i++) s.sim.injectFailure((c) => c.kind === 'onChanged.add', 'GeneralException');
    const seen = states(s.host);
    let calls = 0;
    s.host.onUserChange(() => calls++);
    await until(() => s.host.liveCheck!.state() === 'off');
    expect(seen).toEqual(['retrying', 'off']);
    expect(s.notices).toEqual([expect.stringMatching(/^自动检查已暂停：.*（错误代码 GeneralException）.*请点击「重新检查」/)]);
    await s.host.liveCheck!.retry();
    expect(s.host.liveCheck!.state()).toBe('on');
    expect(calls).toBe(1); // the re-check itself
    const a = where(s.plan, 't3.received.natural');
    s.sim.simulateUserEdit(a.sheet, a.address, [[5]]);
    await s.sim.settleEvents();
    await until(() => calls >= 2);
    await wait(60);
    expect(calls).toBe(2);
  });
});

describe('text survives Excel: generate → edit → regenerate gives every text back exactly', () => {
  const HOSTILE = ['=SUM(A1)', '+86 138 0000 0000', '-', '2023-01-05', '50%', 'TRUE', '1e5', "'x", ' 0012', '1/2', '3:30', '#N/A'];

  test.each(HOSTILE)('agency, narrative and text in an input cell: %j', async (text) => {
    const { sim, host } = setup();
    const plan = plan2022(text);
    await host.readReport();
    await host.generate(plan);
    // The user types literal text ('-prefixed, as Excel requires) into the overview and an input cell.
    const overview = plan.definedNames.find((d) => d.name === 'XXGK_TEXT_OVERVIEW')!;
    const [first] = overview.ref.replace(/\$/g, '').split(':');
    sim.simulateUserEdit(overview.sheet, first, [[`'${text}`]]);
    const a = where(plan, 't3.received.natural');
    sim.simulateUserEdit(a.sheet, a.address, [[`'${text}`]]);
    const before = (await host.readReport())!;
    expect(before.agency).toBe(text);
    expect(before.text?.overview).toBe(text);
    expect(before.raw?.['t3.received.natural']).toBe(text);
    for (let round = 0; round < 2; round++) {
      await host.generate(plan);
      const after = (await host.readReport())!;
      expect(after.agency).toBe(text);
      expect(after.text?.overview).toBe(text);
      expect(after.raw?.['t3.received.natural']).toBe(text);
      expect(after.cells['t3.received.natural']).toBeNull();
    }
    // Only the plan's own formulas are formulas.
    const planFormulas = plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined)).length;
    expect(Object.keys(sim.allFormulas())).toHaveLength(planFormulas);
  });

  test('only text Excel could convert gets the apostrophe prefix; plain labels stay clean', async () => {
    const { sim, host } = setup();
    await host.readReport();
    await host.generate(plan2022('测试镇人民政府'));
    const prefixed: string[] = [];
    let plain = 0;
    for (const sheet of sim.book.sheets)
      for (const cell of sheet.cells.values()) {
        if (typeof cell.value !== 'string' || cell.value === '' || cell.formula) continue;
        if (cell.quotePrefix) prefixed.push(cell.value);
        else plain++;
      }
    expect(plain).toBeGreaterThan(50);
    expect(prefixed.length).toBeGreaterThan(0);
    for (const text of prefixed) expect(excelMayConvert(text)).toBe(true);
  });
});

describe('bounded reads: formatting a whole column does not make the next read huge', () => {
  test('a live check and a regenerate after whole columns were formatted stay small and keep the syncs', async () => {
    const s = await filled();
    const t3 = s.plan.sheets.find((x) => x.key === 't3')!.name;
    s.sim.simulateUserFormatColumns(t3, 'B:M');
    s.sim.simulateUserFormatColumns('_xxgk', 'A:C');
    s.sim.resetCounts();
    s.sim.largestResponseBytes = 0;
    const report = (await s.host.readReport())!;
    expect(s.sim.syncCount).toBe(1);
    expect(report.cells['t3.received.natural']).toBe(12);
    expect(report.text?.overview).toBe('总体情况的文字');
    expect(s.sim.largestResponseBytes).toBeLessThan(256 * 1024);
    s.sim.resetCounts();
    await s.host.generate(s.plan);
    expect(s.sim.syncCount).toBe(2);
    expect(s.sim.largestResponseBytes).toBeLessThan(256 * 1024);
    expect(s.sim.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expectKeptAndProtected(s);
  });

  test('a cold host (nothing read yet) finds the sheets from their names and reads only their area', async () => {
    const s = await filled();
    const t3 = s.plan.sheets.find((x) => x.key === 't3')!.name;
    s.sim.simulateUserFormatColumns(t3, 'A:Z');
    const { createExcelHost } = await import('../../src/office/excel-host');
    const cold = createExcelHost({ Excel: s.sim.Excel, Office: s.sim.Office });
    s.sim.resetCounts();
    expect((await cold.readReport())!.cells['t3.received.natural']).toBe(12);
    expect(s.sim.syncCount).toBe(2);
  });

  test('stray values the user left beside the table on our sheet are still cleared by generate', async () => {
    const s = await filled();
    const t4 = s.plan.sheets.find((x) => x.key === 't4')!.name;
    s.sim.sheet(t4).protection = { protected: false, options: {} };
    s.sim.simulateUserEdit(t4, 'AA60', [['草稿']]);
    await s.host.generate(s.plan);
    expect(s.sim.cell(t4, 'AA60').value).toBe('');
  });
});

describe('export when createWorkbook fails', () => {
  const bytes = Uint8Array.from([80, 75, 3, 4, 1, 2, 3]);

  test.each(['AccessDenied', 'GeneralException'])('createWorkbook refused (%s): the pane download saves the file, and the user is told', async (code) => {
    const downloads: ExportTarget[] = [];
    const { sim, host, notices } = setup(undefined, { download: (t) => void downloads.push(t) });
    sim.createWorkbookFailure = code;
    await expect(host.openExport({ bytes, fileName: '2022年报.xlsx' })).resolves.toBe('downloaded');
    expect(downloads).toEqual([{ bytes, fileName: '2022年报.xlsx' }]);
    expect(notices).toEqual([expect.stringMatching(new RegExp(`^Excel 无法直接打开导出的工作簿（.*错误代码 ${code}）），已改为下载文件「2022年报\\.xlsx」`))]);
    expect(host.lastNotices).toEqual(notices);
  });

  test('below ExcelApi 1.8 (no createWorkbook) it downloads too', async () => {
    const downloads: ExportTarget[] = [];
    const { host } = setup({ excelApi: '1.7' }, { download: (t) => void downloads.push(t) });
    await expect(host.openExport({ bytes, fileName: 'a.xlsx' })).resolves.toBe('downloaded');
    expect(downloads).toHaveLength(1);
  });

  test('without a download helper, or when the download fails too, a Chinese error says what to do', async () => {
    const plain = setup();
    plain.sim.createWorkbookFailure = 'GeneralException';
    await expect(plain.host.openExport({ bytes, fileName: 'a.xlsx' })).rejects.toThrow(/^打开导出的工作簿时 Excel 报错/);
    const both = setup(undefined, {
      download: () => {
        throw new Error('blocked');
      },
    });
    both.sim.createWorkbookFailure = 'AccessDenied';
    await expect(both.host.openExport({ bytes, fileName: 'a.xlsx' })).rejects.toThrow(/^无法导出工作簿：.*下载也失败了.*请改用独立网页版导出/);
  });

  test('when createWorkbook works nothing is downloaded', async () => {
    const downloads: ExportTarget[] = [];
    const { sim, host } = setup(undefined, { download: (t) => void downloads.push(t) });
    await expect(host.openExport({ bytes, fileName: 'a.xlsx' })).resolves.toBe('opened');
    expect(downloads).toEqual([]);
    expect(sim.createdWorkbooks).toHaveLength(1);
  });
});

describe('bounded reads: a name of ours stretched to whole columns', () => {
  test('the read is cut at the layout limit and still finds every value', async () => {
    const s = await filled();
    const block = s.sim.book.names.get('XXGK_T4_DATA')!;
    block.box = { top: 0, left: 0, bottom: 1_048_575, right: block.box!.right };
    s.sim.largestResponseBytes = 0;
    const report = (await s.host.readReport())!;
    expect(report.cells['t4.review.upheld']).toBe(3);
    expect(s.sim.largestResponseBytes).toBeLessThan(1024 * 1024);
  });
});
