import { compileSheetPlan, sampleReport, blankReport, type Report } from '../../src/core';
import { PaneController, inputValues, type PaneDeps } from '../../src/app/controller';
import { planImport } from '../../src/app/import-plan';
import { createStandaloneHost, type StandaloneHost } from '../../src/standalone/host';
import { CHECK_SHEET_NAME } from '../../src/app/export-plan';

const CLOCK = new Date(2026, 10, 29, 13, 5, 9);

function setup(extra: Partial<PaneDeps> = {}) {
  const exported: { bytes: Uint8Array; fileName: string }[] = [];
  const host = createStandaloneHost({
    plan: compileSheetPlan('2021', { year: 2025, agency: null }),
    download: (t) => exported.push(t),
    setTimer: (fn) => {
      fn();
      return 0;
    },
    clearTimer: () => {},
  });
  const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan, ...extra });
  return { host, controller, exported };
}

/** Lets the host's change listener (refresh) finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

async function typeInto(host: StandaloneHost, cellId: string, text: string) {
  host.setCellText(cellId, text);
  await settle();
}

describe('PaneController over the standalone host', () => {
  test('a blank workbook: every rule undecided, nothing failing, no findings listed', async () => {
    const { controller } = setup();
    await controller.start();
    const s = controller.getState();
    expect(s.phase).toBe('ready');
    expect(s.report?.year).toBe(2025);
    expect(s.summary.errors).toBe(0);
    expect(s.summary.passed).toBe(0);
    expect(s.summary.undecided).toBeGreaterThan(0);
    expect(s.groups).toEqual([]);
  });

  test('the sample loads with its year and agency and no failing rule', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    const s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.report?.year).toBe(2022);
    expect(s.report?.agency).toBe('偃师区缙氏镇人民政府');
    expect(s.summary.errors).toBe(0);
    expect(s.summary.warnings).toBe(0);
    expect(s.textErrors).toBe(0);
    expect(s.groups).toEqual([]);
    // Input cells hold the sample's figures as text; totals are computed, not written.
    expect(host.model().texts['t3.received.natural']).toBe('0');
    expect(host.model().texts['t3.handledTotal.natural']).toBeUndefined();
    expect(s.report?.cells['t3.handledTotal.natural']).toBe(0);
  });

  test('a changed cell re-checks through the host and the failing balance points at an input cell', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.received.natural', '5');
    const s = controller.getState();
    expect(s.summary.errors).toBeGreaterThan(0);
    const t3 = s.groups.find((g) => g.table === 't3')!;
    const balance = t3.findings.find((f) => f.key === 'T3-BALANCE|natural')!;
    expect(balance.kind).toBe('fail');
    expect(balance.message).toContain('应为 5，实为 0');
    expect(balance.target).toBe('t3.carriedForward.natural');
    expect(balance.targetPlace).toBe('表三 四、结转下年度继续办理·自然人');
  });

  test('text typed into a number cell is kept as typed and listed as an error on that cell', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't2.regulation.issued', '十二');
    expect(host.model().texts['t2.regulation.issued']).toBe('十二');
    const s = controller.getState();
    expect(s.report?.cells['t2.regulation.issued']).toBeNull();
    expect(s.report?.raw).toEqual({ 't2.regulation.issued': '十二' });
    expect(s.textErrors).toBe(1);
    const f = s.groups.find((g) => g.table === 't2')!.findings[0];
    expect(f.code).toBe('TEXT-IN-NUMBER');
    expect(f.target).toBe('t2.regulation.issued');
    expect(f.message).toContain('「十二」');
  });

  test('a fraction in a count cell fails CELL-INTEGER on that cell', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't4.review.upheld', '1.5');
    const f = controller.getState().groups.find((g) => g.table === 't4')!.findings.find((x) => x.code === 'CELL-INTEGER')!;
    expect(f.target).toBe('t4.review.upheld');
    expect(f.message).toContain('实为 1.5');
  });

  test('selecting a cell goes to the host; a failure becomes a Chinese error in state', async () => {
    const { controller, host } = setup();
    await controller.start();
    const focused: string[] = [];
    host.registerFocus((id) => (focused.push(id), true));
    await controller.select('t3.received.natural');
    expect(focused).toEqual(['t3.received.natural']);
    host.registerFocus(() => false);
    await controller.select('t3.received.natural');
    expect(controller.getState().error?.title).toBe('定位单元格失败');
    expect(controller.getState().error?.message).toContain('表三 一、本年新收政府信息公开申请数量·自然人');
  });

  test('generate refuses a year before 2019 with the core message', async () => {
    const { controller } = setup();
    await controller.start();
    expect(await controller.generate(2018, null)).toBe(false);
    expect(controller.getState().error?.message).toContain('不支持 2018 年度');
  });

  test('generate keeps the values already typed (a year change over data is asked first)', async () => {
    const { controller, host } = setup();
    await controller.start();
    await typeInto(host, 't3.received.natural', '7');
    const done = controller.generate(2024, '某某镇人民政府');
    while (!controller.getState().confirm) await settle(); // it re-reads the sheets before asking
    expect(controller.getState().confirm?.kind).toBe('year');
    expect(controller.getState().confirm?.message).toContain('由 2025 改为 2024');
    await controller.confirmPending();
    expect(await done).toBe(true);
    expect(host.model().texts['t3.received.natural']).toBe('7');
    expect(controller.getState().report?.agency).toBe('某某镇人民政府');
  });

  test('generate shows the host\'s notices (a clashing sheet name) as a warning', async () => {
    const { controller, host } = setup();
    await controller.start();
    expect(controller.getState().notice).toBeNull();
    Object.defineProperty(host, 'lastNotices', { value: ['已有同名工作表「表三 依申请公开」，本工具的表格改名为「表三 依申请公开 (2)」。'] });
    expect(await controller.generate(2024, null)).toBe(true);
    expect(controller.getState().notice).toMatchObject({ intent: 'warning' });
    expect(controller.getState().notice?.message).toContain('表三 依申请公开 (2)');
  });

  test('last year\'s report: cross-year rules run and the summary compares with last year', async () => {
    const { features } = await import('../../src/taskpane/features');
    const { controller } = setup({ ...features });
    await controller.start();
    await controller.loadSample();
    const last = sampleReport();
    last.year = 2021;
    last.cells['t3.handledTotal.natural'] = 0;
    last.cells['t3.received.natural'] = 5;
    last.cells['t3.received.total'] = 5;
    last.cells['t3.granted.natural'] = 5;
    last.cells['t3.granted.total'] = 5;
    last.cells['t3.handledTotal.total'] = 5;
    last.cells['t3.handledTotal.natural'] = 5;
    const bytes = new TextEncoder().encode(JSON.stringify(last));
    expect(await controller.setLastYear({ name: '2021.json', bytes })).toBe(true);
    const carry = controller.getState().result!.outcomes.filter((o) => o.rule === 'X-CARRY');
    expect(carry).toHaveLength(7);
    expect(carry.every((o) => o.status === 'pass')).toBe(true);
    const text = (await controller.summarySections())!.flatMap((s) => s.paragraphs).join('');
    expect(text).toMatch(/上年/);
    controller.clearLastYear();
    expect(controller.getState().result!.outcomes.some((o) => o.rule === 'X-CARRY')).toBe(false);
  });

  test('export writes the validated workbook with a 校验结果 sheet and downloads it', async () => {
    let planSeen: import('../../src/core').SheetPlan | null = null;
    const { controller, exported } = setup({
      loadXlsxWriter: async () => (plan) => {
        planSeen = plan;
        return new Uint8Array([1, 2, 3]);
      },
    });
    await controller.start();
    await controller.loadSample();
    await controller.exportWorkbook();
    expect(controller.getState().error).toBeNull();
    expect(exported).toHaveLength(1);
    expect(exported[0].fileName).toBe('2022年政府信息公开工作年度报告（偃师区缙氏镇人民政府）.xlsx');
    const plan = planSeen!;
    const sheet = plan.sheets.find((s) => s.name === CHECK_SHEET_NAME)!;
    const outcomes = controller.getState().result!.outcomes;
    // One row per outcome after 4 heading rows; the check time is printed.
    expect(Math.max(...sheet.cells.map((c) => c.row))).toBe(3 + outcomes.length);
    expect(sheet.cells.some((c) => c.value === '检查时间：2026-11-29 13:05:09')).toBe(true);
    // The data sheets carry the report's input values, not its totals.
    const t3 = plan.sheets.find((s) => s.key === 't3')!;
    expect(t3.cells.find((c) => c.cellId === 't3.received.natural')?.value).toBe(0);
    expect(t3.cells.find((c) => c.cellId === 't3.received.total')?.formula).toBeDefined();
    expect(controller.getState().notice?.title).toBe('已开始下载');
  });

  test('without a writer, export says so instead of pretending', async () => {
    const { controller, exported } = setup();
    await controller.start();
    await controller.exportWorkbook();
    expect(exported).toHaveLength(0);
    expect(controller.getState().error?.message).toContain('导出功能尚未就绪');
  });

  test('import preview, then 「只更新粘贴的单元格」 writes numbers only into input cells and retitles the sheets', async () => {
    const imported: Report = { ...sampleReport(), agency: '某某县人民政府' };
    imported.cells['t3.received.natural'] = 3;
    imported.cells['t3.received.total'] = 3;
    imported.cells['t2.fee.amount'] = null;
    imported.cells['t4.review.total'] = 9; // parts are 0: a pasted total that disagrees
    const { controller, host } = setup({
      loadImporter: async () => () => ({ report: imported, issues: [{ code: 'BLANK', severity: 'warning', message: '空白', cells: ['t2.fee.amount'] }] }),
    });
    await controller.start();
    await typeInto(host, 't2.fee.amount', '1.25');
    const preview = (await controller.previewImport('whatever', 'text'))!;
    expect(preview.blanks).toEqual(['t2.fee.amount']);
    expect(preview.notWritten).toEqual([{ cellId: 't4.review.total', value: 9, why: 'total' }]);
    // Every part is pasted: each total is compared (the sample's blank （七）总计·自然人 is a blank total, not a part).
    expect(preview.totalsNotComparable).toEqual([]);
    expect(preview.totalsAgreeing).toBe(
      Object.values(imported.cells).filter((v) => v !== null).length - Object.keys(preview.writes).length - 1 - preview.totalsNotComparable.length,
    );
    expect(preview.writes['t3.received.natural']).toBe(3);
    expect(preview.retitle).toEqual({ year: 2022, agency: '某某县人民政府' });
    const done = controller.applyImport(preview, { onlyPasted: true });
    while (!controller.getState().confirm) await settle();
    expect(controller.getState().confirm?.message).toContain(`将写入粘贴的 ${Object.keys(preview.writes).length} 个数字`);
    await controller.confirmPending();
    expect(await done).toBe(true);
    const s = controller.getState();
    expect(s.report?.year).toBe(2022);
    expect(s.report?.cells['t3.received.natural']).toBe(3);
    // The blank in the paste did not wipe what was typed before.
    expect(host.model().texts['t2.fee.amount']).toBe('1.25');
  });

  test('without an importer the pane says the import is not available', async () => {
    const { controller } = setup();
    expect(controller.importAvailable()).toBe(false);
    expect(await controller.previewImport('x', 'text')).toBeNull();
    expect(controller.getState().error?.message).toContain('导入功能尚未就绪');
  });
});

describe('planImport', () => {
  test('cells of another format are listed, not written', () => {
    const imported = blankReport('2021', 2023);
    imported.cells['t2.normative.made'] = 4; // a 2019 table 二 id inside a 2021 report
    const p = planImport(imported, [], 'html', blankReport('2021', 2023));
    expect(p.notWritten).toEqual([{ cellId: 't2.normative.made', value: 4, why: 'otherFormat' }]);
    expect(p.retitle).toBeNull();
    expect(p.source).toBe('html');
  });
});

test('inputValues leaves totals out', () => {
  const v = inputValues(sampleReport());
  expect('t3.received.total' in v).toBe(false);
  expect(v['t3.received.natural']).toBe(0);
});

test('export keeps text typed into a number cell as text in the sheet', async () => {
  let planSeen: import('../../src/core').SheetPlan | null = null;
  const { controller, host } = setup({ loadXlsxWriter: async () => (plan) => ((planSeen = plan), new Uint8Array()) });
  await controller.start();
  await typeInto(host, 't2.fee.amount', '=约5万');
  await controller.exportWorkbook();
  const cell = planSeen!.sheets.find((s) => s.key === 't2')!.cells.find((c) => c.cellId === 't2.fee.amount')!;
  expect(cell.value).toBe('=约5万');
  expect(cell.formula).toBeUndefined();
});

test('with undecided rules listed, a cell holding text still appears once', async () => {
  const { controller, host } = setup();
  await controller.start();
  await controller.loadSample();
  await typeInto(host, 't2.regulation.issued', '十二');
  controller.setIncludeUndecided(true);
  const t2 = controller.getState().groups.find((g) => g.table === 't2')!.findings;
  expect(t2.filter((f) => f.target === 't2.regulation.issued').map((f) => f.code)).toEqual(['TEXT-IN-NUMBER']);
  // The relation that reads it is listed as undecided, naming the cell as blank.
  const inForce = t2.find((f) => f.key === 'T2-INFORCE|regulation')!;
  expect(inForce.kind).toBe('undecided');
  expect(inForce.message).toContain('表二 规章·本年制发件数');
});
