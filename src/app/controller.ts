/**
 * The pane's application logic, without React: the report as the host has it, its check,
 * findings by table, import preview and apply, summary, export. Components subscribe to its
 * state (useSyncExternalStore) and call its methods; everything external comes in `PaneDeps`.
 */
// Deep imports (not '../core'): the core's index also carries the importer and the narrative
// writer, which the pane loads on demand to keep its first download small.
import { check, summarize, type CheckResult, type CheckSummary } from '../core/check';
import { findCell, formatIdForYear, getFormat, type FormatId } from '../core/formats';
import type { Report } from '../core/report';
import { sampleReport } from '../core/sample';
import { sheetTotals } from '../core/sheetplan/compile';
import type { SheetPlan } from '../core/sheetplan/types';
import type { ReportHost } from '../host/types';
import { describeError, type PaneError } from './errors';
import { exportFileName, withCheckSheet, withTypedTexts } from './export-plan';
import { buildFindings, textCells, type FindingGroup } from './findings';
import { APP_TEXT } from '../taskpane/strings.zh-CN';

/** An import issue as the pane shows it (text from the core's messages). */
export interface ImportIssueView {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  cells: string[];
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

export interface PaneDeps {
  host: ReportHost;
  clock: () => Date;
  compilePlan: (formatId: FormatId, options: { report?: Report; year?: number | null; agency?: string | null }) => SheetPlan;
  /** Loads the importer (src/core/import) on first use; absent: the pane says import is not available. */
  loadImporter?: () => Promise<ImportFn>;
  /** Loads the narrative writer (src/core/narrative) on first use; absent: the pane says so. */
  loadSummaryWriter?: () => Promise<SummaryFn>;
  /** Loads the reader of last year's report on first use (「上年报告」: cross-year rules and sentences). */
  loadLastYearReader?: () => Promise<LastYearReader>;
  /** Loads the .xlsx writer on demand (kept out of the pane's first download). */
  loadXlsxWriter?: () => Promise<(plan: SheetPlan) => Uint8Array>;
  /** Default report year for a new workbook (the year before the clock's). */
  defaultYear?: number;
}

export type Notice = { intent: 'success' | 'info' | 'warning'; title: string; message: string };

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
}

export interface ImportPreview {
  source: 'text' | 'html';
  report: Report;
  issues: ImportIssueView[];
  /** Numbers that will be written into input cells. */
  writes: Record<string, number>;
  /** Cells the import found blank: not written, their current values stay. */
  blanks: string[];
  /**
   * Values that are not written: totals whose pasted value differs from what the sheet will
   * compute, and cells outside this format.
   */
  notWritten: { cellId: string; value: number; why: 'total' | 'otherFormat' }[];
  /** Pasted totals equal to what the sheet computes (not written either: the sheet computes them). */
  totalsAgreeing: number;
  /** The sheets will be set to this year (and agency) before writing, when they differ. */
  retitle: { year: number | null; agency: string | null } | null;
}

const EMPTY_SUMMARY: CheckSummary = { errors: 0, warnings: 0, undecided: 0, passed: 0 };

export class PaneController {
  private state: PaneState = {
    phase: 'loading', report: null, result: null, checkedAt: null, groups: [], summary: EMPTY_SUMMARY,
    textErrors: 0, includeUndecided: false, busy: null, error: null, notice: null, lastYear: null,
  };
  private readonly listeners = new Set<() => void>();
  private unsubscribeHost: (() => void) | null = null;
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
    await this.refresh();
  }

  stop() {
    this.unsubscribeHost?.();
    this.unsubscribeHost = null;
  }

  dismissError = () => this.set({ error: null });
  dismissNotice = () => this.set({ notice: null });
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
        this.set({ phase: 'empty', report: null, result: null, groups: [], summary: EMPTY_SUMMARY, textErrors: 0, checkedAt: null });
        return;
      }
      this.apply(report);
    } catch (e) {
      if (run === this.refreshRun) this.fail(e, APP_TEXT.doing.read);
    }
  }

  private apply(report: Report) {
    const result = check(report, { lastYear: this.state.lastYear?.report ?? null });
    this.set({
      phase: 'ready',
      report,
      result,
      checkedAt: this.deps.clock(),
      groups: buildFindings(result, { includeUndecided: this.state.includeUndecided }),
      summary: summarize(result.outcomes),
      textErrors: textCells(report).length,
    });
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
    if (this.state.result) this.set({ groups: buildFindings(this.state.result, { includeUndecided: include }) });
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

  /** Creates (or refreshes) the report sheets for a year and agency; entered values are kept. */
  async generate(year: number, agency: string | null): Promise<boolean> {
    let formatId: FormatId;
    try {
      formatId = formatIdForYear(year);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.generate);
      return false;
    }
    const current = this.state.report;
    if (current && current.format !== formatId) {
      this.set({ error: { title: `${APP_TEXT.doing.generate}失败`, message: APP_TEXT.formatChange(current.format, formatId) } });
      return false;
    }
    this.set({ busy: APP_TEXT.busy.generate, error: null, notice: null });
    try {
      await this.deps.host.generate(this.deps.compilePlan(formatId, { year, agency: agency?.trim() || null }));
      await this.refresh();
      const news = this.deps.host.lastNotices ?? [];
      this.set({
        busy: null,
        notice: {
          intent: news.length ? 'warning' : 'success',
          title: APP_TEXT.generated.title,
          message: [APP_TEXT.generated.message(year), ...news].join(' '),
        },
      });
      return true;
    } catch (e) {
      this.fail(e, APP_TEXT.doing.generate);
      return false;
    }
  }

  /** Loads the embedded sample (the seed's figures): sheets for its year, then its inputs. */
  async loadSample(): Promise<void> {
    const sample = sampleReport();
    this.set({ busy: APP_TEXT.busy.sample, error: null, notice: null });
    try {
      await this.deps.host.generate(this.deps.compilePlan(sample.format, { year: sample.year, agency: sample.agency }));
      await this.deps.host.writeCells(inputValues(sample));
      await this.refresh();
      this.set({ busy: null, notice: { intent: 'success', title: APP_TEXT.sample.title, message: APP_TEXT.sample.message } });
    } catch (e) {
      this.fail(e, APP_TEXT.doing.sample);
    }
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
      const year = this.state.report?.year ?? undefined;
      const { report, issues } = importText(text, { ...(year ? { year } : {}), mime: source === 'html' ? 'text/html' : 'text/plain' });
      return planImport(report, issues, source, this.state.report);
    } catch (e) {
      this.fail(e, APP_TEXT.doing.import);
      return null;
    }
  }

  /** Writes a preview's numbers into the input cells (after retitling the sheets if needed). */
  async applyImport(preview: ImportPreview): Promise<boolean> {
    this.set({ busy: APP_TEXT.busy.import, error: null, notice: null });
    try {
      if (preview.retitle || this.state.phase !== 'ready') {
        const year = preview.retitle?.year ?? preview.report.year ?? this.state.report?.year ?? this.defaultYear();
        const agency = preview.retitle?.agency ?? this.state.report?.agency ?? preview.report.agency ?? null;
        await this.deps.host.generate(this.deps.compilePlan(preview.report.format, { year, agency }));
      }
      await this.deps.host.writeCells(preview.writes);
      await this.refresh();
      const n = Object.keys(preview.writes).length;
      this.set({ busy: null, notice: { intent: 'success', title: APP_TEXT.imported.title, message: APP_TEXT.imported.message(n, preview.blanks.length) } });
      return true;
    } catch (e) {
      this.fail(e, APP_TEXT.doing.import);
      return false;
    }
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
    const plan = this.deps.compilePlan(report.format, { report: inputsOnly(report), year: report.year, agency: report.agency });
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
      const s = this.state.summary;
      const failing = s.errors + this.state.textErrors;
      this.set({
        busy: null,
        notice: {
          intent: failing ? 'warning' : 'success',
          title: how === 'opened' ? APP_TEXT.exported.opened : APP_TEXT.exported.downloaded,
          message: APP_TEXT.exported.message(failing, s.warnings),
        },
      });
    } catch (e) {
      this.fail(e, APP_TEXT.doing.export);
    }
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
      this.set({ busy: null, notice: { intent: 'success', title: how === 'opened' ? APP_TEXT.exported.opened : APP_TEXT.exported.downloaded, message: '' } });
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
  const cells: Report['cells'] = {};
  for (const [id, v] of Object.entries(report.cells)) if (findCell(report.format, id)?.role === 'input') cells[id] = v;
  return { ...report, cells };
}

/** What an import will write, keep and leave out, against the report the sheets hold now. */
export function planImport(
  imported: Report, issues: ImportIssueView[], source: 'text' | 'html', current: Report | null,
): ImportPreview {
  const format = getFormat(imported.format);
  const writes: Record<string, number> = {};
  const blanks: string[] = [];
  const notWritten: ImportPreview['notWritten'] = [];
  let totalsAgreeing = 0;
  const computed = sheetTotals(imported.format, imported.cells);
  for (const [id, value] of Object.entries(imported.cells)) {
    const def = format.cellById.get(id);
    if (value === null) {
      if (def?.role === 'input') blanks.push(id);
      continue;
    }
    if (!def) notWritten.push({ cellId: id, value, why: 'otherFormat' });
    else if (def.role === 'total') {
      const sheet = computed[id];
      if (sheet !== null && sheet !== undefined && Math.abs(sheet - value) < 1e-9) totalsAgreeing++;
      else notWritten.push({ cellId: id, value, why: 'total' });
    }
    else writes[id] = value;
  }
  let retitle: ImportPreview['retitle'] = null;
  const yearDiffers = imported.year !== null && imported.year !== current?.year;
  const agencyFills = !!imported.agency && !current?.agency;
  if (yearDiffers || agencyFills)
    retitle = { year: imported.year ?? current?.year ?? null, agency: current?.agency || imported.agency || null };
  return { source, report: imported, issues, writes, blanks, notWritten, totalsAgreeing, retitle };
}
