/**
 * The .xlsx reader: our workbooks by name (also after edits a host might make), other
 * workbooks through the importer, and hostile files refused with a clear error in bounded
 * time and memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { XxgkError, compileSheetPlan, sampleReport, type Report } from '../../src/core';
import { READ_LIMITS, readXlsx, readXlsxFile, writeXlsx } from '../../src/xlsx';
import { nodeInflateRaw } from '../../src/node/zlib';
import { FIXTURES } from '../support/paths';

const built = (report: Report = sampleReport()) => writeXlsx(compileSheetPlan(report.format, { report }));

/** Rewrites parts of a zip. */
function edit(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files as Zippable);
}

const replaceIn = (files: Record<string, Uint8Array>, name: string, from: RegExp | string, to: string) => {
  files[name] = strToU8(strFromU8(files[name]).replace(from, to));
};

function errorOf(fn: () => unknown): XxgkError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XxgkError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** A minimal workbook of our own making with the given rows as inline strings and numbers. */
function foreignWorkbook(sheets: { name: string; rows: (string | number | null)[][] }[]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    const rows = s.rows
      .map((r, ri) => `<row r="${ri + 1}">${r
        .map((v, ci) => (v === null ? '' : typeof v === 'number' ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`))
        .join('')}</row>`)
      .join('');
    files[`xl/worksheets/s${i + 1}.xml`] = strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  });
  return zipSync(files);
}

describe('our own workbooks', () => {
  it('reads data, year, agency and narrative text by name', () => {
    const report = sampleReport();
    report.cells['t3.handledTotal.natural'] = 0; // the sheet computes it
    report.text = { overview: '第一段\n\n第三段', other: '收费：无' };
    delete report.raw;
    const back = readXlsx(built(report));
    expect(back).toEqual({ report, issues: [], source: 'xxgk' });
  });

  it('reads by defined names, not coordinates: a moved block is still found', () => {
    const bytes = edit(built(), (files) => {
      // Move 表三·一、本年新收·自然人 from D6 to Z99 and point its name there.
      replaceIn(files, 'xl/worksheets/sheet2.xml', /<c r="D6" s="(\d+)"><v>0<\/v><\/c>/, '<c r="D6" s="$1"/>');
      replaceIn(files, 'xl/worksheets/sheet2.xml', '</sheetData>', '<row r="99"><c r="Z99"><v>42</v></c></row></sheetData>');
      replaceIn(files, 'xl/workbook.xml', /(<definedName name="XXGK_T3_RECEIVED_NATURAL">)[^<]*/, "$1'表三 依申请公开'!$Z$99");
    });
    const back = readXlsx(bytes);
    expect(back.report.cells['t3.received.natural']).toBe(42);
    expect(back.report.cells['t3.received.total']).toBe(42);
  });

  it('reports text typed into an input cell by a host without validation', () => {
    const bytes = edit(built(), (files) => {
      replaceIn(files, 'xl/worksheets/sheet2.xml', /<c r="E6" s="(\d+)"><v>0<\/v><\/c>/, '<c r="E6" s="$1" t="inlineStr"><is><t>约十件</t></is></c>');
      replaceIn(files, 'xl/worksheets/sheet2.xml', /<c r="F6" s="(\d+)"><v>0<\/v><\/c>/, '<c r="F6" s="$1" t="inlineStr"><is><t> 12 </t></is></c>');
    });
    const back = readXlsx(bytes);
    expect(back.report.cells['t3.received.business']).toBeNull();
    expect(back.report.cells['t3.received.research']).toBe(12);
    expect(back.report.raw).toEqual({ 't3.received.business': '约十件', 't3.received.research': ' 12 ' });
    expect(back.issues.map((i) => [i.code, i.cells[0]])).toEqual([
      ['TEXT-IN-NUMBER', 't3.received.business'],
      ['TEXT-IN-CELL', 't3.received.research'],
    ]);
    const file = readXlsxFile('a.xlsx', bytes);
    expect((file.issues[0] as { message: string }).message).toContain('约十件');
  });

  it('falls back to the custom properties when the hidden metadata sheet is gone', () => {
    const bytes = edit(built(), (files) => {
      replaceIn(files, 'xl/workbook.xml', /<sheet name="_xxgk"[^>]*\/>/, '');
    });
    expect(readXlsx(bytes).report).toMatchObject({ format: '2021', year: 2022, agency: '偃师区缙氏镇人民政府' });
  });

  it('names what is missing when a report sheet was deleted', () => {
    const bytes = edit(built(), (files) => {
      replaceIn(files, 'xl/workbook.xml', /<sheet name="表三 依申请公开"[^>]*\/>/, '');
    });
    const e = errorOf(() => readXlsxFile('报表.xlsx', bytes));
    expect(e.code).toBe('XLSX-DAMAGED');
    expect(e.message).toContain('报表.xlsx');
    expect(e.message).toContain('工作表「表三 依申请公开」');
  });
});

describe('other workbooks go through the importer', () => {
  it('reads the seed laid out as a plain spreadsheet', () => {
    const text = readFileSync(join(FIXTURES, 'seed-2022', 'report.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed-2022', 'expected.json'), 'utf8')) as { cells: Report['cells'] };
    const rows = text.split(/\r?\n/).map((line) => line.split('\t').map((c) => (/^\d+(\.\d+)?$/.test(c.trim()) ? Number(c) : c === '' ? null : c)));
    const bytes = foreignWorkbook([{ name: 'Sheet1', rows }]);
    const back = readXlsx(bytes);
    expect(back.source).toBe('import');
    expect(back.report.cells).toEqual(expected.cells);
    expect(back.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['BLANK', 'OLD-LABEL']));
  });
});

// Both DEFLATE decoders: fflate's (the task pane) and zlib's (the CLI).
describe.each([
  ['fflate', undefined],
  ['node:zlib', nodeInflateRaw],
])('hostile and broken files (%s)', (_decoder, inflateRaw) => {
  const code = (bytes: Uint8Array) => {
    const e = errorOf(() => readXlsxFile('x.xlsx', bytes, { inflateRaw }));
    expect(e.message).toMatch(/^x\.xlsx：/);
    return [e.code, e.params.kind ?? null];
  };

  it('refuses what is not a zip', () => {
    expect(code(strToU8('政府信息公开 plain text, not a workbook'))).toEqual(['XLSX-UNREADABLE', 'not-zip']);
    expect(code(new Uint8Array(0))).toEqual(['XLSX-UNREADABLE', 'not-zip']);
  });

  it('recognises an encrypted workbook or an old .xls (an OLE container)', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = errorOf(() => readXlsx(ole));
    expect([e.code, e.params.kind]).toEqual(['XLSX-UNREADABLE', 'encrypted']);
    expect(e.message).toContain('另存为 .xlsx');
  });

  it('refuses a truncated file and a zip without a workbook', () => {
    const bytes = built();
    expect(code(bytes.subarray(0, bytes.length - 100))).toEqual(['XLSX-UNREADABLE', 'corrupt']);
    expect(code(zipSync({ 'a.txt': strToU8('hello') }))).toEqual(['XLSX-UNREADABLE', 'no-workbook']);
    expect(code(edit(bytes, (f) => delete f['xl/worksheets/sheet2.xml']))).toEqual(['XLSX-UNREADABLE', 'corrupt']);
  });

  it('refuses a zip bomb before inflating it', () => {
    const bomb = edit(built(), (files) => {
      files['xl/sharedStrings.xml'] = new Uint8Array(40 * 1024 * 1024); // 40 MB of zeros, ~40 KB compressed
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(code(bomb)[0]).toBe('XLSX-TOO-LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('does not trust sizes the zip directory lies about', () => {
    const bytes = edit(built(), (files) => {
      files['xl/sharedStrings.xml'] = strToU8(`${strFromU8(files['xl/sharedStrings.xml'])}${' '.repeat(3 * 1024 * 1024)}`);
    });
    // Shrink the declared size of sharedStrings.xml in the central directory to 1000 bytes.
    const name = strToU8('xl/sharedStrings.xml');
    const patched = bytes.slice();
    for (let i = 0; i < patched.length - 46; i++) {
      if (patched[i] !== 0x50 || patched[i + 1] !== 0x4b || patched[i + 2] !== 1 || patched[i + 3] !== 2) continue;
      const len = patched[i + 28] | (patched[i + 29] << 8);
      if (len === name.length && name.every((b, j) => patched[i + 46 + j] === b)) new DataView(patched.buffer).setUint32(i + 24, 1000, true);
    }
    expect(code(patched)).toEqual(['XLSX-UNREADABLE', 'corrupt']);
  });

  it('stops at a cap on the number of cells', () => {
    const cells = '<c><v>1</v></c>'.repeat(READ_LIMITS.maxCells + 1);
    const bytes = foreignWorkbook([{ name: 'big', rows: [] }]);
    const bigger = edit(bytes, (f) => replaceIn(f, 'xl/worksheets/s1.xml', '<sheetData>', `<sheetData><row r="1">${cells}</row>`));
    const t0 = Date.now();
    expect(code(bigger)[0]).toBe('XLSX-TOO-LARGE');
    expect(Date.now() - t0).toBeLessThan(30000);
  });

  it('refuses a row with more columns than any spreadsheet has (cells without addresses)', () => {
    const bytes = edit(foreignWorkbook([{ name: 'S', rows: [['表三']] }]), (f) =>
      replaceIn(f, 'xl/worksheets/s1.xml', '</sheetData>', `<row r="2">${'<c><v>1</v></c>'.repeat(26 + 26 ** 2 + 26 ** 3 + 1)}</row></sheetData>`),
    );
    expect(code(bytes)).toEqual(['XLSX-UNREADABLE', 'corrupt']);
  });

  it('refuses a sheet whose grid would be huge (a stray cell far away)', () => {
    const bytes = edit(foreignWorkbook([{ name: 'S', rows: [['表三']] }]), (f) =>
      replaceIn(f, 'xl/worksheets/s1.xml', '</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    expect(code(bytes)[0]).toBe('XLSX-TOO-LARGE');
  });

  it('refuses a DOCTYPE (no entity expansion) and malformed XML', () => {
    const bytes = edit(built(), (f) => {
      f['xl/workbook.xml'] = strToU8(`<!DOCTYPE x [<!ENTITY a "aaaa">]>${strFromU8(f['xl/workbook.xml']).replace(/^<\?xml[^>]*>\s*/, '')}`);
    });
    expect(code(bytes)).toEqual(['XLSX-UNREADABLE', 'xml']);
    expect(code(edit(built(), (f) => replaceIn(f, 'xl/worksheets/sheet2.xml', '<sheetData>', '<sheetData><row r="1"><c r="A1"')))).toEqual(['XLSX-UNREADABLE', 'xml']);
  });
});
