/**
 * The pane's controller over an Excel-like host: the reader's findings in the sheets (totals typed
 * over or deleted) become findings and count in the verdict; live checking paused and 「重新检查」;
 * an export Excel could not open, saved as a download, says why.
 */
import { compileSheetPlan, describeIssues, sampleReport, type ImportIssue, type Report } from '../../src/core';
import { PaneController, verdictCounts } from '../../src/app/controller';
import type { ExportTarget, LiveCheck, LiveCheckState, ReportHost } from '../../src/host/types';
import { APP_TEXT } from '../../src/taskpane/strings.zh-CN';

const CLOCK = new Date(2026, 10, 29, 13, 5, 9);
const TOTAL = 't3.received.total';

interface FakeExcel extends ReportHost {
  selected: string[];
  report: Report;
  issues: ImportIssue[];
  notices: string[];
  exportAnswer: 'opened' | 'downloaded';
}

function fakeExcelHost(over: Partial<ReportHost> = {}): FakeExcel {
  const host: FakeExcel = {
    kind: 'excel',
    selected: [],
    report: sampleReport(),
    issues: [],
    notices: [],
    exportAnswer: 'opened',
    capabilities: () => ({ excelApi: '1.9', missing: [], currentFile: true }),
    generate: async () => {},
    readReport: async () => host.report,
    get lastReadIssues() {
      return host.issues;
    },
    get lastNotices() {
      return host.notices;
    },
    writeCells: async () => {},
    selectCell: async (id) => void host.selected.push(id),
    onUserChange: () => () => {},
    openExport: async () => host.exportAnswer,
    currentFileBytes: async () => new Uint8Array([80, 75]),
    ...over,
  };
  return host;
}

function controllerFor(host: ReportHost) {
  return new PaneController({
    host, clock: () => CLOCK, compilePlan: compileSheetPlan,
    loadXlsxWriter: async () => () => new Uint8Array([80, 75]),
  });
}

/** The sample with one total typed over: a constant `by` above its parts. */
function typedOver(host: FakeExcel, by: number) {
  const parts = host.report.cells[TOTAL] as number;
  host.report = { ...host.report, cells: { ...host.report.cells, [TOTAL]: parts + by } };
  host.issues = [{ code: 'TOTAL-OVERWRITTEN', cells: [TOTAL], severity: by ? 'error' : 'warning', expected: parts, found: parts + by }];
}

describe('findings the Excel reader found in the sheets', () => {
  test('a total typed over with another number: an error among errors, worded by describeIssues, selecting its cell, not clean', async () => {
    const host = fakeExcelHost();
    typedOver(host, 12);
    const controller = controllerFor(host);
    await controller.start();
    const s = controller.getState();
    const t3 = s.groups.find((g) => g.table === 't3')!;
    const sheet = t3.findings.find((f) => f.kind === 'sheet')!;
    expect(sheet.message).toBe(describeIssues(s.report!.format, host.issues)[0].message);
    expect(sheet.message).toContain('总计已被改写为固定数值');
    expect(sheet.severity).toBe('error');
    expect(sheet.target).toBe(TOTAL);
    // Errors first: no warning or undecided finding comes before it.
    const firstNonError = t3.findings.findIndex((f) => f.severity !== 'error' || f.kind === 'undecided');
    expect(firstNonError === -1 || t3.findings.indexOf(sheet) < firstNonError).toBe(true);
    expect(verdictCounts(s).errors).toBe(s.summary.errors + s.textErrors + 1);
    await controller.select(sheet.target);
    expect(host.selected).toEqual([TOTAL]);
  });

  test('a total typed over with the same number: a warning, the report has no error', async () => {
    const host = fakeExcelHost();
    typedOver(host, 0);
    const controller = controllerFor(host);
    await controller.start();
    const s = controller.getState();
    expect(s.summary.errors).toBe(0);
    expect(verdictCounts(s)).toMatchObject({ errors: 0, warnings: s.summary.warnings + 1 });
    expect(s.groups.flatMap((g) => g.findings).filter((f) => f.kind === 'sheet').map((f) => f.severity)).toEqual(['warning']);
  });

  test('a deleted formula counts as an error even though the rules cannot decide; it goes when the sheet is mended', async () => {
    const host = fakeExcelHost();
    host.report = { ...host.report, cells: { ...host.report.cells, [TOTAL]: null } };
    host.issues = [{ code: 'TOTAL-FORMULA-DELETED', cells: [TOTAL], severity: 'error', expected: sampleReport().cells[TOTAL] }];
    const controller = controllerFor(host);
    await controller.start();
    expect(controller.getState().summary.errors).toBe(0);
    expect(verdictCounts(controller.getState()).errors).toBe(1);
    expect(controller.getState().groups.flatMap((g) => g.findings).some((f) => /求和公式已被删除/.test(f.message))).toBe(true);
    // Listing undecided rules too keeps the sheet's finding.
    controller.setIncludeUndecided(true);
    expect(controller.getState().groups.flatMap((g) => g.findings).some((f) => f.kind === 'sheet')).toBe(true);

    host.report = sampleReport();
    host.issues = [];
    await controller.refresh();
    expect(verdictCounts(controller.getState()).errors).toBe(0);
    expect(controller.getState().groups.flatMap((g) => g.findings).some((f) => f.kind === 'sheet')).toBe(false);
  });

  test('information (a total showing its number as text) is no finding; text in a cell is listed once', async () => {
    const host = fakeExcelHost();
    host.report = { ...host.report, cells: { ...host.report.cells, [TOTAL]: null }, raw: { [TOTAL]: '#REF!' } };
    host.issues = [
      { code: 'TEXT-IN-NUMBER', cells: [TOTAL], severity: 'error', text: '#REF!' },
      { code: 'TEXT-IN-CELL', cells: ['t3.received.natural'], severity: 'info', text: '12', readAs: '12' },
    ];
    const controller = controllerFor(host);
    await controller.start();
    const s = controller.getState();
    const all = s.groups.flatMap((g) => g.findings);
    expect(all.filter((f) => f.cells.includes(TOTAL) && f.code === 'TEXT-IN-NUMBER')).toHaveLength(1);
    expect(all.some((f) => f.code === 'TEXT-IN-CELL')).toBe(false);
    expect(s.sheetIssues).toEqual([]);
  });

  test('the export notice counts the sheet errors', async () => {
    const host = fakeExcelHost();
    typedOver(host, 12);
    const controller = controllerFor(host);
    await controller.start();
    await controller.exportWorkbook();
    const notice = controller.getState().notice!;
    expect(notice.intent).toBe('warning');
    expect(notice.message).toBe(APP_TEXT.exported.message(verdictCounts(controller.getState()).errors, verdictCounts(controller.getState()).warnings));
  });
});

function fakeLiveCheck(initial: LiveCheckState) {
  let state = initial;
  const listeners = new Set<(s: LiveCheckState) => void>();
  const live: LiveCheck & { set(s: LiveCheckState): void; listeners: typeof listeners; retries: number } = {
    listeners,
    retries: 0,
    state: () => state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async retry() {
      live.retries++;
      live.set('on');
    },
    set(next) {
      state = next;
      for (const l of [...listeners]) l(next);
    },
  };
  return live;
}

describe('live checking', () => {
  test('its state is kept; 「重新检查」 retries and reads again; stop() unsubscribes', async () => {
    const live = fakeLiveCheck('retrying');
    const host = fakeExcelHost({ liveCheck: live });
    let reads = 0;
    const read = host.readReport;
    host.readReport = () => {
      reads++;
      return read();
    };
    const controller = controllerFor(host);
    await controller.start();
    expect(controller.getState().liveCheck).toBe('retrying');
    live.set('off');
    expect(controller.getState().liveCheck).toBe('off');
    const before = reads;
    await controller.retryLiveCheck();
    expect(live.retries).toBe(1);
    expect(controller.getState().liveCheck).toBe('on');
    expect(reads).toBeGreaterThan(before);
    controller.stop();
    expect(live.listeners.size).toBe(0);
    live.set('off');
    expect(controller.getState().liveCheck).toBe('on');
  });

  test('a failing retry is an error in Chinese, and the state stays off', async () => {
    const live = fakeLiveCheck('off');
    live.retry = async () => {
      throw Object.assign(new Error('denied'), { code: 'AccessDenied' });
    };
    const controller = controllerFor(fakeExcelHost({ liveCheck: live }));
    await controller.start();
    await controller.retryLiveCheck();
    expect(controller.getState().liveCheck).toBe('off');
    expect(controller.getState().error?.detail).toContain('AccessDenied');
  });

  test('a host without live checking leaves the state null', async () => {
    const controller = controllerFor(fakeExcelHost());
    await controller.start();
    expect(controller.getState().liveCheck).toBeNull();
  });
});

describe('an export Excel could not open', () => {
  const WHY = 'Excel 无法直接打开导出的工作簿（…），已改为下载文件「年报.xlsx」：请在浏览器的下载列表或「下载」文件夹中打开它。';

  test('saved as a download in Excel: the notice says why and where, as a warning', async () => {
    const host = fakeExcelHost();
    host.exportAnswer = 'downloaded';
    host.openExport = async (_t: ExportTarget) => {
      host.notices = [WHY];
      return 'downloaded';
    };
    const controller = controllerFor(host);
    await controller.start();
    await controller.exportWorkbook();
    const notice = controller.getState().notice!;
    expect(notice.intent).toBe('warning');
    expect(notice.title).toBe(APP_TEXT.exported.downloaded);
    expect(notice.message).toContain(WHY);

    await controller.exportCurrentFile();
    expect(controller.getState().notice).toMatchObject({ intent: 'warning', message: WHY });
  });

  test('on the page a download is the usual way: no fallback news, even with notices', async () => {
    const host = fakeExcelHost({ kind: 'standalone' });
    host.exportAnswer = 'downloaded';
    host.notices = [WHY];
    const controller = controllerFor(host);
    await controller.start();
    await controller.exportWorkbook();
    expect(controller.getState().notice).toMatchObject({ intent: 'success', title: APP_TEXT.exported.downloaded });
    expect(controller.getState().notice!.message).not.toContain(WHY);
  });

  test('opened in Excel: the notices of an earlier generate are not repeated', async () => {
    const host = fakeExcelHost();
    host.notices = ['工作簿中已有一个名为「表三」的工作表'];
    const controller = controllerFor(host);
    await controller.start();
    await controller.exportWorkbook();
    const notice = controller.getState().notice!;
    expect(notice.intent).toBe('success');
    expect(notice.message).not.toContain('表三');
  });
});
