/** Generate on the simulator: empty workbooks, sheets holding data, clashing user sheets. */
import { compileSheetPlan } from '../../src/core';
import { a1, cellAddresses } from '../../src/core/sheetplan';
import { plan2022, setup, where } from './support';

describe('generate on an empty workbook', () => {
  test('draws every plan sheet in one sync, values and formulas as planned, protected', async () => {
    const { sim, host } = setup();
    expect(await host.readReport()).toBeNull(); // the pane reads at start-up
    sim.resetCounts();
    const plan = plan2022();
    await host.generate(plan);
    expect(sim.syncCount).toBe(1);
    expect(sim.unsyncedCommands).toBe(0);
    expect(sim.enableEvents).toBe(true);
    expect(sim.suspended).toEqual({ calculation: 1, screenUpdating: 1 });
    expect(sim.sheetNames()).toEqual([...plan.sheets.map((s) => s.name), '_xxgk']);
    expect(sim.sheet('_xxgk').visibility).toBe('Hidden');
    for (const spec of plan.sheets) {
      const sheet = sim.sheet(spec.name);
      expect(sheet.protection.protected).toBe(spec.protect);
      expect(sheet.merges).toHaveLength(spec.merges.length);
      expect(sheet.frozenRows).toBe(spec.frozenRows);
      expect(sheet.conditionalFormats).toHaveLength(spec.conditionalFormats.length);
      for (const c of spec.cells) {
        const got = sim.cell(spec.name, a1(c.row, c.col));
        expect(got.locked).toBe(c.locked);
        if (c.formula) expect(got.formula).toBe(`=${c.formula}`);
        else {
          expect(got.formula).toBeUndefined();
          expect(got.value).toBe(c.value ?? '');
        }
        if (c.validation) expect(sheet.peek(c.row, c.col)?.validation?.rule).toBeDefined();
      }
    }
    // Every plan name exists and points where the plan says.
    for (const d of plan.definedNames) {
      const n = sim.book.findName(d.name);
      expect(n?.sheet?.name).toBe(d.sheet);
    }
  });

  test('a cold host (nothing read yet) finds out first: one read sync more', async () => {
    const { sim, host } = setup();
    await host.generate(plan2022());
    expect(sim.syncCount).toBe(2);
    expect(sim.sheet('表三 依申请公开').protection.protected).toBe(true);
  });

  test('the report read back has the year, agency, and blank (null) cells', async () => {
    const { host } = setup();
    await host.generate(plan2022('某某县人民政府'));
    const report = await host.readReport();
    expect(report).toMatchObject({ format: '2021', year: 2022, agency: '某某县人民政府' });
    expect(report!.cells['t3.received.natural']).toBeNull();
    expect(report!.cells['t3.handledTotal.total']).toBeNull();
  });
});

describe('generate over existing report sheets', () => {
  test('keeps every entered value (numbers, text, narrative) in two syncs and protects again', async () => {
    const { sim, host } = setup();
    const plan = plan2022();
    await host.generate(plan);
    await host.writeCells({ 't2.regulation.issued': 3, 't3.received.natural': 12, 't3.granted.business': 4, 't4.review.upheld': 2, 't2.fee.amount': 1.25 });
    // The user types text into an input cell and writes the narrative.
    const odd = where(plan, 't3.carriedOver.research');
    sim.simulateUserEdit(odd.sheet, odd.address, [['约5件']]);
    const overview = plan.definedNames.find((d) => d.name === 'XXGK_TEXT_OVERVIEW')!;
    const ov = overview.ref.replace(/\$/g, '').split(':')[0];
    sim.simulateUserEdit(overview.sheet, ov, [['本年度，我镇认真贯彻落实《条例》。']]);

    await host.readReport();
    sim.resetCounts();
    await host.generate(compileSheetPlan('2021', { year: 2022, agency: '改名后的机关' }));
    expect(sim.syncCount).toBe(2);
    expect(sim.unsyncedCommands).toBe(0);

    const report = (await host.readReport())!;
    expect(report.agency).toBe('改名后的机关');
    expect(report.cells).toMatchObject({ 't2.regulation.issued': 3, 't3.received.natural': 12, 't3.granted.business': 4, 't4.review.upheld': 2, 't2.fee.amount': 1.25 });
    expect(report.raw?.['t3.carriedOver.research']).toBe('约5件');
    expect(report.text?.overview).toBe('本年度，我镇认真贯彻落实《条例》。');
    for (const spec of plan.sheets) expect(sim.sheet(spec.name).protection.protected).toBe(true);
    expect(sim.enableEvents).toBe(true);
  });

  test('a user sheet elsewhere in the workbook is untouched', async () => {
    const { sim, host } = setup();
    sim.addUserSheet('我的草稿', { A1: '草稿', B2: 99, C3: '=B2*2' });
    await host.readReport();
    await host.generate(plan2022());
    await host.generate(plan2022());
    expect(sim.cell('我的草稿', 'A1').value).toBe('草稿');
    expect(sim.cell('我的草稿', 'C3')).toMatchObject({ value: 198, formula: '=B2*2' });
    expect(sim.sheet('我的草稿').protection.protected).toBe(false);
  });

  test('a renamed report sheet is still ours: found by its names, refreshed under the new name', async () => {
    const { sim, host } = setup();
    const plan = plan2022();
    await host.generate(plan);
    await host.writeCells({ 't3.received.natural': 7 });
    sim.sheet('表三 依申请公开').name = '表三（我改的名）';
    expect((await host.readReport())!.cells['t3.received.natural']).toBe(7);
    await host.generate(plan);
    expect(sim.sheetNames()).toContain('表三（我改的名）');
    expect(sim.sheetNames()).not.toContain('表三 依申请公开');
    expect((await host.readReport())!.cells['t3.received.natural']).toBe(7);
  });
});

test('a deleted report sheet is noticed by the next read and drawn again by the next generate', async () => {
  const { sim, host } = setup();
  const plan = plan2022();
  await host.readReport();
  await host.generate(plan);
  await host.writeCells({ 't3.received.natural': 2, 't4.review.upheld': 1 });
  sim.book.sheets = sim.book.sheets.filter((s) => s.name !== '表四 复议诉讼');
  for (const n of sim.book.names.values()) if (n.sheet && !sim.book.sheets.includes(n.sheet)) n.sheet = null;
  const report = (await host.readReport())!;
  expect(report.cells['t3.received.natural']).toBe(2);
  expect(report.cells['t4.review.upheld']).toBeNull();
  await host.generate(plan);
  expect(sim.sheetNames()).toContain('表四 复议诉讼');
  expect((await host.readReport())!.cells['t3.received.natural']).toBe(2);
});

describe('a user sheet with a clashing name', () => {
  test('is never overwritten: the report sheet gets a free name and the user is told', async () => {
    const { sim, host, notices } = setup();
    const mine = sim.addUserSheet('表三 依申请公开', { A1: '我自己的表', D8: 123 });
    await host.readReport();
    await host.generate(plan2022());
    expect(sim.cell('表三 依申请公开', 'A1').value).toBe('我自己的表');
    expect(sim.cell('表三 依申请公开', 'D8').value).toBe(123);
    expect(mine.protection.protected).toBe(false);
    expect(mine.cells.size).toBe(2);
    expect(sim.sheetNames()).toContain('表三 依申请公开 (2)');
    expect(notices.join('')).toContain('表三 依申请公开 (2)');
    expect(host.lastNotices).toHaveLength(1);

    await host.writeCells({ 't3.received.natural': 5 });
    expect((await host.readReport())!.cells['t3.received.natural']).toBe(5);
    expect(sim.cell('表三 依申请公开', 'D8').value).toBe(123);
  });

  test('appearing after the last read (stale knowledge) still never gets overwritten', async () => {
    const { sim, host } = setup();
    await host.readReport(); // knows: empty workbook
    const mine = sim.addUserSheet('表四 复议诉讼', { B2: '用户数据' });
    sim.resetCounts();
    await host.generate(plan2022());
    expect(sim.cell('表四 复议诉讼', 'B2').value).toBe('用户数据');
    expect(mine.protection.protected).toBe(false);
    expect(sim.sheetNames().filter((n) => n.startsWith('~xxgk'))).toEqual([]);
    expect(sim.sheetNames()).toContain('表四 复议诉讼 (2)');
    const report = await host.readReport();
    expect(report?.format).toBe('2021');
    for (const d of compileSheetPlan('2021').definedNames) expect(sim.book.findName(d.name)?.sheet).not.toBeNull();
    expect(sim.enableEvents).toBe(true);
  });
});

describe('changing the format', () => {
  test('is refused, with nothing changed, when entered values have no place in the new format', async () => {
    const { sim, host } = setup();
    const old = compileSheetPlan('2019', { year: 2020, agency: null });
    await host.generate(old);
    await host.writeCells({ 't2.regulation.made': 4 });
    const before = sim.allFormulas();
    await expect(host.generate(plan2022())).rejects.toThrow(/2019 格式.*表二 规章·本年新制作数量/);
    expect(sim.allFormulas()).toEqual(before);
    expect((await host.readReport())!.cells['t2.regulation.made']).toBe(4);
    for (const s of old.sheets) expect(sim.sheet(s.name).protection.protected).toBe(true);
  });

  test('goes ahead when the shared tables carry over (2019 → 2021 with only 表三 filled)', async () => {
    const { host } = setup();
    await host.generate(compileSheetPlan('2019', { year: 2020, agency: null }));
    await host.writeCells({ 't3.received.natural': 9 });
    await host.generate(plan2022());
    const report = (await host.readReport())!;
    expect(report.format).toBe('2021');
    expect(report.cells['t3.received.natural']).toBe(9);
  });
});

test('cell addresses of the plan are where the host reads and writes', async () => {
  const { sim, host } = setup();
  const plan = plan2022();
  await host.generate(plan);
  const inputs = [...cellAddresses(plan)].filter(([, a]) => a.role === 'input');
  const values = Object.fromEntries(inputs.map(([id], i) => [id, i + 1]));
  await host.writeCells(values);
  for (const [id, a] of inputs) expect(sim.cell(a.sheet, a.address).value).toBe(values[id]);
  const report = (await host.readReport())!;
  for (const [id] of inputs) expect(report.cells[id]).toBe(values[id]);
  expect(report.cells['t3.received.total']).toBe(
    ['natural', 'business', 'research', 'publicWelfare', 'legalService', 'otherOrg'].reduce((s, c) => s + (values[`t3.received.${c}`] as number), 0),
  );
});
