/**
 * 「导出 Word 年报」/「导出网页」 over the standalone host with the pane's real writer (loaded as
 * the pane loads it): the document is built from the sheets as they are, failing checks are
 * listed first and the user decides.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { compileSheetPlan } from '../../src/core';
import { tableSummary } from '../../src/core/sheetplan/compile';
import { PaneController, failingCheckLines, type PaneDeps } from '../../src/app/controller';
import { createStandaloneHost, type StandaloneHost } from '../../src/standalone/host';
import { features } from '../../src/taskpane/features';

const SAMPLE_AGENCY = '偃师区缙氏镇人民政府';

function setup(extra: Partial<PaneDeps> = {}) {
  const downloads: { bytes: Uint8Array; fileName: string }[] = [];
  const host = createStandaloneHost({
    plan: compileSheetPlan('2021', { year: 2025, agency: null }),
    download: () => {
      throw new Error('documents go through deps.download, never the workbook export');
    },
    setTimer: (fn) => {
      fn();
      return 0;
    },
    clearTimer: () => {},
  });
  const controller = new PaneController({
    host, clock: () => new Date(2026, 10, 29), compilePlan: compileSheetPlan,
    loadDocumentWriter: features.loadDocumentWriter, download: (t) => downloads.push(t), ...extra,
  });
  return { host, controller, downloads };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function typeInto(host: StandaloneHost, cellId: string, text: string) {
  host.setCellText(cellId, text);
  await settle();
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exporting the report as a document', () => {
  test('the sample, all checks passing: the web page downloads at once, with the tables and the agency', async () => {
    const { controller, downloads } = setup();
    await controller.start();
    await controller.loadSample();
    expect(failingCheckLines(controller.getState())).toEqual([]);
    expect(await controller.exportDocument('html')).toBe(true);
    expect(controller.getState().confirm).toBeNull();
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName).toBe(`2022年政府信息公开工作年度报告（${SAMPLE_AGENCY}）.html`);
    const html = text(downloads[0].bytes);
    expect(html).toContain('<caption>');
    expect(html).toContain(SAMPLE_AGENCY);
    expect(html).not.toContain('检查未通过');
    expect(controller.getState().notice).toMatchObject({ intent: 'success', title: '已开始下载' });
    expect(controller.getState().busy).toBeNull();
  });

  test('the Word document is a .docx whose body names the agency and holds the value typed in the sheet', async () => {
    const { controller, host, downloads } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't2.regulation.issued', '4321');
    const exporting = controller.exportDocument('docx');
    await settle();
    // A changed count may fail a check: go on regardless, it is the document's content that matters here.
    if (controller.getState().confirm) await controller.confirmPending();
    expect(await exporting).toBe(true);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName.endsWith('.docx')).toBe(true);
    const files = unzipSync(downloads[0].bytes);
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain(SAMPLE_AGENCY);
    expect(xml.includes('>4321<')).toBe(true);
  });

  test('failing checks are listed first; 「取消」 exports nothing, going on exports a document that says so at the top', async () => {
    const { controller, host, downloads } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.received.natural', '999');
    await typeInto(host, 't2.normative.inForce', '一些');
    const state = controller.getState();
    const lines = failingCheckLines(state);
    expect(state.summary.errors).toBeGreaterThan(0);
    expect(lines[0]).toBe('1 个单元格填写的是文字而不是数字，在年报中留空');

    const declined = controller.exportDocument('html');
    await settle();
    const asking = controller.getState().confirm;
    expect(asking?.kind).toBe('document');
    expect(asking?.items).toEqual(lines);
    expect(asking?.title).toBe(`有 ${lines.length} 项检查未通过，仍要导出？`);
    controller.cancelPending();
    expect(await declined).toBe(false);
    expect(downloads).toHaveLength(0);

    const accepted = controller.exportDocument('html');
    await settle();
    expect(controller.getState().confirm?.confirmLabel).toBe('仍导出网页');
    await controller.confirmPending();
    expect(await accepted).toBe(true);
    expect(downloads).toHaveLength(1);
    const html = text(downloads[0].bytes);
    expect(html).toContain('检查未通过');
    expect(controller.getState().notice?.intent).toBe('warning');
  });

  test('the page\'s workbook export carries the summary from the tables in 文字说明 under 二、三、四', async () => {
    const { controller, host } = setup();
    await controller.start();
    await controller.loadSample();
    await typeInto(host, 't3.received.natural', '5');
    await typeInto(host, 't3.carriedForward.natural', '5');
    const sheet = controller.exportPlan()!.sheets.find((s) => s.key === 'narrative')!;
    const texts = sheet.cells.filter((c) => c.role === 'text').map((c) => String(c.value));
    const summary = tableSummary(controller.getState().report!);
    expect(summary.t3?.join('')).toContain('5');
    for (const p of [...summary.t2!, ...summary.t3!, ...summary.t4!]) expect(texts).toContain(p);
  });

  test('without the writer or a download, the pane says so instead of pretending', async () => {
    const { controller, downloads } = setup({ loadDocumentWriter: undefined });
    await controller.start();
    await controller.loadSample();
    expect(await controller.exportDocument('docx')).toBe(false);
    expect(downloads).toHaveLength(0);
    expect(controller.getState().error).toMatchObject({ title: '导出 Word 年报失败', message: expect.stringContaining('导出年报功能尚未就绪') });
  });

  test('a writer that fails leaves an error naming the action and the pane idle', async () => {
    const { controller, downloads } = setup({ loadDocumentWriter: async () => async () => { throw new Error('磁盘已满'); } });
    await controller.start();
    await controller.loadSample();
    expect(await controller.exportDocument('html')).toBe(false);
    expect(downloads).toHaveLength(0);
    expect(controller.getState().busy).toBeNull();
    expect(controller.getState().error?.title).toContain('导出网页');
  });
});
