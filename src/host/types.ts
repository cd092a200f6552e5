/**
 * What the task pane needs from wherever the report lives: Excel (Office adapter, src/office)
 * or the standalone page's own grids (src/standalone). The composition root
 * (src/taskpane/index.tsx) builds one and hands it to the components through context.
 */
import type { ImportIssue, Report } from '../core';
import type { SheetPlan } from '../core/sheetplan/types';

export type HostKind = 'excel' | 'standalone';

export interface HostCapabilities {
  /** ExcelApi version the host supports ('1.9' …); null for the standalone page. */
  excelApi: string | null;
  /** Requirement sets or features missing for full use, named for the user (empty when fine). */
  missing: string[];
  /** Office.context.document.getFileAsync(Compressed) is available. */
  currentFile: boolean;
}

export interface ExportTarget {
  /** Bytes of the .xlsx to open or download. */
  bytes: Uint8Array;
  fileName: string;
}

/** Live checking: 'on' (changes are watched), 'retrying' (registering, or trying again after a failure), 'off' (gave up). */
export type LiveCheckState = 'on' | 'off' | 'retrying';

export interface LiveCheck {
  state(): LiveCheckState;
  /** Called on every change of state; returns an unsubscribe. */
  onState(listener: (state: LiveCheckState) => void): () => void;
  /** 「重新检查」: registers again if it is not on, then runs the onUserChange listeners once (a re-read). */
  retry(): Promise<void>;
}

export interface ReportHost {
  kind: HostKind;
  capabilities(): HostCapabilities;
  /**
   * Create or refresh the report sheets from the plan. Existing report sheets keep every
   * entered value; a user's own sheet with a clashing name is never overwritten.
   */
  generate(plan: SheetPlan): Promise<void>;
  /**
   * Replace the report wholesale with the plan (新建, a year change that starts over, undo): every
   * input cell takes the plan's value — blank where the plan has none — and nothing typed before is
   * kept (unlike `generate`, which keeps entered values). An input cell whose plan value is a string
   * holds that text as typed (text once typed into a number cell, brought back by 「撤销」: the pane
   * sends it so through withTypedTexts). Optional: where a host lacks it (Excel
   * today), call `generate(plan)` then `writeCells` with every input cell's plan value (null where blank).
   */
  reset?(plan: SheetPlan): Promise<void>;
  /**
   * Set when the host started from a report it had kept from an earlier visit (the standalone page
   * keeps what is typed in the browser): when that report was last saved. Null or absent otherwise.
   * The pane says so once on start: 「已恢复上次未导出的数据（保存于 …）」.
   */
  readonly restored?: { savedAt: Date } | null;
  /** Non-fatal news of the last generate, in Chinese (e.g. a user's sheet kept its name, ours got 「(2)」). */
  readonly lastNotices?: readonly string[];
  /** Read every input (and total) cell of the report sheets: the report as it stands. */
  readReport(): Promise<Report | null>;
  /**
   * What the last readReport found in the sheets beyond the values (worded by describeIssues):
   * totals typed over or deleted (TOTAL-OVERWRITTEN, TOTAL-FORMULA-DELETED), text in a total.
   * Absent where totals cannot be typed over (the standalone page computes them).
   */
  readonly lastReadIssues?: readonly ImportIssue[];
  /** Write values into input cells only, as numbers (null clears). Protection stays on. */
  writeCells(cells: Record<string, number | null>): Promise<void>;
  /** Select (focus) the cell of a canonical id so the user sees it. */
  selectCell(cellId: string): Promise<void>;
  /** Called (debounced by the host) after the user changed report cells; returns an unsubscribe. */
  onUserChange(listener: () => void): () => void;
  /** Open the exported workbook: a new Excel workbook, or a browser download. */
  openExport(target: ExportTarget): Promise<'opened' | 'downloaded'>;
  /** The current workbook's bytes, where the host can provide them (CompressedFile). */
  currentFileBytes?(): Promise<Uint8Array>;
  /**
   * Where changes are watched by registering with the host (Excel): whether that works, and a way
   * to try again. Absent where watching cannot fail (the standalone page).
   */
  readonly liveCheck?: LiveCheck;
}
