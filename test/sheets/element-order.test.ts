/**
 * Every part we write keeps the schema's element order (ECMA-376 Part 1, §18 — CT_Worksheet,
 * CT_Workbook, CT_Stylesheet): Excel refuses, or "repairs", a part whose children are out of
 * order. Checked on each kind of workbook we write: the report, the district summary, and an
 * export carrying the 「校验结果」 sheet.
 */
import { strFromU8, unzipSync } from 'fflate';
import { check, compileSheetPlan, sampleReport, type Report, type SheetPlan } from '../../src/core';
import { aggregateReports } from '../../src/core/aggregate';
import { batchSheetPlan, type BatchSummary } from '../../src/core/batch-plan';
import { withCheckSheet, withTypedTexts } from '../../src/app/export-plan';
import { writeXlsx } from '../../src/xlsx';
import { scanXml } from '../../src/xlsx/xml';

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
/** CT_Workbook's children (18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];
/** CT_Stylesheet's children (18.8.39). */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** CT_Xf (18.8.45) and CT_Font (18.8.22, a sequence as Excel writes it). */
const XF_ORDER = ['alignment', 'protection', 'extLst'];
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];
/** CT_Row holds only c; CT_Cell (18.3.1.4): f, v, is; CT_DataValidation: formula1, formula2. */
const CELL_ORDER = ['f', 'v', 'is', 'extLst'];
const VALIDATION_ORDER = ['formula1', 'formula2'];

/** Children of each element named `parent`, in document order, checked against `order`. */
function childrenOutOfOrder(xml: string, parent: string, order: readonly string[]): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let last = -1;
  scanXml(xml, {
    open(name) {
      if (stack[stack.length - 1] === parent) {
        const at = order.indexOf(name);
        if (at < 0) problems.push(`${parent} has an unknown child ${name}`);
        else if (at < last || (at === last && name !== 'conditionalFormatting' && parent !== 'row' && parent !== 'sheetData'))
          problems.push(`${parent}: ${name} after ${order[last]}`);
        else last = at;
      }
      if (name === parent) last = -1;
      stack.push(name);
    },
    close() {
      stack.pop(); // the scanner closes self-closing elements too
    },
  });
  return problems;
}

function partsOf(plan: SheetPlan): Record<string, string> {
  const files = unzipSync(writeXlsx(plan, { salt: new Uint8Array(16), spinCount: 10 }));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function workbooks(): [string, SheetPlan][] {
  const report = sampleReport();
  const withPassword = compileSheetPlan(report.format, { report, password: '密码' });
  const text: Report = { ...sampleReport(), raw: { 't3.received.natural': '约十件' } };
  text.cells['t3.received.natural'] = null;
  const exported = withCheckSheet(withTypedTexts(compileSheetPlan(text.format, { report: text }), { cells: text.cells, raw: text.raw }), check(text), new Date(2026, 0, 2));
  const units = ['甲', '乙'].map((agency) => ({ unit: agency, report: { ...sampleReport(), agency } }));
  const agg = aggregateReports(units);
  const summary: BatchSummary = {
    units: units.map((u) => ({
      unit: u.unit, file: `${u.unit}.json`, status: 'ok', year: 2022, format: '2021', errors: 0, warnings: 0, undecided: 0, importIssues: 0,
      firstFindings: [], blankCells: [], blankPlaces: [], verdict: 'pass', aggregated: true, lastYear: null, reason: null,
    })),
    aggregate: agg.report, incomplete: agg.incomplete, findings: [],
  };
  return [
    ['report (2021, password)', withPassword],
    ['report (2019, blank)', compileSheetPlan('2019')],
    ['export with 校验结果', exported],
    ['district summary', batchSheetPlan(summary)],
  ];
}

describe.each(workbooks())('element order: %s', (_name, plan) => {
  const parts = partsOf(plan);

  it('keeps CT_Worksheet order in every sheet, and cells and validations in theirs', () => {
    const sheets = Object.keys(parts).filter((p) => p.startsWith('xl/worksheets/'));
    expect(sheets.length).toBe(plan.sheets.length + 1);
    for (const p of sheets) {
      expect(childrenOutOfOrder(parts[p], 'worksheet', WORKSHEET_ORDER)).toEqual([]);
      expect(childrenOutOfOrder(parts[p], 'c', CELL_ORDER)).toEqual([]);
      expect(childrenOutOfOrder(parts[p], 'dataValidation', VALIDATION_ORDER)).toEqual([]);
    }
    // The protection sits after sheetData and before the merges, as the schema wants.
    const t3 = parts['xl/worksheets/sheet2.xml'];
    expect(t3.indexOf('<sheetProtection')).toBeGreaterThan(t3.indexOf('</sheetData>'));
    expect(t3.indexOf('<mergeCells')).toBeGreaterThan(t3.indexOf('<sheetProtection'));
  });

  it('keeps CT_Workbook and CT_Stylesheet order', () => {
    expect(childrenOutOfOrder(parts['xl/workbook.xml'], 'workbook', WORKBOOK_ORDER)).toEqual([]);
    expect(parts['xl/workbook.xml']).toMatch(/<\/sheets><definedNames>.*<\/definedNames><calcPr [^>]*fullCalcOnLoad="1"/);
    expect(childrenOutOfOrder(parts['xl/styles.xml'], 'styleSheet', STYLESHEET_ORDER)).toEqual([]);
    expect(childrenOutOfOrder(parts['xl/styles.xml'], 'xf', XF_ORDER)).toEqual([]);
    expect(childrenOutOfOrder(parts['xl/styles.xml'], 'font', FONT_ORDER)).toEqual([]);
  });
});

describe('the order checker', () => {
  it('notices children out of order', () => {
    const bad = '<worksheet><sheetData/><cols/><mergeCells/><sheetProtection/></worksheet>';
    expect(childrenOutOfOrder(bad, 'worksheet', WORKSHEET_ORDER)).toEqual(['worksheet: cols after sheetData', 'worksheet: sheetProtection after mergeCells']);
  });
});
