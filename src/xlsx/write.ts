/**
 * Renders a SheetPlan as an .xlsx (SpreadsheetML) with fflate: our own small writer, so the
 * parts that matter here — protection, validation, conditional formats, defined names,
 * metadata — are written exactly as we mean them (docs/xlsx.md). Pure: runs in Node and in
 * the task pane. Formulas carry their cached value (what Excel would compute from the cells
 * written), so viewers that compute nothing still show the totals, and the workbook asks for a
 * full recalculation on load, so every host that can computes them again.
 */
import { strToU8 } from 'fflate';
import { a1, a1Range, quoteSheetName } from '../core/sheetplan/a1';
import { XxgkError } from '../core/errors';
import { EXCEL_LIMITS, metadataEntries } from '../core/sheetplan/compile';
import { cachedOf, sheetFormulaValues, type FormulaValue } from '../core/sheetplan/evaluate';
import { META_NAME, META_PROPERTY_PREFIX, META_SHEET_NAME } from '../core/sheetplan/texts';
import type { CellStyle, DataValidationSpec, PlanCell, SheetPlan, SheetSpec } from '../core/sheetplan/types';
import { base64, protectionHash } from './sha512';
import { esc, escCellText } from './xml';
import { writeZip, type DeflateRaw } from './zip';

export interface WriteOptions {
  /** Salt for the protection hash (16 random bytes by default); fixed in tests. */
  salt?: Uint8Array;
  /** Excel writes 100000; lower only in tests. */
  spinCount?: number;
  /** The DEFLATE encoder (default: fflate's, in JS; the CLI passes node:zlib's). */
  deflateRaw?: DeflateRaw;
}

export { META_NAME, META_PROPERTY_PREFIX };

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// --- styles --------------------------------------------------------------------------------

class StyleTable {
  private fonts: string[] = ['<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'];
  private fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private numFmts: string[] = [];
  private xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private xfIndex = new Map<string, number>();
  readonly dxfs: string[] = [];

  private intern(list: string[], xml: string, base = 0): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i + base;
    list.push(xml);
    return list.length - 1 + base;
  }

  xf(style: CellStyle, locked: boolean): number {
    const key = JSON.stringify([style, locked]);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const f = style.font;
    const fontId = this.intern(
      this.fonts,
      `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/>${f.color ? `<color rgb="FF${f.color}"/>` : ''}<name val="${esc(f.name)}"/><family val="3"/><charset val="134"/></font>`,
    );
    const fillId = style.fill
      ? this.intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const borderId = style.border
      ? this.intern(this.borders, '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>')
      : 0;
    let numFmtId = 0;
    if (style.numberFormat === '0') numFmtId = 1;
    else if (style.numberFormat) numFmtId = this.intern(this.numFmts, style.numberFormat, 164);
    const vertical = style.vertical === 'middle' ? 'center' : 'top';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">` +
      `<alignment horizontal="${style.horizontal}" vertical="${vertical}"${style.wrap ? ' wrapText="1"' : ''}/>` +
      `<protection locked="${locked ? 1 : 0}"/></xf>`;
    this.xfs.push(xml);
    this.xfIndex.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  dxf(fill: string, fontColor: string): number {
    return this.intern(this.dxfs, `<dxf><font><color rgb="FF${fontColor}"/></font><fill><patternFill patternType="solid"><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`);
  }

  toXml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(code)}"/>`).join('')}</numFmts>`
      : '';
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}${list('fonts', this.fonts)}${list('fills', this.fills)}${list('borders', this.borders)}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list('cellXfs', this.xfs)}` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>${list('dxfs', this.dxfs)}</styleSheet>`
    );
  }
}

class SharedStrings {
  private index = new Map<string, number>();
  private list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  toXml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escCellText(s)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

// --- sheets --------------------------------------------------------------------------------

/** A number as SpreadsheetML writes it: shortest round-trip decimal. */
function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

function validationXml(spec: DataValidationSpec, sqref: string[]): string {
  const range =
    spec.min === undefined
      ? ' operator="between"'
      : ' operator="greaterThanOrEqual"';
  const formulas =
    spec.min === undefined ? '<formula1>-999999999</formula1><formula2>999999999</formula2>' : `<formula1>${num(spec.min)}</formula1>`;
  const prompt = spec.prompt ? ` showInputMessage="1" prompt="${esc(spec.prompt)}"` : '';
  return (
    `<dataValidation type="${spec.type}"${range} allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="${esc(spec.errorTitle)}" error="${esc(spec.errorMessage)}"${prompt} sqref="${sqref.join(' ')}">` +
    `${formulas}</dataValidation>`
  );
}


/**
 * A formula with its cached value (`<v>`), as Excel saves it: viewers that compute nothing
 * (Protected View, previewers, pandas, SheetJS) show it; a text result is `t="str"`; an error
 * or a truth value is left without a cache (fullCalcOnLoad recomputes everything anyway).
 */
function formulaCellXml(ref: string, style: number, formula: string, shown: FormulaValue | undefined): string {
  const cached = shown === undefined ? undefined : cachedOf(shown);
  const f = `<f>${esc(formula)}</f>`;
  if (typeof cached === 'number') return `<c r="${ref}" s="${style}">${f}<v>${num(cached)}</v></c>`;
  if (typeof cached === 'string') return `<c r="${ref}" s="${style}" t="str">${f}<v>${escCellText(cached)}</v></c>`;
  return `<c r="${ref}" s="${style}">${f}</c>`;
}

/** A cell holds at most 32,767 characters; more and Excel repairs the file, dropping the text. */
function checkCellText(sheet: string, ref: string, text: string) {
  if (text.length > EXCEL_LIMITS.cellText)
    throw new XxgkError('XLSX-LIMIT', {
      place: `工作表「${sheet}」的单元格 ${ref}`, length: text.length, limit: `每个单元格 ${EXCEL_LIMITS.cellText} 个字符`,
    });
}

/** A data validation's texts: Excel refuses a title over 32 characters or a message over 255. */
function checkValidationTexts(sheet: string, spec: DataValidationSpec) {
  const texts: [string, string | undefined, number][] = [
    ['出错提示标题', spec.errorTitle, EXCEL_LIMITS.validationTitle],
    ['出错提示', spec.errorMessage, EXCEL_LIMITS.validationText],
    ['输入提示', spec.prompt, EXCEL_LIMITS.validationText],
  ];
  for (const [what, text, limit] of texts)
    if (text && text.length > limit)
      throw new XxgkError('XLSX-LIMIT', { place: `工作表「${sheet}」的数据有效性${what}`, length: text.length, limit: `${limit} 个字符` });
}

interface Written {
  style: number;
  cell?: PlanCell;
}

/** `password`: the sheetProtection attributes of the password hash, or ''. */
function sheetXml(sheet: SheetSpec, styles: StyleTable, sst: SharedStrings, password: string): string {
  const grid = new Map<number, Map<number, Written>>();
  const rowOf = (r: number) => {
    let row = grid.get(r);
    if (!row) grid.set(r, (row = new Map()));
    return row;
  };
  const xfByKey = new Map<string, number>();
  const styleOf = (cell: PlanCell) => {
    const key = `${cell.locked ? 1 : 0}${cell.style}`;
    let xf = xfByKey.get(key);
    if (xf === undefined) {
      const st = sheet.styles[cell.style];
      if (!st) throw new Error(`plan: sheet ${sheet.name} has no style ${cell.style}`);
      xfByKey.set(key, (xf = styles.xf(st, cell.locked)));
    }
    return xf;
  };
  for (const cell of sheet.cells) rowOf(cell.row).set(cell.col, { style: styleOf(cell), cell });
  // Cached values from the cells as written here, so a plan edited after compiling (typed
  // texts kept on export, 「不完整」 in a summary) still stores what Excel would compute.
  const shown = sheetFormulaValues(sheet);
  // Cells covered by a merge take the merge's style, so borders and protection cover it whole.
  for (const m of sheet.merges) {
    const origin = grid.get(m.top)?.get(m.left);
    if (!origin) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) rowOf(r).set(c, { style: origin.style });
  }

  const rows: string[] = [];
  const rowNumbers = [...new Set([...grid.keys(), ...sheet.rowHeights.map((h, i) => (h === undefined ? -1 : i)).filter((i) => i >= 0)])].sort((a, b) => a - b);
  let maxCol = 0;
  for (const r of rowNumbers) {
    const cells = [...(grid.get(r) ?? new Map<number, Written>()).entries()].sort((a, b) => a[0] - b[0]);
    const ht = sheet.rowHeights[r];
    const parts: string[] = [];
    for (const [c, w] of cells) {
      maxCol = Math.max(maxCol, c);
      const ref = a1(r, c);
      const cell = w.cell;
      if (cell?.formula !== undefined) parts.push(formulaCellXml(ref, w.style, cell.formula, shown.get(cell)));
      else if (typeof cell?.value === 'number') parts.push(`<c r="${ref}" s="${w.style}"><v>${num(cell.value)}</v></c>`);
      else if (typeof cell?.value === 'string' && cell.value !== '') {
        checkCellText(sheet.name, ref, cell.value);
        parts.push(`<c r="${ref}" s="${w.style}" t="s"><v>${sst.id(cell.value)}</v></c>`);
      }
      else parts.push(`<c r="${ref}" s="${w.style}"/>`);
    }
    rows.push(`<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ''}>${parts.join('')}</row>`);
  }
  const lastRow = Math.max(0, ...rowNumbers);
  maxCol = Math.max(maxCol, sheet.columnWidths.length - 1);

  const cols = sheet.columnWidths.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const pane = sheet.frozenRows > 0
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="${a1(sheet.frozenRows, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(sheet.frozenRows, 0)}" sqref="${a1(sheet.frozenRows, 0)}"/>`
    : '';
  const sheetViews = `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;

  const protection = sheet.protect
    ? `<sheetProtection${password} sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`
    : '';
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${a1Range(m.top, m.left, m.bottom, m.right)}"/>`).join('')}</mergeCells>`
    : '';
  const cfs = sheet.conditionalFormats
    .map((cf, i) => `<conditionalFormatting sqref="${esc(cf.range.replace(/\$/g, ''))}"><cfRule type="expression" dxfId="${styles.dxf(cf.fill, cf.fontColor)}" priority="${i + 1}"><formula>${esc(cf.formula)}</formula></cfRule></conditionalFormatting>`)
    .join('');
  const groups = new Map<string, { spec: DataValidationSpec; refs: string[] }>();
  const keys = new Map<DataValidationSpec, string>(); // specs are usually shared objects
  for (const c of sheet.cells) {
    if (!c.validation) continue;
    let key = keys.get(c.validation);
    if (key === undefined) keys.set(c.validation, (key = JSON.stringify(c.validation)));
    const g = groups.get(key) ?? { spec: c.validation, refs: [] };
    g.refs.push(a1(c.row, c.col));
    groups.set(key, g);
  }
  const validations = groups.size
    ? `<dataValidations count="${groups.size}">${[...groups.values()].map((g) => (checkValidationTexts(sheet.name, g.spec), validationXml(g.spec, g.refs))).join('')}</dataValidations>`
    : '';
  const p = sheet.print;
  const fitToPage = p.fitToWidth || p.fitToHeight ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${fitToPage}<dimension ref="${a1Range(0, 0, lastRow, maxCol)}"/>` +
    `${sheetViews}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData>${protection}${merges}${cfs}${validations}` +
    `<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/></worksheet>`
  );
}

/**
 * Rows repeated on every printed page: Excel keeps them as the sheet-local defined name
 * _xlnm.Print_Titles (whole rows, e.g. '各单位情况'!$2:$2); readers skip sheet-local names.
 */
function printTitleNames(sheets: readonly SheetSpec[]): string {
  return sheets
    .map((s, i) => {
      const t = s.print.titleRows;
      return t
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${quoteSheetName(s.name)}!$${t.first + 1}:$${t.last + 1}`)}</definedName>`
        : '';
    })
    .join('');
}

function randomSalt(): Uint8Array {
  const salt = new Uint8Array(16);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  if (!c) throw new Error('no crypto.getRandomValues for the protection salt');
  c.getRandomValues(salt);
  return salt;
}


function metaSheet(plan: SheetPlan): SheetSpec {
  const style: CellStyle = { font: { name: '宋体', size: 11 }, horizontal: 'left', vertical: 'top', wrap: false, border: false };
  const cells: PlanCell[] = metadataEntries(plan).flatMap(([k, v], i) => [
    { row: i, col: 0, role: 'note', value: k, style: 'meta', locked: true },
    { row: i, col: 1, role: 'note', value: v, style: 'meta', locked: true },
  ]);
  return {
    key: 'extra', name: META_SHEET_NAME, columnWidths: [14, 40], rowHeights: [], cells, merges: [], styles: { meta: style },
    conditionalFormats: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0 }, frozenRows: 0, protect: true,
  };
}

function customProps(plan: SheetPlan): string {
  for (const [k, v] of metadataEntries(plan))
    if (v.length > EXCEL_LIMITS.customProperty)
      throw new XxgkError('XLSX-LIMIT', { place: `文档属性 ${META_PROPERTY_PREFIX}${k}`, length: v.length, limit: `${EXCEL_LIMITS.customProperty} 个字符` });
  const props = metadataEntries(plan)
    .map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${META_PROPERTY_PREFIX}${k}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`)
    .join('');
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`;
}

function coreProps(plan: SheetPlan): string {
  const title = plan.sheets[0]?.cells.find((c) => c.role === 'title' && typeof c.value === 'string')?.value ?? '政府信息公开工作年度报告';
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(String(title))}</dc:title><dc:creator>xxgk-nianbao ${esc(plan.metadata.toolVersion)}</dc:creator></cp:coreProperties>`
  );
}

/**
 * Why Excel would refuse a sheet name, or null: blank, over 31 characters, any of : \ / ? * [ ],
 * an apostrophe first or last, 「History」 (reserved by Excel for change tracking), or a name
 * already taken (ignoring case).
 */
export function sheetNameProblem(name: string, taken: ReadonlySet<string> = new Set()): string | null {
  if (name.trim() === '') return '名称为空';
  if (name.length > EXCEL_LIMITS.sheetName) return `超过 ${EXCEL_LIMITS.sheetName} 个字符`;
  if (/[:\\/?*[\]]/.test(name)) return '含有 : \\ / ? * [ ] 之一';
  if (name.startsWith("'") || name.endsWith("'")) return '以单引号开头或结尾';
  if (name.toLowerCase() === 'history') return '「History」是 Excel 保留的名称';
  if (taken.has(name.toLowerCase())) return '与另一张工作表重名';
  return null;
}

function checkSheetNames(names: string[]) {
  const seen = new Set<string>();
  for (const n of names) {
    const problem = sheetNameProblem(n, seen);
    if (problem) throw new XxgkError('XLSX-LIMIT', { place: `工作表名称「${n}」（${problem}）`, limit: '工作表名称的规则', advice: '请换一个名称。' });
    seen.add(n.toLowerCase());
  }
}

/**
 * Whether Excel accepts a defined name: a letter, _ or \ first, then letters, digits, _ . \;
 * at most 255 characters; not a cell reference (A1, XFD1048576), not R1C1-like (R, C, R1C1, RC2),
 * not TRUE/FALSE.
 */
export function validDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > EXCEL_LIMITS.definedName) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name) || /^[RrCc][0-9]+$/.test(name)) return false;
  return !/^(true|false)$/i.test(name);
}

export function writeXlsx(plan: SheetPlan, options: WriteOptions = {}): Uint8Array {
  const sheets = [...plan.sheets, metaSheet(plan)];
  checkSheetNames(sheets.map((s) => s.name));
  const styles = new StyleTable();
  const sst = new SharedStrings();
  // One salted hash for the workbook: the spin count makes it deliberately slow to compute.
  let pw = '';
  if (plan.password) {
    const salt = options.salt ?? randomSalt();
    const spin = options.spinCount ?? 100000;
    pw = ` algorithmName="SHA-512" hashValue="${base64(protectionHash(plan.password, salt, spin))}" saltValue="${base64(salt)}" spinCount="${spin}"`;
  }
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, styles, sst, pw))));

  const sheetEntries = sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.name === META_SHEET_NAME ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const names = [
    ...plan.definedNames.map((d) => [d.name, `${quoteSheetName(d.sheet)}!${d.ref}`] as const),
    [META_NAME, `${quoteSheetName(META_SHEET_NAME)}!${a1Range(0, 0, metadataEntries(plan).length - 1, 1, true)}`] as const,
  ];
  for (const [n] of names)
    if (!validDefinedName(n)) throw new XxgkError('XLSX-LIMIT', { place: `名称「${n}」`, limit: '名称的命名规则', advice: '请换一个名称。' });
  const definedNames =
    `<definedNames>${printTitleNames(sheets)}` +
    `${names.map(([n, ref]) => `<definedName name="${esc(n)}">${esc(ref)}</definedName>`).join('')}</definedNames>`;
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEntries}</sheets>${definedNames}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(styles.toXml());
  files['xl/sharedStrings.xml'] = strToU8(sst.toXml());
  files['docProps/custom.xml'] = strToU8(customProps(plan));
  files['docProps/core.xml'] = strToU8(coreProps(plan));
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
  );
  const SS = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${SS}.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SS}.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${SS}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${SS}.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
  );
  // [Content_Types].xml first, as Office writes it (file-type sniffers look there); a fixed
  // timestamp inside writeZip: the same plan gives the same bytes.
  const entries = Object.entries(files).sort(([a], [b]) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  return writeZip(entries, options.deflateRaw);
}
