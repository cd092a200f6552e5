/**
 * Issue 11 in the pane's controller: ask first and undo after (sample, import, 新建, year change,
 * 空白按 0 处理, 打开工作簿), import replaces unless 「只更新粘贴的单元格」, a year the paste lacks is
 * asked, pasted totals are compared only with pasted parts, and the blank cells behind undecided rules.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { blankReport, compileSheetPlan, getFormat, sampleReport, type Report, type SheetPlan } from '../../src/core';
import { PaneController, filledInputs, type ImportFn, type PaneDeps } from '../../src/app/controller';
import { planImport } from '../../src/app/import-plan';
import { createStandaloneHost, type StandaloneHost } from '../../src/standalone/host';
import type { ReportHost } from '../../src/host/types';
import { features } from '../../src/taskpane/features';
import { FIXTURES } from '../support/paths';

const CLOCK = new Date(2026, 10, 29, 13, 5, 9);
/** A published 2022 table whose 表三 一、 row prints 103, 3, blank, blank, 1, blank and total 107; 56 blanks in all. */
const PUBLISHED_060 = resolve(FIXTURES, 'published', '060.txt');
const pasted060 = () => readFileSync(PUBLISHED_060, 'utf8').split('\n').slice(2).join('\n');

function setup(extra: Partial<PaneDeps> = {}, plan: SheetPlan = compileSheetPlan('2021', { year: 2025, agency: null })) {
  const host = createStandaloneHost({
    plan,
    download: () => {},
    setTimer: (fn) => {
      fn();
      return 0;
    },
    clearTimer: () => {},
  });
  const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan, ...extra });
  return { host, controller };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function typeInto(host: StandaloneHost, cellId: string, text: string) {
  host.setCellText(cellId, text);
  await settle();
}

/** Runs an action that asks first: checks a question came, answers yes, returns the action's result. */
/** Waits until the controller asks (it re-reads the report, and sometimes a file, first). */
async function asked(controller: PaneController) {
  for (let i = 0; i < 20 && !controller.getState().confirm; i++) await settle();
}

async function confirmed(controller: PaneController, action: Promise<boolean>, kind: string): Promise<boolean> {
  await asked(controller);
  expect(controller.getState().confirm?.kind).toBe(kind);
  await controller.confirmPending();
  return action;
}

const inputIds = (format: '2021' | '2019') => getFormat(format).cells.filter((c) => c.role === 'input').map((c) => c.id);

describe('ask first, undo after', () => {
  test('the sample over typed data asks; no keeps the data; yes loads it; 撤销 brings the typed data, year and agency back', async () => {
    const { controller, host } = setup();
    await controller.start();
    await typeInto(host, 't3.received.natural', '7');
    await typeInto(host, 't2.regulation.issued', '十二');
    expect(await controller.generate(2025, '某某镇人民政府')).toBe(true); // same year: nothing asked

    const refused = controller.loadSample();
    await asked(controller);
    expect(controller.getState().confirm?.message).toContain('已填写的 2 个单元格将被示例数据替换');
    controller.cancelPending();
    expect(await refused).toBe(false);
    expect(host.model().texts['t3.received.natural']).toBe('7');

    expect(await confirmed(controller, controller.loadSample(), 'sample')).toBe(true);
    let s = controller.getState();
    expect(s.report?.agency).toBe('偃师区缙氏镇人民政府');
    expect(host.model().texts['t3.received.natural']).toBe('0');
    expect(s.notice).toMatchObject({ title: '已载入示例数据', undoable: true });

    expect(await controller.undo()).toBe(true);
    s = controller.getState();
    expect(s.report?.year).toBe(2025);
    expect(s.report?.agency).toBe('某某镇人民政府');
    expect(s.report?.cells['t3.received.natural']).toBe(7);
    // Text typed into a number cell comes back as typed; every other input is blank again (no sample zero left).
    expect(host.model().texts['t2.regulation.issued']).toBe('十二');
    expect(filledInputs(s.report)).toBe(2);
    expect(s.report?.cells['t3.granted.natural']).toBeNull();
    expect(s.notice?.title).toBe('已撤销');
    expect(await controller.undo()).toBe(false); // one step, taken
  });

  test('a value typed a moment before the click counts as data (the host tells of typing only after a pause)', async () => {
    const host = createStandaloneHost({ plan: compileSheetPlan('2021', { year: 2025, agency: null }), download: () => {}, setTimer: () => 0, clearTimer: () => {} });
    const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan });
    await controller.start();
    host.setCellText('t3.received.natural', '7'); // the change event never comes: the timer does not run
    const done = controller.loadSample();
    await asked(controller);
    expect(controller.getState().confirm?.message).toContain('已填写的 1 个单元格');
    controller.cancelPending();
    expect(await done).toBe(false);
    expect(host.model().texts['t3.received.natural']).toBe('7');
  });

  test('the sample on an empty report loads without asking', async () => {
    const { controller } = setup();
    await controller.start();
    expect(await controller.loadSample()).toBe(true);
    expect(controller.getState().confirm).toBeNull();
  });

  test('新建 clears every input for the chosen year; undo restores', async () => {
    const { controller } = setup();
    await controller.start();
    await controller.loadSample();
    expect(await confirmed(controller, controller.newReport(2024, '某某街道办事处'), 'new')).toBe(true);
    let r = controller.getState().report!;
    expect([r.year, r.agency, r.format]).toEqual([2024, '某某街道办事处', '2021']);
    expect(filledInputs(r)).toBe(0);
    expect(await controller.undo()).toBe(true);
    r = controller.getState().report!;
    expect([r.year, r.agency]).toEqual([2022, '偃师区缙氏镇人民政府']);
    expect(r.cells['t3.received.natural']).toBe(0);
  });

  test('新建 from its own dialog (confirmed there) does not ask twice', async () => {
    const { controller } = setup();
    await controller.start();
    await controller.loadSample();
    expect(await controller.newReport(2023, null, { confirmed: true })).toBe(true);
    expect(controller.getState().confirm).toBeNull();
    expect(controller.getState().report?.year).toBe(2023);
  });

  test('changing the page to 2020 rebuilds the tables in the 2019 format, keeping cells both formats have; undo goes back', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.received.natural', '5');
    await typeInto(host, 't3.carriedForward.natural', '5');
    const before = controller.getState().report!;
    expect(await confirmed(controller, controller.generate(2020, '某某镇人民政府'), 'year')).toBe(true);
    const s = controller.getState();
    expect(s.error).toBeNull();
    expect(s.report?.format).toBe('2019');
    expect(s.report?.year).toBe(2020);
    expect(host.model().plan?.format).toBe('2019');
    for (const id of inputIds('2019'))
      expect([id, s.report!.cells[id]]).toEqual([id, inputIds('2021').includes(id) ? before.cells[id] : null]);
    expect(s.report?.cells['t3.received.natural']).toBe(5);
    expect(await controller.undo()).toBe(true);
    expect(controller.getState().report?.format).toBe('2021');
    expect(controller.getState().report?.cells['t3.carriedForward.natural']).toBe(5);
  });

  test('in Excel a year of the other format still needs a new workbook', async () => {
    const report = sampleReport();
    const host = fakeExcelHost(report);
    const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan });
    await controller.start();
    expect(await controller.generate(2020, null)).toBe(false);
    expect(controller.getState().error?.message).toContain('请新建一个工作簿');
    expect(controller.getState().confirm).toBeNull();
  });

  test('空白按 0 处理 asks listing the blank cells, writes 0 there only, and undo blanks them again', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.granted.natural', '');
    await typeInto(host, 't4.review.upheld', '');
    await typeInto(host, 't2.fee.amount', '约5万'); // text: not a blank to fill
    const s = controller.getState();
    expect(s.blankCells).toEqual(['t3.granted.natural', 't4.review.upheld']);
    const done = controller.blanksAsZero();
    await asked(controller);
    expect(controller.getState().confirm).toMatchObject({ kind: 'blanksAsZero', cells: ['t3.granted.natural', 't4.review.upheld'] });
    expect(controller.getState().confirm?.message).toContain('以下 2 个空白单元格');
    await controller.confirmPending();
    expect(await done).toBe(true);
    expect(host.model().texts['t3.granted.natural']).toBe('0');
    expect(host.model().texts['t4.review.upheld']).toBe('0');
    expect(host.model().texts['t2.fee.amount']).toBe('约5万');
    expect(controller.getState().blankCells).toEqual([]);
    expect(await controller.undo()).toBe(true);
    expect(host.model().texts['t3.granted.natural']).toBe('');
    expect(host.model().texts['t4.review.upheld']).toBe('');
    expect(controller.getState().blankCells).toEqual(['t3.granted.natural', 't4.review.upheld']);
  });

  test('空白按 0 处理 with no blank cell does nothing', async () => {
    const { controller } = setup();
    await controller.start();
    await controller.loadSample();
    expect(controller.getState().blankCells).toEqual([]);
    expect(await controller.blanksAsZero()).toBe(false);
    expect(controller.getState().confirm).toBeNull();
  });

  test('an exported workbook opens back in place of the report (asked), and undo restores', async () => {
    const { writeXlsx } = await import('../../src/xlsx');
    const { controller, host } = setup({ ...features });
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.received.natural', '4');
    await typeInto(host, 't3.carriedForward.natural', '4');
    const bytes = writeXlsx(controller.exportPlan()!);
    expect(await confirmed(controller, controller.newReport(2025, null), 'new')).toBe(true);
    await typeInto(host, 't2.regulation.issued', '9');
    expect(await confirmed(controller, controller.openWorkbook({ name: '2022年报.xlsx', bytes }), 'open')).toBe(true);
    const r = controller.getState().report!;
    expect([r.year, r.agency]).toEqual([2022, '偃师区缙氏镇人民政府']);
    expect(r.cells['t3.received.natural']).toBe(4);
    expect(r.cells['t2.regulation.issued']).toBe(0);
    expect(controller.getState().notice?.title).toBe('已打开工作簿');
    expect(await controller.undo()).toBe(true);
    expect(controller.getState().report?.cells['t2.regulation.issued']).toBe(9);
    expect(controller.getState().report?.year).toBe(2025);
  });

  test('a file that cannot be read is a Chinese error and changes nothing', async () => {
    const { controller, host } = setup({ ...features });
    await controller.start();
    await typeInto(host, 't3.received.natural', '4');
    expect(await controller.openWorkbook({ name: '年报.xlsx', bytes: new Uint8Array([1, 2, 3]) })).toBe(false);
    expect(controller.getState().error?.title).toBe('打开工作簿失败');
    expect(controller.getState().error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(host.model().texts['t3.received.natural']).toBe('4');
  });

  test('a host with a wholesale reset gets the plan, text typed into a number cell included', async () => {
    const { controller, host } = setup();
    const plans: SheetPlan[] = [];
    Object.assign(host, { reset: async (plan: SheetPlan) => void plans.push(plan) });
    await controller.start();
    await typeInto(host, 't2.regulation.issued', '十二');
    expect(await confirmed(controller, controller.loadSample(), 'sample')).toBe(true);
    expect(plans).toHaveLength(1);
    expect(plans[0].year).toBe(2022);
    await controller.undo();
    const undone = plans[1].sheets.flatMap((s) => s.cells).find((c) => c.cellId === 't2.regulation.issued');
    expect(undone?.value).toBe('十二');
  });

  test('without a reset (Excel), replacing writes every input that differs, blanks as null', async () => {
    const report = sampleReport();
    report.cells['t3.received.natural'] = 2;
    const host = fakeExcelHost(report);
    const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan });
    await controller.start();
    expect(await confirmed(controller, controller.newReport(2022, null), 'new')).toBe(true);
    expect(host.writes).toHaveLength(1);
    const written = host.writes[0];
    expect(Object.keys(written).sort()).toEqual(inputIds('2021').filter((id) => report.cells[id] !== null).sort());
    expect(Object.values(written).every((v) => v === null)).toBe(true);
  });

  test('a restored report is said once on start', async () => {
    const { controller, host } = setup();
    Object.defineProperty(host, 'restored', { value: { savedAt: new Date(2026, 10, 28, 9, 30, 0) } });
    await controller.start();
    const notice = controller.getState().notice!;
    expect(notice.message).toContain('已恢复上次未导出的数据');
    expect(notice.message).toContain('2026-11-28 09:30:00');
    // The bold title is read just before the message: it must not repeat the message's first words.
    expect(notice.title).not.toBe('');
    expect(notice.message.startsWith(notice.title)).toBe(false);
    controller.dismissNotice();
    await controller.start();
    expect(controller.getState().notice).toBeNull();
  });
});

describe('import replaces, visibly', () => {
  const realImporter = async (): Promise<ImportFn> => features.loadImporter!();

  test('a published table over the sample: no sample value is left, the agency is the paste\'s, 107 = 103 + 3 + 1 is not a difference', async () => {
    const { controller } = setup({ loadImporter: realImporter });
    await controller.start();
    await controller.loadSample();
    const preview = (await controller.previewImport(pasted060(), 'text'))!;
    expect(preview.report.cells['t3.received.total']).toBe(107);
    expect(preview.totalsNotComparable).toContain('t3.received.total');
    expect(preview.notWritten.map((n) => n.cellId)).not.toContain('t3.received.total');
    expect(preview.replacing).toBe(filledInputs(sampleReport()));
    // The paste names no year and no agency: the year is asked (the user gives it), the agency stays blank.
    expect([preview.report.year, preview.report.agency]).toEqual([null, null]);
    expect(await confirmed(controller, controller.applyImport(preview, { year: 2022 }), 'import')).toBe(true);
    const r = controller.getState().report!;
    const expected = JSON.parse(readFileSync(resolve(FIXTURES, 'published', '060.expected.json'), 'utf8')) as Report;
    for (const id of inputIds('2021')) expect([id, r.cells[id]]).toEqual([id, expected.cells[id] ?? null]);
    expect(r.agency).toBeNull();
    expect(r.year).toBe(2022);
    expect(controller.getState().notice).toMatchObject({ title: '导入完成', undoable: true });
    // Undo: the sample is back, zeros and all.
    expect(await controller.undo()).toBe(true);
    expect(controller.getState().report?.cells['t3.received.research']).toBe(0);
    expect(controller.getState().report?.agency).toBe('偃师区缙氏镇人民政府');
  });

  test('「只更新粘贴的单元格」 keeps cells the paste does not have and the current agency', async () => {
    const { controller } = setup({ loadImporter: realImporter });
    await controller.start();
    await controller.loadSample();
    const preview = (await controller.previewImport(pasted060(), 'text'))!;
    expect(await confirmed(controller, controller.applyImport(preview, { onlyPasted: true }), 'import')).toBe(true);
    expect(controller.getState().report?.year).toBe(2022); // the report's year, the paste had none
    const r = controller.getState().report!;
    expect(r.cells['t3.received.natural']).toBe(103);
    expect(r.cells['t3.received.research']).toBe(0); // blank in the paste: the sample's 0 stays
    expect(r.agency).toBe('偃师区缙氏镇人民政府');
  });

  test('a year the paste lacks is not taken from the report: it is asked, and checked against the paste\'s format', async () => {
    const seen: { year?: number }[] = [];
    const imported = blankReport('2021', null);
    imported.cells['t3.received.natural'] = 1;
    const { controller } = setup({
      loadImporter: async () => (_text, options) => (seen.push({ year: options.year }), { report: imported, issues: [] }),
    });
    await controller.start();
    const preview = (await controller.previewImport('一、本年新收\t1', 'text'))!;
    expect(seen).toEqual([{ year: undefined }]);
    expect(preview.report.year).toBeNull();
    expect(await controller.applyImport(preview)).toBe(false);
    expect(controller.getState().error?.message).toContain('没有找到报告年度');
    expect(await controller.applyImport(preview, { year: 2020 })).toBe(false);
    expect(controller.getState().error?.message).toContain('2020 年度不使用粘贴表格的格式');
    expect(await controller.applyImport(preview, { year: 2023 })).toBe(true); // the report is empty: nothing asked
    expect(controller.getState().report?.year).toBe(2023);
    expect(controller.getState().report?.cells['t3.received.natural']).toBe(1);
  });
});

describe('planImport compares pasted totals with pasted parts only', () => {
  test('parts partly blank: not comparable; all parts pasted: agree or differ', () => {
    const imported = blankReport('2021', 2022);
    Object.assign(imported.cells, {
      't3.received.natural': 103, 't3.received.business': 3, 't3.received.legalService': 1, 't3.received.total': 107,
      't4.review.upheld': 1, 't4.review.corrected': 0, 't4.review.other': 0, 't4.review.pending': 0, 't4.review.total': 1,
      't4.suitDirect.upheld': 1, 't4.suitDirect.corrected': 1, 't4.suitDirect.other': 0,
      't4.suitDirect.pending': 0, 't4.suitDirect.total': 5,
    });
    const p = planImport(imported, [], 'text', null);
    expect(p.totalsNotComparable).toEqual(['t3.received.total']);
    expect(p.totalsAgreeing).toBe(1);
    expect(p.notWritten).toEqual([{ cellId: 't4.suitDirect.total', value: 5, why: 'total' }]);
    expect(p.missing).toEqual([]);
  });

  test('input cells the paste does not have at all are listed as missing', () => {
    const imported: Report = { format: '2021', year: 2022, agency: null, cells: { 't3.received.natural': 2 } };
    const p = planImport(imported, [], 'text', null);
    expect(p.missing).toHaveLength(inputIds('2021').length - 1);
    expect(p.missing).not.toContain('t3.received.natural');
  });
});

/** An Excel-like host over a fixed report without `reset`: generate keeps values, writes are recorded. */
function fakeExcelHost(report: Report): ReportHost & { writes: Record<string, number | null>[] } {
  let current = structuredClone(report);
  const writes: Record<string, number | null>[] = [];
  return {
    kind: 'excel',
    capabilities: () => ({ excelApi: '1.9', missing: [], currentFile: false }),
    generate: async (plan) => {
      current = { ...current, year: plan.year, agency: plan.agency };
    },
    readReport: async () => structuredClone(current),
    writeCells: async (cells) => {
      writes.push(cells);
      current = { ...current, cells: { ...current.cells, ...cells } };
    },
    selectCell: async () => {},
    onUserChange: () => () => {},
    openExport: async () => 'opened',
    writes,
  };
}
