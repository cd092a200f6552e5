/**
 * The pane's application logic, without React: the report as the host has it, its check,
 * findings by table, import preview and apply, summary, export. Components subscribe to its
 * state (useSyncExternalStore) and call its methods; everything external comes in `PaneDeps`.
 */
// Deep imports (not '../core'): the core's index also carries the importer and the narrative
// writer, which the pane loads on demand to keep its first download small.
import { undecidedBlanks } from '../core/blank-cells';
import { check, summarize, type CheckResult, type CheckSummary } from '../core/check';
import { findCell, formatIdForYear, getFormat, type FormatId } from '../core/formats';
import type { Report } from '../core/report';
import { blankReport } from '../core/report';
import { sampleReport } from '../core/sample';
import type { SheetPlan } from '../core/sheetplan/types';
import type { ExportTarget, LiveCheckState, ReportHost } from '../host/types';
import { describeError, type PaneError } from './errors';
import { exportFileName, formatCheckTime, withCheckSheet, withTypedTexts } from './export-plan';
import { buildFindings, sheetFindings, shownSheetIssues, textCells, type FindingGroup, type SheetIssue } from './findings';
import { APP_TEXT } from '../taskpane/strings.zh-CN';

/** An import issue as the pane shows it (text from the core's messages). */
export interface ImportIssueView {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  cells: string[];
  /** Where in the pasted text (1-based), when the importer knows it: the pane highlights that line. */
  line?: number;
  column?: number;
}

export interface SummarySection {
  heading: string;
  paragraphs: string[];
}

export type ImportFn = (
  text: string,
  options: { year?: number; mime: 'text/plain' | 'text/html' },
) => { report: Report; issues: ImportIssueView[] };
export type SummaryFn = (report: Report, lastYear?: Report | null) => SummarySection[];
/** Reads last year's report from a file the user picked (.xlsx, .json, .txt, .html). */
export type LastYearReader = (file: { name: string; bytes: Uint8Array }, year: number | null) => Report;
/** The published report's two forms: a Word document and a web page. */
export type DocumentKind = 'docx' | 'html';
/** Writes the whole report (document plan + renderer) as the bytes of a .docx or .html file. */
export type DocumentWriter = (
  kind: DocumentKind, report: Report, options: { lastYear: Report | null; outcomes: CheckResult['outcomes'] },
) => Promise<Uint8Array>;

export interface PaneDeps {
  host: ReportHost;
  clock: () => Date;
  compilePlan: (formatId: FormatId, options: { report?: Report; year?: number | null; agency?: string | null; lastYear?: Report | null }) => SheetPlan;
  /** Loads the importer (src/core/import) on first use; absent: the pane says import is not available. */
  loadImporter?: () => Promise<ImportFn>;
  /** Loads the narrative writer (src/core/narrative) on first use; absent: the pane says so. */
  loadSummaryWriter?: () => Promise<SummaryFn>;
  /** Loads the reader of last year's report on first use (「上年报告」: cross-year rules and sentences). */
  loadLastYearReader?: () => Promise<LastYearReader>;
  /** Loads the .xlsx writer on demand (kept out of the pane's first download). */
  loadXlsxWriter?: () => Promise<(plan: SheetPlan) => Uint8Array>;
  /** Loads the document plan and its renderers on first use (the `docx` package stays out of the first download). */
  loadDocumentWriter?: () => Promise<DocumentWriter>;
  /** Hands a file to the browser's downloads (Word documents and web pages go out this way, also in Excel). */
  download?: (target: ExportTarget) => void;
  /** Default report year for a new workbook (the year before the clock's). */
  defaultYear?: number;
}

export type Notice = {
  intent: 'success' | 'info' | 'warning';
  title: string;
  message: string;
  /** The notice offers 「撤销」: the action it reports can be undone (controller.undo). */
  undoable?: boolean;
};

/** What a pending question is about (the dialog's wording comes with it). */
export type ConfirmKind = 'sample' | 'import' | 'new' | 'year' | 'blanksAsZero' | 'open' | 'document';

/** An action waiting for the user's yes (a dialog): what it does and what it replaces. */
export interface Confirmation {
  kind: ConfirmKind;
  title: string;
  message: string;
  /** Cells the action writes, by id (「空白按 0 处理」 lists them in the form's words). */
  cells: string[];
  /** Lines listed under the message (the failing checks before a document is exported). */
  items?: string[];
  confirmLabel: string;
}

export interface PaneState {
  /** loading: first read running; empty: no report sheets yet; ready: a report is shown. */
  phase: 'loading' | 'empty' | 'ready';
  report: Report | null;
  result: CheckResult | null;
  checkedAt: Date | null;
  groups: FindingGroup[];
  summary: CheckSummary;
  /** Cells holding text that is not a number. */
  textErrors: number;
  includeUndecided: boolean;
  /** What is running (「正在检查」 …), null when idle. */
  busy: string | null;
  error: PaneError | null;
  notice: Notice | null;
  /** Last year's report (「上年报告」), when the user gave one: X-CARRY and X-INFORCE run. */
  lastYear: { report: Report; fileName: string } | null;
  /** Input cells left blank (not text) that leave rules undecided: what 「空白按 0 处理」 fills. */
  blankCells: string[];
  /** An action waiting for the user's answer (shown as a dialog), null when none. */
  confirm: Confirmation | null;
  /** What the host's reader found in the sheets (totals typed over or deleted), worded for the user. */
  sheetIssues: SheetIssue[];
  /** Whether Excel tells of changes ('off': the pane offers 「重新检查」); null where watching cannot fail. */
  liveCheck: LiveCheckState | null;
}

/** The verdict's counts: the rules' outcomes plus text in number cells and the sheet's own findings. */
export function verdictCounts(state: Pick<PaneState, 'summary' | 'textErrors' | 'sheetIssues'>): CheckSummary {
  const sheet = (severity: 'error' | 'warning') => state.sheetIssues.filter((i) => i.severity === severity).length;
  return {
    errors: state.summary.errors + state.textErrors + sheet('error'),
    warnings: state.summary.warnings + sheet('warning'),
    undecided: state.summary.undecided,
    passed: state.summary.passed,
  };
}

export interface ImportPreview {
  source: 'text' | 'html';
  report: Report;
  issues: ImportIssueView[];
  /** Numbers that will be written into input cells. */
  writes: Record<string, number>;
  /** Cells the paste has blank: blank after a replacing import, kept as they are with 「只更新粘贴的单元格」. */
  blanks: string[];
  /** Input cells of the format the paste does not have at all (blank after a replacing import). */
  missing: string[];
  /**
   * Values that are not written: totals whose pasted value differs from what the sheet will
   * compute, and cells outside this format.
   */
  notWritten: { cellId: string; value: number; why: 'total' | 'otherFormat' }[];
  /** Pasted totals equal to the sum of their pasted parts (not written either: the sheet computes them). */
  totalsAgreeing: number;
  /** Pasted totals some of whose parts the paste left blank: they cannot be compared (not a difference). */
  totalsNotComparable: string[];
  /** The sheets will be set to this year (and agency) before writing, when they differ. */
  retitle: { year: number | null; agency: string | null } | null;
  /** Filled input cells of the report now (numbers or text): what a replacing import replaces. */
  replacing: number;
}

/** How an import is written: 「只更新粘贴的单元格」 keeps cells the paste has not; a year the paste lacked. */
export interface ApplyImportOptions {
  onlyPasted?: boolean;
  year?: number | null;
}

const EMPTY_SUMMARY: CheckSummary = { errors: 0, warnings: 0, undecided: 0, passed: 0 };

export class PaneController {
  private state: PaneState = {
    phase: 'loading', report: null, result: null, checkedAt: null, groups: [], summary: EMPTY_SUMMARY,
    textErrors: 0, includeUndecided: false, busy: null, error: null, notice: null, lastYear: null,
    blankCells: [], confirm: null, sheetIssues: [], liveCheck: null,
  };
  /** The action behind `state.confirm`, run on the user's yes; `answer` settles the asking call. */
  private pending: { run: () => Promise<boolean>; answer: (done: boolean) => void } | null = null;
  /** How to take back the last replacing action (「撤销」): write the report before it back, or clear what it wrote. */
  private undoStep: (() => Promise<void>) | null = null;
  private restoredShown = false;
  private readonly listeners = new Set<() => void>();
  private unsubscribeHost: (() => void) | null = null;
  private unsubscribeLiveCheck: (() => void) | null = null;
  private refreshRun = 0;

  constructor(private readonly deps: PaneDeps) {}

  get host(): ReportHost {
    return this.deps.host;
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Starts listening to the host's change events and reads the report once. */
  async start(): Promise<void> {
    if (!this.unsubscribeHost) this.unsubscribeHost = this.deps.host.onUserChange(() => void this.refresh());
    this.watchLiveCheck();
    await this.refresh();
    const restored = this.deps.host.restored;
    if (restored && !this.restoredShown && !this.state.error) {
      this.restoredShown = true; // said once, not on every remount
      this.set({ notice: { intent: 'info', title: APP_TEXT.restored.title, message: APP_TEXT.restored.message(formatCheckTime(restored.savedAt)) } });
    }
  }

  stop() {
    this.unsubscribeHost?.();
    this.unsubscribeHost = null;
    this.unsubscribeLiveCheck?.();
    this.unsubscribeLiveCheck = null;
  }

  /** Keeps the host's live-check state in PaneState, so the pane can say when checking has stopped. */
  private watchLiveCheck() {
    const live = this.deps.host.liveCheck;
    if (!live || this.unsubscribeLiveCheck) return;
    this.unsubscribeLiveCheck = live.onState((state) => this.set({ liveCheck: state }));
    this.set({ liveCheck: live.state() });
  }

  /** 「重新检查」 when live checking is off: the host registers again, then the report is read and checked. */
  async retryLiveCheck(): Promise<void> {
    const live = this.deps.host.liveCheck;
    try {
      if (live) await live.retry();
    } catch (e) {
      this.fail(e, APP_TEXT.doing.read);
      return;
    }
    await this.refresh();
  }

  dismissError = () => this.set({ error: null });
  dismissNotice = () => {
    if (this.state.notice?.undoable) this.undoStep = null;
    this.set({ notice: null });
  };
  notify = (notice: Notice) => this.set({ notice });

  /** Shows an error that happened outside the controller (e.g. the Excel adapter failing to start). */
  showError(error: unknown, doing: string) {
    this.set({ error: describeError(error, doing) });
  }

  private fail(error: unknown, doing: string) {
    this.set({ error: describeError(error, doing), busy: null });
  }

  /** Re-reads the report from the host and checks it (the live check). */
  async refresh(): Promise<void> {
    const run = ++this.refreshRun;
    try {
      const report = await this.deps.host.readReport();
      if (run !== this.refreshRun) return; // a newer read is under way
      if (!report) {
        this.set({ phase: 'empty', report: null, result: null, groups: [], summary: EMPTY_SUMMARY, textErrors: 0, checkedAt: null, blankCells: [], sheetIssues: [] });
        return;
      }
      const sheetIssues = await this.describeReadIssues(report);
      if (run !== this.refreshRun) return;
      this.apply(report, sheetIssues);
    } catch (e) {
      if (run === this.refreshRun) this.fail(e, APP_TEXT.doing.read);
    }
  }

  /**
   * The host reader's findings in the sheets (totals typed over or deleted), worded by the core's
   * describeIssues. The importer's chunk carries it, loaded only when there is something to word:
   * importing it here would put the whole importer into the pane's first download.
   */
  private async describeReadIssues(report: Report): Promise<SheetIssue[]> {
    const issues = this.deps.host.lastReadIssues ?? [];
    if (!issues.length) return [];
    const { describeIssues } = await import(/* webpackChunkName: "import" */ '../core/import');
    // Only what becomes a finding counts in the verdict (not information, not text listed already).
    return shownSheetIssues(describeIssues(report.format, issues), textCells(report))
      .map((i) => ({ code: i.code, severity: i.severity, message: i.message, cells: i.cells }));
  }

  private apply(report: Report, sheetIssues: SheetIssue[] = this.state.sheetIssues) {
    const result = check(report, { lastYear: this.state.lastYear?.report ?? null });
    this.set({
      phase: 'ready',
      report,
      result,
      checkedAt: this.deps.clock(),
      groups: this.findingGroups(result, this.state.includeUndecided, report, sheetIssues),
      summary: summarize(result.outcomes),
      textErrors: textCells(report).length,
      blankCells: blankInputCells(report, result),
      sheetIssues,
    });
  }

  private findingGroups(result: CheckResult, includeUndecided: boolean, report: Report, sheetIssues: readonly SheetIssue[]): FindingGroup[] {
    return buildFindings(result, { includeUndecided }, sheetFindings(report.format, sheetIssues, textCells(report)));
  }

  lastYearAvailable(): boolean {
    return !!this.deps.loadLastYearReader;
  }

  /** Reads last year's report from a picked file and re-checks with the cross-year rules. */
  async setLastYear(file: { name: string; bytes: Uint8Array }): Promise<boolean> {
    if (!this.deps.loadLastYearReader) return false;
    try {
      const read = await this.deps.loadLastYearReader();
      const thisYear = this.state.report?.year ?? null;
      const report = read(file, thisYear === null ? null : thisYear - 1);
      const expectedYear = thisYear === null ? null : thisYear - 1;
      this.set({
        lastYear: { report, fileName: file.name },
        error: null,
        notice:
          expectedYear !== null && report.year !== null && report.year !== expectedYear
            ? { intent: 'warning', title: APP_TEXT.lastYear.title, message: APP_TEXT.lastYear.wrongYear(report.year, expectedYear) }
            : { intent: 'success', title: APP_TEXT.lastYear.title, message: APP_TEXT.lastYear.loaded(file.name, report.year) },
      });
      if (this.state.report) this.apply(this.state.report);
      return true;
    } catch (e) {
      this.fail(e, APP_TEXT.doing.lastYear);
      return false;
    }
  }

  clearLastYear() {
    this.set({ lastYear: null, notice: null });
    if (this.state.report) this.apply(this.state.report);
  }

  setIncludeUndecided(include: boolean) {
    this.state = { ...this.state, includeUndecided: include };
    const { result, report, sheetIssues } = this.state;
    if (result && report) this.set({ groups: this.findingGroups(result, include, report, sheetIssues) });
    else this.set({});
  }

  async select(cellId: string): Promise<void> {
    try {
      await this.deps.host.selectCell(cellId);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.select);
    }
  }

  defaultYear(): number {
    return this.deps.defaultYear ?? this.deps.clock().getFullYear() - 1;
  }

  /**
   * Reads the report afresh before deciding whether to ask: the host tells of typing only after a
   * quiet moment, and a value typed just before the click must count as data.
   */
  private async syncWithHost(): Promise<void> {
    await this.refresh();
  }

  /** True when the report holds anything typed (a number or text in an input cell). */
  hasData(): boolean {
    return filledInputs(this.state.report) > 0;
  }

  /** The user said yes to the pending question: run its action. */
  confirmPending = async (): Promise<boolean> => {
    const pending = this.pending;
    this.pending = null;
    this.set({ confirm: null });
    if (!pending) return false;
    const done = await pending.run();
    pending.answer(done);
    return done;
  };

  /** The user said no: nothing happens. */
  cancelPending = () => {
    const pending = this.pending;
    this.pending = null;
    this.set({ confirm: null });
    pending?.answer(false);
  };

  /**
   * Runs `action` now when nothing typed would be replaced (or the user already agreed), else asks
   * first: the question goes to state (a dialog) and the action waits for confirmPending. Resolves
   * with the action's result once done, or false when the user said no.
   */
  private askFirst(question: Omit<Confirmation, 'cells'> & { cells?: string[] }, action: () => Promise<boolean>, mustAsk = false): Promise<boolean> {
    if (!mustAsk && !this.hasData()) return action();
    this.pending?.answer(false); // a newer question replaces an unanswered one
    return new Promise((answer) => {
      this.pending = { run: action, answer };
      this.set({ confirm: { cells: [], ...question } });
    });
  }

  /** 「撤销」: takes back the last replacing action (the report as it was before, year and agency included). */
  async undo(): Promise<boolean> {
    const step = this.undoStep;
    if (!step) return false;
    this.undoStep = null;
    this.set({ busy: APP_TEXT.busy.undo, error: null, notice: null });
    try {
      await step();
      await this.refresh();
      this.set({ busy: null, notice: { intent: 'info', title: APP_TEXT.undo.title, message: APP_TEXT.undo.message } });
      return true;
    } catch (e) {
      this.undoStep = step;
      this.fail(e, APP_TEXT.doing.undo);
      return false;
    }
  }

  /**
   * Runs a replacing action: keeps the report as it is for 「撤销」 (or uses the action's own, narrower
   * `undo`), then reports success as an undoable notice. `run` returns the notice to show (or throws).
   */
  private async replacing(
    busy: string, doing: string, run: () => Promise<Omit<Notice, 'undoable'>>, undo?: () => Promise<void>,
  ): Promise<boolean> {
    this.set({ busy, error: null, notice: null });
    try {
      const before = undo || this.state.phase !== 'ready' ? null : await this.deps.host.readReport();
      const notice = await run();
      await this.refresh();
      this.undoStep = undo ?? (before ? () => this.replaceReport(before) : null);
      this.set({ busy: null, notice: { ...notice, undoable: this.undoStep !== null } });
      return true;
    } catch (e) {
      this.fail(e, doing);
      await this.refresh().catch(() => undefined);
      return false;
    }
  }

  /**
   * Puts `target` in place of the report wholesale: every input cell takes its value (blank where it
   * has none; text typed into a number cell comes back as text where the host can hold it).
   */
  private async replaceReport(target: Report): Promise<void> {
    const host = this.deps.host;
    const plan = withTypedTexts(
      this.deps.compilePlan(target.format, { report: inputsOnly(target), year: target.year, agency: target.agency }),
      target,
    );
    if (host.reset) return host.reset(plan);
    // No wholesale replace on this host: refresh the sheets, then write every input that differs.
    await host.generate(plan);
    const now = await host.readReport();
    const writes: Record<string, number | null> = {};
    for (const c of getFormat(target.format).cells) {
      if (c.role !== 'input') continue;
      const want = target.cells[c.id] ?? null;
      if (want === null && target.raw?.[c.id]?.trim()) continue; // text cannot be written as a number here
      const have = now?.cells[c.id] ?? null;
      if (want !== have || (want === null && now?.raw?.[c.id])) writes[c.id] = want;
    }
    if (Object.keys(writes).length) await host.writeCells(writes);
  }

  /**
   * Creates (or refreshes) the report sheets for a year and agency; entered values are kept. On the
   * page a year of the other format rebuilds the tables, keeping every cell both formats have (asked
   * first, undoable); in Excel that needs a new workbook.
   */
  async generate(year: number, agency: string | null): Promise<boolean> {
    let formatId: FormatId;
    try {
      formatId = formatIdForYear(year);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.generate);
      return false;
    }
    await this.syncWithHost();
    const current = this.state.report;
    const name = agency?.trim() || null;
    if (current && current.format !== formatId) {
      if (this.deps.host.kind === 'excel') {
        this.set({ error: { title: `${APP_TEXT.doing.generate}失败`, message: APP_TEXT.formatChange(current.format, formatId) } });
        return false;
      }
      const carried = carryOver(current, formatId, year, name);
      const dropped = filledInputs(current) - filledInputs(carried);
      const t = APP_TEXT.confirm.year;
      return this.askFirst(
        { kind: 'year', title: t.title(year), message: t.formatChange(current.format, formatId, dropped), confirmLabel: t.confirm },
        () => this.replacing(APP_TEXT.busy.generate, APP_TEXT.doing.generate, async () => {
          await this.replaceReport(carried);
          return { intent: dropped ? 'warning' : 'success', title: APP_TEXT.generated.title, message: APP_TEXT.generated.rebuilt(year, formatId, dropped) };
        }),
      );
    }
    if (current && current.year !== null && current.year !== year) {
      const t = APP_TEXT.confirm.year;
      return this.askFirst(
        { kind: 'year', title: t.title(year), message: t.sameFormat(current.year, year), confirmLabel: t.confirm },
        () => this.replacing(APP_TEXT.busy.generate, APP_TEXT.doing.generate, () => this.generateSheets(formatId, year, name)),
      );
    }
    this.set({ busy: APP_TEXT.busy.generate, error: null, notice: null });
    try {
      const notice = await this.generateSheets(formatId, year, name);
      await this.refresh();
      this.set({ busy: null, notice });
      return true;
    } catch (e) {
      this.fail(e, APP_TEXT.doing.generate);
      return false;
    }
  }

  private async generateSheets(formatId: FormatId, year: number, agency: string | null): Promise<Notice> {
    await this.deps.host.generate(this.deps.compilePlan(formatId, { year, agency }));
    const news = this.deps.host.lastNotices ?? [];
    return {
      intent: news.length ? 'warning' : 'success',
      title: APP_TEXT.generated.title,
      message: [APP_TEXT.generated.message(year), ...news].join(' '),
    };
  }

  /** 「新建」: a clean report for the year (every input blank); asked first when there is data, undoable. */
  async newReport(year: number, agency: string | null = null, options: { confirmed?: boolean } = {}): Promise<boolean> {
    let formatId: FormatId;
    try {
      formatId = formatIdForYear(year);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.newReport);
      return false;
    }
    await this.syncWithHost();
    const current = this.state.report;
    if (this.deps.host.kind === 'excel' && current && current.format !== formatId) {
      this.set({ error: { title: `${APP_TEXT.doing.newReport}失败`, message: APP_TEXT.formatChange(current.format, formatId) } });
      return false;
    }
    const run = () =>
      this.replacing(APP_TEXT.busy.newReport, APP_TEXT.doing.newReport, async () => {
        await this.replaceReport(blankReport(formatId, year, agency?.trim() || null));
        return { intent: 'success', title: APP_TEXT.newReport.title, message: APP_TEXT.newReport.message(year) };
      });
    if (options.confirmed) return run();
    const t = APP_TEXT.confirm.newReport;
    return this.askFirst({ kind: 'new', title: t.title, message: t.message(filledInputs(current)), confirmLabel: t.confirm }, run);
  }

  /** Loads the embedded sample (the seed's figures) in place of the report: asked first when there is data, undoable. */
  async loadSample(): Promise<boolean> {
    await this.syncWithHost();
    const t = APP_TEXT.confirm.sample;
    return this.askFirst(
      { kind: 'sample', title: t.title, message: t.message(filledInputs(this.state.report)), confirmLabel: t.confirm },
      () => this.replacing(APP_TEXT.busy.sample, APP_TEXT.doing.sample, async () => {
        await this.replaceReport(sampleReport());
        return { intent: 'success', title: APP_TEXT.sample.title, message: APP_TEXT.sample.message };
      }),
    );
  }

  /** 「空白按 0 处理」: writes 0 into every blank input cell that leaves a rule undecided (asked, listing them; undoable). */
  async blanksAsZero(): Promise<boolean> {
    await this.syncWithHost();
    const cells = this.state.blankCells;
    if (!cells.length) return false;
    const t = APP_TEXT.confirm.blanksAsZero;
    return this.askFirst(
      { kind: 'blanksAsZero', title: t.title, message: t.message(cells.length), cells, confirmLabel: t.confirm },
      () => this.replacing(APP_TEXT.busy.blanksAsZero, APP_TEXT.doing.blanksAsZero, async () => {
        await this.deps.host.writeCells(Object.fromEntries(cells.map((id) => [id, 0])));
        return { intent: 'success', title: APP_TEXT.blanksAsZero.title, message: APP_TEXT.blanksAsZero.message(cells.length) };
      }, () => this.deps.host.writeCells(Object.fromEntries(cells.map((id) => [id, null])))), // blank again exactly those
      true,
    );
  }

  openAvailable(): boolean {
    return !!this.deps.loadLastYearReader;
  }

  /** 「打开工作簿」: an exported .xlsx (or .json, .txt, .html) in place of the report; asked first, undoable. */
  async openWorkbook(file: { name: string; bytes: Uint8Array }): Promise<boolean> {
    if (!this.deps.loadLastYearReader) return false;
    let opened: Report;
    try {
      opened = (await this.deps.loadLastYearReader())(file, null);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.open);
      return false;
    }
    await this.syncWithHost();
    const current = this.state.report;
    if (this.deps.host.kind === 'excel' && current && current.format !== opened.format) {
      this.set({ error: { title: `${APP_TEXT.doing.open}失败`, message: APP_TEXT.formatChange(current.format, opened.format) } });
      return false;
    }
    const t = APP_TEXT.confirm.open;
    return this.askFirst(
      { kind: 'open', title: t.title(file.name), message: t.message(filledInputs(current)), confirmLabel: t.confirm },
      () => this.replacing(APP_TEXT.busy.open, APP_TEXT.doing.open, async () => {
        await this.replaceReport(opened);
        return { intent: 'success', title: APP_TEXT.opened.title, message: APP_TEXT.opened.message(file.name, opened.year) };
      }),
    );
  }

  importAvailable(): boolean {
    return !!this.deps.loadImporter;
  }

  /** Reads pasted text into a preview; nothing is written yet. Throws nothing: errors become state. */
  async previewImport(text: string, source: 'text' | 'html'): Promise<ImportPreview | null> {
    if (!this.deps.loadImporter) {
      this.set({ error: { title: `${APP_TEXT.doing.import}失败`, message: APP_TEXT.missing.importer } });
      return null;
    }
    try {
      const importText = await this.deps.loadImporter();
      // No year is handed to the importer: a year the paste lacks is asked in the preview, never guessed.
      const { report, issues } = importText(text, { mime: source === 'html' ? 'text/html' : 'text/plain' });
      const { planImport } = await import(/* webpackChunkName: "import" */ './import-plan');
      return planImport(report, issues, source, this.state.report);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.import);
      return null;
    }
  }

  /**
   * Writes a preview into the report. By default the report becomes the paste: cells the paste has
   * not are blank, the year and agency are the paste's (a year it lacked comes in `options.year`).
   * With `onlyPasted` only the pasted numbers are written and everything else stays. Asked first
   * when the report has data; undoable.
   */
  async applyImport(preview: ImportPreview, options: ApplyImportOptions = {}): Promise<boolean> {
    await this.syncWithHost();
    const year = preview.report.year ?? options.year ?? null;
    const current = this.state.report;
    if (!options.onlyPasted && year === null) {
      this.set({ error: { title: `${APP_TEXT.doing.import}失败`, message: APP_TEXT.import.yearNeeded } });
      return false;
    }
    if (year !== null) {
      const yearFormat = formatIdOrNull(year);
      if (yearFormat !== preview.report.format) {
        this.set({ error: { title: `${APP_TEXT.doing.import}失败`, message: APP_TEXT.import.yearFormat(year, preview.report.format) } });
        return false;
      }
    }
    const n = Object.keys(preview.writes).length;
    const write = options.onlyPasted
      ? async () => {
          if ((year !== null && year !== current?.year) || preview.retitle || this.state.phase !== 'ready') {
            const agency = current?.agency || preview.report.agency || null;
            await this.deps.host.generate(this.deps.compilePlan(preview.report.format, { year: year ?? current?.year ?? this.defaultYear(), agency }));
          }
          await this.deps.host.writeCells(preview.writes);
          return { intent: 'success' as const, title: APP_TEXT.imported.title, message: APP_TEXT.imported.updated(n) };
        }
      : async () => {
          await this.replaceReport(importedReport(preview, year));
          return { intent: 'success' as const, title: APP_TEXT.imported.title, message: APP_TEXT.imported.replaced(n, preview.blanks.length + preview.missing.length) };
        };
    const t = APP_TEXT.confirm.import;
    return this.askFirst(
      { kind: 'import', title: t.title, message: options.onlyPasted ? t.onlyPasted(n) : t.replace(filledInputs(current)), confirmLabel: t.confirm },
      () => this.replacing(APP_TEXT.busy.import, APP_TEXT.doing.import, write),
    );
  }

  summaryAvailable(): boolean {
    return !!this.deps.loadSummaryWriter;
  }

  async summarySections(): Promise<SummarySection[] | null> {
    const report = this.state.report;
    if (!report || !this.deps.loadSummaryWriter) return null;
    try {
      const writeSummary = await this.deps.loadSummaryWriter();
      return writeSummary(report, this.state.lastYear?.report ?? null);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.summary);
      return null;
    }
  }

  /** The plan of the validated workbook: the sheets with the report's data plus 「校验结果」. */
  exportPlan(): SheetPlan | null {
    const { report, result, checkedAt } = this.state;
    if (!report || !result || !checkedAt) return null;
    // The 文字说明 sheet carries the summary from these figures (and last year's, when given).
    const plan = this.deps.compilePlan(report.format, {
      report: inputsOnly(report), year: report.year, agency: report.agency, lastYear: this.state.lastYear?.report ?? null,
    });
    return withCheckSheet(withTypedTexts(plan, report), result, checkedAt);
  }

  /** Builds the validated workbook and opens it (new workbook in Excel, download in a browser). */
  async exportWorkbook(): Promise<void> {
    if (!this.deps.loadXlsxWriter) {
      this.set({ error: { title: `${APP_TEXT.doing.export}失败`, message: APP_TEXT.missing.writer } });
      return;
    }
    this.set({ busy: APP_TEXT.busy.export, error: null, notice: null });
    try {
      await this.refresh(); // export what the sheets hold now, checked now
      const plan = this.exportPlan();
      if (!plan) throw new Error(APP_TEXT.noReport);
      const writeXlsx = await this.deps.loadXlsxWriter();
      const bytes = writeXlsx(plan);
      const how = await this.deps.host.openExport({ bytes, fileName: exportFileName(plan.year, plan.agency) });
      const counts = verdictCounts(this.state);
      const fallback = this.exportFallbackNews(how);
      this.set({
        busy: null,
        notice: {
          intent: counts.errors || fallback.length ? 'warning' : 'success',
          title: how === 'opened' ? APP_TEXT.exported.opened : APP_TEXT.exported.downloaded,
          message: [...fallback, APP_TEXT.exported.message(counts.errors, counts.warnings)].join(' '),
        },
      });
    } catch (e) {
      this.fail(e, APP_TEXT.doing.export);
    }
  }

  /**
   * 「导出 Word 年报」 / 「导出网页」: the whole report from the sheets as they are now, checked now.
   * When checks fail they are listed first and the user decides whether to go on (the document
   * then says so at its top). Resolves true once the file went to the downloads.
   */
  async exportDocument(kind: DocumentKind): Promise<boolean> {
    const { loadDocumentWriter, download } = this.deps;
    const doing = APP_TEXT.doing.document[kind];
    if (!loadDocumentWriter || !download) {
      this.set({ error: { title: `${doing}失败`, message: APP_TEXT.missing.document } });
      return false;
    }
    this.set({ busy: APP_TEXT.busy.check, error: null, notice: null });
    await this.refresh(); // the document shows what the sheets hold now, checked now
    const { report, result } = this.state;
    if (this.state.error) return false; // the read failed: its error is shown
    if (!report || !result) {
      this.fail(new Error(APP_TEXT.noReport), doing);
      return false;
    }
    this.set({ busy: null });
    const failing = failingCheckLines(this.state);
    const write = () => this.writeDocument(kind, report, result, loadDocumentWriter, download);
    if (!failing.length) return write();
    const t = APP_TEXT.confirm.document;
    return this.askFirst({ kind: 'document', title: t.title(failing.length), message: t.message, items: failing, confirmLabel: t.confirm[kind] }, write, true);
  }

  private async writeDocument(
    kind: DocumentKind, report: Report, result: CheckResult, load: () => Promise<DocumentWriter>, download: (target: ExportTarget) => void,
  ): Promise<boolean> {
    this.set({ busy: APP_TEXT.busy.document[kind], error: null, notice: null });
    try {
      const writeDocument = await load();
      const bytes = await writeDocument(kind, report, { lastYear: this.state.lastYear?.report ?? null, outcomes: result.outcomes });
      download({ bytes, fileName: exportFileName(report.year, report.agency, `.${kind}`) });
      const errors = verdictCounts(this.state).errors;
      this.set({
        busy: null,
        notice: { intent: errors ? 'warning' : 'success', title: APP_TEXT.exported.downloaded, message: APP_TEXT.exported.document(kind, errors) },
      });
      return true;
    } catch (e) {
      this.fail(e, APP_TEXT.doing.document[kind]);
      return false;
    }
  }

  /**
   * In Excel a download means the new workbook could not be opened: the host's notice says why and
   * where the file went (a browser download is the page's usual way and needs no word).
   */
  private exportFallbackNews(how: 'opened' | 'downloaded'): string[] {
    return how === 'downloaded' && this.deps.host.kind === 'excel' ? [...(this.deps.host.lastNotices ?? [])] : [];
  }

  canExportCurrentFile(): boolean {
    return !!this.deps.host.currentFileBytes && this.deps.host.capabilities().currentFile;
  }

  /** The current workbook as it is (Excel's own file), downloaded or opened as a copy. */
  async exportCurrentFile(): Promise<void> {
    const read = this.deps.host.currentFileBytes;
    if (!read) return;
    this.set({ busy: APP_TEXT.busy.export, error: null, notice: null });
    try {
      const bytes = await read.call(this.deps.host);
      const r = this.state.report;
      const how = await this.deps.host.openExport({ bytes, fileName: exportFileName(r?.year ?? null, r?.agency ?? null) });
      const fallback = this.exportFallbackNews(how);
      this.set({
        busy: null,
        notice: { intent: fallback.length ? 'warning' : 'success', title: how === 'opened' ? APP_TEXT.exported.opened : APP_TEXT.exported.downloaded, message: fallback.join(' ') },
      });
    } catch (e) {
      this.fail(e, APP_TEXT.doing.export);
    }
  }
}

/** The report's input cells only (totals are the sheets' formulas). */
export function inputValues(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of getFormat(report.format).cells) if (c.role === 'input' && c.id in report.cells) out[c.id] = report.cells[c.id];
  return out;
}

function inputsOnly(report: Report): Report {
  return { ...report, cells: inputValues(report) };
}

/** How many input cells hold something typed (a number, or text in a number cell). */
export function filledInputs(report: Report | null): number {
  if (!report) return 0;
  let n = 0;
  for (const c of getFormat(report.format).cells)
    if (c.role === 'input' && ((report.cells[c.id] ?? null) !== null || !!report.raw?.[c.id]?.trim())) n++;
  return n;
}

/** The report moved to another format: every input cell whose id both formats have keeps its value (or text). */
export function carryOver(report: Report, formatId: FormatId, year: number, agency: string | null): Report {
  const target = blankReport(formatId, year, agency);
  const raw: Record<string, string> = {};
  for (const c of getFormat(formatId).cells) {
    if (c.role !== 'input' || findCell(report.format, c.id)?.role !== 'input') continue;
    target.cells[c.id] = report.cells[c.id] ?? null;
    const text = report.raw?.[c.id];
    if (text !== undefined) raw[c.id] = text;
  }
  if (Object.keys(raw).length) target.raw = raw;
  return target;
}

/** Blank input cells (not text) of this year's report that leave some rule undecided. */
function blankInputCells(report: Report, result: CheckResult): string[] {
  return undecidedBlanks(report.format, result.outcomes).filter(
    (id) => findCell(report.format, id)?.role === 'input' && (report.cells[id] ?? null) === null && !report.raw?.[id]?.trim(),
  );
}

function formatIdOrNull(year: number): FormatId | null {
  try {
    return formatIdForYear(year);
  } catch {
    return null;
  }
}

/** The report a replacing import leaves: the pasted inputs (text kept as text), blank elsewhere. */
function importedReport(preview: ImportPreview, year: number | null): Report {
  const target = blankReport(preview.report.format, year, preview.report.agency?.trim() || null);
  Object.assign(target.cells, preview.writes);
  const raw: Record<string, string> = {};
  for (const [id, text] of Object.entries(preview.report.raw ?? {}))
    if (findCell(target.format, id)?.role === 'input' && preview.report.cells[id] === null && text.trim()) raw[id] = text;
  if (Object.keys(raw).length) target.raw = raw;
  return target;
}

/**
 * What fails in the report as the pane shows it, errors first: text in number cells, the sheets'
 * own findings (totals typed over), then the failing checks in the rules' words.
 */
export function failingCheckLines(state: Pick<PaneState, 'result' | 'textErrors' | 'sheetIssues'>): string[] {
  const failing = (state.result?.outcomes ?? []).filter((o) => o.status === 'fail');
  const sheet = (severity: 'error' | 'warning') => state.sheetIssues.filter((i) => i.severity === severity).map((i) => i.message);
  return [
    ...(state.textErrors ? [APP_TEXT.confirm.document.textErrors(state.textErrors)] : []),
    ...sheet('error'),
    ...failing.filter((o) => o.severity === 'error').map((o) => o.message),
    ...sheet('warning'),
    ...failing.filter((o) => o.severity !== 'error').map((o) => o.message),
  ];
}
