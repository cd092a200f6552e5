/**
 * The reader's two ways through a part: the fast readers (one regular expression over a run
 * of cells, defined names or shared strings, for parts laid out as Excel, LibreOffice and we
 * write them) must give exactly what the XML scanner gives — on our own workbooks, on ones
 * LibreOffice re-saved, and on parts mutated with everything the fast readers do not know
 * (they must then hand over to the scanner).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { XxgkError, compileSheetPlan, sampleReport, type Report } from '../../src/core';
import { readXlsx, writeXlsx } from '../../src/xlsx';
import { parseSheet } from '../../src/xlsx/read';
import { arbConsistentReport } from '../support/reports';

const STRINGS = Array.from({ length: 2000 }, (_, i) => `文字${i}`);

/** The sheet read one way, as plain data (or the error it raised). */
function read(xml: string, fast: boolean) {
  try {
    const s = parseSheet(xml, 'S', STRINGS, { cells: 0 }, { fast });
    return { cells: [...s.cells], formulas: [...s.formulas], merges: s.merges, maxRow: s.maxRow, maxCol: s.maxCol, readBy: s.readBy };
  } catch (e) {
    if (e instanceof XxgkError) return { error: [e.code, e.params.kind ?? null] };
    throw e;
  }
}

function expectSameBothWays(xml: string): 'fast' | 'scanner' | 'error' {
  const fast = read(xml, true);
  const scanned = read(xml, false);
  const withoutWay = (r: ReturnType<typeof read>) => ('error' in r ? r : { ...r, readBy: null });
  expect(withoutWay(fast)).toEqual(withoutWay(scanned));
  return 'error' in fast ? 'error' : fast.readBy;
}

const sheetsOf = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes))
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .map(([, data]) => strFromU8(data));

/** The whole workbook read both ways: the same report and issues, or the same error. */
function expectSameWorkbook(bytes: Uint8Array) {
  const both = [true, false].map((fastReaders) => {
    try {
      const { report, issues, source } = readXlsx(bytes, { fastReaders });
      return { report, issues, source };
    } catch (e) {
      if (e instanceof XxgkError) return { error: [e.code, e.params.kind ?? null, e.params.detail ?? null] };
      throw e;
    }
  });
  expect(both[0]).toEqual(both[1]);
}

const withText = (r: Report): Report => ({ ...r, text: { overview: '本年度共收到申请 3 件。\n其中自然人 2 件。', problems: '无' } });

describe('reading sheetData fast', () => {
  it('takes the fast path on every sheet we write, with the same cells as the scanner', () => {
    for (const formatId of ['2021', '2019'] as const) {
      const reports = fc.sample(arbConsistentReport(formatId), { numRuns: 15, seed: formatId === '2021' ? 31 : 32 });
      for (const report of reports) {
        const raw: Report = { ...report, agency: '某某区<人民政府>&"办公室"', cells: { ...report.cells, [Object.keys(report.cells)[0]]: null } };
        const bytes = writeXlsx(compileSheetPlan(formatId, { report: withText(raw) }));
        for (const xml of sheetsOf(bytes)) expect(expectSameBothWays(xml)).toBe('fast');
        expectSameWorkbook(bytes);
      }
    }
  });

  it('agrees with the scanner on sheets LibreOffice re-saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-fast-lo-'));
    const report = sampleReport();
    writeFileSync(join(dir, 'in.xlsx'), writeXlsx(compileSheetPlan(report.format, { report: withText(report) })));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { encoding: 'utf8', timeout: 170000 });
    expect(r.status).toBe(0);
    const resaved = readFileSync(join(dir, 'out', 'in.xlsx'));
    expectSameWorkbook(resaved);
    const sheets = sheetsOf(resaved);
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    const ways = sheets.map(expectSameBothWays);
    expect(ways).toContain('fast');
  });

  it('hands over to the scanner whenever sheetData holds something else, with the same result', () => {
    const report = sampleReport();
    const base = sheetsOf(writeXlsx(compileSheetPlan(report.format, { report })));
    const t3 = base.find((x) => x.includes('<mergeCell'))!;
    const open = t3.indexOf('<sheetData>') + '<sheetData>'.length;
    const close = t3.indexOf('</sheetData>');
    const pieces = [
      ' ', '\n  ', '<is><t>x</t></is>', '<!-- note -->', 'x:', '&amp;', '&bogus;', '<v>5</v>', ' t="str"', ' t="inlineStr"', ' r="B2"',
      '<c r="Z9"><v>7</v></c>', '<c><v>1</v></c>', '<c r="a1"><v>2</v></c>', '<row r="3">', '</row>', '<![CDATA[1]]>', '<v/>',
      '<c r="C3" t="s"><v>12</v></c>', '<f>SUM(A1:A2)</f>', '<c r="F6"><f>SUM(A1:A2)</f></c>', '<c r="G7" t="str"><f t="shared" si="0"/><v>x</v></c>', '<c r="D4" t="e"><v>#REF!</v></c>', '<c r="E5" t="b"><v>1</v></c>', '<', '>', '"',
    ];
    let fallbacks = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: open, max: close }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }), (edits) => {
        let xml = t3;
        for (const [at, piece] of [...edits].sort((a, b) => b[0] - a[0])) xml = xml.slice(0, at) + piece + xml.slice(at);
        if (expectSameBothWays(xml) !== 'fast') fallbacks++;
      }),
      { numRuns: 3000, seed: 33 },
    );
    expect(fallbacks).toBeGreaterThan(1000);
  });

  it('reads defined names and shared strings the same both ways, whatever is inserted among them', () => {
    const report = sampleReport();
    const files = unzipSync(writeXlsx(compileSheetPlan(report.format, { report: withText(report) })));
    const pieces = [
      ' ', '\n', '<!-- x -->', '&amp;', '&bogus;', 'x:', ' localSheetId="0"', ' name="OTHER"', ' hidden="1"', '<definedName name="A">B!$A$1</definedName>',
      '<si><t>新</t></si>', '<si><r><t>a</t></r><r><t>b</t></r></si>', '<rPh><t>ふ</t></rPh>', '<t/>', '<', '>', '"', '<![CDATA[z]]>',
    ];
    for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml']) {
      const xml = strFromU8(files[part]);
      const from = part.endsWith('workbook.xml') ? xml.indexOf('<definedNames>') : xml.indexOf('<si>');
      const to = part.endsWith('workbook.xml') ? xml.indexOf('</definedNames>') + 15 : xml.lastIndexOf('</si>') + 5;
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.integer({ min: from, max: to }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 3 }), (edits) => {
          let edited = xml;
          for (const [at, piece] of [...edits].sort((a, b) => b[0] - a[0])) edited = edited.slice(0, at) + piece + edited.slice(at);
          expectSameWorkbook(zipSync({ ...(files as Zippable), [part]: strToU8(edited) }));
        }),
        { numRuns: 400, seed: part.length },
      );
    }
  });
});
