/**
 * The ReportHost of the standalone page: the report lives in memory, drawn by ReportGrids.
 * Cells keep the text the user typed; the report is read from that text (plain numbers
 * become values, anything else stays in `raw` with a blank value and gets a finding).
 */
import type { Report } from '../core/report';
import { sheetTotals } from '../core/sheetplan/compile';
import type { SheetPlan } from '../core/sheetplan/types';
import type { ExportTarget, HostCapabilities, ReportHost } from '../host/types';
import { cellText, readCellText } from '../app/cell-text';
import { STANDALONE_ERRORS } from './errors';

export interface GridModel {
  plan: SheetPlan | null;
  /** The text of every input cell, by canonical id, as typed. */
  texts: Readonly<Record<string, string>>;
}

export interface StandaloneHost extends ReportHost {
  kind: 'standalone';
  /** The grids' view of the data (a new object after every change, for React). */
  model(): GridModel;
  /** Re-render subscription for the grids; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The user typed into a cell (from the grids). */
  setCellText(cellId: string, text: string): void;
  /** The grids register how to focus a cell; returns an unregister. */
  registerFocus(focus: (cellId: string) => boolean): () => void;
}

export interface StandaloneHostOptions {
  plan?: SheetPlan | null;
  /** How exported bytes reach the user (a browser download). */
  download: (target: ExportTarget) => void;
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

export function createStandaloneHost(options: StandaloneHostOptions): StandaloneHost {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const debounceMs = options.debounceMs ?? 300;
  let state: GridModel = { plan: null, texts: {} };
  let inputs = new Set<string>();
  const viewListeners = new Set<() => void>();
  const changeListeners = new Set<() => void>();
  let focusCell: ((cellId: string) => boolean) | null = null;
  let pending: unknown = null;

  const publish = (next: GridModel) => {
    state = next;
    viewListeners.forEach((l) => l());
  };

  const setPlan = (plan: SheetPlan | null) => {
    inputs = inputIds(plan);
    const texts: Record<string, string> = {};
    for (const s of plan?.sheets ?? [])
      for (const c of s.cells)
        if (c.role === 'input' && c.cellId)
          // Values already typed win over the plan's (a regenerated plan must not lose them).
          texts[c.cellId] = c.cellId in state.texts ? state.texts[c.cellId] : typeof c.value === 'number' ? cellText(c.value) : '';
    publish({ plan, texts });
  };
  setPlan(options.plan ?? null);

  const host: StandaloneHost = {
    kind: 'standalone',
    capabilities: (): HostCapabilities => ({ excelApi: null, missing: [], currentFile: false }),
    async generate(plan) {
      setPlan(plan);
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
      publish({ plan: state.plan, texts });
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
      return 'downloaded';
    },
    model: () => state,
    subscribe(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    setCellText(cellId, text) {
      if (!inputs.has(cellId)) return;
      publish({ plan: state.plan, texts: { ...state.texts, [cellId]: text } });
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
  };
  return host;
}
