/**
 * Test helpers for the sheets: the written .xlsx parsed from its XML parts (independent of
 * our reader's model), a CSV parser for LibreOffice's output, and random reports.
 */
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { getFormat, sheetTotals, type FormatId, type Report } from '../../src/core';
import { parseA1, parseA1Range } from '../../src/core/sheetplan/a1';
import { scanXml } from '../../src/xlsx/xml';

export interface XmlCell {
  ref: string;
  row: number;
  col: number;
  style: number;
  type?: string;
  value?: string;
  formula?: string;
}

export interface XmlSheet {
  name: string;
  hidden: boolean;
  cells: Map<string, XmlCell>;
  merges: string[];
  protection: Record<string, string> | null;
  validations: { attrs: Record<string, string>; sqref: string[]; formula1?: string; formula2?: string }[];
  conditional: { sqref: string; formula: string; dxfId: string }[];
  pageSetup: Record<string, string>;
  fitToPage: boolean;
}

export interface XmlWorkbook {
  files: Record<string, Uint8Array>;
  sheets: XmlSheet[];
  definedNames: Map<string, string>;
  strings: string[];
  /** cellXfs: whether each style index is locked (default true when no protection element). */
  lockedByXf: boolean[];
  customProps: Record<string, string>;
  calcPr: Record<string, string>;
}

const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]);

export function parseWorkbookXml(bytes: Uint8Array): XmlWorkbook {
  const files = unzipSync(bytes);
  const sheetsMeta: { name: string; rid: string; hidden: boolean }[] = [];
  const definedNames = new Map<string, string>();
  let currentName: string | null = null;
  let calcPr: Record<string, string> = {};
  scanXml(text(files, 'xl/workbook.xml'), {
    open(n, attrs) {
      const a = attrs.all();
      if (n === 'sheet') sheetsMeta.push({ name: a.name, rid: a['r:id'], hidden: a.state === 'hidden' });
      if (n === 'definedName') {
        currentName = a.name;
        definedNames.set(a.name, '');
      }
      if (n === 'calcPr') calcPr = a;
    },
    text(t) {
      if (currentName) definedNames.set(currentName, definedNames.get(currentName)! + t);
    },
    close(n) {
      if (n === 'definedName') currentName = null;
    },
  });
  const rels = new Map<string, string>();
  scanXml(text(files, 'xl/_rels/workbook.xml.rels'), {
    open(n, attrs) {
      const a = attrs.all();
      if (n === 'Relationship') rels.set(a.Id, `xl/${a.Target}`);
    },
  });
  const strings: string[] = [];
  let inT = false;
  scanXml(text(files, 'xl/sharedStrings.xml'), {
    open(n) {
      if (n === 'si') strings.push('');
      if (n === 't') inT = true;
    },
    text(t) {
      if (inT) strings[strings.length - 1] += t;
    },
    close(n) {
      if (n === 't') inT = false;
    },
  });
  const lockedByXf: boolean[] = [];
  let inCellXfs = false;
  scanXml(text(files, 'xl/styles.xml'), {
    open(n, attrs) {
      const a = attrs.all();
      if (n === 'cellXfs') inCellXfs = true;
      if (inCellXfs && n === 'xf') lockedByXf.push(true);
      if (inCellXfs && n === 'protection') lockedByXf[lockedByXf.length - 1] = a.locked !== '0';
    },
    close(n) {
      if (n === 'cellXfs') inCellXfs = false;
    },
  });
  const customProps: Record<string, string> = {};
  let prop: string | null = null;
  scanXml(text(files, 'docProps/custom.xml'), {
    open(n, attrs) {
      const a = attrs.all();
      if (n === 'property') prop = a.name;
    },
    text(t) {
      if (prop) customProps[prop] = (customProps[prop] ?? '') + t;
    },
    close(n) {
      if (n === 'property') prop = null;
    },
  });
  const sheets = sheetsMeta.map((m) => parseSheetXml(text(files, rels.get(m.rid)!), m.name, m.hidden));
  return { files, sheets, definedNames, strings, lockedByXf, customProps, calcPr };
}

function parseSheetXml(xml: string, name: string, hidden: boolean): XmlSheet {
  const sheet: XmlSheet = {
    name, hidden, cells: new Map(), merges: [], protection: null, validations: [], conditional: [], pageSetup: {}, fitToPage: false,
  };
  let cell: XmlCell | null = null;
  let into: 'value' | 'formula' | 'f1' | 'f2' | 'cf' | null = null;
  let buf = '';
  scanXml(xml, {
    open(n, attrs) {
      const a = attrs.all();
      if (n === 'c') {
        const p = parseA1(a.r)!;
        cell = { ref: a.r, row: p.row, col: p.col, style: Number(a.s ?? 0), type: a.t };
        sheet.cells.set(a.r, cell);
      } else if (n === 'v' || n === 'f' || n === 'formula1' || n === 'formula2' || n === 'formula') {
        into = n === 'v' ? 'value' : n === 'f' ? 'formula' : n === 'formula1' ? 'f1' : n === 'formula2' ? 'f2' : 'cf';
        buf = '';
      } else if (n === 'mergeCell') sheet.merges.push(a.ref);
      else if (n === 'sheetProtection') sheet.protection = a;
      else if (n === 'dataValidation') sheet.validations.push({ attrs: a, sqref: a.sqref.split(' ') });
      else if (n === 'conditionalFormatting') sheet.conditional.push({ sqref: a.sqref, formula: '', dxfId: '' });
      else if (n === 'cfRule') sheet.conditional[sheet.conditional.length - 1].dxfId = a.dxfId;
      else if (n === 'pageSetup') sheet.pageSetup = a;
      else if (n === 'pageSetUpPr') sheet.fitToPage = a.fitToPage === '1';
    },
    text(t) {
      if (into) buf += t;
    },
    close(n) {
      if (!into) return;
      if (n === 'v' && cell) cell.value = buf;
      else if (n === 'f' && cell) cell.formula = buf;
      else if (n === 'formula1') sheet.validations[sheet.validations.length - 1].formula1 = buf;
      else if (n === 'formula2') sheet.validations[sheet.validations.length - 1].formula2 = buf;
      else if (n === 'formula') sheet.conditional[sheet.conditional.length - 1].formula = buf;
      else return;
      into = null;
    },
  });
  return sheet;
}

/** Every A1 cell of a sqref list ('B5 C5:D6'). */
export function expandSqref(refs: string[]): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const range = parseA1Range(r)!;
    for (let row = range.top; row <= range.bottom; row++)
      for (let col = range.left; col <= range.right; col++) out.push(`${String.fromCharCode(65 + col)}${row + 1}`);
  }
  return out;
}

// --- CSV ----------------------------------------------------------------------------------------

export function parseCsv(textIn: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = textIn.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// --- random reports -------------------------------------------------------------------------------

/** Any report of the format: every input a number or blank, totals as the sheet computes them. */
export function arbAnyReport(formatId: FormatId): fc.Arbitrary<Report> {
  const f = getFormat(formatId);
  const inputs = f.cells.filter((c) => c.role === 'input');
  const value = (kind: string) =>
    fc.option(
      kind === 'amount'
        ? fc.oneof(fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1e4), fc.double({ min: 0, max: 1e12, noNaN: true }))
        : kind === 'signedCount'
          ? fc.integer({ min: -100000, max: 100000 })
          : fc.oneof({ weight: 9, arbitrary: fc.nat({ max: 100000 }) }, { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }),
      { freq: 6 },
    ).map((v) => (v === null ? v : v + 0)); // -0 is 0: a sheet has no negative zero
  const textUnit = fc.oneof(fc.constantFrom(...'政府信息公开\n\r\t_x0041_&<>"\'=+ 　'), fc.string({ unit: 'grapheme', maxLength: 1 }));
  const text = fc.option(fc.string({ unit: textUnit, minLength: 1, maxLength: 40 }).filter((s) => s !== ''), { nil: undefined });
  return fc
    .record({
      values: fc.tuple(...inputs.map((c) => value(c.kind))),
      year: formatId === '2021' ? fc.option(fc.integer({ min: 2021, max: 2035 })) : fc.option(fc.integer({ min: 2019, max: 2020 })),
      agency: fc.option(fc.string({ unit: textUnit, minLength: 1, maxLength: 30 }).filter((s) => s !== '')),
      overview: text,
      problems: text,
      other: text,
    })
    .map(({ values, year, agency, overview, problems, other }) => {
      const cells: Report['cells'] = {};
      inputs.forEach((c, i) => (cells[c.id] = values[i]));
      Object.assign(cells, sheetTotals(formatId, cells));
      const t = Object.fromEntries(Object.entries({ overview, problems, other }).filter(([, v]) => v !== undefined));
      return { format: formatId, year, agency, cells, ...(Object.keys(t).length ? { text: t } : {}) } as Report;
    });
}
