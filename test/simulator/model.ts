/**
 * The workbook state behind the simulator: sheets, cells, names, protection. Plain data plus the
 * rules Excel applies when a cell is written (strings are parsed as typed input: formulas, numbers,
 * percentages, booleans and dates; see interpretInput) and a small formula
 * evaluator for the shapes a SheetPlan uses. No Office.js here; proxies live in excel-simulator.ts.
 */

export type Scalar = string | number | boolean;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormat {
  font: { name?: string; size?: number; bold?: boolean; color?: string };
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders: Record<string, { style?: string; weight?: string; color?: string }>;
}

export interface Validation {
  rule: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface CellModel {
  /** Constant value ('' = empty); for a formula cell, unused (computed on read). */
  value: Scalar;
  /** '=...' when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  locked: boolean;
  /** The text was written with the apostrophe prefix (Excel keeps the flag, not the character). */
  quotePrefix?: boolean;
  format: CellFormat;
  validation?: Validation;
}

export interface ConditionalFormatModel {
  box: Box;
  type: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface ProtectionModel {
  protected: boolean;
  password?: string;
  options: Record<string, unknown>;
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  merges: Box[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  pageLayout: { orientation: string; paperSize: string; zoom: Record<string, number | undefined> } = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: {},
  };
  visibility = 'Visible';
  protection: ProtectionModel = { protected: false, options: {} };
  selection: string | null = null;
  /**
   * Whole columns the user formatted (a fill on column H …). Excel keeps such a format per column,
   * not per cell, and the used range then reaches the sheet's last row (1,048,576).
   */
  formattedColumns = new Set<number>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }

  peek(row: number, col: number): CellModel | undefined {
    return this.cells.get(this.key(row, col));
  }

  /** The cell, created with Excel's defaults (locked, General) when first touched. */
  cell(row: number, col: number): CellModel {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', numberFormat: 'General', locked: true, format: { font: {}, borders: {} } };
      this.cells.set(k, c);
    }
    return c;
  }
}

export interface NameModel {
  name: string;
  sheet: SheetModel | null;
  box: Box | null;
  comment: string;
}

/** Excel's last row (0-based) and last column (XFD, 0-based). */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  private nextId = 1;

  newSheetId(): string {
    return `{SIM-SHEET-${this.nextId++}}`;
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  findSheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  findName(name: string): NameModel | undefined {
    return this.names.get(name.toUpperCase());
  }
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

export function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellA1(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${colLetters(col)}${d}${row + 1}`;
}

export function boxA1(b: Box, absolute = false): string {
  const a = cellA1(b.top, b.left, absolute);
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellA1(b.bottom, b.right, absolute)}`;
}

function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** 'D5' or 'D5:J30' (optionally with $) → box; null when not an address. */
export function parseBox(address: string): Box | null {
  const parts = address.split(':');
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

// ---------------------------------------------------------------------------------------------
// Writing a value as Excel does

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const CURRENCY = /^([+-]?)[¥￥$]\s*(\d+(?:\.\d*)?)$/;
const NEGATIVE_IN_PARENTHESES = /^\((\d+(?:\.\d*)?)\)$/;
const BOOLEAN = /^(true|false)$/i;

export type Written = { kind: 'formula'; formula: string } | { kind: 'constant'; value: Scalar; numberFormat?: string; quotePrefix?: boolean };

/** Excel's date serial (days since 1899-12-30) of a calendar date, or null when it is no date. */
function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  if (new Date(t).getUTCDate() !== day) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Dates and times as Excel's parser reads typed input (en-US and zh-CN): 「2023-01-05」, 「2023/1/5」,
 * 「2023年1月5日」, 「1/2」 and 「1月2日」 (this year), 「3:30」. Null when the text is none of them.
 */
function parseDateOrTime(text: string): { value: number; numberFormat: string } | null {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial === null ? null : { value: serial, numberFormat: 'yyyy/m/d' };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const serial = dateSerial(new Date().getFullYear(), Number(m[1]), Number(m[2]));
    return serial === null ? null : { value: serial, numberFormat: 'm月d日' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60)
    return { value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400, numberFormat: 'h:mm' };
  return null;
}

/** A number in one of the shapes Excel accepts when typed (and gives a number format to), or null. */
function parseTypedNumber(text: string): { value: number; numberFormat?: string } | null {
  const t = text.trim();
  if (PLAIN_NUMBER.test(t)) return { value: Number(t) };
  if (GROUPED_NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')), numberFormat: '#,##0' };
  let m = PERCENT.exec(t);
  if (m) return { value: Number(m[1]) / 100, numberFormat: '0%' };
  m = CURRENCY.exec(t);
  if (m) return { value: Number(`${m[1]}${m[2]}`), numberFormat: '¥#,##0.00' };
  m = NEGATIVE_IN_PARENTHESES.exec(t);
  if (m) return { value: -Number(m[1]) };
  return null;
}

/**
 * What Excel stores when a string is written to `values`/`formulas` or typed: it is parsed like
 * typed input. A leading '=' makes a formula, and so does a leading '+', '-' or '@' when the rest
 * is not a number; numbers (「 0012」 → 12, 「1e5」, 「1,234」), percentages (「50%」 → 0.5), currency,
 * booleans (「TRUE」), dates and times become numbers or booleans (with a number format when
 * Excel gives one). Two ways keep text as typed: the cell's number format is '@' (Text), or the
 * string starts with the apostrophe prefix, which is dropped from the stored value.
 */
export function interpretInput(v: Scalar, numberFormat: string): Written {
  if (typeof v !== 'string') return { kind: 'constant', value: v };
  if (v === '') return { kind: 'constant', value: '' };
  if (numberFormat === '@') return { kind: 'constant', value: v };
  if (v.startsWith("'")) return { kind: 'constant', value: v.slice(1), quotePrefix: true };
  if (v.startsWith('=') && v.length > 1) return { kind: 'formula', formula: v };
  const number = parseTypedNumber(v);
  if (number) return { kind: 'constant', ...number };
  if (/^[+\-@]/.test(v) && v.length > 1) return { kind: 'formula', formula: `=${v.startsWith('@') ? v.slice(1) : v}` };
  if (BOOLEAN.test(v.trim())) return { kind: 'constant', value: v.trim().toUpperCase() === 'TRUE' };
  const date = parseDateOrTime(v);
  if (date) return { kind: 'constant', ...date };
  return { kind: 'constant', value: v };
}

// ---------------------------------------------------------------------------------------------
// Formula evaluation: + - * / ( ), numbers, strings, refs, ranges, SUM/ABS/ROUND/IF, comparisons.

type Value = number | string | boolean | Value[];

export class FormulaError extends Error {
  constructor(readonly excelError: string) {
    super(excelError);
  }
}

export function evaluate(formula: string, sheet: SheetModel, book: WorkbookModel, depth = 0): Scalar {
  if (depth > 50) return '#REF!';
  try {
    const p = new Parser(formula.replace(/^=/, ''), sheet, book, depth);
    const v = p.parseComparison();
    p.expectEnd();
    const flat = Array.isArray(v) ? v.flat(Infinity as 1)[0] : v;
    return (flat ?? 0) as Scalar;
  } catch (e) {
    return e instanceof FormulaError ? e.excelError : '#NAME?';
  }
}

export function cellValue(sheet: SheetModel, book: WorkbookModel, row: number, col: number, depth = 0): Scalar {
  const c = sheet.peek(row, col);
  if (!c) return '';
  if (c.formula) return evaluate(c.formula, sheet, book, depth + 1);
  return c.value;
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly sheet: SheetModel,
    private readonly book: WorkbookModel,
    private readonly depth: number,
  ) {}

  private peekCh(): string {
    while (this.s[this.i] === ' ') this.i++;
    return this.s[this.i] ?? '';
  }

  expectEnd() {
    if (this.peekCh() !== '') throw new FormulaError('#NAME?');
  }

  parseComparison(): Value {
    const left = this.parseAdditive();
    const m = /^(<>|<=|>=|=|<|>)/.exec(this.s.slice(this.i).trimStart());
    if (!m) return left;
    this.peekCh();
    this.i += m[1].length;
    const a = num(left);
    const b = num(this.parseAdditive());
    switch (m[1]) {
      case '=': return a === b;
      case '<>': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      default: return a >= b;
    }
  }

  private parseAdditive(): Value {
    let v = this.parseTerm();
    for (;;) {
      const ch = this.peekCh();
      if (ch !== '+' && ch !== '-') return v;
      this.i++;
      const r = this.parseTerm();
      v = ch === '+' ? num(v) + num(r) : num(v) - num(r);
    }
  }

  private parseTerm(): Value {
    let v = this.parseUnary();
    for (;;) {
      const ch = this.peekCh();
      if (ch !== '*' && ch !== '/') return v;
      this.i++;
      const r = num(this.parseUnary());
      if (ch === '/' && r === 0) throw new FormulaError('#DIV/0!');
      v = ch === '*' ? num(v) * r : num(v) / r;
    }
  }

  private parseUnary(): Value {
    const ch = this.peekCh();
    if (ch === '-') {
      this.i++;
      return -num(this.parseUnary());
    }
    if (ch === '+') {
      this.i++;
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Value {
    const ch = this.peekCh();
    const rest = this.s.slice(this.i);
    if (ch === '(') {
      this.i++;
      const v = this.parseComparison();
      if (this.peekCh() !== ')') throw new FormulaError('#NAME?');
      this.i++;
      return v;
    }
    if (ch === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(rest);
      if (!m) throw new FormulaError('#NAME?');
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    const n = /^\d+(\.\d*)?([eE][+-]?\d+)?/.exec(rest);
    if (n) {
      this.i += n[0].length;
      return Number(n[0]);
    }
    const fn = /^([A-Z][A-Z0-9.]*)\(/i.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      const args: Value[] = [];
      if (this.peekCh() !== ')') {
        for (;;) {
          args.push(this.parseComparison());
          if (this.peekCh() === ',') {
            this.i++;
            continue;
          }
          break;
        }
      }
      if (this.peekCh() !== ')') throw new FormulaError('#NAME?');
      this.i++;
      return callFunction(fn[1].toUpperCase(), args);
    }
    const ref = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/i.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      let sheet: SheetModel | undefined = this.sheet;
      if (ref[1]) {
        const name = ref[1].startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1];
        sheet = this.book.findSheet(name);
        if (!sheet) throw new FormulaError('#REF!');
      }
      const box = parseBox(ref[2])!;
      const out: Value[] = [];
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) out.push(cellValue(sheet, this.book, r, c, this.depth));
      return box.top === box.bottom && box.left === box.right ? out[0] : out;
    }
    throw new FormulaError('#NAME?');
  }
}

function num(v: Value): number {
  if (Array.isArray(v)) throw new FormulaError('#VALUE!');
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  if (v.startsWith('#')) throw new FormulaError(v);
  if (PLAIN_NUMBER.test(v.trim())) return Number(v);
  throw new FormulaError('#VALUE!');
}

function numbersIn(args: Value[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const x of a.flat(Infinity as 1) as Value[]) {
        if (typeof x === 'string' && x.startsWith('#')) throw new FormulaError(x);
        if (typeof x === 'number') out.push(x);
      }
    } else out.push(num(a));
  }
  return out;
}

function callFunction(name: string, args: Value[]): Value {
  switch (name) {
    case 'SUM':
      return numbersIn(args).reduce((s, x) => s + x, 0);
    case 'ABS':
      return Math.abs(num(args[0]));
    case 'ROUND': {
      const f = 10 ** num(args[1] ?? 0);
      return Math.round(num(args[0]) * f) / f;
    }
    case 'IF':
      return num(args[0]) ? (args[1] ?? true) : (args[2] ?? false);
    case 'COUNT':
      return numbersIn(args.map((a) => (Array.isArray(a) ? a : typeof a === 'number' ? a : []))).length;
    default:
      throw new FormulaError('#NAME?');
  }
}
