/**
 * ReportHost for Excel: the only code that drives the workbook. `Excel` and `Office` are injected
 * (the globals in the add-in, the simulator in tests). Design and sync budget: docs/office-adapter.md.
 *
 * Sync budget (counted on the simulator by bench/office.ts):
 *   readReport (live check) 1 · generate on a workbook without report sheets 1 ·
 *   generate over existing report sheets 2 · writeCells 1 · selectCell 1
 * provided the host already knows the workbook from an earlier read (the pane reads once at
 * start-up); a cold host pays one extra sync to find the report sheets first.
 */
import { findCell, getFormat, type FormatId } from '../core/formats';
import type { ImportIssue } from '../core/import/types';
import type { Report } from '../core/report';
import { cellPlace } from '../core/describe';
import {
  a1, a1Range, cellAddresses, META_SHEET_NAME, metadataEntries, storedTotals, type PlanCell, type SheetPlan, type SheetSpec, type StoredTotal,
} from '../core/sheetplan';
import type { ExportTarget, HostCapabilities, LiveCheck, LiveCheckState, ReportHost } from '../host/types';
import { base64ToBytes, bytesToBase64 } from './base64';
import { contentMatrix, queueContents, queueFormats, specBox } from './draw-plan';
import type { XlChangedEventArgs, XlContext, XlExcel, XlOffice, XlScalar, XlWorksheet } from './excel-api';
import { excelReason, OfficeHostError, toChineseError } from './errors';
import { keepTextLiteral, textLiteral } from './keep-text';
import { META_NAME, TEXT_NAMES, locate, type Box, type Located, type NameRef, type TargetKey, type TextKey } from './layout';
import { OFFICE_TEXT } from './messages.zh-CN';
import { detectCapabilities, EXCEL_API_FLOOR } from './requirements';

export interface ExcelHostDeps {
  Excel: XlExcel;
  Office: XlOffice;
  /** Quiet time after the user's last change before listeners run (ms). */
  debounceMs?: number;
  /** Non-fatal news for the user in Chinese (e.g. a clashing sheet name was avoided). */
  onNotice?: (message: string) => void;
  /**
   * A second way to save the exported workbook when `Excel.createWorkbook` fails (blocked by the
   * extensionHardening policy, failing on some web sessions): the pane's browser download.
   */
  download?: (target: ExportTarget) => void | Promise<void>;
  /** Waits before each new attempt to register the change handler after a failure (ms). */
  liveCheckRetryMs?: readonly number[];
}

/** Backoff of the change-handler registration: five more tries within about 15 s, then off. */
const LIVE_CHECK_RETRY_MS = [500, 1000, 2000, 4000, 8000] as const;

export interface ExcelHost extends ReportHost {
  /** Notices of the last generate (also sent to deps.onNotice). */
  readonly lastNotices: readonly string[];
  /**
   * What the last readReport found in the sheets beyond the values: totals typed over or
   * deleted (TOTAL-OVERWRITTEN, TOTAL-FORMULA-DELETED), text in a total. Worded by describeIssues.
   */
  readonly lastReadIssues: readonly ImportIssue[];
}

interface SheetRead {
  /** Current sheet name. */
  name: string;
  protected: boolean;
  /**
   * The sheet's own area (from A1 to the far corner of our names on it: values, and formulas — a
   * formula's text, else the constant). Never the used range: a user who formats a whole column
   * makes that reach row 1,048,576, over Excel on the web's 5 MB response limit.
   */
  used: { box: Box; values: XlScalar[][]; formulas: XlScalar[][] } | null;
  /** Where values stand on the sheet (the values-only used range's address: no cell data); null when empty. */
  valuesBox: Box | null;
}

/** What a sync-1 read queued and how to collect it after the sync. */
interface PendingRead {
  sheets: () => { name: string; id: string }[];
  names: () => { name: string; value: unknown }[];
  reads: Map<string, () => SheetRead>;
  /** The area read on each sheet. */
  boxes: Map<string, Box>;
}

/**
 * Far beyond any layout we draw (under 200 rows, 30 columns): a name of ours edited to point at
 * whole columns must not make the read huge again, so the area is cut there.
 */
const READ_LIMIT = { rows: 2000, cols: 200 };

/** The area to read on each of our sheets: from A1 to the far corner of the names pointing into it. */
function readBoxes(located: Located): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const sheet of new Set(located.ours.values())) boxes.set(sheet, { top: 0, left: 0, bottom: 0, right: 0 });
  for (const ref of located.names.values()) {
    const box = ref.sheet ? boxes.get(ref.sheet) : undefined;
    if (box && ref.box) boxes.set(ref.sheet!, union(box, ref.box));
  }
  for (const [sheet, box] of boxes)
    boxes.set(sheet, { ...box, bottom: Math.min(box.bottom, READ_LIMIT.rows - 1), right: Math.min(box.right, READ_LIMIT.cols - 1) });
  return boxes;
}

function covers(outer: Box, inner: Box): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

function parseBoxAddress(address: string): Box | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(local);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

function valueAt(read: SheetRead | undefined, row: number, col: number, matrix: 'values' | 'formulas' = 'values'): XlScalar {
  const u = read?.used;
  if (!u || row < u.box.top || row > u.box.bottom || col < u.box.left || col > u.box.right) return '';
  return u[matrix][row - u.box.top]?.[col - u.box.left] ?? '';
}

/** A total cell as Excel holds it: a formula (its computed value) or a constant typed over it. */
function storedTotalAt(read: SheetRead | undefined, row: number, col: number): StoredTotal {
  const formula = valueAt(read, row, col, 'formulas');
  const value = valueAt(read, row, col);
  return {
    formula: typeof formula === 'string' && formula.startsWith('='),
    value: typeof value === 'number' ? (Number.isFinite(value) ? value : null) : value === '' || value === null || value === undefined ? null : String(value),
  };
}

/** The non-empty lines of a narrative text block (a named column of cells); null when the name is missing. */
function textLines(located: Located, reads: Map<string, SheetRead>, key: TextKey): string[] | null {
  const ref = located.names.get(TEXT_NAMES[key]);
  if (!ref?.sheet || !ref.box) return null;
  const parts: string[] = [];
  for (let r = ref.box.top; r <= ref.box.bottom; r++) {
    const v = valueAt(reads.get(ref.sheet), r, ref.box.left);
    if (v !== '') parts.push(String(v));
  }
  return parts;
}

function union(a: Box, b: Box | null | undefined): Box {
  if (!b) return a;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

export function createExcelHost(deps: ExcelHostDeps): ExcelHost {
  const { Excel, Office } = deps;
  const debounceMs = deps.debounceMs ?? 400;
  let known: Located | null = null;
  /** Sheet ids of our sheets, for filtering change events. */
  let ourSheetIds = new Set<string>();
  /** Our own batches under way: change events meanwhile are ours (enableEvents mutes most). */
  let writing = 0;
  const listeners = new Set<() => void>();
  /** onUserChange asked for live checking (registration started once, retried after failures). */
  let listening = false;
  /** The registration run under way (it may wait for a cell edit to end). */
  let registering: Promise<void> | null = null;
  let liveState: LiveCheckState = 'off';
  const liveStateListeners = new Set<(state: LiveCheckState) => void>();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let notices: string[] = [];
  let readIssues: readonly ImportIssue[] = [];
  const caps = detectCapabilities(Office);

  function requireFloor() {
    if (caps.missing.length) throw new OfficeHostError(OFFICE_TEXT.needsExcelApi(EXCEL_API_FLOOR), 'RequirementSet');
  }

  function remember(l: Located) {
    known = l;
    const ours = new Set(l.ours.values());
    ourSheetIds = new Set(l.sheets.filter((s) => ours.has(s.name)).map((s) => s.id));
  }

  /** Queue the loads of sync 1: every sheet, our names, and the given area of each given sheet. */
  function queueRead(ctx: XlContext, boxes: Map<string, Box>): PendingRead {
    const sheets = ctx.workbook.worksheets.load('items/name,items/id');
    const names = ctx.workbook.names.load('items/name,items/value');
    const reads = new Map<string, () => SheetRead>();
    for (const [name, box] of boxes) {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.protection.load('protected');
      // Formulas too, in the same sync: a total typed over its formula is told apart from one computed.
      const area = ws.getRange(a1Range(...boxArgs(box))).load('values,formulas');
      // Only the address (a few bytes): where stray values stand, so generate clears them too.
      const valuesOnly = ws.getUsedRangeOrNullObject(true).load('address');
      reads.set(name, () => ({
        name,
        protected: ws.protection.protected,
        used: { box, values: area.values, formulas: area.formulas },
        valuesBox: valuesOnly.isNullObject ? null : parseBoxAddress(valuesOnly.address),
      }));
    }
    return {
      sheets: () => sheets.items.map((s) => ({ name: s.name, id: s.id })),
      names: () => names.items.map((n) => ({ name: n.name, value: n.value })),
      reads,
      boxes,
    };
  }

  function isNotFound(e: unknown): boolean {
    return (e as { code?: string })?.code === 'ItemNotFound';
  }

  /**
   * One sync reading our sheets as last known; a second only when the workbook changed in the
   * meantime (a sheet renamed, deleted or generated elsewhere) or when nothing is known yet.
   */
  async function readState(ctx: XlContext): Promise<{ located: Located; reads: Map<string, SheetRead> }> {
    let guess = known ? readBoxes(known) : new Map<string, Box>();
    for (let attempt = 0; attempt < 3; attempt++) {
      const pending = queueRead(ctx, guess);
      try {
        await ctx.sync();
      } catch (e) {
        if (!isNotFound(e) || attempt === 2) throw e;
        guess = new Map();
        continue;
      }
      const located = locate(pending.sheets(), pending.names());
      const needed = readBoxes(located);
      if ([...needed].every(([n, box]) => pending.boxes.has(n) && covers(pending.boxes.get(n)!, box))) {
        const reads = new Map<string, SheetRead>();
        for (const [n, collect] of pending.reads) reads.set(n, collect());
        remember(located);
        return { located, reads };
      }
      guess = needed;
    }
    throw new OfficeHostError(OFFICE_TEXT.excelFailed('读取报表数据', '工作簿在读取期间被反复修改', null), 'Unstable');
  }

  /** Runs a batch of our own writes: events muted, and on failure protection and events restored. */
  interface Recovery {
    /** Sheets that must end up protected. */
    sheets: string[];
    password?: string;
    /** Half-made sheets of the fast path to remove. */
    tempPrefix?: string;
    /** Entered values to put back where the failed batch may have cleared them. */
    salvage?: { sheet: string; row: number; col: number; value: string | number }[];
  }

  async function ownWrite<T>(action: 'generate' | 'write', batch: (ctx: XlContext) => Promise<T>, recovery: () => Recovery): Promise<T> {
    writing++;
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      const extra = await restoreAfterFailure(recovery());
      throw toChineseError(e, action, extra);
    } finally {
      writing--;
    }
  }

  /** After a failed write: protect our sheets again, re-enable events, remove half-made sheets. */
  async function restoreAfterFailure({ sheets, password, tempPrefix, salvage = [] }: Recovery): Promise<string> {
    known = null; // the workbook is in an unknown state: read it again next time
    try {
      return await Excel.run({ delayForCellEdit: true }, async (ctx) => {
        ctx.runtime.enableEvents = true;
        const all = ctx.workbook.worksheets.load('items/name,items/protection/protected');
        await ctx.sync();
        const unprotected: string[] = [];
        for (const ws of all.items) {
          if (!ws.protection.protected)
            for (const v of salvage.filter((x) => x.sheet === ws.name))
              ws.getRange(a1(v.row, v.col)).values = [[typeof v.value === 'number' ? v.value : textLiteral(v.value)]];
          if (tempPrefix && ws.name.startsWith(tempPrefix)) {
            ws.delete();
            continue;
          }
          if (sheets.includes(ws.name) && !ws.protection.protected) {
            ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, password);
            unprotected.push(ws.name);
          }
        }
        await ctx.sync();
        return unprotected.length ? OFFICE_TEXT.protectionRestored : '';
      });
    } catch {
      return OFFICE_TEXT.protectionNotRestored(sheets);
    }
  }

  // --- reading --------------------------------------------------------------------------------

  function reportFrom(located: Located, reads: Map<string, SheetRead>): { report: Report; issues: ImportIssue[] } | null {
    if (!located.format || located.cells.size === 0) return null;
    const format: FormatId = located.format;
    const cells: Report['cells'] = {};
    const raw: Record<string, string> = {};
    for (const c of getFormat(format).cells) {
      if (c.role !== 'input') continue;
      const loc = located.cells.get(c.id);
      if (!loc) {
        cells[c.id] = null;
        continue;
      }
      const v = valueAt(reads.get(loc.sheet), loc.row, loc.col);
      if (typeof v === 'number' && Number.isFinite(v)) cells[c.id] = v;
      else {
        cells[c.id] = null;
        if (v !== '' && v !== null && v !== undefined) raw[c.id] = String(v);
      }
    }
    // Totals as the sheet shows them: computed, or typed over (storedTotals decides and reports).
    const totals = storedTotals(format, cells, storedTotalCells(format, located, reads));
    Object.assign(cells, totals.totals);
    Object.assign(raw, totals.raw);
    const meta = metadataFrom(located, reads);
    const text: Report['text'] = {};
    for (const key of Object.keys(TEXT_NAMES) as TextKey[]) {
      const parts = textLines(located, reads, key);
      if (!parts) continue;
      text[key] = parts.join('\n');
    }
    const report: Report = { format, year: meta.year, agency: meta.agency, cells };
    if (Object.keys(raw).length) report.raw = raw;
    if (Object.keys(text).length) report.text = text;
    return { report, issues: totals.issues };
  }

  function storedTotalCells(format: FormatId, located: Located, reads: Map<string, SheetRead>): Map<string, StoredTotal> {
    const stored = new Map<string, StoredTotal>();
    for (const c of getFormat(format).cells) {
      const loc = c.role === 'total' ? located.cells.get(c.id) : undefined;
      if (loc) stored.set(c.id, storedTotalAt(reads.get(loc.sheet), loc.row, loc.col));
    }
    return stored;
  }

  function metadataFrom(located: Located, reads: Map<string, SheetRead>): { year: number | null; agency: string | null } {
    const ref = located.names.get(META_NAME);
    const out = { year: null as number | null, agency: null as string | null };
    if (!ref?.sheet || !ref.box) return out;
    const read = reads.get(ref.sheet);
    for (let r = ref.box.top; r <= ref.box.bottom; r++) {
      const k = String(valueAt(read, r, ref.box.left));
      const v = valueAt(read, r, ref.box.left + 1);
      if (k === 'year' && v !== '' && Number.isInteger(Number(v))) out.year = Number(v);
      if (k === 'agency' && v !== '') out.agency = String(v);
    }
    return out;
  }

  async function readReport(): Promise<Report | null> {
    requireFloor();
    readIssues = [];
    try {
      const read = await Excel.run({ delayForCellEdit: true }, async (ctx) => {
        const { located, reads } = await readState(ctx);
        return reportFrom(located, reads);
      });
      readIssues = read?.issues ?? [];
      return read?.report ?? null;
    } catch (e) {
      throw toChineseError(e, 'read');
    }
  }

  // --- generating -----------------------------------------------------------------------------

  interface Target {
    key: TargetKey;
    spec: SheetSpec;
    /** The sheet's name after generating. */
    name: string;
    /** The existing sheet of ours it refreshes, if any. */
    existing: SheetRead | null;
  }

  function metaSpec(plan: SheetPlan): SheetSpec {
    const style = { font: { name: '宋体', size: 11 }, horizontal: 'left' as const, vertical: 'top' as const, wrap: false, border: false };
    const cells: PlanCell[] = metadataEntries(plan).flatMap(([k, v], i) => [
      { row: i, col: 0, role: 'note' as const, value: k, style: 'meta', locked: true },
      { row: i, col: 1, role: 'note' as const, value: v, style: 'meta', locked: true },
    ]);
    return {
      key: 'extra', name: META_SHEET_NAME, columnWidths: [14, 40], rowHeights: [], cells, merges: [], styles: { meta: style },
      conditionalFormats: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0 }, frozenRows: 0, protect: true,
    };
  }

  /** A free name for a sheet whose name a user's own sheet already has: 「表三 依申请公开 (2)」. */
  function freeName(name: string, taken: Set<string>): string {
    for (let i = 2; i < 100; i++) {
      const suffix = ` (${i})`;
      const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
    throw new OfficeHostError(OFFICE_TEXT.noFreeName(name), 'NoFreeName');
  }

  function planTargets(plan: SheetPlan, located: Located, reads: Map<string, SheetRead>): { targets: Target[]; notices: string[] } {
    const taken = new Set(located.sheets.map((s) => s.name.toLowerCase()));
    const notes: string[] = [];
    const specs: { key: TargetKey; spec: SheetSpec }[] = [
      ...plan.sheets.map((spec) => ({ key: spec.key as TargetKey, spec })),
      { key: 'meta' as const, spec: metaSpec(plan) },
    ];
    const targets = specs.map(({ key, spec }) => {
      const ours = located.ours.get(key);
      if (ours) return { key, spec, name: ours, existing: reads.get(ours) ?? null };
      let name = spec.name;
      if (taken.has(name.toLowerCase())) {
        name = freeName(spec.name, taken);
        if (key !== 'meta') notes.push(OFFICE_TEXT.sheetNameTaken(spec.name, name));
      }
      taken.add(name.toLowerCase());
      return { key, spec, name, existing: null };
    });
    return { targets, notices: notes };
  }

  /** Entered values of existing sheets, by cell id, and narrative text, by text key. */
  function enteredValues(located: Located, reads: Map<string, SheetRead>) {
    const values = new Map<string, string | number>();
    for (const [id, loc] of located.cells) {
      const def = located.format ? findCell(located.format, id) : undefined;
      if (def && def.role !== 'input') continue;
      const v = valueAt(reads.get(loc.sheet), loc.row, loc.col);
      if (typeof v === 'number' || (typeof v === 'string' && v !== '')) values.set(id, v);
    }
    const texts = new Map<TextKey, string>();
    for (const key of Object.keys(TEXT_NAMES) as TextKey[]) {
      const parts = textLines(located, reads, key);
      if (!parts) continue;
      if (parts.length) texts.set(key, parts.join('\n'));
    }
    return { values, texts };
  }

  /** Queues the whole drawing: values, then formats, then names, then protection, then renames. */
  function queueGenerate(ctx: XlContext, plan: SheetPlan, targets: Target[], located: Located | null, kept: ReturnType<typeof enteredValues>, tempPrefix: string | null) {
    const wb = ctx.workbook;
    wb.application.suspendApiCalculationUntilNextSync();
    wb.application.suspendScreenUpdatingUntilNextSync();
    ctx.runtime.enableEvents = false;
    const sheets = new Map<Target, XlWorksheet>();
    // 1. sheets: new ones added (under a temporary name on the fast path), ours unprotected —
    // all of them before anything is cleared, so a refused unprotect leaves every sheet intact.
    targets.forEach((t, i) => {
      const ws = t.existing ? wb.worksheets.getItem(t.existing.name) : wb.worksheets.add(tempPrefix ? `${tempPrefix}${i}` : t.name);
      if (t.existing?.protected) ws.protection.unprotect(plan.password);
      ws.load('id');
      sheets.set(t, ws);
    });
    for (const t of targets) {
      if (!t.existing) continue;
      const ws = sheets.get(t)!;
      // The new layout, the old one (our names) and stray values: never the whole used range.
      const range = ws.getRange(a1Range(...boxArgs(union(union(specBox(t.spec), t.existing.used?.box), t.existing.valuesBox))));
      range.conditionalFormats.clearAll();
      range.dataValidation.clear();
      range.clear('All');
      ws.freezePanes.unfreeze();
    }
    // 2. values (before formats), entered values kept, text never a formula.
    const textCells = textCellsOf(plan);
    for (const t of targets) {
      const override = (c: PlanCell): string | number | null | undefined => {
        if (c.role === 'input' && c.cellId && kept.values.has(c.cellId)) return kept.values.get(c.cellId);
        const text = textCells.get(`${t.spec.name}!${c.row},${c.col}`);
        if (text) return text.first ? (kept.texts.get(text.key) ?? undefined) : kept.texts.has(text.key) ? '' : undefined;
        return undefined;
      };
      queueContents(sheets.get(t)!, t.spec, keepTextLiteral(contentMatrix(t.spec, override)));
    }
    // 3. formats.
    for (const t of targets) queueFormats(sheets.get(t)!, t.spec);
    // 4. names: a name of ours that already points to the right place stays (a refresh in the
    // same format touches none, so a failure cannot unmark our sheets); others are replaced.
    const wanted = new Map<string, { sheet: string; box: Box }>();
    for (const d of plan.definedNames) {
      const t = targets.find((x) => x.spec.name === d.sheet);
      const box = parseBoxAddress(d.ref.replace(/\$/g, ''));
      if (t && box) wanted.set(d.name.toUpperCase(), { sheet: t.name, box });
    }
    const metaTarget = targets.find((t) => t.key === 'meta')!;
    wanted.set(META_NAME, { sheet: metaTarget.name, box: { top: 0, left: 0, bottom: metadataEntries(plan).length - 1, right: 1 } });
    const sheetOf = new Map(targets.map((t) => [t.name, sheets.get(t)!]));
    const unchanged = (name: string) => {
      const have = located?.names.get(name.toUpperCase());
      const want = wanted.get(name.toUpperCase());
      return !!have && !!want && !!have.box && have.sheet === want.sheet && sameBox(have.box, want.box);
    };
    if (located) for (const ref of located.names.values()) if (!unchanged(ref.name)) wb.names.getItemOrNullObject(ref.name).delete();
    for (const [upper, want] of wanted) {
      if (unchanged(upper)) continue;
      const name = upper === META_NAME ? META_NAME : plan.definedNames.find((d) => d.name.toUpperCase() === upper)!.name;
      wb.names.add(name, sheetOf.get(want.sheet)!.getRange(a1Range(...boxArgs(want.box))));
    }
    sheetOf.get(metaTarget.name)!.visibility = 'Hidden';
    // 5. protection, once, at the end.
    for (const t of targets) if (t.spec.protect) sheets.get(t)!.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, plan.password);
    // 6. final names (the fast path fails here, harmlessly, if a clashing sheet appeared meanwhile).
    if (tempPrefix) for (const t of targets) sheets.get(t)!.name = t.name;
    const first = targets.find((t) => t.key !== 'meta');
    if (first) sheets.get(first)!.activate();
    ctx.runtime.enableEvents = true;
    return sheets;
  }

  async function generate(plan: SheetPlan): Promise<void> {
    requireFloor();
    notices = [];
    const protectedNames: string[] = [];
    let tempPrefix: string | undefined;
    const password = plan.password;
    const salvage: NonNullable<Recovery['salvage']> = [];
    await ownWrite(
      'generate',
      async (ctx) => {
        const fresh = known && known.names.size === 0 && plan.sheets.every((s) => !known!.sheets.some((k) => k.name.toLowerCase() === s.name.toLowerCase())) && !known.sheets.some((k) => k.name.toLowerCase() === META_SHEET_NAME);
        if (fresh) {
          // Fast path (1 sync): the workbook had no report sheets when last read. New sheets get
          // temporary names and are renamed last, so a clash that appeared since fails the rename
          // (nothing of the user's is touched) and we fall back to the read-then-write path.
          tempPrefix = `~xxgk${Math.random().toString(36).slice(2, 8)}-`;
          const located = known!;
          const { targets, notices: n } = planTargets(plan, located, new Map());
          protectedNames.push(...targets.filter((t) => t.spec.protect).map((t) => t.name));
          const sheets = queueGenerate(ctx, plan, targets, null, { values: new Map(), texts: new Map() }, tempPrefix);
          try {
            await ctx.sync();
            finishGenerate(plan, targets, sheets, n);
            return;
          } catch (e) {
            if ((e as { code?: string })?.code !== 'ItemAlreadyExists') throw e;
          }
          await cleanupTemp(ctx, tempPrefix);
        }
        // Read (sync 1), then write (sync 2).
        const { located, reads } = await readState(ctx);
        const kept = enteredValues(located, reads);
        const lost = [...kept.values.keys()].filter((id) => !getFormat(plan.format).cellById.has(id));
        if (lost.length)
          throw new OfficeHostError(
            OFFICE_TEXT.formatChangeLosesValues(located.format ?? '', plan.format, lost.map((id) => describeCell(located.format, id))),
            'FormatChange',
          );
        const { targets, notices: n } = planTargets(plan, located, reads);
        protectedNames.length = 0;
        protectedNames.push(...targets.filter((t) => t.spec.protect || t.existing?.protected).map((t) => t.name));
            const nameOf = new Map(targets.map((t) => [t.spec.name, t.name]));
        for (const [id, addr] of cellAddresses(plan)) {
          const v = kept.values.get(id);
          if (v !== undefined && addr.role === 'input') salvage.push({ sheet: nameOf.get(addr.sheet) ?? addr.sheet, row: addr.row, col: addr.col, value: v });
        }
        for (const [where, text] of textCellsOf(plan))
          if (text.first && kept.texts.has(text.key)) {
            const [sheet, rc] = [where.slice(0, where.lastIndexOf('!')), where.slice(where.lastIndexOf('!') + 1)];
            const [row, col] = rc.split(',').map(Number);
            salvage.push({ sheet: nameOf.get(sheet) ?? sheet, row, col, value: kept.texts.get(text.key)! });
          }
        const sheets = queueGenerate(ctx, plan, targets, located, kept, null);
        await ctx.sync();
        finishGenerate(plan, targets, sheets, n);
      },
      () => ({ sheets: protectedNames, password, tempPrefix, salvage }),
    );
  }

  function finishGenerate(plan: SheetPlan, targets: Target[], sheets: Map<Target, XlWorksheet>, n: string[]) {
    // What we just drew is the layout from now on: the next live check needs no extra read.
    const nameOf = new Map(targets.map((t) => [t.spec.name, t.name]));
    const drawn = new Set(targets.map((t) => t.name));
    const sheetList = [...(known?.sheets ?? []).filter((s) => !drawn.has(s.name)), ...targets.map((t) => ({ name: t.name, id: sheets.get(t)!.id }))];
    const names = new Map<string, NameRef>();
    for (const d of plan.definedNames) {
      const b = parseBoxAddress(d.ref.replace(/\$/g, ''));
      names.set(d.name.toUpperCase(), { name: d.name, sheet: nameOf.get(d.sheet) ?? d.sheet, box: b });
    }
    const meta = targets.find((t) => t.key === 'meta')!;
    names.set(META_NAME, { name: META_NAME, sheet: meta.name, box: { top: 0, left: 0, bottom: metadataEntries(plan).length - 1, right: 1 } });
    const cells = new Map<string, { sheet: string; row: number; col: number }>();
    for (const [id, addr] of cellAddresses(plan)) cells.set(id, { sheet: nameOf.get(addr.sheet) ?? addr.sheet, row: addr.row, col: addr.col });
    const ours = new Map<TargetKey, string>(targets.map((t) => [t.key, t.name]));
    remember({ sheets: sheetList, names, format: plan.format, cells, ours });
    notices = n;
    for (const m of n) deps.onNotice?.(m);
  }

  async function cleanupTemp(ctx: XlContext, prefix: string) {
    const all = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    for (const ws of all.items) if (ws.name.startsWith(prefix)) ws.delete();
    ctx.runtime.enableEvents = true;
    known = null;
    await ctx.sync();
  }

  // --- writing cells --------------------------------------------------------------------------

  async function writeCells(values: Record<string, number | null>): Promise<void> {
    requireFloor();
    let located = known;
    if (!located || !located.format) {
      located = await Excel.run({ delayForCellEdit: true }, async (ctx) => (await readState(ctx)).located).catch((e) => {
        throw toChineseError(e, 'write');
      });
    }
    if (!located.format || located.cells.size === 0) throw new OfficeHostError(OFFICE_TEXT.noReportSheets, 'NoReport');
    const format = located.format;
    // Everything is checked before anything is written: a bad entry writes nothing.
    const writes: { sheet: string; row: number; col: number; value: number | '' }[] = [];
    for (const [id, v] of Object.entries(values)) {
      const def = findCell(format, id);
      const loc = located.cells.get(id);
      if (!def || !loc) throw new OfficeHostError(OFFICE_TEXT.unknownCell(id), 'UnknownCell');
      const place = describeCell(format, id);
      if (def.role !== 'input') throw new OfficeHostError(OFFICE_TEXT.notInputCell(place), 'NotInput');
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
        throw new OfficeHostError(OFFICE_TEXT.notANumber(place, String(v)), 'NotANumber');
      writes.push({ sheet: loc.sheet, row: loc.row, col: loc.col, value: v === null ? '' : v });
    }
    if (!writes.length) return;
    await ownWrite(
      'write',
      async (ctx) => {
        ctx.runtime.enableEvents = false;
        const sheets = new Map<string, XlWorksheet>();
        for (const w of writes) {
          let ws = sheets.get(w.sheet);
          if (!ws) sheets.set(w.sheet, (ws = ctx.workbook.worksheets.getItem(w.sheet)));
          ws.getRange(a1(w.row, w.col)).values = [[w.value]];
        }
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      },
      // writeCells never unprotects, so there is no protection to restore; only events.
      () => ({ sheets: [] }),
    );
  }

  // --- selecting, events, export ----------------------------------------------------------------

  async function selectCell(cellId: string): Promise<void> {
    requireFloor();
    const loc = known?.cells.get(cellId);
    try {
      await Excel.run({ delayForCellEdit: true }, async (ctx) => {
        let where = loc;
        if (!where) {
          const { located } = await readState(ctx);
          where = located.cells.get(cellId);
          if (!where) throw new OfficeHostError(OFFICE_TEXT.unknownCell(cellId), 'UnknownCell');
        }
        const ws = ctx.workbook.worksheets.getItem(where.sheet);
        ws.activate();
        ws.getRange(a1(where.row, where.col)).select();
        await ctx.sync();
      });
    } catch (e) {
      if (loc && (e as { code?: string })?.code === 'ItemNotFound') {
        known = null; // the sheet was renamed or deleted: find it again
        return selectCell(cellId);
      }
      throw toChineseError(e, 'select');
    }
  }

  function onChanged(args: XlChangedEventArgs): Promise<void> {
    if (writing > 0) return Promise.resolve();
    if (ourSheetIds.size && !ourSheetIds.has(args.worksheetId)) return Promise.resolve();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      for (const l of [...listeners]) l();
    }, debounceMs);
    return Promise.resolve();
  }

  function setLiveState(state: LiveCheckState) {
    if (state === liveState) return;
    liveState = state;
    for (const l of [...liveStateListeners]) l(state);
  }

  /**
   * Registers the one change handler. It waits for a cell edit to end (delayForCellEdit) rather
   * than fail, and a failure is retried with backoff; after the last try live checking is 'off'
   * and the user is told (the pane offers 「重新检查」 → liveCheck.retry()).
   */
  function register(attempt: number): Promise<void> {
    if (registering) return registering;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    setLiveState('retrying');
    const delays = deps.liveCheckRetryMs ?? LIVE_CHECK_RETRY_MS;
    registering = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(onChanged);
      await ctx.sync();
    }).then(
      () => {
        registering = null;
        setLiveState('on');
      },
      (e: unknown) => {
        registering = null;
        if (attempt < delays.length) {
          retryTimer = setTimeout(() => void register(attempt + 1), delays[attempt]);
          return;
        }
        setLiveState('off');
        deps.onNotice?.(OFFICE_TEXT.liveCheckOff(excelReason(e)));
      },
    );
    return registering;
  }

  function onUserChange(listener: () => void): () => void {
    listeners.add(listener);
    if (!listening && caps.missing.length === 0) {
      listening = true;
      void register(0);
    }
    return () => {
      listeners.delete(listener);
      if (!listeners.size && timer) {
        clearTimeout(timer);
        timer = null;
      }
    };
  }

  const liveCheck: LiveCheck = {
    state: () => liveState,
    onState(listener) {
      liveStateListeners.add(listener);
      return () => liveStateListeners.delete(listener);
    },
    /** Registers again now (a fresh round of tries), then runs the listeners once: a re-check. */
    async retry() {
      requireFloor();
      listening = true;
      // A failed try schedules the next ones by itself; the re-check runs either way.
      if (liveState !== 'on') await register(0);
      for (const l of [...listeners]) l();
    },
  };

  /**
   * Opens the exported workbook in Excel; where `createWorkbook` is refused (policy, a failing web
   * session, ExcelApi below 1.8) it falls back to the pane's download and says so.
   */
  async function openExport(target: ExportTarget): Promise<'opened' | 'downloaded'> {
    let failure: unknown;
    try {
      await Excel.createWorkbook(bytesToBase64(target.bytes));
      return 'opened';
    } catch (e) {
      failure = e;
    }
    if (!deps.download) throw toChineseError(failure, 'export');
    try {
      await deps.download(target);
    } catch (e) {
      throw new OfficeHostError(OFFICE_TEXT.exportFailedTwice(excelReason(failure), excelReason(e)), 'ExportFailed', e);
    }
    const notice = OFFICE_TEXT.exportDownloaded(target.fileName, excelReason(failure));
    notices = [notice];
    deps.onNotice?.(notice);
    return 'downloaded';
  }

  function currentFileBytes(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const fail = (message: string, cause?: unknown) => reject(new OfficeHostError(OFFICE_TEXT.fileReadFailed(message), 'GetFile', cause));
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return fail(result.error?.message ?? '');
        const file = result.value;
        const chunks: Uint8Array[] = [];
        const close = () => file.closeAsync();
        const next = (i: number) => {
          if (i >= file.sliceCount) {
            close();
            const total = chunks.reduce((n, c) => n + c.length, 0);
            const out = new Uint8Array(total);
            let o = 0;
            for (const c of chunks) {
              out.set(c, o);
              o += c.length;
            }
            return resolve(out);
          }
          file.getSliceAsync(i, (slice) => {
            if (slice.status !== Office.AsyncResultStatus.Succeeded) {
              close();
              return fail(slice.error?.message ?? '');
            }
            const data = slice.value.data;
            chunks.push(typeof data === 'string' ? base64ToBytes(data) : Uint8Array.from(data as ArrayLike<number>));
            next(i + 1);
          });
        };
        next(0);
      });
    });
  }

  const host: ExcelHost = {
    kind: 'excel',
    get lastNotices() {
      return notices;
    },
    get lastReadIssues() {
      return readIssues;
    },
    capabilities: (): HostCapabilities => caps,
    generate,
    readReport,
    writeCells,
    selectCell,
    onUserChange,
    openExport,
    liveCheck,
  };
  if (caps.currentFile) host.currentFileBytes = currentFileBytes;
  return host;
}

function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function boxArgs(b: Box): [number, number, number, number] {
  return [b.top, b.left, b.bottom, b.right];
}

function describeCell(format: FormatId | null, id: string): string {
  return format ? cellPlace(format, id) : id;
}

/** Narrative text cells: plan sheet + position → which text and whether it is the first cell. */
function textCellsOf(plan: SheetPlan): Map<string, { key: TextKey; first: boolean }> {
  const out = new Map<string, { key: TextKey; first: boolean }>();
  for (const key of Object.keys(TEXT_NAMES) as TextKey[]) {
    const d = plan.definedNames.find((n) => n.name === TEXT_NAMES[key]);
    if (!d) continue;
    const b = parseBoxAddress(d.ref.replace(/\$/g, ''));
    if (!b) continue;
    for (let r = b.top; r <= b.bottom; r++) out.set(`${d.sheet}!${r},${b.left}`, { key, first: r === b.top });
  }
  return out;
}

