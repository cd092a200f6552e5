/** Failures, requirement sets, export and the current file. */
import { base64ToBytes, bytesToBase64 } from '../../src/office/base64';
import { OfficeHostError, toChineseError } from '../../src/office/errors';
import { plan2022, setup, where } from './support';

describe('protection is restored after a failed write', () => {
  test.each([
    ['formulas', 'contents'],
    ['setCellProperties', 'formats'],
    ['worksheet.visibility', 'names'],
    ['protection.protect', 'protection'],
  ])('failure at %s (%s stage) over existing sheets: Chinese error, sheets protected, values kept', async (kind) => {
    const { sim, host } = setup();
    const plan = plan2022();
    await host.readReport();
    await host.generate(plan);
    await host.writeCells({ 't3.received.natural': 12, 't4.review.upheld': 3, 't2.fee.amount': 2.5 });
    const overview = plan.definedNames.find((d) => d.name === 'XXGK_TEXT_OVERVIEW')!;
    sim.simulateUserEdit(overview.sheet, overview.ref.replace(/\$/g, '').split(':')[0], [['总体情况的文字']]);
    await host.readReport();
    sim.injectFailure((c) => c.kind === kind, 'GeneralException');
    const err = await host.generate(plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as Error).message).toMatch(/^生成报表时 Excel 报错：.*（错误代码 GeneralException）/);
    for (const s of plan.sheets) expect(sim.sheet(s.name).protection.protected).toBe(true);
    expect(sim.enableEvents).toBe(true);
    for (const [id, v] of [['t3.received.natural', 12], ['t4.review.upheld', 3], ['t2.fee.amount', 2.5]] as const) {
      const a = where(plan, id);
      expect(sim.cell(a.sheet, a.address).value).toBe(v);
    }
    // The sheets are still recognised as ours: the next generate repairs them in place.
    await host.generate(plan);
    expect(sim.sheetNames()).toEqual([...plan.sheets.map((s) => s.name), '_xxgk']);
    const report = (await host.readReport())!;
    expect(report.cells).toMatchObject({ 't3.received.natural': 12, 't4.review.upheld': 3, 't2.fee.amount': 2.5 });
    expect(report.text?.overview).toBe('总体情况的文字');
  });

  test('a failure on the one-sync path leaves no half-made sheet and events on', async () => {
    const { sim, host } = setup();
    await host.readReport();
    sim.injectFailure((c) => c.kind === 'setCellProperties', 'InvalidArgument');
    await expect(host.generate(plan2022())).rejects.toThrow(/参数无效/);
    expect(sim.sheetNames()).toEqual([]);
    expect(sim.enableEvents).toBe(true);
    await host.generate(plan2022());
    expect(sim.sheet('表三 依申请公开').protection.protected).toBe(true);
  });

  test('a sheet protected with a password the add-in does not know is left as it is', async () => {
    const { sim, host } = setup();
    const plan = plan2022();
    await host.readReport();
    await host.generate(plan);
    await host.writeCells({ 't3.received.natural': 4 });
    const t3 = sim.sheet('表三 依申请公开');
    t3.protection = { protected: true, password: '用户的密码', options: {} };
    await expect(host.generate(plan)).rejects.toThrow(/生成报表时 Excel 报错/);
    expect(t3.protection.password).toBe('用户的密码');
    const a = where(plan, 't3.received.natural');
    expect(sim.cell(a.sheet, a.address).value).toBe(4);
    for (const s of plan.sheets) expect(sim.sheet(s.name).protection.protected).toBe(true);
  });
});

describe('requirement sets', () => {
  test('below ExcelApi 1.9 the pane is told what is missing, and nothing runs', async () => {
    const { sim, host } = setup({ excelApi: '1.8' });
    const caps = host.capabilities();
    expect(caps.excelApi).toBe('1.8');
    expect(caps.missing).toEqual([expect.stringContaining('ExcelApi 1.9')]);
    await expect(host.generate(plan2022())).rejects.toThrow(/不支持 ExcelApi 1\.9.*Microsoft 365/);
    await expect(host.readReport()).rejects.toThrow(/ExcelApi 1\.9/);
    expect(sim.runCount).toBe(0);
  });

  test('a newer Excel reports its version and nothing missing', () => {
    const { host } = setup({ excelApi: '1.17' });
    expect(host.capabilities()).toEqual({ excelApi: '1.17', missing: [], currentFile: true });
  });
});

describe('export', () => {
  test('opens the validated workbook as a new workbook from base64', async () => {
    const { sim, host } = setup();
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    await expect(host.openExport({ bytes, fileName: '年报.xlsx' })).resolves.toBe('opened');
    expect(sim.createdWorkbooks).toHaveLength(1);
    expect([...base64ToBytes(sim.createdWorkbooks[0])]).toEqual([...bytes]);
  });

  test('offers the current workbook where CompressedFile is supported, reading every slice', async () => {
    const bytes = Uint8Array.from({ length: 4 * 1024 * 1024 + 5 }, (_, i) => i % 251);
    const { sim, host } = setup({ fileBytes: bytes });
    expect(host.capabilities().currentFile).toBe(true);
    const got = await host.currentFileBytes!();
    expect(got.length).toBe(bytes.length);
    expect(got[bytes.length - 1]).toBe(bytes[bytes.length - 1]);
    expect(sim.filesClosed).toBe(1);
  });

  test('has no current-file export where CompressedFile is missing', () => {
    const { host } = setup({ compressedFile: false });
    expect(host.capabilities().currentFile).toBe(false);
    expect(host.currentFileBytes).toBeUndefined();
  });
});

describe('errors and base64', () => {
  test('Office error codes become Chinese; unknown errors still say what was being done', () => {
    expect(toChineseError({ code: 'ItemNotFound', message: 'x' }, 'read').message).toBe(
      '读取报表数据时 Excel 报错：找不到相关的工作表或名称（可能已被删除或重命名）（错误代码 ItemNotFound）',
    );
    expect(toChineseError(new Error('boom'), 'export').message).toBe('打开导出的工作簿时 Excel 报错：未知错误：boom');
  });

  test('base64 round-trips every length', () => {
    for (let n = 0; n < 50; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 91 + n) % 256);
      const text = bytesToBase64(bytes);
      expect(text.length % 4).toBe(0);
      expect([...base64ToBytes(text)]).toEqual([...bytes]);
    }
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
  });
});
