/**
 * A fake of the part of Office.js the adapter uses, with the semantics that matter:
 * - commands are queued on the request context and run only at `context.sync()`, in order;
 *   a failing command rejects the sync and drops the rest of the queue (earlier ones stay done,
 *   as in Excel: batches are not transactions);
 * - reading a property that was not loaded (and synced) throws PropertyNotLoaded;
 * - the error codes real Excel raises: writing a locked cell, merging, formatting … on a protected
 *   sheet, and protect() on a protected sheet, throw AccessDenied at sync; unprotect() with a wrong
 *   password throws BadPassword (on an unprotected sheet InvalidOperation); names.add of an
 *   existing name throws ItemAlreadyExists;
 * - a string written to `values` is parsed as typed input (model.ts interpretInput): '=' (or
 *   '+', '-', '@' and not a number) makes a formula; numbers, 「50%」, 「TRUE」, dates become
 *   numbers and booleans; a '@' (Text) number format or the apostrophe prefix keeps text;
 * - API writes and simulated user edits fire onChanged (API writes only while
 *   runtime.enableEvents is true);
 * - while the user edits a cell (`sim.editing = true`) a run fails with
 *   InvalidOperationInCellEditMode unless it asked for delayForCellEdit, which waits;
 * - Excel on the web's payload limit (5 MB a request and a response): a sync whose writes or
 *   loaded cell data exceed it fails with RequestPayloadSizeLimitExceeded (see `payloadBytes`);
 * - every sync is counted.
 * It implements the interfaces of src/office/excel-api.ts, so the compiler checks it stands in
 * for the same surface as the real Office.js (see src/office/office-conformance.ts).
 */
import type {
  XlAsyncResult,
  XlCellProperties,
  XlChangedEventArgs,
  XlConditionalFormat,
  XlContext,
  XlEvent,
  XlEventHandlerResult,
  XlExcel,
  XlFile,
  XlNamedItem,
  XlNamedItemCollection,
  XlOffice,
  XlProtectionOptions,
  XlRange,
  XlRunOptions,
  XlScalar,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
  XlWorkbook,
} from '../../src/office/excel-api';
import {
  boxA1,
  cellValue,
  interpretInput,
  intersects,
  LAST_ROW,
  parseBox,
  quoteSheet,
  sameBox,
  SheetModel,
  WorkbookModel,
  type Box,
  type CellModel,
  type ConditionalFormatModel,
  type Scalar,
} from './model';

/** Shaped like OfficeExtension.Error: `code` is what the adapter maps to Chinese. */
export class SimError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export interface CommandInfo {
  kind: string;
  sheet?: string;
  address?: string;
}

interface Command {
  info: CommandInfo;
  run: () => void;
  /** Estimated size of what the command sends to Excel (matrices written), in bytes. */
  requestBytes?: number;
}

/**
 * The payload model (Excel on the web: 5 MB a request, 5 MB a response). Simple on purpose: a
 * request costs the JSON length of the matrices it writes; a response costs, for every loaded
 * cell matrix (values, formulas, numberFormat), 3 bytes a cell (`"",`) plus the JSON length of
 * each non-empty cell. Loads of sheets, names and addresses are small and not counted.
 */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

function payloadTooLarge(what: 'request' | 'response', bytes: number, limit: number): SimError {
  return new SimError('RequestPayloadSizeLimitExceeded', `The ${what} payload (${bytes} bytes) exceeds the limit of ${limit} bytes.`);
}

type SheetRef = { sheet: SheetModel | null | undefined };

function propList(names?: string | string[]): string[] {
  if (names === undefined) return [];
  return (Array.isArray(names) ? names : names.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** Base of every proxy: values arrive by load + sync; reading before that throws. */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly ctx: SimContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }
  setLoaded(prop: string, value: unknown) {
    this.loaded.set(prop, value);
  }
}

// ---------------------------------------------------------------------------------------------

export class SimContext implements XlContext {
  queue: Command[] = [];
  readonly workbook: SimWorkbook;
  readonly runtime: { enableEvents: boolean };
  /** Set when the run started during cell edit without delayForCellEdit. */
  failWith: string | null = null;
  closed = false;
  private changes: { sheet: SheetModel; box: Box }[] = [];

  constructor(readonly sim: ExcelSimulator) {
    this.workbook = new SimWorkbook(this);
    const enqueue = (info: CommandInfo, run: () => void) => this.enqueue(info, run);
    this.runtime = {
      get enableEvents(): boolean {
        return sim.enableEvents;
      },
      set enableEvents(v: boolean) {
        enqueue({ kind: 'runtime.enableEvents' }, () => {
          sim.enableEvents = v;
        });
      },
    };
  }

  enqueue(info: CommandInfo, run: () => void, requestBytes?: number) {
    if (this.closed) throw new SimError('InvalidObjectPath', 'The request context of this object has ended (Excel.run finished).');
    this.queue.push({ info, run, requestBytes });
  }

  /** Bytes of cell data loaded in the sync under way (checked against the payload limit). */
  private responseBytes = 0;

  /** Counts loaded cell data; throws, as Excel on the web does, once the response is over the limit. */
  chargeResponse(bytes: number) {
    this.responseBytes += bytes;
    this.sim.largestResponseBytes = Math.max(this.sim.largestResponseBytes, this.responseBytes);
    if (this.responseBytes > this.sim.payloadLimitBytes) throw payloadTooLarge('response', this.responseBytes, this.sim.payloadLimitBytes);
  }

  noteChange(sheet: SheetModel, box: Box) {
    if (this.sim.enableEvents) this.changes.push({ sheet, box });
  }

  async sync(): Promise<void> {
    this.sim.syncCount++;
    const queue = this.queue;
    this.queue = [];
    this.changes = [];
    this.responseBytes = 0;
    await Promise.resolve();
    if (this.failWith) throw new SimError(this.failWith, 'The batch could not run while a cell is being edited.');
    const requestBytes = queue.reduce((n, c) => n + (c.requestBytes ?? 0), 0);
    this.sim.largestRequestBytes = Math.max(this.sim.largestRequestBytes, requestBytes);
    if (requestBytes > this.sim.payloadLimitBytes) throw payloadTooLarge('request', requestBytes, this.sim.payloadLimitBytes);
    try {
      for (const c of queue) {
        this.sim.commandCount++;
        const injected = this.sim.takeInjectedFailure(c.info);
        if (injected) throw new SimError(injected, `Injected failure at ${c.info.kind}`, c.info.address);
        c.run();
      }
    } finally {
      for (const ch of this.changes) this.sim.fireChanged(ch.sheet, ch.box, 'Local');
      this.changes = [];
    }
  }
}

class SimWorkbook implements XlWorkbook {
  readonly worksheets: SimWorksheetCollection;
  readonly names: SimNamedItemCollection;
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  constructor(ctx: SimContext) {
    this.worksheets = new SimWorksheetCollection(ctx);
    this.names = new SimNamedItemCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue({ kind: 'application.suspendApiCalculation' }, () => ctx.sim.suspended.calculation++),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.enqueue({ kind: 'application.suspendScreenUpdating' }, () => ctx.sim.suspended.screenUpdating++),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

function checkSheetName(book: WorkbookModel, name: string, self?: SheetModel) {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new SimError('InvalidArgument', `The worksheet name '${name}' is invalid.`);
  const other = book.findSheet(name);
  if (other && other !== self) throw new SimError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
}

class SimEvent implements XlEvent<XlChangedEventArgs> {
  constructor(
    private readonly ctx: SimContext,
    private readonly target: () => Set<(a: XlChangedEventArgs) => Promise<unknown>>,
  ) {}
  add(handler: (args: XlChangedEventArgs) => Promise<unknown>): XlEventHandlerResult {
    this.ctx.enqueue({ kind: 'onChanged.add' }, () => this.target().add(handler));
    return {
      remove: () => this.ctx.enqueue({ kind: 'onChanged.remove' }, () => this.target().delete(handler)),
    };
  }
}

class SimWorksheetCollection extends Proxy implements XlWorksheetCollection {
  readonly onChanged: XlEvent<XlChangedEventArgs>;
  constructor(ctx: SimContext) {
    super(ctx);
    this.onChanged = new SimEvent(ctx, () => ctx.sim.collectionHandlers);
  }
  get items(): SimWorksheet[] {
    return this.read<SimWorksheet[]>('items');
  }
  add(name?: string): XlWorksheet {
    const ref: SheetRef = { sheet: undefined };
    const ws = new SimWorksheet(this.ctx, ref);
    const book = this.ctx.sim.book;
    this.ctx.enqueue({ kind: 'worksheets.add', sheet: name }, () => {
      const finalName = name ?? `Sheet${book.sheets.length + 1}`;
      checkSheetName(book, finalName);
      const sheet = new SheetModel(book.newSheetId(), finalName);
      book.sheets.push(sheet);
      ref.sheet = sheet;
    });
    return ws;
  }
  getItem(key: string): XlWorksheet {
    const ref: SheetRef = { sheet: undefined };
    this.ctx.enqueue({ kind: 'worksheets.getItem', sheet: key }, () => {
      const s = this.ctx.sim.book.findSheet(key) ?? this.ctx.sim.book.findSheetById(key);
      if (!s) throw new SimError('ItemNotFound', `The worksheet '${key}' was not found.`);
      ref.sheet = s;
    });
    return new SimWorksheet(this.ctx, ref);
  }
  getItemOrNullObject(key: string): XlWorksheet {
    const ref: SheetRef = { sheet: undefined };
    const ws = new SimWorksheet(this.ctx, ref);
    this.ctx.enqueue({ kind: 'worksheets.getItemOrNullObject', sheet: key }, () => {
      const s = this.ctx.sim.book.findSheet(key) ?? this.ctx.sim.book.findSheetById(key) ?? null;
      ref.sheet = s;
      ws.setLoaded('isNullObject', s === null);
    });
    return ws;
  }
  load(propertyNames?: string | string[]): XlWorksheetCollection {
    const props = propList(propertyNames).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue({ kind: 'worksheets.load' }, () => {
      const items = this.ctx.sim.book.sheets.map((s) => {
        const ws = new SimWorksheet(this.ctx, { sheet: s });
        ws.snapshot(props);
        return ws;
      });
      this.setLoaded('items', items);
    });
    return this;
  }
}

class SimProtection extends Proxy implements XlWorksheetProtection {
  constructor(
    ctx: SimContext,
    private readonly ref: SheetRef,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.read<boolean>('protected');
  }
  protect(options?: XlProtectionOptions, password?: string): void {
    this.ctx.enqueue({ kind: 'protection.protect' }, () => {
      const s = need(this.ref);
      if (s.protection.protected) throw new SimError('AccessDenied', `The worksheet '${s.name}' is already protected.`);
      s.protection = { protected: true, password, options: { ...(options ?? {}) } };
    });
  }
  unprotect(password?: string): void {
    this.ctx.enqueue({ kind: 'protection.unprotect' }, () => {
      const s = need(this.ref);
      if (!s.protection.protected) throw new SimError('InvalidOperation', `The worksheet '${s.name}' is not protected.`);
      if (s.protection.password !== undefined && s.protection.password !== password)
        throw new SimError('BadPassword', 'The password you supplied is not correct.');
      s.protection = { protected: false, options: {} };
    });
  }
  load(propertyNames?: string | string[]): XlWorksheetProtection {
    const props = propList(propertyNames);
    this.ctx.enqueue({ kind: 'protection.load' }, () => this.snapshot(props));
    return this;
  }
  snapshot(props: string[]) {
    const s = need(this.ref);
    if (props.length === 0 || props.includes('protected')) this.setLoaded('protected', s.protection.protected);
  }
}

function need(ref: SheetRef): SheetModel {
  if (!ref.sheet) throw new SimError('ItemNotFound', 'The worksheet does not exist (null object or not resolved).');
  return ref.sheet;
}

/** Format changes on a protected sheet are refused unless the protection options allow them. */
function guardFormat(s: SheetModel, what: string, allowedBy?: string) {
  if (s.protection.protected && !(allowedBy && s.protection.options[allowedBy]))
    throw new SimError('AccessDenied', `Cannot ${what}: the worksheet '${s.name}' is protected.`);
}

export class SimWorksheet extends Proxy implements XlWorksheet {
  readonly protection: SimProtection;
  readonly freezePanes: { freezeRows(count?: number): void; unfreeze(): void };
  readonly pageLayout: XlWorksheet['pageLayout'];
  constructor(
    ctx: SimContext,
    readonly ref: SheetRef,
  ) {
    super(ctx);
    this.protection = new SimProtection(ctx, ref);
    this.freezePanes = {
      freezeRows: (count = 1) =>
        ctx.enqueue({ kind: 'freezePanes.freezeRows' }, () => {
          const s = need(ref);
          s.frozenRows = count;
        }),
      unfreeze: () => ctx.enqueue({ kind: 'freezePanes.unfreeze' }, () => (need(ref).frozenRows = 0)),
    };
    const setLayout = (apply: (s: SheetModel) => void) =>
      ctx.enqueue({ kind: 'pageLayout' }, () => {
        const s = need(ref);
        guardFormat(s, 'change the page layout');
        apply(s);
      });
    const zoom = {} as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    this.pageLayout = {
      set orientation(v: string) {
        setLayout((s) => (s.pageLayout.orientation = v));
      },
      get orientation(): string {
        throw new SimError('PropertyNotLoaded', 'pageLayout.orientation is not loaded');
      },
      set paperSize(v: string) {
        setLayout((s) => (s.pageLayout.paperSize = v));
      },
      get paperSize(): string {
        throw new SimError('PropertyNotLoaded', 'pageLayout.paperSize is not loaded');
      },
      set zoom(v: typeof zoom) {
        setLayout((s) => (s.pageLayout.zoom = { ...v }));
      },
      get zoom() {
        throw new SimError('PropertyNotLoaded', 'pageLayout.zoom is not loaded');
      },
    };
  }
  get id(): string {
    return this.read<string>('id');
  }
  get name(): string {
    return this.read<string>('name');
  }
  set name(v: string) {
    this.ctx.enqueue({ kind: 'worksheet.name', sheet: v }, () => {
      const s = need(this.ref);
      checkSheetName(this.ctx.sim.book, v, s);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read<string>('visibility');
  }
  set visibility(v: string) {
    this.ctx.enqueue({ kind: 'worksheet.visibility' }, () => (need(this.ref).visibility = v));
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  getRange(address?: string): XlRange {
    return new SimRange(this.ctx, this.ref, address ?? 'A1:XFD1048576');
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    const range = new SimRange(this.ctx, this.ref, '');
    this.ctx.enqueue({ kind: 'worksheet.getUsedRange' }, () => {
      const s = need(this.ref);
      let box: Box | null = null;
      const include = (b: Box) =>
        (box = box
          ? { top: Math.min(box.top, b.top), left: Math.min(box.left, b.left), bottom: Math.max(box.bottom, b.bottom), right: Math.max(box.right, b.right) }
          : b);
      for (const [k, c] of s.cells) {
        if (valuesOnly && c.value === '' && !c.formula) continue;
        const [r, col] = k.split(',').map(Number);
        include({ top: r, left: col, bottom: r, right: col });
      }
      // A formatted whole column stretches the used range (not the values-only one) to the last row.
      if (!valuesOnly) for (const col of s.formattedColumns) include({ top: 0, left: col, bottom: LAST_ROW, right: col });
      range.resolvedAddress = box ? boxA1(box) : null;
      range.setLoaded('isNullObject', box === null);
    });
    return range;
  }
  activate(): void {
    this.ctx.enqueue({ kind: 'worksheet.activate' }, () => {
      this.ctx.sim.activeSheet = need(this.ref);
    });
  }
  delete(): void {
    this.ctx.enqueue({ kind: 'worksheet.delete' }, () => {
      const s = need(this.ref);
      const book = this.ctx.sim.book;
      book.sheets = book.sheets.filter((x) => x !== s);
      for (const n of book.names.values()) if (n.sheet === s) n.sheet = null;
      this.ref.sheet = null;
    });
  }
  load(propertyNames?: string | string[]): XlWorksheet {
    const props = propList(propertyNames);
    this.ctx.enqueue({ kind: 'worksheet.load' }, () => this.snapshot(props));
    return this;
  }
  snapshot(props: string[]) {
    const s = need(this.ref);
    const all = props.length === 0;
    if (all || props.includes('name')) this.setLoaded('name', s.name);
    if (all || props.includes('id')) this.setLoaded('id', s.id);
    if (all || props.includes('visibility')) this.setLoaded('visibility', s.visibility);
    if (props.includes('protection/protected')) this.protection.snapshot(['protected']);
    this.setLoaded('isNullObject', false);
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

type Matrix = XlScalar[][];

export class SimRange extends Proxy implements XlRange {
  /** For ranges resolved at sync (used range). */
  resolvedAddress: string | null | undefined;
  readonly format: XlRange['format'];
  readonly dataValidation: XlRange['dataValidation'];
  readonly conditionalFormats: XlRange['conditionalFormats'];

  constructor(
    ctx: SimContext,
    readonly ref: SheetRef,
    private readonly addr: string,
  ) {
    super(ctx);
    const self = {
      command: (kind: string, run: (s: SheetModel, box: Box) => void) => this.command(kind, 0, run),
      read: <T>(prop: string): T => this.read<T>(prop),
    };
    const protection = {
      set locked(v: boolean) {
        self.command('format.protection.locked', (s, box) => {
          guardFormat(s, 'change cell protection');
          forEach(box, (r, c) => (s.cell(r, c).locked = v));
        });
      },
      get locked(): boolean {
        return self.read<boolean>('format/protection/locked');
      },
    };
    this.format = {
      set columnWidth(v: number) {
        self.command('format.columnWidth', (s, box) => {
          guardFormat(s, 'change column widths', 'allowFormatColumns');
          for (let c = box.left; c <= box.right; c++) s.columnWidths.set(c, v);
        });
      },
      get columnWidth(): number {
        return self.read<number>('format/columnWidth');
      },
      set rowHeight(v: number) {
        self.command('format.rowHeight', (s, box) => {
          guardFormat(s, 'change row heights', 'allowFormatRows');
          for (let r = box.top; r <= box.bottom; r++) s.rowHeights.set(r, v);
        });
      },
      get rowHeight(): number {
        return self.read<number>('format/rowHeight');
      },
      protection,
    };
    const validationSetter = (part: 'rule' | 'errorAlert' | 'prompt') => (v: Record<string, unknown>) =>
      self.command(`dataValidation.${part}`, (s, box) => {
        guardFormat(s, 'change data validation');
        forEach(box, (r, c) => {
          const cell = s.cell(r, c);
          if (part === 'rule') cell.validation = { ...(cell.validation ?? {}), rule: { ...v } };
          else {
            if (!cell.validation) throw new SimError('InvalidOperation', 'Set the data validation rule first.');
            cell.validation[part] = { ...v };
          }
        });
      });
    const setRule = validationSetter('rule');
    const setAlert = validationSetter('errorAlert');
    const setPrompt = validationSetter('prompt');
    this.dataValidation = {
      set rule(v: XlRange['dataValidation']['rule']) {
        setRule(v as Record<string, unknown>);
      },
      get rule(): XlRange['dataValidation']['rule'] {
        return self.read('dataValidation/rule');
      },
      set errorAlert(v: XlRange['dataValidation']['errorAlert']) {
        setAlert(v as unknown as Record<string, unknown>);
      },
      get errorAlert(): XlRange['dataValidation']['errorAlert'] {
        return self.read('dataValidation/errorAlert');
      },
      set prompt(v: XlRange['dataValidation']['prompt']) {
        setPrompt(v as unknown as Record<string, unknown>);
      },
      get prompt(): XlRange['dataValidation']['prompt'] {
        return self.read('dataValidation/prompt');
      },
      set ignoreBlanks(_v: boolean) {
        /* stored nowhere: no test reads it */
      },
      get ignoreBlanks(): boolean {
        return self.read('dataValidation/ignoreBlanks');
      },
      clear: () =>
        self.command('dataValidation.clear', (s, box) => {
          guardFormat(s, 'clear data validation');
          forEach(box, (r, c) => {
            const cell = s.peek(r, c);
            if (cell) delete cell.validation;
          });
        }),
    };
    this.conditionalFormats = {
      add: (type: string) => {
        const holder: { cf?: ConditionalFormatModel } = {};
        self.command('conditionalFormats.add', (s, box) => {
          guardFormat(s, 'add a conditional format');
          holder.cf = { box, type, formula: '', fill: '', fontColor: '' };
          s.conditionalFormats.push(holder.cf);
        });
        const edit = (apply: (cf: ConditionalFormatModel) => void) =>
          self.command('conditionalFormat.set', () => {
            if (!holder.cf) throw new SimError('InvalidOperation', 'conditional format missing');
            if (holder.cf.type !== 'Custom') throw new SimError('InvalidArgument', 'custom is only for Custom formats');
            apply(holder.cf);
          });
        const cf: XlConditionalFormat = {
          custom: {
            rule: {
              set formula(v: string) {
                edit((c) => (c.formula = v));
              },
              get formula(): string {
                throw new SimError('PropertyNotLoaded', 'formula not loaded');
              },
            },
            format: {
              fill: {
                set color(v: string) {
                  edit((c) => (c.fill = v));
                },
                get color(): string {
                  throw new SimError('PropertyNotLoaded', 'color not loaded');
                },
              },
              font: {
                set color(v: string) {
                  edit((c) => (c.fontColor = v));
                },
                get color(): string {
                  throw new SimError('PropertyNotLoaded', 'color not loaded');
                },
              },
            },
          },
        };
        return cf;
      },
      clearAll: () =>
        self.command('conditionalFormats.clearAll', (s, box) => {
          guardFormat(s, 'clear conditional formats');
          s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(cf.box, box));
        }),
    };
  }

  private box(): { sheet: SheetModel; box: Box } {
    const sheet = need(this.ref);
    const a = this.resolvedAddress !== undefined ? this.resolvedAddress : this.addr;
    if (a === null) throw new SimError('ItemNotFound', 'The range is a null object.');
    const box = parseBox(a);
    if (!box) throw new SimError('InvalidArgument', `The address '${a}' is not valid.`);
    return { sheet, box };
  }

  private command(kind: string, requestBytes: number, run: (s: SheetModel, box: Box) => void) {
    this.ctx.enqueue(
      { kind, sheet: this.ref.sheet?.name, address: this.addr },
      () => {
        const { sheet, box } = this.box();
        run(sheet, box);
      },
      requestBytes,
    );
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  get address(): string {
    return this.read<string>('address');
  }
  get values(): Matrix {
    return this.read<Matrix>('values');
  }
  set values(m: Matrix) {
    this.writeMatrix('values', m);
  }
  get formulas(): Matrix {
    return this.read<Matrix>('formulas');
  }
  set formulas(m: Matrix) {
    this.writeMatrix('formulas', m);
  }
  get numberFormat(): Matrix {
    return this.read<Matrix>('numberFormat');
  }
  set numberFormat(m: Matrix) {
    const copy = m.map((row) => [...row]);
    this.command('numberFormat', JSON.stringify(copy).length, (s, box) => {
      checkDims(box, copy);
      guardFormat(s, 'change number formats', 'allowFormatCells');
      forEach(box, (r, c) => (s.cell(r, c).numberFormat = String(copy[r - box.top][c - box.left])));
    });
  }

  private writeMatrix(kind: 'values' | 'formulas', m: Matrix) {
    const copy = m.map((row) => [...row]);
    this.command(kind, JSON.stringify(copy).length, (s, box) => {
      checkDims(box, copy);
      forEach(box, (r, c) => {
        const cell = s.peek(r, c);
        if (s.protection.protected && (cell?.locked ?? true))
          throw new SimError('AccessDenied', `The cell ${boxA1({ top: r, left: c, bottom: r, right: c })} is locked on the protected worksheet '${s.name}'.`);
      });
      forEach(box, (r, c) => {
        const v = copy[r - box.top][c - box.left] as Scalar | null;
        if (v === null || v === undefined) return;
        if (typeof v === 'number' && !Number.isFinite(v)) throw new SimError('InvalidArgument', 'Not a finite number.');
        if (typeof v === 'string' && v.length > 32767) throw new SimError('InvalidArgument', 'Text longer than 32767 characters.');
        const cell = s.cell(r, c);
        const w = interpretInput(v, cell.numberFormat);
        if (w.kind === 'formula') {
          cell.formula = w.formula;
          cell.value = '';
        } else {
          delete cell.formula;
          cell.value = w.value;
          if (w.numberFormat && cell.numberFormat === 'General') cell.numberFormat = w.numberFormat;
          cell.quotePrefix = w.quotePrefix;
        }
      });
      this.ctx.noteChange(s, box);
    });
  }

  setCellProperties(data: XlCellProperties[][]): void {
    const json = JSON.stringify(data);
    const copy = JSON.parse(json) as XlCellProperties[][];
    this.command('setCellProperties', json.length, (s, box) => {
      checkDims(box, copy);
      guardFormat(s, 'format cells', 'allowFormatCells');
      forEach(box, (r, c) => {
        const f = copy[r - box.top][c - box.left].format;
        if (!f) return;
        const cell = s.cell(r, c);
        if (f.font) cell.format.font = { ...cell.format.font, ...f.font };
        if (f.fill?.color !== undefined) cell.format.fill = f.fill.color;
        if (f.horizontalAlignment !== undefined) cell.format.horizontalAlignment = f.horizontalAlignment;
        if (f.verticalAlignment !== undefined) cell.format.verticalAlignment = f.verticalAlignment;
        if (f.wrapText !== undefined) cell.format.wrapText = f.wrapText;
        if (f.protection?.locked !== undefined) {
          if (s.protection.protected) throw new SimError('AccessDenied', 'Cannot change cell protection on a protected sheet.');
          cell.locked = f.protection.locked;
        }
        if (f.borders) for (const [side, b] of Object.entries(f.borders)) cell.format.borders[side] = { ...b };
      });
    });
  }

  merge(across?: boolean): void {
    this.command('merge', 0, (s, box) => {
      guardFormat(s, 'merge cells');
      if (across) throw new SimError('NotImplemented', 'merge across is not simulated');
      for (const m of s.merges)
        if (intersects(m, box) && !sameBox(m, box)) throw new SimError('InvalidOperation', 'Cannot merge over part of a merged cell.');
      s.merges = s.merges.filter((m) => !sameBox(m, box));
      s.merges.push(box);
      forEach(box, (r, c) => {
        if (r === box.top && c === box.left) return;
        const cell = s.peek(r, c);
        if (cell) {
          cell.value = '';
          delete cell.formula;
        }
      });
    });
  }

  unmerge(): void {
    this.command('unmerge', 0, (s, box) => {
      guardFormat(s, 'unmerge cells');
      s.merges = s.merges.filter((m) => !intersects(m, box));
    });
  }

  clear(applyTo = 'All'): void {
    this.command('clear', 0, (s, box) => {
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      if (formats) guardFormat(s, 'clear formats');
      if (contents && s.protection.protected)
        forEach(box, (r, c) => {
          if (s.peek(r, c)?.locked ?? true) throw new SimError('AccessDenied', `Cannot clear locked cells on the protected worksheet '${s.name}'.`);
        });
      for (const [k, cell] of [...s.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
        if (contents) {
          cell.value = '';
          delete cell.formula;
        }
        if (formats) {
          cell.format = { font: {}, borders: {} };
          cell.numberFormat = 'General';
          cell.locked = true;
        }
        if (applyTo === 'All') s.cells.delete(k);
      }
      if (formats) s.merges = s.merges.filter((m) => !intersects(m, box));
      if (contents) this.ctx.noteChange(s, box);
    });
  }

  select(): void {
    this.command('select', 0, (s, box) => {
      if (this.ctx.sim.activeSheet !== s) throw new SimError('InvalidSelection', 'Select works on the active worksheet only; activate it first.');
      s.selection = boxA1(box);
    });
  }

  load(propertyNames?: string | string[]): XlRange {
    const props = propList(propertyNames);
    this.ctx.enqueue({ kind: 'range.load', sheet: this.ref.sheet?.name, address: this.addr }, () => {
      // Loading a null object (empty used range) is allowed; its properties stay unavailable.
      if (this.resolvedAddress === null) return;
      const { sheet: s, box } = this.box();
      const all = props.length === 0;
      const book = this.ctx.sim.book;
      const matrices = ['values', 'formulas', 'numberFormat'].filter((p) => all || props.includes(p)).length;
      this.ctx.chargeResponse(matrices * responseBytes(s, box));
      const matrix = (f: (cell: CellModel | undefined, r: number, c: number) => XlScalar): Matrix => {
        const out: Matrix = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row: XlScalar[] = [];
          for (let c = box.left; c <= box.right; c++) row.push(f(s.peek(r, c), r, c));
          out.push(row);
        }
        return out;
      };
      if (all || props.includes('values')) this.setLoaded('values', matrix((_c, r, c) => cellValue(s, book, r, c)));
      if (all || props.includes('formulas')) this.setLoaded('formulas', matrix((cell) => cell?.formula ?? cell?.value ?? ''));
      if (all || props.includes('numberFormat')) this.setLoaded('numberFormat', matrix((cell) => cell?.numberFormat ?? 'General'));
      if (all || props.includes('address')) this.setLoaded('address', `${quoteSheet(s.name)}!${boxA1(box)}`);
      if (props.includes('format/protection/locked')) {
        let locked: boolean | null = null;
        forEach(box, (r, c) => {
          const l = s.peek(r, c)?.locked ?? true;
          locked = locked === null || locked === l ? l : (null as unknown as boolean);
        });
        this.setLoaded('format/protection/locked', locked);
      }
    });
    return this;
  }
}

/** The payload model's cost of one loaded matrix of `box` (see WEB_PAYLOAD_LIMIT_BYTES). */
function responseBytes(s: SheetModel, box: Box): number {
  let bytes = (box.bottom - box.top + 1) * (box.right - box.left + 1) * 3;
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(',').map(Number);
    if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) bytes += JSON.stringify(cell.formula ?? cell.value).length;
  }
  return bytes;
}

function forEach(box: Box, f: (r: number, c: number) => void) {
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) f(r, c);
}

function checkDims(box: Box, m: unknown[][]) {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (m.length !== rows || m.some((row) => row.length !== cols))
    throw new SimError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
}

// ---------------------------------------------------------------------------------------------
// Defined names

class SimNamedItem extends Proxy implements XlNamedItem {
  model: { name: string } | null = null;
  constructor(
    ctx: SimContext,
    private readonly lookup: () => string,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read<string>('name');
  }
  get value(): unknown {
    return this.read<unknown>('value');
  }
  get comment(): string {
    return this.read<string>('comment');
  }
  set comment(v: string) {
    this.ctx.enqueue({ kind: 'name.comment' }, () => {
      const n = this.ctx.sim.book.findName(this.lookup());
      if (!n) throw new SimError('ItemNotFound', 'name not found');
      n.comment = v;
    });
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  delete(): void {
    this.ctx.enqueue({ kind: 'name.delete' }, () => {
      const book = this.ctx.sim.book;
      const key = this.lookup().toUpperCase();
      if (!book.names.has(key)) throw new SimError('ItemNotFound', `The name '${this.lookup()}' was not found.`);
      book.names.delete(key);
    });
  }
  load(propertyNames?: string | string[]): XlNamedItem {
    const props = propList(propertyNames);
    this.ctx.enqueue({ kind: 'name.load' }, () => this.snapshot(props));
    return this;
  }
  snapshot(props: string[]) {
    const n = this.ctx.sim.book.findName(this.lookup());
    this.setLoaded('isNullObject', !n);
    if (!n) return;
    const all = props.length === 0;
    if (all || props.includes('name')) this.setLoaded('name', n.name);
    if (all || props.includes('comment')) this.setLoaded('comment', n.comment);
    if (all || props.includes('value'))
      this.setLoaded('value', n.sheet && n.box ? `${quoteSheet(n.sheet.name)}!${boxA1(n.box, true)}` : '#REF!');
  }
}

class SimNamedItemCollection extends Proxy implements XlNamedItemCollection {
  get items(): XlNamedItem[] {
    return this.read<XlNamedItem[]>('items');
  }
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem {
    this.ctx.enqueue({ kind: 'names.add', address: name }, () => {
      const book = this.ctx.sim.book;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new SimError('InvalidArgument', `The name '${name}' is not valid.`);
      if (book.findName(name)) throw new SimError('ItemAlreadyExists', `The name '${name}' already exists.`);
      let sheet: SheetModel | null = null;
      let box: Box | null = null;
      if (reference instanceof SimRange) {
        sheet = need(reference.ref);
        box = parseBox(reference.resolvedAddress ?? (reference as unknown as { addr: string }).addr);
      } else {
        const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(String(reference));
        if (!m) throw new SimError('InvalidArgument', `Unsupported reference ${String(reference)}`);
        sheet = book.findSheet(m[1] ? m[1].replace(/''/g, "'") : m[2]) ?? null;
        box = parseBox(m[3].replace(/\$/g, ''));
        if (!sheet || !box) throw new SimError('InvalidReference', `Bad reference ${String(reference)}`);
      }
      book.names.set(name.toUpperCase(), { name, sheet, box, comment: comment ?? '' });
    });
    return new SimNamedItem(this.ctx, () => name);
  }
  getItemOrNullObject(name: string): XlNamedItem {
    const item = new SimNamedItem(this.ctx, () => name);
    this.ctx.enqueue({ kind: 'names.getItemOrNullObject' }, () => item.snapshot(['name']));
    return item;
  }
  load(propertyNames?: string | string[]): XlNamedItemCollection {
    const props = propList(propertyNames).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue({ kind: 'names.load' }, () => {
      const items = [...this.ctx.sim.book.names.values()].map((n) => {
        const item = new SimNamedItem(this.ctx, () => n.name);
        item.snapshot(props);
        return item;
      });
      this.setLoaded('items', items);
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// The simulator: Excel, Office, and helpers for tests

export interface SimulatorOptions {
  /** Highest ExcelApi version the simulated Excel supports (default '1.9'). */
  excelApi?: string;
  /** Whether the common set CompressedFile (getFileAsync) is supported (default true). */
  compressedFile?: boolean;
  /** Bytes getFileAsync returns. */
  fileBytes?: Uint8Array;
  /** Largest request and response of one sync (default Excel on the web's 5 MB). */
  payloadLimitBytes?: number;
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

export class ExcelSimulator {
  readonly book = new WorkbookModel();
  syncCount = 0;
  runCount = 0;
  commandCount = 0;
  /** Commands queued but never synced when a run ended (the adapter must leave none). */
  unsyncedCommands = 0;
  enableEvents = true;
  activeSheet: SheetModel | null = null;
  suspended = { calculation: 0, screenUpdating: 0 };
  readonly collectionHandlers = new Set<(a: XlChangedEventArgs) => Promise<unknown>>();
  readonly createdWorkbooks: string[] = [];
  /** Excel.createWorkbook fails with this code when set (a policy blocks it, a web session fails). */
  createWorkbookFailure: string | null = null;
  readonly payloadLimitBytes: number;
  /** Largest request and response payload of any sync so far (the payload model's estimate). */
  largestRequestBytes = 0;
  largestResponseBytes = 0;
  private injected: { match: (c: CommandInfo) => boolean; code: string }[] = [];
  private editSession: { done: Promise<void>; end: () => void } | null = null;
  private pendingEvents: Promise<unknown>[] = [];
  readonly Excel: XlExcel;
  readonly Office: XlOffice;
  readonly options: Required<Pick<SimulatorOptions, 'excelApi' | 'compressedFile'>> & SimulatorOptions;

  constructor(options: SimulatorOptions = {}) {
    this.options = { excelApi: '1.9', compressedFile: true, ...options };
    this.payloadLimitBytes = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT_BYTES;
    this.Excel = {
      run: <T>(runOptions: XlRunOptions, batch: (context: XlContext) => Promise<T>) => this.run(runOptions, batch),
      createWorkbook: async (base64?: string) => {
        if (!this.supports('ExcelApi', '1.8')) throw new SimError('ApiNotFound', 'createWorkbook needs ExcelApi 1.8');
        if (this.createWorkbookFailure) throw new SimError(this.createWorkbookFailure, 'createWorkbook failed.');
        this.createdWorkbooks.push(base64 ?? '');
      },
    };
    const Succeeded = 'succeeded';
    const Failed = 'failed';
    this.Office = {
      context: {
        requirements: { isSetSupported: (name: string, minVersion?: string) => this.supports(name, minVersion) },
        document: {
          getFileAsync: (fileType: unknown, opts: { sliceSize?: number }, callback: (r: XlAsyncResult<XlFile>) => void) => {
            setTimeout(() => {
              if (fileType !== 'compressed' || !this.options.compressedFile) {
                callback({ status: Failed, value: undefined as unknown as XlFile, error: { code: 5001, name: 'Internal Error', message: 'not supported' } });
                return;
              }
              const bytes = this.options.fileBytes ?? new Uint8Array();
              const size = opts.sliceSize ?? 4194304;
              const count = Math.max(1, Math.ceil(bytes.length / size));
              const file: XlFile = {
                size: bytes.length,
                sliceCount: count,
                getSliceAsync: (i, cb) =>
                  setTimeout(() =>
                    cb({
                      status: Succeeded,
                      value: { data: Array.from(bytes.subarray(i * size, (i + 1) * size)), index: i, size: Math.min(size, bytes.length - i * size) },
                      error: undefined as unknown as XlAsyncResult<void>['error'],
                    }),
                  ),
                closeAsync: (cb) => {
                  this.filesClosed++;
                  cb?.({ status: Succeeded, value: undefined, error: undefined as unknown as XlAsyncResult<void>['error'] });
                },
              };
              callback({ status: Succeeded, value: file, error: undefined as unknown as XlAsyncResult<void>['error'] });
            });
          },
        },
      },
      FileType: { Compressed: 'compressed' },
      AsyncResultStatus: { Succeeded, Failed },
    };
  }

  filesClosed = 0;

  supports(name: string, minVersion?: string): boolean {
    if (name === 'ExcelApi') return versionAtLeast(this.options.excelApi, minVersion ?? '1.1');
    if (name === 'CompressedFile' || name === 'File') return this.options.compressedFile;
    return false;
  }

  async run<T>(runOptions: XlRunOptions, batch: (context: XlContext) => Promise<T>): Promise<T> {
    this.runCount++;
    const ctx = new SimContext(this);
    if (this.editSession) {
      if (runOptions.delayForCellEdit) await this.editSession.done;
      else ctx.failWith = 'InvalidOperationInCellEditMode';
    }
    try {
      return await batch(ctx);
    } finally {
      this.unsyncedCommands += ctx.queue.length;
      ctx.queue = [];
      ctx.closed = true;
    }
  }

  // --- events ---------------------------------------------------------------------------------

  fireChanged(sheet: SheetModel, box: Box, source: string) {
    const args: XlChangedEventArgs & { type: string } = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address: boxA1(box),
      changeType: 'RangeEdited',
      source,
    };
    for (const h of [...this.collectionHandlers]) this.pendingEvents.push(Promise.resolve().then(() => h(args)));
  }

  /** Waits until every dispatched event handler has returned. */
  async settleEvents(): Promise<void> {
    while (this.pendingEvents.length) {
      const p = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(p);
    }
  }

  // --- failure injection and cell edit mode -----------------------------------------------------

  /** The next command matching `match` fails at sync with `code` (once). */
  injectFailure(match: (c: CommandInfo) => boolean, code = 'GeneralException') {
    this.injected.push({ match, code });
  }

  takeInjectedFailure(c: CommandInfo): string | null {
    const i = this.injected.findIndex((f) => f.match(c));
    if (i < 0) return null;
    const [f] = this.injected.splice(i, 1);
    return f.code;
  }

  beginCellEdit() {
    if (this.editSession) return;
    let end!: () => void;
    const done = new Promise<void>((r) => (end = r));
    this.editSession = { done, end };
  }

  endCellEdit() {
    const e = this.editSession;
    this.editSession = null;
    e?.end();
  }

  /** The user is typing in a cell (true) or has pressed Enter/Esc (false). */
  get editing(): boolean {
    return this.editSession !== null;
  }

  set editing(on: boolean) {
    if (on) this.beginCellEdit();
    else this.endCellEdit();
  }

  // --- direct access for tests (not through the API) ----------------------------------------------

  sheet(name: string): SheetModel {
    const s = this.book.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /** A user's own sheet with some values (unprotected). */
  addUserSheet(name: string, cells: Record<string, Scalar> = {}): SheetModel {
    const s = new SheetModel(this.book.newSheetId(), name);
    this.book.sheets.push(s);
    for (const [a, v] of Object.entries(cells)) {
      const b = parseBox(a)!;
      const w = interpretInput(v, 'General');
      const cell = s.cell(b.top, b.left);
      if (w.kind === 'formula') cell.formula = w.formula;
      else cell.value = w.value;
    }
    return s;
  }

  /** What the cell holds: its computed value, and its formula when it has one. */
  cell(sheetName: string, address: string): { value: Scalar; formula?: string; locked: boolean; numberFormat: string } {
    const s = this.sheet(sheetName);
    const b = parseBox(address)!;
    const c = s.peek(b.top, b.left);
    return {
      value: cellValue(s, this.book, b.top, b.left),
      formula: c?.formula,
      locked: c?.locked ?? true,
      numberFormat: c?.numberFormat ?? 'General',
    };
  }

  /** Every cell on any sheet that holds a formula, as 'Sheet!A1' → formula. */
  allFormulas(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.book.sheets)
      for (const [k, c] of s.cells)
        if (c.formula) {
          const [r, col] = k.split(',').map(Number);
          out[`${s.name}!${boxA1({ top: r, left: col, bottom: r, right: col })}`] = c.formula;
        }
    return out;
  }

  /**
   * The user types or pastes into cells (a matrix from the top-left of `address`), as Excel's
   * UI does: refused on locked cells of a protected sheet; fires onChanged (source Local)
   * whatever runtime.enableEvents says, since that only mutes the add-in's own changes.
   */
  simulateUserEdit(sheetName: string, address: string, values: Scalar[][]) {
    const s = this.sheet(sheetName);
    const start = parseBox(address)!;
    const box = { top: start.top, left: start.left, bottom: start.top + values.length - 1, right: start.left + values[0].length - 1 };
    forEach(box, (r, c) => {
      if (s.protection.protected && (s.peek(r, c)?.locked ?? true)) throw new Error('您试图更改的单元格或图表位于受保护的工作表中。');
    });
    forEach(box, (r, c) => {
      const cell = s.cell(r, c);
      const w = interpretInput(values[r - box.top][c - box.left], cell.numberFormat);
      if (w.kind === 'formula') cell.formula = w.formula;
      else {
        delete cell.formula;
        cell.value = w.value;
        if (w.numberFormat && cell.numberFormat === 'General') cell.numberFormat = w.numberFormat;
        cell.quotePrefix = w.quotePrefix;
      }
    });
    this.fireChanged(s, box, 'Local');
  }

  /**
   * The user formats whole columns ('H' or 'H:J'), e.g. a fill: Excel stores a column format and
   * the used range then reaches the last row. Our sheets allow it after the user unprotects them.
   */
  simulateUserFormatColumns(sheetName: string, columns: string) {
    const s = this.sheet(sheetName);
    const [first, last] = columns.split(':').map((c) => parseBox(`${c}1`)!.left);
    for (let c = first; c <= (last ?? first); c++) s.formattedColumns.add(c);
  }

  /** The user deletes the contents of cells (Delete key). */
  simulateUserDelete(sheetName: string, address: string) {
    const s = this.sheet(sheetName);
    const box = parseBox(address)!;
    forEach(box, (r, c) => {
      if (s.protection.protected && (s.peek(r, c)?.locked ?? true)) throw new Error('protected');
      const cell = s.peek(r, c);
      if (cell) {
        cell.value = '';
        delete cell.formula;
      }
    });
    this.fireChanged(s, box, 'Local');
  }

  resetCounts() {
    this.syncCount = 0;
    this.runCount = 0;
    this.commandCount = 0;
  }
}

export function createSimulator(options?: SimulatorOptions): ExcelSimulator {
  return new ExcelSimulator(options);
}
