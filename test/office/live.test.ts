/** Live checks, import writes, selection and payloads that must never become formulas. */
import { check, compileSheetPlan } from '../../src/core';
import { cellAddresses } from '../../src/core/sheetplan';
import { OfficeHostError } from '../../src/office/errors';
import { plan2022, setup, wait, where } from './support';

async function ready() {
  const s = setup();
  const plan = plan2022();
  await s.host.readReport();
  await s.host.generate(plan);
  return { ...s, plan };
}

describe('live check', () => {
  test('user edits (typing, paste, delete) call the listener once after a quiet time; the re-read is one sync', async () => {
    const { sim, host, plan } = await ready();
    let calls = 0;
    host.onUserChange(() => calls++);
    await wait(5);
    const a = where(plan, 't3.received.natural');
    sim.simulateUserEdit(a.sheet, a.address, [[5]]);
    sim.simulateUserEdit(a.sheet, a.address, [[6, 1, 0]]); // a paste over three cells
    await sim.settleEvents();
    expect(calls).toBe(0);
    await wait(60);
    expect(calls).toBe(1);

    sim.resetCounts();
    const report = (await host.readReport())!;
    expect(sim.syncCount).toBe(1);
    expect(report.cells['t3.received.natural']).toBe(6);
    expect(report.cells['t3.received.business']).toBe(1);
    const result = check(report);
    expect(result.outcomes.some((o) => o.rule === 'T3-BALANCE' && o.cells.includes('t3.received.natural'))).toBe(true);

    sim.simulateUserDelete(a.sheet, a.address);
    await sim.settleEvents();
    await wait(60);
    expect(calls).toBe(2);
    expect((await host.readReport())!.cells['t3.received.natural']).toBeNull();
  });

  test("the add-in's own writes and edits on a user's own sheet do not trigger it", async () => {
    const { sim, host } = await ready();
    sim.addUserSheet('草稿');
    let calls = 0;
    host.onUserChange(() => calls++);
    await wait(5);
    await host.writeCells({ 't3.received.natural': 3 });
    await host.generate(plan2022());
    sim.simulateUserEdit('草稿', 'A1', [[1]]);
    await sim.settleEvents();
    await wait(60);
    expect(calls).toBe(0);
  });

  test('unsubscribing stops the calls', async () => {
    const { sim, host, plan } = await ready();
    let calls = 0;
    const off = host.onUserChange(() => calls++);
    await wait(5);
    off();
    const a = where(plan, 't4.review.upheld');
    sim.simulateUserEdit(a.sheet, a.address, [[1]]);
    await sim.settleEvents();
    await wait(60);
    expect(calls).toBe(0);
  });

  test('a read while the user is editing a cell waits for the edit to end instead of failing', async () => {
    const { sim, host } = await ready();
    sim.beginCellEdit();
    const read = host.readReport();
    await wait(10);
    sim.endCellEdit();
    await expect(read).resolves.toMatchObject({ format: '2021' });
  });
});

describe('import write', () => {
  test('writes numbers into input cells only, in one sync, with protection left on', async () => {
    const { sim, host, plan } = await ready();
    sim.resetCounts();
    await host.writeCells({ 't3.received.natural': 10, 't3.granted.natural': 4, 't4.review.pending': 1, 't2.fee.amount': 0.5, 't3.carriedOver.natural': null });
    expect(sim.syncCount).toBe(1);
    const a = where(plan, 't3.received.natural');
    expect(sim.cell(a.sheet, a.address)).toMatchObject({ value: 10, formula: undefined });
    for (const s of plan.sheets) expect(sim.sheet(s.name).protection.protected).toBe(true);
    const total = where(plan, 't3.received.total');
    expect(sim.cell(total.sheet, total.address).formula).toMatch(/^=SUM\(/);
    expect(sim.cell(total.sheet, total.address).value).toBe(10);
  });

  test('null clears a cell', async () => {
    const { sim, host, plan } = await ready();
    await host.writeCells({ 't4.review.upheld': 8 });
    await host.writeCells({ 't4.review.upheld': null });
    const a = where(plan, 't4.review.upheld');
    expect(sim.cell(a.sheet, a.address).value).toBe('');
  });

  test.each([
    ['t3.received.total', /由公式计算/],
    ['t3.handledTotal.natural', /由公式计算/],
    ['t9.nothing.here', /未知的单元格编号/],
  ])('refuses %s with a Chinese message and writes nothing', async (id, message) => {
    const { sim, host } = await ready();
    const before = JSON.stringify(sim.allFormulas());
    sim.resetCounts();
    const err = await host.writeCells({ 't3.received.natural': 1, [id]: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as Error).message).toMatch(message);
    expect(sim.syncCount).toBe(0);
    expect((await host.readReport())!.cells['t3.received.natural']).toBeNull();
    expect(JSON.stringify(sim.allFormulas())).toBe(before);
  });

  test('a failing write reaches the user in Chinese, with events back on and protection on', async () => {
    const { sim, host, plan } = await ready();
    sim.injectFailure((c) => c.kind === 'values', 'GeneralException');
    await expect(host.writeCells({ 't3.received.natural': 1 })).rejects.toThrow(/写入数据时 Excel 报错：Excel 处理请求时出错（错误代码 GeneralException）/);
    expect(sim.enableEvents).toBe(true);
    for (const s of plan.sheets) expect(sim.sheet(s.name).protection.protected).toBe(true);
  });
});

describe('formula injection', () => {
  const PAYLOADS = ['=1+1', '=HYPERLINK("http://x","y")', '@SUM(A1)', "+cmd|' /C calc'!A0", '-2+3'];

  /** Formulas in the workbook are exactly the plan's own. */
  function onlyPlanFormulas(sim: ReturnType<typeof setup>['sim'], plans: ReturnType<typeof plan2022>[]) {
    const allowed = new Set(plans.flatMap((p) => p.sheets.flatMap((s) => s.cells.filter((c) => c.formula).map((c) => `=${c.formula}`))));
    for (const f of Object.values(sim.allFormulas())) expect(allowed.has(f)).toBe(true);
  }

  test.each(PAYLOADS)('%s passed to writeCells is refused and never reaches a cell', async (payload) => {
    const { sim, host, plan } = await ready();
    await expect(host.writeCells({ 't3.received.natural': payload as unknown as number })).rejects.toThrow(/只能写入数字/);
    onlyPlanFormulas(sim, [plan]);
  });

  test.each(PAYLOADS)('%s as the agency or narrative text is written as text', async (payload) => {
    const { sim, host } = setup();
    await host.readReport();
    const plan = compileSheetPlan('2021', { year: 2022, agency: payload, narrative: undefined, report: { format: '2021', year: 2022, agency: payload, cells: {}, text: { overview: payload, problems: payload, other: payload } } });
    await host.generate(plan);
    onlyPlanFormulas(sim, [plan]);
    const report = (await host.readReport())!;
    expect(report.agency).toBe(payload);
    expect(report.text?.overview).toBe(payload);
    const titles = plan.sheets.flatMap((s) => s.cells.filter((c) => c.role === 'title').map((c) => sim.cell(s.name, `${String.fromCharCode(65 + c.col)}${c.row + 1}`)));
    for (const t of titles) expect(t.formula).toBeUndefined();
  });

  test.each(PAYLOADS)('%s held as text in an input cell stays text when the sheets are refreshed', async (payload) => {
    const { sim, host, plan } = await ready();
    const a = where(plan, 't3.received.natural');
    // Text pasted into a cell formatted as text: Excel keeps it as text, the add-in must too.
    const cell = sim.sheet(a.sheet).peek(...rc(a.address))!;
    cell.numberFormat = '@';
    sim.simulateUserEdit(a.sheet, a.address, [[payload]]);
    expect(sim.cell(a.sheet, a.address).formula).toBeUndefined();
    await host.readReport();
    await host.generate(plan);
    expect(sim.cell(a.sheet, a.address)).toMatchObject({ value: payload, formula: undefined });
    onlyPlanFormulas(sim, [plan]);
    expect((await host.readReport())!.raw?.['t3.received.natural']).toBe(payload);
  });
});

function rc(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return [Number(m[2]) - 1, [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
}

describe('selecting a finding', () => {
  test('activates the sheet and selects the cell, in one sync', async () => {
    const { sim, host, plan } = await ready();
    sim.resetCounts();
    await host.selectCell('t4.suitDirect.pending');
    expect(sim.syncCount).toBe(1);
    const a = cellAddresses(plan).get('t4.suitDirect.pending')!;
    expect(sim.activeSheet?.name).toBe(a.sheet);
    expect(sim.sheet(a.sheet).selection).toBe(a.address);
  });

  test('an unknown id gets a Chinese message', async () => {
    const { host } = await ready();
    await expect(host.selectCell('t3.nothing.natural')).rejects.toThrow(/未知的单元格编号/);
  });
});
