/**
 * Reads an .xlsx back into a report. Our own workbooks are read through their defined names
 * and metadata (no coordinates); any other workbook is turned into cell grids and handed to
 * the importer — the same importer as pasted text, not a second parser. Everything is bounded:
 * zip sizes are checked before inflating (zip.ts) and the number of cells parsed is capped.
 */
import { XxgkError } from '../core/errors';
import { getFormat, isFormatId, type FormatId } from '../core/formats';
import { describeIssues, importGrid, type DescribedIssue, type ImportIssue } from '../core/import';
import type { IssueCode } from '../core/messages/zh-CN';
import { parseReport, type Report, type ReportText } from '../core/report';
import { parseA1, parseA1Range } from '../core/sheetplan/a1';
import { BLOCK_NAMES, cellDefinedName, compileSheetPlan } from '../core/sheetplan/compile';
import { plainNumber, storedTotals, type StoredTotal } from '../core/sheetplan/stored-totals';
import { META_SHEET_NAME } from '../core/sheetplan/texts';
import { META_NAME, META_PROPERTY_PREFIX } from './write';
import { XmlError, decodeEntities, scanXml, unescCellText } from './xml';
import { ZipError, openZip, ZIP_LIMITS, type InflateRaw, type ZipReader } from './zip';

export const READ_LIMITS = {
  /** Cells parsed over the whole workbook. */
  maxCells: 1_000_000,
  /** Rows × columns of one sheet's grid handed to the importer. */
  maxGridCells: 2_000_000,
  /** Shared strings. */
  maxStrings: 1_000_000,
};

export type CellValue = string | number | null;

export interface ReadResult {
  report: Report;
  /** Problems found while reading, as the importer reports them (messages: describeIssues). */
  issues: ImportIssue[];
  /** xxgk: one of our workbooks, read by name; import: another workbook, read by the importer. */
  source: 'xxgk' | 'import';
}

export interface ReadOptions {
  /** The report year, for foreign workbooks that do not say it. */
  year?: number;
  /** The DEFLATE decoder (default: fflate's, in JS). */
  inflateRaw?: InflateRaw;
  /** false: the XML scanner reads every part (tests compare it with the fast readers; see fastOrScan). */
  fastReaders?: boolean;
}

// --- workbook structure ---------------------------------------------------------------------

interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

interface Workbook {
  zip: ZipReader;
  sheets: SheetEntry[];
  names: ReadonlyMap<string, string>;
  strings: string[];
  budget: { cells: number };
  /** Whether the fast readers may be used (see fastOrScan); false only in tests. */
  fast: boolean;
}

function fail(kind: string, detail?: string): never {
  throw new XxgkError('XLSX-UNREADABLE', { kind, detail });
}

function parseXml(text: string, h: Parameters<typeof scanXml>[1], part: string) {
  try {
    scanXml(text, h);
  } catch (e) {
    if (e instanceof XmlError) fail('xml', `${part}: ${e.message}`);
    throw e;
  }
}

/**
 * Most of a part is one run of simple repeated elements (cells, defined names, strings). Reads
 * text[from, to) — that run — with `fast`, and the rest of the part with `scan`; when `fast`
 * meets anything it does not know it returns false, `undo` drops what it read, and `scan`
 * reads the whole part. The fast readers accept only what the scanner reads the same way
 * (test/sheets/read-fast.test.ts holds them to it): they use a native regular expression
 * instead of an event per tag, which counts when a batch reads hundreds of workbooks with code
 * that has not warmed up.
 */
function fastOrScan(text: string, from: number, to: number, fast: () => boolean, scan: (xml: string) => void, undo: () => void): 'fast' | 'scanner' {
  if (from >= 0 && to > from) {
    if (fast()) {
      scan(text.slice(0, from) + text.slice(to));
      return 'fast';
    }
    undo();
  }
  scan(text);
  return 'scanner';
}

/** Runs the sticky `token` over text[from, to); false at a gap, or when `each` says so. */
function eachToken(token: RegExp, text: string, from: number, to: number, each: (m: RegExpExecArray) => boolean): boolean {
  token.lastIndex = from;
  while (token.lastIndex < to) {
    const m = token.exec(text);
    if (!m || token.lastIndex > to || !each(m)) return false;
  }
  return true;
}

/** Entities decoded, or null for an unknown one (the scanner then reports it). */
function decodedOrNull(s: string): string | null {
  try {
    return decodeEntities(s);
  } catch {
    return null;
  }
}

const attrPatterns = new Map<string, RegExp>();

/** The last value of ` name="…"` in simple attributes (as XmlAttrs.get answers for them). */
function simpleAttr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(` ${name}="([^"]*)"`, 'g')));
  let value: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) value = m[1];
  return value;
}

/** Simple attributes: ` name="value"`, no prefix, no entity (or the fast readers give up). */
const SIMPLE_ATTRS = '(?: [A-Za-z]+="[^"<>&]*")*';

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(zip: ZipReader, part: string): Map<string, { type: string; target: string }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop()!;
  const rels = new Map<string, { type: string; target: string }>();
  const text = zip.readText(`${dir ? `${dir}/` : ''}_rels/${file}.rels`);
  if (!text) return rels;
  parseXml(text, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target) rels.set(id, { type: a.get('Type') ?? '', target: resolveTarget(part, target) });
    },
  }, 'rels');
  return rels;
}

function openWorkbook(bytes: Uint8Array, inflateRaw?: InflateRaw, fast = true): Workbook {
  let zip: ZipReader;
  try {
    zip = openZip(bytes, ZIP_LIMITS, inflateRaw);
  } catch (e) {
    throw zipError(e);
  }
  return guardZip(() => {
    const rootRels = relationships(zip, '');
    const main = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const wbText = zip.readText(main);
    if (wbText === null) fail('no-workbook');
    const rels = relationships(zip, main);
    const sheets: SheetEntry[] = [];
    const built = new Map<string, string>();
    let names: ReadonlyMap<string, string> = built;
    let namesOutside = false; // a definedName outside the <definedNames> block read fast
    let nameOpen: string | null = null;
    let nameText = '';
    const namesFrom = wbText.indexOf('<definedNames>');
    const namesTo = namesFrom < 0 ? -1 : wbText.indexOf('</definedNames>', namesFrom);
    const scanWorkbook = (xml: string) => parseXml(xml, {
      open(name, a, selfClosing) {
        if (name === 'sheet') {
          const rel = rels.get(a.get('r:id') ?? a.get('id') ?? '');
          const state = a.get('state');
          if (rel) sheets.push({ name: a.get('name') ?? '', path: rel.target, hidden: state === 'hidden' || state === 'veryHidden' });
        } else if (name === 'definedName' && !selfClosing && a.get('localSheetId') === undefined) {
          nameOpen = a.get('name') ?? '';
          nameText = '';
        }
      },
      text(t) {
        if (nameOpen !== null) nameText += t;
      },
      close(name) {
        if (name === 'definedName' && nameOpen !== null) {
          built.set(nameOpen.toUpperCase(), nameText);
          namesOutside = true;
          nameOpen = null;
        }
      },
    }, 'workbook.xml');
    const from = namesFrom + '<definedNames>'.length;
    const fastNames = () =>
      fast &&
      eachToken(DEFINED_NAME_TOKEN, wbText, from, namesTo, (m) => {
        if (m[1] === undefined) return true; // space
        const value = decodedOrNull(m[2]);
        if (value === null) return false;
        if (simpleAttr(m[1], 'localSheetId') === undefined) built.set((simpleAttr(m[1], 'name') ?? '').toUpperCase(), value);
        return true;
      });
    const section = fast && namesFrom >= 0 && namesTo > from ? wbText.slice(from, namesTo) : null;
    // The same names as the previous workbook (every workbook we write names the same places): no need to read them.
    const same = section !== null && section === lastNameTable.section;
    const way = fastOrScan(wbText, from, namesTo, same ? () => true : fastNames, scanWorkbook, () => built.clear());
    if (same) names = lastNameTable.names;
    else if (section !== null && way === 'fast' && !namesOutside) lastNameTable = { section, names: built };
    if (!sheets.length) fail('no-sheets');
    const sstPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
    const strings = sharedStrings(zip.readText(sstPath), fast);
    return { zip, sheets, names, strings, budget: { cells: 0 }, fast };
  });
}

const DEFINED_NAME_TOKEN = new RegExp(`\\s+|<definedName(${SIMPLE_ATTRS})>([^<]*)</definedName>`, 'y');

/**
 * The name table of the last workbook read, by the exact text of its <definedNames> block.
 * Shared, so never changed once built (readers only look names up).
 */
let lastNameTable: { section: string | null; names: ReadonlyMap<string, string> } = { section: null, names: new Map() };

function zipError(e: unknown): unknown {
  if (!(e instanceof ZipError)) return e;
  const p = e.problem;
  if (p.kind === 'too-large') return new XxgkError('XLSX-TOO-LARGE', { what: p.what, limit: p.limit });
  return new XxgkError('XLSX-UNREADABLE', { kind: p.kind, detail: 'detail' in p ? p.detail : undefined });
}

function guardZip<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw zipError(e);
  }
}

/** A plain shared string (rich text and phonetics go to the scanner). */
const STRING_TOKEN = /\s+|<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

function sharedStrings(text: string | null, fastAllowed: boolean): string[] {
  const out: string[] = [];
  if (!text) return out;
  let inSi = false;
  let inT = false;
  let inPhonetic = 0;
  let cur = '';
  const add = (s: string) => {
    out.push(unescCellText(s));
    if (out.length > READ_LIMITS.maxStrings)
      throw new XxgkError('XLSX-TOO-LARGE', { what: `${out.length} 个字符串`, limit: `${READ_LIMITS.maxStrings}` });
  };
  const scan = (xml: string) => parseXml(xml, {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        inSi = true;
        cur = '';
      } else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && inSi && !inPhonetic && !selfClosing) inT = true;
    },
    text(t) {
      if (inT) cur += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'si') {
        inSi = false;
        add(cur);
      }
    },
  }, 'sharedStrings.xml');
  const from = text.indexOf('<si>');
  const last = text.lastIndexOf('</si>');
  // A string closed before the first plain <si> (a damaged opening tag) would be read after the
  // fast ones, out of its place in the table: such text goes to the scanner whole.
  const fast = () =>
    fastAllowed &&
    text.lastIndexOf('</si>', from) === -1 &&
    eachToken(STRING_TOKEN, text, from, last + '</si>'.length, (m) => {
      if (m[1] === undefined) return true; // space
      const value = decodedOrNull(m[1]);
      if (value === null) return false;
      add(value);
      return true;
    });
  fastOrScan(text, from, last < 0 ? -1 : last + '</si>'.length, fast, scan, () => (out.length = 0));
  return out;
}

interface SheetCells {
  /** By cellKey(row, col). */
  cells: Map<number, CellValue>;
  /** The formula text (without '=') of each cell holding one, by cellKey (with or without a cached value in `cells`). */
  formulas: Map<number, string>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  maxRow: number;
  maxCol: number;
  /** How sheetData was read (see parseSheet). */
  readBy: 'fast' | 'scanner';
}

/** One number per cell, so no key string per cell: columns A…ZZZ (what parseA1 accepts; Excel stops at XFD). */
const MAX_COLUMNS = 26 + 26 ** 2 + 26 ** 3;
const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

function readSheet(wb: Workbook, sheet: SheetEntry): SheetCells {
  const text = guardZip(() => wb.zip.readText(sheet.path));
  if (text === null) fail('corrupt', `${sheet.name}`);
  return parseSheet(text, sheet.name, wb.strings, wb.budget, { fast: wb.fast });
}

/**
 * A sheet's cells (values by cellKey; shared strings resolved) and merges. `sheetData` — nearly
 * all of a sheet — is first read by `fastSheetData`; when it meets anything it does not know,
 * the whole sheet is read again by the XML scanner, so both ways give the same result (a test
 * holds them to it). Exported for that test.
 */
export function parseSheet(text: string, name: string, strings: readonly string[], budget: { cells: number }, options: { fast?: boolean } = {}): SheetCells {
  const out: SheetCells = { cells: new Map(), formulas: new Map(), merges: [], maxRow: -1, maxCol: -1, readBy: 'scanner' };
  // The one place a cell's text becomes a value, for both ways of reading.
  const put = (row: number, col: number, type: string, value: string | null, formula: string | null) => {
    if (formula !== null) {
      if (col >= MAX_COLUMNS) fail('corrupt', `${name}: 第 ${row + 1} 行超过 ${MAX_COLUMNS} 列`);
      out.formulas.set(cellKey(row, col), formula);
    }
    if (value === null) return;
    let v: CellValue = null;
    if (type === 's') v = strings[Number(value)] ?? null;
    else if (type === 'inlineStr' || type === 'str' || type === 'd') v = unescCellText(value);
    else if (type === 'n') {
      const n = Number(value);
      v = value.trim() !== '' && Number.isFinite(n) ? n : null;
    } else if (type === 'b') v = value === '1' ? 'TRUE' : 'FALSE';
    else if (type === 'e') v = value;
    if (v === null || v === '') return;
    if (col >= MAX_COLUMNS) fail('corrupt', `${name}: 第 ${row + 1} 行超过 ${MAX_COLUMNS} 列`);
    out.cells.set(cellKey(row, col), v);
    if (row > out.maxRow) out.maxRow = row;
    if (col > out.maxCol) out.maxCol = col;
  };
  const open = text.indexOf('<sheetData>');
  const from = open < 0 ? -1 : open + '<sheetData>'.length;
  const to = open < 0 ? -1 : text.indexOf('</sheetData>', open);
  const counted = budget.cells;
  const fast = () => options.fast !== false && fastSheetData(text, from, to, budget, put);
  const undo = () => {
    budget.cells = counted;
    out.cells.clear();
    out.formulas.clear();
    out.maxRow = out.maxCol = -1;
  };
  out.readBy = fastOrScan(text, from, to, fast, (xml) => scanSheet(xml, name, budget, put, out.merges), undo);
  return out;
}

function countCell(budget: { cells: number }) {
  if (++budget.cells > READ_LIMITS.maxCells)
    throw new XxgkError('XLSX-TOO-LARGE', { what: `超过 ${READ_LIMITS.maxCells} 个单元格`, limit: `${READ_LIMITS.maxCells}` });
}

/**
 * One token of sheetData as Excel, LibreOffice and we write it: space, a row tag, or a cell
 * addressed by its first attribute `r`, with simple attributes, an optional formula and an
 * optional value. Sticky: anything else stops the fast read.
 */
const SHEET_DATA_TOKEN = new RegExp(
  `\\s+|<row${SIMPLE_ATTRS} ?/?>|</row>|<c r="([A-Z]{1,3}[1-9][0-9]{0,6})"(${SIMPLE_ATTRS}) ?(?:/>|>(<f${SIMPLE_ATTRS}(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>)?</c>)`,
  'y',
);

/**
 * Reads the cells of text[from, to) with one native regular expression instead of an event
 * per tag (a batch reads hundreds of sheets with code that has not warmed up). Returns false
 * at the first thing it does not know — inline strings, rich text, comments, prefixes, a cell
 * without an address, an unknown entity — and the caller scans the sheet instead.
 */
function fastSheetData(text: string, from: number, to: number, budget: { cells: number }, put: PutCell): boolean {
  return eachToken(SHEET_DATA_TOKEN, text, from, to, (m) => {
    if (m[1] === undefined) return true; // space or a row tag
    const [, address, attrs, formula, rawValue] = m;
    if (attrs.includes(' r=')) return false; // a second address: let the scanner decide
    countCell(budget);
    const value = rawValue ? decodedOrNull(rawValue) : null; // no value, or an empty one: none
    if (rawValue && value === null) return false;
    if (value === null && formula === undefined) return true;
    const ref = parseA1(address)!;
    put(ref.row, ref.col, simpleAttr(attrs, 't') ?? 'n', value, formula === undefined ? null : formulaText(formula));
    return true;
  });
}

/** Takes one cell read from sheetData: its type, its value text (null: none) and its formula text (null: none). */
type PutCell = (row: number, col: number, type: string, value: string | null, formula: string | null) => void;

/** The text of an `<f …>text</f>` element ('' for `<f …/>`), entities decoded. */
function formulaText(element: string): string {
  const open = element.indexOf('>');
  return element.endsWith('/>') && open === element.length - 1 ? '' : decodeEntities(element.slice(open + 1, element.length - '</f>'.length));
}

/** The XML scanner's way: every element, as any writer may lay it out. */
function scanSheet(text: string, name: string, budget: { cells: number }, put: PutCell, merges: SheetCells['merges']) {
  let row = -1;
  let col = -1;
  let type = '';
  let inValue = false;
  let inInline = false;
  let inPhonetic = 0;
  let value = '';
  let hasValue = false;
  let hasFormula = false;
  let inFormula = false;
  let formula = '';
  parseXml(text, {
    open(element, a, selfClosing) {
      switch (element) {
        case 'row': {
          const r = a.get('r');
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          break;
        }
        case 'c': {
          countCell(budget);
          const r = a.get('r');
          const ref = r ? parseA1(r) : null;
          if (ref) {
            row = ref.row;
            col = ref.col;
          } else col++;
          type = a.get('t') ?? 'n';
          value = '';
          hasValue = false;
          hasFormula = false;
          if (selfClosing) type = '';
          break;
        }
        case 'f':
          hasFormula = true;
          inFormula = !selfClosing;
          formula = '';
          break;
        case 'v':
          inValue = !selfClosing;
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          inPhonetic++;
          break;
        case 't':
          if (inInline && !inPhonetic && !selfClosing) inValue = true;
          break;
        case 'mergeCell': {
          const ref = a.get('ref');
          const r = ref ? parseA1Range(ref) : null;
          if (r) merges.push(r);
          break;
        }
      }
    },
    text(t) {
      if (inFormula) formula += t;
      if (inValue) {
        value += t;
        hasValue = true;
      }
    },
    close(element) {
      if (element === 'v' || element === 't') inValue = false;
      else if (element === 'f') inFormula = false;
      else if (element === 'is') inInline = false;
      else if (element === 'rPh') inPhonetic--;
      else if (element === 'c' && (hasValue || hasFormula) && row >= 0 && col >= 0) {
        put(row, col, type, hasValue ? value : null, hasFormula ? formula : null);
        hasFormula = false;
      }
    },
  }, name);
}

/** Each sheet's values as a dense grid (merged cells other than their top-left are empty). */
export function sheetGrid(s: SheetCells, sheetName = ''): CellValue[][] {
  const rows = s.maxRow + 1;
  const cols = s.maxCol + 1;
  if (rows * cols > READ_LIMITS.maxGridCells)
    throw new XxgkError('XLSX-TOO-LARGE', { what: `工作表「${sheetName}」${rows} 行 × ${cols} 列`, limit: `${READ_LIMITS.maxGridCells} 个单元格` });
  const grid: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const [k, v] of s.cells) {
    const r = Math.floor(k / MAX_COLUMNS);
    const c = k % MAX_COLUMNS;
    grid[r][c] = v;
  }
  for (const m of s.merges)
    for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++)
      for (let c = m.left; c <= Math.min(m.right, cols - 1); c++) if (r !== m.top || c !== m.left) grid[r][c] = null;
  return grid;
}

/** Every sheet's grid, in workbook order (hidden sheets included, flagged). */
export function readGrids(bytes: Uint8Array): { name: string; hidden: boolean; grid: CellValue[][] }[] {
  const wb = openWorkbook(bytes);
  return wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden, grid: sheetGrid(readSheet(wb, s), s.name) }));
}

// --- our own workbooks ----------------------------------------------------------------------

type SheetRef = Readonly<{ sheet: string; top: number; left: number; bottom: number; right: number }>;

/**
 * Parsed references by text: every workbook we write names the same ~250 places, so a batch
 * parses each reference once. Bounded, since foreign workbooks bring references of their own.
 */
const refCache = new Map<string, SheetRef | null>();

interface CellPlace {
  id: string;
  name: string;
  ref: SheetRef | null;
}

/**
 * Where each input or total cell of a format is, by a name table: worked out once per table
 * (tables are shared, see lastNameTable).
 */
const placesByTable = new WeakMap<ReadonlyMap<string, string>, Map<string, CellPlace[]>>();

function cellPlaces(names: ReadonlyMap<string, string>, format: FormatId, role: 'input' | 'total'): CellPlace[] {
  let byFormat = placesByTable.get(names);
  if (!byFormat) placesByTable.set(names, (byFormat = new Map()));
  let places = byFormat.get(`${format}:${role}`);
  if (!places) {
    places = getFormat(format).cells.filter((c) => c.role === role).map((c) => {
      const name = cellDefinedName(c.id);
      const ref = names.get(name.toUpperCase());
      return { id: c.id, name, ref: ref ? parseRef(ref) : null };
    });
    byFormat.set(`${format}:${role}`, places);
  }
  return places;
}

/** 'Sheet name'!$B$5 or Sheet!$A$1:$A$3 → sheet and rectangle. */
function parseRef(ref: string): SheetRef | null {
  let parsed = refCache.get(ref);
  if (parsed !== undefined) return parsed;
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  const range = m ? parseA1Range(m[3]) : null;
  parsed = m && range ? Object.freeze({ sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ...range }) : null;
  if (refCache.size >= 20_000) refCache.clear();
  refCache.set(ref, parsed);
  return parsed;
}

function isOurs(wb: Workbook): boolean {
  return wb.names.has(META_NAME) || wb.sheets.some((s) => s.name === META_SHEET_NAME);
}

function readMetadata(wb: Workbook, sheetCells: (name: string) => SheetCells | null): Record<string, string> {
  const meta: Record<string, string> = {};
  const sheet = sheetCells(META_SHEET_NAME);
  if (sheet)
    for (let r = 0; r <= sheet.maxRow; r++) {
      const k = sheet.cells.get(cellKey(r, 0));
      const v = sheet.cells.get(cellKey(r, 1));
      if (typeof k === 'string') meta[k] = v === null || v === undefined ? '' : String(v);
    }
  if (meta.format) return meta;
  // The hidden sheet is gone: fall back to the custom document properties.
  const custom = guardZip(() => wb.zip.readText('docProps/custom.xml'));
  if (custom) {
    let prop: string | null = null;
    parseXml(custom, {
      open(name, a) {
        if (name !== 'property') return;
        const key = a.get('name');
        prop = key?.startsWith(META_PROPERTY_PREFIX) ? key.slice(META_PROPERTY_PREFIX.length) : null;
      },
      text(t) {
        if (prop) meta[prop] = (meta[prop] ?? '') + t;
      },
      close(name) {
        if (name === 'property') prop = null;
      },
    }, 'custom.xml');
  }
  return meta;
}

/**
 * Each total cell as stored: formula presence and cached value or constant (the policy in
 * storedTotals decides what the report takes). A total whose name or sheet is missing is left
 * out: the policy takes it as its formula would show it.
 *
 * A total still holding the very formula we wrote is handed over without its cached value, so
 * it is taken as that formula computes from the parts: our workbooks ask every host to
 * recalculate on load (fullCalcOnLoad), so that is what any spreadsheet shows and prints, and a
 * cached value differing from it can only be stale — left by a tool that edited cells without
 * calculating (a script, a POI-based system). A changed formula keeps its cached value: that is
 * what the host showed when it saved (docs/xlsx.md, 「How totals are read」).
 */
function storedTotalCells(names: ReadonlyMap<string, string>, format: FormatId, sheetCells: (name: string) => SheetCells | null): Map<string, StoredTotal> {
  const stored = new Map<string, StoredTotal>();
  const ours = writtenTotalFormulas(format);
  for (const place of cellPlaces(names, format, 'total')) {
    const sheet = place.ref ? sheetCells(place.ref.sheet) : null;
    if (!place.ref || !sheet) continue;
    const key = cellKey(place.ref.top, place.ref.left);
    const formula = sheet.formulas.get(key);
    const intact = formula !== undefined && sameFormula(formula, ours.get(place.id));
    stored.set(place.id, { formula: formula !== undefined, value: intact ? null : (sheet.cells.get(key) ?? null) });
  }
  return stored;
}

const totalFormulasByFormat = new Map<FormatId, Map<string, string>>();

/** Each total's formula as our writer writes it, by cell id. */
function writtenTotalFormulas(format: FormatId): Map<string, string> {
  let formulas = totalFormulasByFormat.get(format);
  if (!formulas) {
    formulas = new Map();
    for (const sheet of compileSheetPlan(format).sheets)
      for (const c of sheet.cells) if (c.role === 'total' && c.cellId && c.formula) formulas.set(c.cellId, c.formula);
    totalFormulasByFormat.set(format, formulas);
  }
  return formulas;
}

/** Formula texts equal but for spaces, `$` and letter case (hosts may write either). */
function sameFormula(stored: string, written: string | undefined): boolean {
  const norm = (f: string) => f.replace(/^=/, '').replace(/[\s$]/g, '').toUpperCase();
  return written !== undefined && norm(stored) === norm(written);
}

function readOurs(wb: Workbook): ReadResult {
  const cache = new Map<string, SheetCells | null>();
  const sheetCells = (name: string) => {
    if (!cache.has(name)) {
      const entry = wb.sheets.find((s) => s.name === name);
      cache.set(name, entry ? readSheet(wb, entry) : null);
    }
    return cache.get(name)!;
  };
  const meta = readMetadata(wb, sheetCells);
  if (!isFormatId(meta.format)) throw new XxgkError('XLSX-DAMAGED', { missing: ['格式信息（隐藏工作表 _xxgk）'] });
  const format: FormatId = meta.format;
  const missing: string[] = [];
  const issues: ImportIssue[] = [];
  const cells: Report['cells'] = {};
  const raw: Record<string, string> = {};
  for (const place of cellPlaces(wb.names, format, 'input')) {
    const sheet = place.ref ? sheetCells(place.ref.sheet) : null;
    if (!place.ref || !sheet) {
      missing.push(place.ref ? `工作表「${place.ref.sheet}」` : `名称 ${place.name}`);
      continue;
    }
    const id = place.id;
    const v = sheet.cells.get(cellKey(place.ref.top, place.ref.left)) ?? null;
    if (typeof v === 'number' || v === null) cells[id] = v;
    else {
      // Text in an input cell (a host without validation): a plain number is used, anything else kept as raw.
      const n = plainNumber(v);
      cells[id] = n;
      raw[id] = v;
      const code: IssueCode = n !== null ? 'TEXT-IN-CELL' : 'TEXT-IN-NUMBER';
      issues.push({ code, cells: [id], severity: n !== null ? 'info' : 'error', text: v, ...(n !== null ? { readAs: String(n) } : {}) });
    }
  }
  if (missing.length) throw new XxgkError('XLSX-DAMAGED', { missing: [...new Set(missing)].slice(0, 8) });
  const totals = storedTotals(format, cells, storedTotalCells(wb.names, format, sheetCells));
  Object.assign(cells, totals.totals);
  Object.assign(raw, totals.raw);
  issues.push(...totals.issues);

  const text: ReportText = {};
  for (const [key, name] of Object.entries(BLOCK_NAMES.text) as [keyof ReportText, string][]) {
    const ref = wb.names.get(name.toUpperCase());
    const where = ref ? parseRef(ref) : null;
    const sheet = where ? sheetCells(where.sheet) : null;
    if (!where || !sheet) continue;
    const lines: string[] = [];
    for (let r = where.top; r <= where.bottom; r++) {
      const v = sheet.cells.get(cellKey(r, where.left));
      lines.push(v === null || v === undefined ? '' : String(v));
    }
    const joined = lines.join('\n');
    if (joined !== '') text[key] = joined;
  }
  const year = meta.year && /^\d{4}$/.test(meta.year) ? Number(meta.year) : null;
  const report = parseReport({
    format, year, agency: meta.agency ? meta.agency : null, cells,
    ...(Object.keys(raw).length ? { raw } : {}),
    ...(Object.keys(text).length ? { text } : {}),
  });
  return { report, issues, source: 'xxgk' };
}

// --- entry point ----------------------------------------------------------------------------

export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const wb = openWorkbook(bytes, options.inflateRaw, options.fastReaders !== false);
  if (isOurs(wb)) return readOurs(wb);
  // Visible sheets one under another, a blank row between: the importer finds the tables by their labels.
  const grid: CellValue[][] = [];
  for (const s of wb.sheets) {
    if (s.hidden) continue;
    const g = sheetGrid(readSheet(wb, s), s.name);
    if (grid.length) grid.push([]);
    for (const row of g) grid.push(row);
  }
  const result = importGrid(grid, options.year !== undefined ? { year: options.year } : {});
  return { report: result.report, issues: result.issues, source: 'import' };
}

/** readXlsx for a named file (the CLI's input reader): errors name the file. */
export function readXlsxFile(path: string, bytes: Uint8Array, options: ReadOptions = {}): { report: Report; issues: DescribedIssue[] } {
  try {
    const { report, issues } = readXlsx(bytes, options);
    return { report, issues: describeIssues(report.format, issues) };
  } catch (e) {
    if (e instanceof XxgkError) throw new XxgkError(e.code, { ...e.params, path });
    throw e;
  }
}
