/**
 * The part of the Office.js API the adapter uses, as small structural interfaces.
 *
 * Why not `typeof Excel` directly: the adapter takes the `Excel` and `Office` globals as injected
 * dependencies so the simulator under test/simulator can stand in for them, and the simulator
 * cannot implement all of Office.js. `office-conformance.ts` proves at compile time that the
 * real @types/office-js objects satisfy these interfaces, so the adapter stays typed against
 * Office.js. These files use no DOM and no Office globals (the bench compiles them for Node).
 *
 * Everything here exists in ExcelApi 1.9 or earlier (see docs/office-adapter.md).
 */

export type XlScalar = string | number | boolean;

export interface XlRunOptions {
  /** Wait until the user leaves cell edit mode instead of failing (InvalidOperationInCellEditMode). */
  delayForCellEdit?: boolean;
}

export interface XlExcel {
  run<T>(options: XlRunOptions, batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** ExcelApi 1.8: opens a new workbook from base64 .xlsx bytes. */
  createWorkbook(base64?: string): Promise<void>;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  /** ExcelApi 1.5; enableEvents is 1.8. */
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  /** Workbook-scoped defined names (ExcelApi 1.1, add 1.4). */
  readonly names: XlNamedItemCollection;
  readonly application: XlApplication;
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlEventHandlerResult {
  remove(): void;
}

export interface XlEvent<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventHandlerResult;
}

export interface XlChangedEventArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  load(propertyNames?: string | string[]): XlWorksheetCollection;
  /** ExcelApi 1.9: one registration covers every sheet, including sheets added later. */
  readonly onChanged: XlEvent<XlChangedEventArgs>;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
  protect(options?: XlProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
  load(propertyNames?: string | string[]): XlWorksheetProtection;
}

export interface XlProtectionOptions {
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowFormatCells?: boolean;
  allowSort?: boolean;
  allowAutoFilter?: boolean;
}

export interface XlWorksheet {
  readonly id: string;
  name: string;
  readonly isNullObject: boolean;
  /** 'Visible' | 'Hidden' | 'VeryHidden' (the metadata sheet is hidden). */
  visibility: string;
  readonly protection: XlWorksheetProtection;
  readonly freezePanes: { freezeRows(count?: number): void; unfreeze(): void };
  readonly pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    /** ExcelApi 1.9: rows repeated at the top of every printed page ('$2:$2'). Optional: not every host model has it. */
    setPrintTitleRows?(rows: XlRange | string): void;
  };
  getRange(address?: string): XlRange;
  /** ExcelApi 1.4: the used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  load(propertyNames?: string | string[]): XlWorksheet;
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
  load(propertyNames?: string | string[]): XlNamedItemCollection;
}

export interface XlNamedItem {
  readonly name: string;
  /** For a range name, the formula text, e.g. `='表三 依申请公开'!$A$1:$J$40`. */
  readonly value: unknown;
  comment: string;
  readonly isNullObject: boolean;
  delete(): void;
  load(propertyNames?: string | string[]): XlNamedItem;
}

export interface XlBorderSpec {
  style?: string;
  weight?: string;
  color?: string;
}

/** The subset of Excel.SettableCellProperties the writer sets (ExcelApi 1.9). */
export interface XlCellProperties {
  format?: {
    font?: { name?: string; size?: number; bold?: boolean; color?: string };
    fill?: { color?: string };
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    protection?: { locked?: boolean };
    borders?: { top?: XlBorderSpec; bottom?: XlBorderSpec; left?: XlBorderSpec; right?: XlBorderSpec };
  };
}

export interface XlRange {
  readonly address: string;
  readonly isNullObject: boolean;
  values: XlScalar[][];
  formulas: XlScalar[][];
  numberFormat: XlScalar[][];
  readonly format: {
    columnWidth: number;
    rowHeight: number;
    readonly protection: { locked: boolean };
  };
  readonly dataValidation: {
    rule: {
      wholeNumber?: { formula1: unknown; formula2?: unknown; operator: string };
      decimal?: { formula1: unknown; formula2?: unknown; operator: string };
    };
    errorAlert: { message: string; showAlert: boolean; style: string; title: string };
    prompt: { message: string; showPrompt: boolean; title: string };
    ignoreBlanks: boolean;
    clear(): void;
  };
  readonly conditionalFormats: {
    add(type: string): XlConditionalFormat;
    clearAll(): void;
  };
  setCellProperties(cellPropertiesData: XlCellProperties[][]): void;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: string): void;
  select(): void;
  load(propertyNames?: string | string[]): XlRange;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

// ----------------------------------------------------------------------------------------
// The Common API parts (Office.*) the adapter uses.

export interface XlAsyncResult<T> {
  status: unknown;
  value: T;
  error: { code: number; message: string; name: string };
}

export interface XlFile {
  size: number;
  sliceCount: number;
  getSliceAsync(sliceIndex: number, callback: (result: XlAsyncResult<{ data: unknown; index: number; size: number }>) => void): void;
  closeAsync(callback?: (result: XlAsyncResult<void>) => void): void;
}

export interface XlOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: {
      getFileAsync(fileType: unknown, options: { sliceSize?: number }, callback: (result: XlAsyncResult<XlFile>) => void): void;
    };
  };
  FileType: { Compressed: unknown };
  AsyncResultStatus: { Succeeded: unknown; Failed: unknown };
}
