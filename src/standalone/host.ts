/**
 * The ReportHost of the standalone page: the report lives in memory, drawn by ReportGrids.
 * Cells keep the text the user typed; the report is read from that text (numbers become values,
 * anything else stays in `raw` with a blank value and gets a finding). With a storage, every
 * change is kept in the browser (keep.ts) and the report is restored on the next visit.
 */
import type { Report } from '../core/report';
import { compileSheetPlan, sheetTotals } from '../core/sheetplan/compile';
import type { SheetPlan } from '../core/sheetplan/types';
import type { ExportTarget, HostCapabilities, ReportHost } from '../host/types';
import { cellText, readCellText } from '../app/cell-text';
import { STANDALONE_ERRORS } from './errors';
import { loadKept, saveKept, type KeptReport, type KeyValueStorage } from './keep';

export interface GridModel {
  plan: SheetPlan | null;
  /** The text of every input cell, by canonical id, as typed. */
  texts: Readonly<Record<string, string>>;
  /** The browser refused to keep the last change (quota, private mode): the page says so. */
  keepFailed: boolean;
}

export interface StandaloneHost extends ReportHost {
  kind: 'standalone';
  /** Replace the report wholesale: every input takes the plan's value, nothing typed is kept. */
  reset(plan: SheetPlan): Promise<void>;
  /** When the report was restored from the browser with changes not exported yet; null otherwise. */
  readonly restored: { savedAt: Date } | null;
  /** The grids' view of the data (a new object after every change, for React). */
  model(): GridModel;
  /** Re-render subscription for the grids; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The user typed into a cell (from the grids). */
  setCellText(cellId: string, text: string): void;
  /** The grids register how to focus a cell; returns an unregister. */
  registerFocus(focus: (cellId: string) => boolean): () => void;
  /** True when something typed has changed since the last export: leaving the page asks first. */
  hasUnexportedChanges(): boolean;
  /** The report as it stands has gone out (openExport does this on success). */
  markExported(): void;
}

export interface StandaloneHostOptions {
  /** The report to start with when the browser keeps none. */
  plan?: SheetPlan | null;
  /** How exported bytes reach the user (a browser download). */
  download: (target: ExportTarget) => void;
  /** Where the report is kept between visits (window.localStorage); none: nothing is kept. */
  storage?: KeyValueStorage | null;
  /** The time a save is stamped with. */
  clock?: () => Date;
  /** Quiet time after the last keystroke before listeners are told (ms). */
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

function inputIds(plan: SheetPlan | null): Set<string> {
  const ids = new Set<string>();
  for (const s of plan?.sheets ?? []) for (const c of s.cells) if (c.role === 'input' && c.cellId) ids.add(c.cellId);
  return ids;
}

/**
 * Every input cell's text: from `keep` where it has the cell, else the plan's value — a number, or
 * text typed earlier (export-plan's withTypedTexts puts it there) — and blank where there is none.
 */
function textsFor(plan: SheetPlan | null, keep: Readonly<Record<string, string>>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const s of plan?.sheets ?? [])
    for (const c of s.cells) if (c.role === 'input' && c.cellId) texts[c.cellId] = c.cellId in keep ? keep[c.cellId] : planText(c.value);
  return texts;
}

const planText = (value: unknown): string => (typeof value === 'number' ? cellText(value) : typeof value === 'string' ? value : '');

/** The kept report drawn as a plan, or null when it cannot be (then the default plan is used). */
function planOfKept(kept: KeptReport): SheetPlan | null {
  try {
    return compileSheetPlan(kept.format, { year: kept.year, agency: kept.agency });
  } catch {
    return null;
  }
}

/** What an export is compared with: the report's identity and every non-empty text. */
function signature(model: GridModel): string {
  const plan = model.plan;
  const typed = Object.entries(model.texts).filter(([, t]) => t.trim() !== '');
  typed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([plan?.format ?? null, plan?.year ?? null, plan?.agency ?? null, typed]);
}

const hasTypedText = (texts: Readonly<Record<string, string>>) => Object.values(texts).some((t) => t.trim() !== '');

export function createStandaloneHost(options: StandaloneHostOptions): StandaloneHost {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const clock = options.clock ?? (() => new Date());
  const storage = options.storage ?? null;
  const debounceMs = options.debounceMs ?? 300;
  const viewListeners = new Set<() => void>();
  const changeListeners = new Set<() => void>();
  let focusCell: ((cellId: string) => boolean) | null = null;
  let pending: unknown = null;

  const kept = storage ? loadKept(storage) : null;
  const keptPlan = kept ? planOfKept(kept) : null;
  const startPlan = keptPlan ?? options.plan ?? null;
  let inputs = inputIds(startPlan);
  let state: GridModel = { plan: startPlan, texts: textsFor(startPlan, keptPlan && kept ? kept.texts : {}), keepFailed: false };
  // A blank start, or a kept report that had been exported, counts as exported: leaving does not ask.
  let exportedSignature: string | null = keptPlan && kept?.unexported ? null : signature(state);
  const restored = keptPlan && kept?.unexported && hasTypedText(state.texts) ? { savedAt: kept.savedAt } : null;

  const unexported = () => hasTypedText(state.texts) && signature(state) !== exportedSignature;

  /** Keeps the report in the browser; a refusal is shown, never thrown at the typist. */
  const keep = (model: GridModel): boolean => {
    if (!storage || !model.plan) return false;
    const { format, year, agency } = model.plan;
    const failure = saveKept(storage, { format, year, agency, texts: { ...model.texts }, savedAt: clock(), unexported: unexported() });
    return failure !== null;
  };

  const publish = (plan: SheetPlan | null, texts: Record<string, string>) => {
    state = { plan, texts, keepFailed: state.keepFailed };
    const keepFailed = keep(state);
    if (keepFailed !== state.keepFailed) state = { ...state, keepFailed };
    viewListeners.forEach((l) => l());
  };

  const setPlan = (plan: SheetPlan | null, keepTyped: boolean) => {
    inputs = inputIds(plan);
    publish(plan, textsFor(plan, keepTyped ? state.texts : {}));
  };

  const host: StandaloneHost = {
    kind: 'standalone',
    restored,
    capabilities: (): HostCapabilities => ({ excelApi: null, missing: [], currentFile: false }),
    async generate(plan) {
      // Values already typed win over the plan's (a regenerated plan must not lose them).
      setPlan(plan, true);
    },
    async reset(plan) {
      setPlan(plan, false);
    },
    async readReport(): Promise<Report | null> {
      const plan = state.plan;
      if (!plan) return null;
      const cells: Report['cells'] = {};
      const raw: Record<string, string> = {};
      for (const id of inputs) {
        const reading = readCellText(state.texts[id] ?? '');
        cells[id] = reading.value;
        if (reading.raw !== undefined) raw[id] = reading.raw;
      }
      Object.assign(cells, sheetTotals(plan.format, cells));
      const report: Report = { format: plan.format, year: plan.year, agency: plan.agency, cells };
      if (Object.keys(raw).length) report.raw = raw;
      return report;
    },
    async writeCells(values) {
      const unknown = Object.keys(values).filter((id) => !inputs.has(id));
      if (unknown.length) throw new Error(STANDALONE_ERRORS.notInput(unknown));
      const texts = { ...state.texts };
      for (const [id, v] of Object.entries(values)) {
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(STANDALONE_ERRORS.notNumber(id));
        texts[id] = cellText(v);
      }
      publish(state.plan, texts);
    },
    async selectCell(cellId) {
      if (!focusCell || !focusCell(cellId)) throw new Error(STANDALONE_ERRORS.noCell(cellId));
    },
    onUserChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    async openExport(target) {
      options.download(target);
      host.markExported();
      return 'downloaded';
    },
    model: () => state,
    subscribe(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    setCellText(cellId, text) {
      if (!inputs.has(cellId)) return;
      publish(state.plan, { ...state.texts, [cellId]: text });
      if (pending !== null) clearTimer(pending);
      pending = setTimer(() => {
        pending = null;
        changeListeners.forEach((l) => l());
      }, debounceMs);
    },
    registerFocus(focus) {
      focusCell = focus;
      return () => {
        if (focusCell === focus) focusCell = null;
      };
    },
    hasUnexportedChanges: unexported,
    markExported() {
      exportedSignature = signature(state);
      // Kept again so a reload after the export does not announce 「未导出的数据」.
      publish(state.plan, state.texts as Record<string, string>);
    },
  };
  return host;
}
